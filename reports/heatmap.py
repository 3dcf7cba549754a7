"""The region at a glance: the 23 objectives against the countries that submitted.

Rendered on the server, so the same picture shows in the page and in the printed report. The
colours are SVG (a strip of cells per country, with presentation attributes: the page's Content
Security Policy allows no inline style); the words are HTML, in a table around the strips and a
legend beneath. WeasyPrint draws SVG text letter by letter, without shaping or bidi, so an Arabic
country name or status drawn inside the SVG would print as isolated letters in reverse order;
as HTML it is shaped and laid out like the rest of the page. Every label is escaped. Each cell
carries its own title (shown on hover) and each strip a summary read by screen readers; the
legend gives each colour its words, so colour is never the only carrier.
"""

from collections import Counter
from collections.abc import Mapping, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.listing import labels as status_labels
from submissions.enums import ImplementationStatus

# From nothing to advanced, light to dark (a single-hue scale that survives printing in grey).
COLOURS = {
    ImplementationStatus.NOT_STARTED: "#eff3ff",
    ImplementationStatus.PLANNED: "#bdd7e7",
    ImplementationStatus.IN_PROGRESS: "#6baed6",
    ImplementationStatus.ADVANCED: "#2171b5",
    ImplementationStatus.NOT_APPLICABLE: "#bdbdbd",
}
NOT_REPORTED = "#ffffff"

CELL_WIDTH, CELL_HEIGHT = 22, 18
FONT_SIZE = 10


def _strip(cells, *, label: str) -> SafeString:
    """One row of cells as SVG: `cells` are (fill, title, text) in objective order."""
    width = CELL_WIDTH * len(cells)
    # The outline is given once for the strip (inherited by its cells): a region of fifty
    # countries draws over a thousand cells, and the page carries every attribute of each.
    shapes = format_html_join(
        "",
        '<rect x="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
        (
            (CELL_WIDTH * i, CELL_WIDTH, CELL_HEIGHT, fill, title)
            for i, (fill, title, _t) in enumerate(cells)
        ),
    )
    digits = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="{}">{}</text>',
        (
            (CELL_WIDTH * i + CELL_WIDTH // 2, CELL_HEIGHT - 5, FONT_SIZE, text)
            for i, (_f, _title, text) in enumerate(cells)
            if text
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" width="{}" '
        'height="{}" viewBox="0 0 {} {}"><g stroke="#737373" stroke-width="0.5">{}</g>{}</svg>',
        label,
        width,
        CELL_HEIGHT,
        width,
        CELL_HEIGHT,
        shapes,
        digits,
    )


def heat_map(
    *,
    title: str,
    countries: Sequence[str],
    objective_numbers: Sequence[int],
    statuses: Mapping[str, Mapping[int, str]],
) -> SafeString:
    """One row per country, one column per objective, coloured by the status it reported."""
    # Translated once: a region of fifty countries has over a thousand cells.
    labels = {
        **status_labels(ImplementationStatus.choices),
        "": pgettext("implementation", "not reported"),
    }
    cell_words = _("%(country)s, objective %(number)s: %(status)s")
    header = _strip(
        [(NOT_REPORTED, _("Objective %(number)s") % {"number": n}, n) for n in objective_numbers],
        label=_("Objectives %(first)s to %(last)s")
        % {"first": objective_numbers[0], "last": objective_numbers[-1]}
        if objective_numbers
        else "",
    )
    rows = []
    for country in countries:
        reported = statuses.get(country, {})
        cells, counts = [], Counter()
        for number in objective_numbers:
            status = reported.get(number, "")
            counts[status] += 1
            words = cell_words % {
                "country": country,
                "number": number,
                "status": labels.get(status, labels[""]),
            }
            cells.append((COLOURS.get(status, NOT_REPORTED), words, ""))
        summary = "; ".join(
            f"{labels.get(status, labels[''])}: {counts[status]}"
            for status in [*COLOURS, ""]
            if counts[status]
        )
        rows.append((country, _strip(cells, label=f"{country}: {summary}")))
    legend = format_html_join(
        "",
        '<li><svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="14" height="14" '
        'viewBox="0 0 14 14"><rect width="14" height="14" fill="{}" stroke="#737373" '
        'stroke-width="0.5"></rect></svg> {}</li>',
        ((colour, labels[status]) for status, colour in [*COLOURS.items(), ("", NOT_REPORTED)]),
    )
    body = format_html_join(
        "", '<tr><th scope="row" dir="auto">{}</th><td>{}</td></tr>', rows
    ) or format_html(
        '<tr><td colspan="2" class="note">{}</td></tr>',
        _("No voluntary review of the region has been accepted yet."),
    )
    return format_html(
        '<div class="heat-map"><table><caption>{}</caption>'
        '<thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
        "<tbody>{}</tbody></table>"
        '<ul class="heat-map-legend" aria-label="{}">{}</ul></div>',
        title,
        _("Country"),
        header,
        body,
        _("Legend"),
        legend,
    )
