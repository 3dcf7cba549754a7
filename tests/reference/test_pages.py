import pytest
from django.urls import reverse

from tests.factories import CommissionFactory, CountryFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_objectives_page_groups_the_objectives_by_round_table(client, reference_data):
    html = client.get(reverse("reference:objectives")).content.decode()
    assert html.count('<h2 id="roundtable-') == 4
    first_group = html.split('id="roundtable-1"')[1].split('id="roundtable-2"')[0]
    assert [n for n in (2, 5, 6, 12, 18) if f'value="{n}"' in first_group] == [2, 5, 6, 12, 18]
    assert 'value="1"' not in first_group


def test_commission_page_lists_members_and_associates(client, reference_data):
    html = client.get(reverse("reference:commission", args=["ECLAC"])).content.decode()
    assert "46 member States" in html
    assert "14 associate members" in html
    assert "Mexico" in html and "Aruba" in html


def test_unknown_commission_is_not_found(client, reference_data):
    assert client.get(reverse("reference:commission", args=["XYZ"])).status_code == 404


def test_commission_page_in_arabic_shows_arabic_names(client, reference_data):
    html = client.get("/ar/commissions/ESCWA/").content.decode()
    assert 'dir="rtl"' in html
    assert "لبنان" in html  # Lebanon


def make_commissions(count):
    for index in range(count):
        commission = CommissionFactory(code=f"K{index}")
        for _ in range(count):
            MembershipFactory(commission=commission, country=CountryFactory())


@pytest.mark.parametrize(
    ("url", "args"),
    [
        ("home", []),
        ("reference:commissions", []),
        ("reference:objectives", []),
        ("reference:commission", ["K0"]),
    ],
)
def test_public_pages_keep_a_constant_number_of_queries(
    client, django_assert_max_num_queries, url, args
):
    def queries_for(size):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        make_commissions(size)
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse(url, args=args)).status_code == 200
        return len(context)

    small = queries_for(1)
    large = queries_for(3)
    assert small == large
