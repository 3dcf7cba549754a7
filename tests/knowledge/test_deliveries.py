"""The Deliveries page, as the people around two reviews (ECLAC's and ESCAP's) find it."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from knowledge.push import services
from knowledge.push.models import Delivery
from tests.factories import UserFactory, network_secretariat
from tests.knowledge.builders import publish_input

pytestmark = pytest.mark.django_db

DELIVERIES = reverse("knowledge:deliveries")
# The user with their scopes, the count of rows, one page of rows, the cycles of the filter.
QUERIES = 4


@pytest.fixture
def two_reviews(reference_data, push_on, django_capture_on_commit_callbacks):
    """ECLAC's input failed to reach the platform; ESCAP's, published after it, was delivered."""
    push_on.answer(500, 500, 500)
    eclac, eclac_secretariat = publish_input(django_capture_on_commit_callbacks)
    escap, escap_secretariat = publish_input(
        django_capture_on_commit_callbacks, commission="ESCAP", country="PHL"
    )
    return {
        "eclac": Delivery.objects.get(publication=eclac),
        "escap": Delivery.objects.get(publication=escap),
        "eclac_secretariat": eclac_secretariat,
        "escap_secretariat": escap_secretariat,
    }


def listed(client, user, query=""):
    client.force_login(user)
    response = client.get(DELIVERIES + query)
    assert response.status_code == 200
    return [row.pk for row in response.context["rows"]]


def test_network_secretariat_sees_every_delivery_newest_first(client, two_reviews):
    assert listed(client, network_secretariat()) == [
        two_reviews["escap"].pk,
        two_reviews["eclac"].pk,
    ]


def test_commission_secretariat_sees_its_own_commission_deliveries_only(client, two_reviews):
    assert listed(client, two_reviews["eclac_secretariat"]) == [two_reviews["eclac"].pk]
    assert listed(client, two_reviews["escap_secretariat"]) == [two_reviews["escap"].pk]


def test_deliveries_filtered_by_status_and_cycle(client, two_reviews):
    network = network_secretariat()
    assert listed(client, network, "?status=failed") == [two_reviews["eclac"].pk]
    assert listed(client, network, "?status=delivered&cycle=2020-2021") == [two_reviews["escap"].pk]


def test_failed_delivery_shows_its_last_error_and_a_send_again_button(client, two_reviews):
    client.force_login(two_reviews["eclac_secretariat"])
    page = client.get(DELIVERIES).content.decode()
    send = reverse("knowledge:delivery_send", kwargs={"pk": two_reviews["eclac"].pk})
    assert "HTTP 500 Internal Server Error" in page
    assert f'action="{send}"' in page


def test_page_kept_between_visits_shows_what_the_worker_did_since(
    client, two_reviews, django_capture_on_commit_callbacks
):
    """The page is kept until a delivery changes, and the worker's attempts change them outside
    any request: the next visit shows the answer the worker recorded."""
    failed = two_reviews["eclac"]
    client.force_login(two_reviews["eclac_secretariat"])
    assert "badge-failed" in client.get(DELIVERIES).content.decode()
    with django_capture_on_commit_callbacks() as worker:
        services.send_again(delivery=failed, actor=two_reviews["eclac_secretariat"])
    assert "badge-pending" in client.get(DELIVERIES).content.decode()
    assert "badge-pending" in client.get(DELIVERIES).content.decode()

    for task in worker:  # the worker sends it: the platform answers 200 now
        task()

    page = client.get(DELIVERIES).content.decode()
    assert "badge-delivered" in page
    assert "badge-pending" not in page


def test_stakeholder_does_not_find_the_page(client, two_reviews):
    client.force_login(UserFactory())
    assert client.get(DELIVERIES).status_code == 404


def test_send_again_by_another_commission_secretariat_is_404_and_changes_nothing(
    client, two_reviews, push_on, django_capture_on_commit_callbacks
):
    failed = two_reviews["eclac"]
    before = model_to_dict(Delivery.objects.get(pk=failed.pk))
    sent = len(push_on.received)
    client.force_login(two_reviews["escap_secretariat"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("knowledge:delivery_send", kwargs={"pk": failed.pk}))

    assert response.status_code == 404
    assert model_to_dict(Delivery.objects.get(pk=failed.pk)) == before
    assert len(push_on.received) == sent


def test_cycle_dashboard_links_to_its_deliveries(client, two_reviews):
    client.force_login(two_reviews["eclac_secretariat"])
    page = client.get(reverse("reviews:cycle", kwargs={"slug": "2020-2021"})).content.decode()
    assert f'href="{DELIVERIES}?cycle=2020-2021"' in page


@pytest.mark.parametrize("count", [1, 3])
def test_deliveries_page_reads_a_fixed_number_of_queries(
    client,
    reference_data,
    push_on,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
    count,
):
    for number in range(count):
        publish_input(django_capture_on_commit_callbacks, country="MEX", slug=f"cycle-{number}")
    client.force_login(network_secretariat())
    with django_assert_num_queries(QUERIES):
        response = client.get(DELIVERIES)
    assert len(response.context["rows"]) == count
