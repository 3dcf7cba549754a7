"""Charts of a budget version, budgeted against committed, per commission and per category.

Rendered on the server as SVG by matplotlib (the same SVG string can go into a PDF), with the
text left as text so that browsers and WeasyPrint shape Arabic and Chinese with the Noto fonts.
Nothing in the SVG points outside it. A chart is cached under a digest of everything it shows
(language, labels, figures), so a new version or a new commitment draws a new one.
"""

import hashlib
import io
import textwrap
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from budgets import formatting
from budgets.annex4 import categories_as_rows, commissions_as_columns, lines_by_version
from budgets.committed import CommittedTotals, committed_totals
from budgets.models import BudgetCategory, BudgetVersion
from budgets.totals import ZERO, BudgetTotals
from reference.models import Commission

BY_COMMISSION, BY_CATEGORY = "commissions", "categories"
KINDS = (BY_COMMISSION, BY_CATEGORY)
BUDGETED_COLOUR, COMMITTED_COLOUR = "#1b4f8c", "#c4621a"
FONTS = ["Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", "DejaVu Sans"]
CACHE_SECONDS = 7 * 24 * 3600
_RENDERING = "2"  # part of the cache key: change it when the drawing changes


@dataclass(frozen=True)
class Bar:
    label: str
    budgeted: Decimal
    committed: Decimal


@dataclass(frozen=True)
class Chart:
    kind: str
    title: str
    currency: str
    bars: list[Bar]
    url: str


def chart_title(kind: str, currency: str) -> str:
    if kind == BY_COMMISSION:
        return _("Budgeted and committed per commission (%(currency)s)") % {"currency": currency}
    return _("Budgeted and committed per category (%(currency)s)") % {"currency": currency}


def _bars(items, budgeted: dict, committed: dict) -> list[Bar]:
    """One bar pair per commission or category, by name, from totals keyed by primary key."""
    return [
        Bar(item.name, budgeted.get(item.pk, ZERO), committed.get(item.pk, ZERO)) for item in items
    ]


def budget_charts(
    version: BudgetVersion,
    *,
    totals: BudgetTotals,
    committed: CommittedTotals,
    commissions: list[Commission],
    categories: list[BudgetCategory],
) -> list[Chart]:
    """The charts of a version, from figures the caller has already loaded (no query)."""
    budget = version.budget
    bars = {
        BY_COMMISSION: _bars(commissions, totals.by_commission, committed.by_commission),
        BY_CATEGORY: _bars(categories, totals.by_category, committed.by_category),
    }
    return [
        Chart(
            kind=kind,
            title=chart_title(kind, budget.currency),
            currency=budget.currency,
            bars=bars[kind],
            url=reverse(
                "budgets:chart", kwargs={"pk": budget.pk, "number": version.number, "kind": kind}
            ),
        )
        for kind in KINDS
    ]


def charts_for(version: BudgetVersion) -> list[Chart]:
    """The charts of a version, loading what they show: its lines and the active commitments."""
    lines = lines_by_version([version])[version.pk]
    return budget_charts(
        version,
        totals=BudgetTotals.of(lines),
        committed=committed_totals(version.budget),
        commissions=commissions_as_columns(),
        categories=categories_as_rows([version]),
    )


def chart_svg(chart: Chart) -> str:
    """The chart as an SVG document, in the active language, from the cache when drawn before."""
    language = translation.get_language()
    shown = (
        _RENDERING,
        language,
        chart.title,
        [(bar.label, str(bar.budgeted), str(bar.committed)) for bar in chart.bars],
    )
    key = "budgets:chart:" + hashlib.sha256(repr(shown).encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = draw(chart, right_to_left=translation.get_language_bidi())
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def draw(chart: Chart, *, right_to_left: bool = False) -> str:
    """Grouped horizontal bars, each with its figure written at its end."""
    # Slow to import: only where a chart is drawn.
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    count = max(len(chart.bars), 1)
    style = {"svg.fonttype": "none", "svg.hashsalt": chart.kind, "font.family": FONTS}
    with matplotlib.rc_context(style):
        figure = Figure(figsize=(8, 1.4 + 0.62 * count), layout="constrained")
        axes = figure.add_subplot()
        positions = range(len(chart.bars))
        series = [
            (_("Budgeted"), BUDGETED_COLOUR, -0.2, [bar.budgeted for bar in chart.bars]),
            (_("Committed"), COMMITTED_COLOUR, 0.2, [bar.committed for bar in chart.bars]),
        ]
        # Figures are written past the end of each bar, which is to its left in right-to-left.
        direction, anchor = (-1, "right") if right_to_left else (1, "left")
        for label, colour, offset, amounts in series:
            ys = [p + offset for p in positions]
            axes.barh(ys, [float(a) for a in amounts], height=0.38, color=colour, label=label)
            for y, amount in zip(ys, amounts, strict=True):
                axes.annotate(
                    formatting.total(amount),
                    (float(amount), y),
                    xytext=(3 * direction, 0),
                    textcoords="offset points",
                    ha=anchor,
                    va="center",
                    fontsize=8,
                )
        axes.set_yticks(
            list(positions), [textwrap.fill(bar.label, 34) for bar in chart.bars], fontsize=9
        )
        axes.invert_yaxis()
        largest = max(
            (float(amount) for bar in chart.bars for amount in (bar.budgeted, bar.committed)),
            default=0.0,
        )
        axes.set_xlim(0, largest * 1.18 or 1)
        axes.xaxis.set_major_formatter(
            FuncFormatter(lambda x, _position: formatting.total(Decimal(str(float(x)))))
        )
        axes.tick_params(axis="x", labelsize=8)
        axes.spines[["top", "right"]].set_visible(False)
        if right_to_left:
            axes.invert_xaxis()
            axes.yaxis.tick_right()
            for tick_label in axes.get_yticklabels():
                tick_label.set_multialignment("right")
            axes.spines[["left"]].set_visible(False)
            axes.spines[["right"]].set_visible(True)
        axes.set_title(chart.title, fontsize=11)
        figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
        buffer = io.StringIO()
        figure.savefig(
            buffer,
            format="svg",
            metadata={"Creator": None, "Date": None, "Format": None, "Type": None},
        )
    svg = buffer.getvalue()
    # The XML prolog and DOCTYPE name a remote DTD: the document starts at its <svg> element.
    return svg[svg.index("<svg") :]
