"""The heat map: one row per submitting country, one column per objective, labels escaped."""

import re

from reports.heatmap import COLOURS, NOT_REPORTED, heat_map
from submissions.enums import ImplementationStatus


def rows(html):
    return re.findall(r'<tr><th scope="row" dir="auto">(.*?)</th><td>(.*?)</td></tr>', html)


def test_each_cell_is_coloured_by_the_reported_status():
    html = heat_map(
        title="Region",
        countries=["Chile", "Mexico"],
        objective_numbers=[1, 2],
        statuses={"Chile": {1: ImplementationStatus.ADVANCED}, "Mexico": {2: "planned"}},
    )
    (chile, chile_strip), (mexico, mexico_strip) = rows(html)
    fills = re.compile(r'<rect x="\d+" width="22" height="18" fill="([^"]+)"')
    assert (chile, fills.findall(chile_strip)) == (
        "Chile",
        [COLOURS[ImplementationStatus.ADVANCED], NOT_REPORTED],
    )
    assert (mexico, fills.findall(mexico_strip)) == (
        "Mexico",
        [NOT_REPORTED, COLOURS[ImplementationStatus.PLANNED]],
    )
    assert "<title>Chile, objective 1: advanced</title>" in chile_strip
    assert "<title>Mexico, objective 1: not reported</title>" in mexico_strip
    assert 'aria-label="Chile: advanced: 1; not reported: 1"' in chile_strip


def test_the_legend_names_every_colour():
    html = heat_map(title="Region", countries=[], objective_numbers=[1], statuses={})
    legend = html.split('<ul class="heat-map-legend"')[1]
    assert re.findall(r'fill="(#\w+)"', legend) == [*COLOURS.values(), NOT_REPORTED]
    assert re.findall(r"</svg> ([^<]+)</li>", legend) == [
        "not started",
        "planned",
        "under way",
        "advanced",
        "not applicable",
        "not reported",
    ]
    assert "No voluntary review of the region has been accepted yet." in html


def test_labels_are_escaped_and_outside_the_pictures():
    html = heat_map(
        title='<script>alert("t")</script>',
        countries=['Côte <b>"Ivoire"</b> & co'],
        objective_numbers=[1],
        statuses={},
    )
    assert "<script>" not in html and "<b>" not in html
    ((name, strip),) = rows(html)
    assert name == "Côte &lt;b&gt;&quot;Ivoire&quot;&lt;/b&gt; &amp; co"
    # Names are HTML, shaped by the page; inside the SVG only the objective numbers are text.
    assert "<text" not in strip


def test_one_strip_per_country_and_the_numbered_header():
    html = heat_map(
        title="R", countries=["A", "B", "C"], objective_numbers=range(1, 24), statuses={}
    )
    assert len(rows(html)) == 3
    header = html.split("<tbody>")[0]
    assert re.findall(r">(\d+)</text>", header) == [str(n) for n in range(1, 24)]
