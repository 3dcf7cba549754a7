"""The region at a glance: the 23 objectives against the countries that submitted, as SVG.

Rendered on the server, so the same picture shows in the page and in the printed report; every
label is escaped, and colours are presentation attributes (the page's Content Security Policy
allows no inline style). Each cell carries its own title, read by screen readers and shown on
hover; the legend gives each colour its words, so colour is never the only carrier.
"""

from collections.abc import Mapping, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

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
LABEL_WIDTH = 170
HEADER_HEIGHT = 22
LEGEND_ROW = 20
FONT_SIZE = 10


def heat_map_svg(
    *,
    title: str,
    countries: Sequence[str],
    objective_numbers: Sequence[int],
    statuses: Mapping[str, Mapping[int, str]],
    element_id: str = "heat-map",
) -> SafeString:
    """One row per country, one column per objective, coloured by the status it reported."""
    labels = dict(ImplementationStatus.choices)
    not_reported = pgettext("implementation", "not reported")
    grid_height = HEADER_HEIGHT + CELL_HEIGHT * len(countries)
    legend_top = grid_height + 14
    legend = [*COLOURS.items(), ("", NOT_REPORTED)]
    width = LABEL_WIDTH + CELL_WIDTH * len(objective_numbers) + 4
    height = legend_top + LEGEND_ROW * len(legend) + 4

    header = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="{}">{}</text>',
        (
            (LABEL_WIDTH + CELL_WIDTH * column + CELL_WIDTH // 2, HEADER_HEIGHT - 6, FONT_SIZE, n)
            for column, n in enumerate(objective_numbers)
        ),
    )
    rows = []
    for row, country in enumerate(countries):
        y = HEADER_HEIGHT + CELL_HEIGHT * row
        reported = statuses.get(country, {})
        rows.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="{}">{}</text>',
                LABEL_WIDTH - 6,
                y + CELL_HEIGHT - 5,
                FONT_SIZE,
                country,
            )
        )
        for column, number in enumerate(objective_numbers):
            status = reported.get(number, "")
            words = labels.get(status, not_reported)
            rows.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#737373" '
                    'stroke-width="0.5"><title>{}</title></rect>',
                    LABEL_WIDTH + CELL_WIDTH * column,
                    y,
                    CELL_WIDTH,
                    CELL_HEIGHT,
                    COLOURS.get(status, NOT_REPORTED),
                    _("%(country)s, objective %(number)s: %(status)s")
                    % {"country": country, "number": number, "status": words},
                )
            )
    keys = format_html_join(
        "",
        '<rect x="{}" y="{}" width="14" height="14" fill="{}" stroke="#737373" '
        'stroke-width="0.5"></rect><text x="{}" y="{}" font-size="{}">{}</text>',
        (
            (
                LABEL_WIDTH,
                legend_top + LEGEND_ROW * index,
                colour,
                LABEL_WIDTH + 20,
                legend_top + LEGEND_ROW * index + 11,
                FONT_SIZE,
                labels.get(status, not_reported),
            )
            for index, (status, colour) in enumerate(legend)
        ),
    )
    description = _(
        "Rows: the %(countries)s countries whose voluntary review was accepted. Columns: the "
        "objectives of the Global Compact. Each cell is coloured by the status of implementation "
        "the country reported; the legend below the grid names the colours."
    ) % {"countries": len(countries)}
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="heat-map" role="img" width="{}" '
        'height="{}" viewBox="0 0 {} {}" aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<g class="heat-map-header">{}</g><g class="heat-map-grid">{}</g>'
        '<g class="heat-map-legend">{}</g></svg>',
        width,
        height,
        width,
        height,
        element_id,
        element_id,
        element_id,
        title,
        element_id,
        description,
        header,
        format_html_join("", "{}", ((part,) for part in rows)),
        keys,
    )
