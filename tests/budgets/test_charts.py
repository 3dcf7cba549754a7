"""Charts of budgeted against committed, drawn on the server as SVG."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from budgets import charts
from budgets.committed import committed_totals
from reference.models import Commission
from tests.budgets.builders import (
    LDC,
    STAKEHOLDERS,
    add_version,
    annex_4_lines,
    commit,
    make_budget,
)
from tests.factories import commission_secretariat

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(network):
    budget = make_budget()
    version = add_version(budget, annex_4_lines())
    commit(budget, "ECA", LDC, "12000", actor=network)
    commit(budget, "ECA", LDC, "2222.70", actor=network)
    commit(budget, "ESCAP", STAKEHOLDERS, "5100.50", actor=network)
    commit(budget, "ESCAP", LDC, "99999", actor=network, reversed_by=network)
    return version


def svg_texts(svg: str) -> list[str]:
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<text[^>]*>([^<]*)<", svg)]


def test_committed_counts_only_commitments_not_reversed(version):
    committed = committed_totals(version.budget)

    eca, escap = (Commission.objects.get(code=code).pk for code in ("ECA", "ESCAP"))
    assert committed.by_commission == {eca: Decimal("14222.70"), escap: Decimal("5100.50")}
    assert committed.grand == Decimal("19323.20")


def test_chart_per_commission_shows_budgeted_and_committed_figures(client, version, network):
    client.force_login(network)
    url = reverse(
        "budgets:chart", kwargs={"pk": version.budget.pk, "number": 1, "kind": "commissions"}
    )

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    texts = svg_texts(svg)
    assert svg.startswith("<svg")
    assert "Budgeted and committed per commission (USD)" in texts
    # ECA: 165,585 budgeted (Annex 4), 14,223 committed; ESCAP: 5,101 committed, not the reversed.
    assert {"165,585", "14,223", "79,300", "5,101", "Budgeted", "Committed"} <= set(texts)
    assert "99,999" not in texts
    assert "Economic Commission for Africa" in texts


def test_chart_per_category_in_arabic_has_arabic_labels(client, version, network):
    client.force_login(network)
    url = reverse(
        "budgets:chart", kwargs={"pk": version.budget.pk, "number": 1, "kind": "categories"}
    )

    response = client.get(url.replace("/en/", "/ar/", 1))

    texts = svg_texts(response.content.decode())
    with translation.override("ar"):
        title = charts.chart_title(charts.BY_CATEGORY, "USD")
    assert title != "Budgeted and committed per category (USD)"
    assert title in texts
    assert "تكاليف المؤتمر" in texts
    assert "150.000" in texts  # the conference costs, grouped as Arabic writes them


def test_chart_points_nowhere_outside_itself_and_runs_nothing(version):
    chart = charts.charts_for(version)[0]

    svg = charts.chart_svg(chart)

    addresses = set(re.findall(r"""(?:href|src)\s*=\s*["']([^"']*)""", svg))
    assert all(address.startswith("#") for address in addresses)
    assert "<script" not in svg
    assert "<!DOCTYPE" not in svg
    assert "url(http" not in svg


def test_chart_svg_has_a_policy_of_its_own(client, version, network):
    client.force_login(network)
    url = reverse(
        "budgets:chart", kwargs={"pk": version.budget.pk, "number": 1, "kind": "categories"}
    )

    policy = client.get(url)["Content-Security-Policy"]

    assert policy == "default-src 'none'; style-src 'unsafe-inline'"


def test_unknown_chart_is_not_found(client, version, network):
    client.force_login(network)
    url = reverse("budgets:chart", kwargs={"pk": version.budget.pk, "number": 1, "kind": "pie"})

    assert client.get(url).status_code == 404


def test_chart_is_drawn_once_and_again_after_a_new_commitment(version, network, monkeypatch):
    drawn = []
    draw = charts.draw
    monkeypatch.setattr(
        charts, "draw", lambda chart, **kw: drawn.append(chart) or draw(chart, **kw)
    )
    first = charts.chart_svg(charts.charts_for(version)[0])

    again = charts.chart_svg(charts.charts_for(version)[0])
    commit(version.budget, "ECE", LDC, "3000", actor=network)
    redrawn = charts.chart_svg(charts.charts_for(version)[0])

    assert again == first
    assert len(drawn) == 2
    assert "3,000" in svg_texts(redrawn)
    assert "3,000" not in svg_texts(first)


def test_history_page_shows_the_charts_of_the_approved_or_latest_version(client, version):
    add_version(version.budget, annex_4_lines())
    client.force_login(commission_secretariat(Commission.objects.get(code="ECE")))

    html = client.get(
        reverse("budgets:versions", kwargs={"pk": version.budget.pk})
    ).content.decode()

    chart_url = reverse(
        "budgets:chart", kwargs={"pk": version.budget.pk, "number": 2, "kind": "categories"}
    )
    assert f'<img src="{chart_url}" alt="Budgeted and committed per category (USD)"' in html
    assert "The charts show version 2." in html
    # The figures are also in a table under each chart, for those who do not see it.
    assert '<td class="number">14,223</td>' in html
