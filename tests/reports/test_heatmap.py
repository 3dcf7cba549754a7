"""The heat map: one row per submitting country, one column per objective, labels escaped."""

import re

from reports.heatmap import COLOURS, NOT_REPORTED, heat_map_svg
from submissions.enums import ImplementationStatus


def test_each_cell_is_coloured_by_the_reported_status():
    svg = heat_map_svg(
        title="Region",
        countries=["Chile", "Mexico"],
        objective_numbers=[1, 2],
        statuses={"Chile": {1: ImplementationStatus.ADVANCED}, "Mexico": {2: "planned"}},
    )
    cells = re.findall(r'<rect x="\d+" y="\d+" width="22" height="18" fill="([^"]+)"', svg)
    assert cells == [
        COLOURS[ImplementationStatus.ADVANCED],
        NOT_REPORTED,
        NOT_REPORTED,
        COLOURS[ImplementationStatus.PLANNED],
    ]
    assert "<title>Chile, objective 1: advanced</title>" in svg
    assert "<title>Mexico, objective 1: not reported</title>" in svg


def test_the_legend_names_every_colour():
    svg = heat_map_svg(title="Region", countries=[], objective_numbers=[1], statuses={})
    legend = svg.split('<g class="heat-map-legend">')[1]
    assert re.findall(r">([^<>]+)</text>", legend) == [
        "not started",
        "planned",
        "under way",
        "advanced",
        "not applicable",
        "not reported",
    ]


def test_labels_are_escaped():
    svg = heat_map_svg(
        title='<script>alert("t")</script>',
        countries=['Côte <b>"Ivoire"</b> & co'],
        objective_numbers=[1],
        statuses={},
    )
    assert "<script>" not in svg and "<b>" not in svg
    assert "Côte &lt;b&gt;&quot;Ivoire&quot;&lt;/b&gt; &amp; co" in svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')


def test_the_picture_grows_with_the_countries():
    one = heat_map_svg(title="R", countries=["A"], objective_numbers=range(1, 24), statuses={})
    two = heat_map_svg(title="R", countries=["A", "B"], objective_numbers=range(1, 24), statuses={})
    height = re.compile(r'height="(\d+)"')
    assert int(height.search(two)[1]) == int(height.search(one)[1]) + 18
    assert one.count("<rect") == 23 + 6  # the cells and the legend's six keys
