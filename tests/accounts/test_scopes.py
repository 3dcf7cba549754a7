"""Each role reaches its own scope and nothing else; what it may not see answers 404."""

import pytest
from django.urls import reverse

from accounts.enums import VerificationState
from tests.factories import (
    PASSWORD,
    CommissionFactory,
    CountryFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    commission_secretariat,
    focal_point,
    network_secretariat,
    representative,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Two commissions, a country in each, an organisation in each country."""
    eclac, ece = CommissionFactory(code="ECLAC"), CommissionFactory(code="ECE")
    mexico, france = CountryFactory(iso3="MEX", iso2="MX"), CountryFactory(iso3="FRA", iso2="FR")
    MembershipFactory(commission=eclac, country=mexico)
    MembershipFactory(commission=ece, country=france)
    return {
        "eclac": eclac,
        "ece": ece,
        "mexico": mexico,
        "france": france,
        "mexican_ngo": OrganisationFactory(country=mexico),
        "french_ngo": OrganisationFactory(country=france),
    }


def get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


def commission_team(world, key):
    return reverse("accounts:commission_team", args=[world[key].code])


def country_team(world, key):
    return reverse("accounts:country_team", args=[world[key].iso3])


def organisation(world, key):
    return reverse("accounts:organisation", args=[world[key].pk])


def test_focal_point_sees_own_country_only(client, world):
    user = focal_point(world["mexico"])
    assert get(client, user, country_team(world, "mexico")).status_code == 200
    assert get(client, user, country_team(world, "france")).status_code == 404
    assert get(client, user, commission_team(world, "eclac")).status_code == 404
    assert get(client, user, organisation(world, "mexican_ngo")).status_code == 404
    assert get(client, user, reverse("accounts:organisations")).status_code == 404


def test_commission_secretariat_sees_its_commission_and_member_countries(client, world):
    user = commission_secretariat(world["eclac"])
    assert get(client, user, commission_team(world, "eclac")).status_code == 200
    assert get(client, user, country_team(world, "mexico")).status_code == 200
    assert get(client, user, commission_team(world, "ece")).status_code == 404
    assert get(client, user, country_team(world, "france")).status_code == 404


def test_network_secretariat_sees_everything(client, world):
    user = network_secretariat()
    for url in [
        commission_team(world, "eclac"),
        commission_team(world, "ece"),
        country_team(world, "mexico"),
        country_team(world, "france"),
        organisation(world, "french_ngo"),
        reverse("accounts:organisations"),
    ]:
        assert get(client, user, url).status_code == 200, url


def test_registered_stakeholder_reaches_no_workspace(client, world):
    user = UserFactory()
    for url in [
        commission_team(world, "eclac"),
        country_team(world, "mexico"),
        organisation(world, "mexican_ngo"),
        reverse("accounts:organisations"),
    ]:
        assert get(client, user, url).status_code == 404, url


def test_anonymous_visitor_is_sent_to_sign_in(client, world):
    response = get(client, None, country_team(world, "mexico"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_representative_edits_own_organisation_only(client, world):
    user = representative(world["mexican_ngo"])
    client.force_login(user)
    own_edit = reverse("accounts:organisation_edit", args=[world["mexican_ngo"].pk])
    other_edit = reverse("accounts:organisation_edit", args=[world["french_ngo"].pk])
    assert client.get(organisation(world, "mexican_ngo")).status_code == 200
    assert client.get(organisation(world, "french_ngo")).status_code == 404
    assert client.get(other_edit).status_code == 404
    response = client.post(
        own_edit,
        {
            "name": "Voces Migrantes",
            "category": world["mexican_ngo"].category_id,
            "country": world["mexico"].pk,
            "website": "",
        },
    )
    assert response.status_code == 302
    world["mexican_ngo"].refresh_from_db()
    assert world["mexican_ngo"].name == "Voces Migrantes"


def test_representative_cannot_verify_own_organisation(client, world):
    client.force_login(representative(world["mexican_ngo"]))
    url = reverse("accounts:organisation_verify", args=[world["mexican_ngo"].pk])
    assert client.post(url, {"verification": "verified"}).status_code == 404
    world["mexican_ngo"].refresh_from_db()
    assert world["mexican_ngo"].verification == VerificationState.PENDING


def test_commission_secretariat_verifies_organisations_of_its_region_only(client, world):
    user = commission_secretariat(world["eclac"])
    client.force_login(user)
    ok = client.post(
        reverse("accounts:organisation_verify", args=[world["mexican_ngo"].pk]),
        {"verification": "verified"},
    )
    refused = client.post(
        reverse("accounts:organisation_verify", args=[world["french_ngo"].pk]),
        {"verification": "verified"},
    )
    assert ok.status_code == 302
    assert refused.status_code == 404
    world["mexican_ngo"].refresh_from_db()
    world["french_ngo"].refresh_from_db()
    assert world["mexican_ngo"].verification == VerificationState.VERIFIED
    assert world["mexican_ngo"].verified_by == user
    assert world["french_ngo"].verification == VerificationState.PENDING


def test_organisation_form_keeps_typed_text_on_error(client, world):
    client.force_login(representative(world["mexican_ngo"]))
    response = client.post(
        reverse("accounts:organisation_edit", args=[world["mexican_ngo"].pk]),
        {
            "name": "Typed name",
            "category": world["mexican_ngo"].category_id,
            "website": "not a url",
        },
    )
    assert response.status_code == 200
    assert "Typed name" in response.content.decode()
    assert "Enter a valid URL." in response.content.decode()


def test_inactive_user_loses_every_scope(client, world):
    user = network_secretariat()
    user.is_active = False
    user.save()
    assert user.scopes.is_secretariat is False
    assert client.login(email=user.email, password=PASSWORD) is False


def test_home_lists_the_workspaces_of_the_user(client, world):
    user = focal_point(world["mexico"])
    client.force_login(user)
    html = client.get(reverse("home")).content.decode()
    assert country_team(world, "mexico") in html
    assert country_team(world, "france") not in html
    assert commission_team(world, "eclac") not in html
