"""The participant profile and proposing an organisation."""

import pytest
from django.urls import reverse

from accounts.enums import Role, VerificationState
from accounts.models import Organisation
from reference.models import Country, StakeholderCategory
from stakeholders.models import Profile
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signed_up_person_fills_in_their_profile(client, reference_data):
    person = UserFactory(name="")
    client.force_login(person)
    chile = Country.objects.get(iso3="CHL")
    response = client.post(
        reverse("stakeholders:profile") + "?next=/en/events/",
        {
            "name": "Amina Diallo",
            "kind": "stakeholder",
            "category": StakeholderCategory.objects.get(slug="migrants").pk,
            "country_of_residence": chile.pk,
            "nationality": Country.objects.get(iso3="SEN").pk,
            "gender": "not_said",
            "languages": ["es", "fr"],
            "accessibility_needs": "Sign language interpretation",
            "name_visibility": "nobody",
        },
    )
    assert response["Location"] == "/en/events/"
    profile = Profile.objects.get(user=person)
    person.refresh_from_db()
    assert (person.name, profile.country_of_residence, profile.languages) == (
        "Amina Diallo",
        chile,
        ["es", "fr"],
    )
    assert profile.name_visibility == "nobody"


def test_a_stakeholder_names_a_category_and_an_outside_next_is_ignored(client, reference_data):
    client.force_login(UserFactory())
    url = reverse("stakeholders:profile") + "?next=https://elsewhere.example/"
    data = {"name": "A", "kind": "stakeholder", "gender": "woman", "name_visibility": "everyone"}
    missing = client.post(url, data)
    assert "Choose your stakeholder category." in missing.content.decode()
    data["category"] = StakeholderCategory.objects.first().pk
    assert client.post(url, data)["Location"] == reverse("stakeholders:mine")


def test_a_proposed_organisation_waits_for_verification_with_its_proposer_as_representative(
    client, reference_data
):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("stakeholders:propose_organisation"),
        {
            "name": "Red de Migrantes del Sur",
            "category": StakeholderCategory.objects.get(slug="civil-society").pk,
            "country": Country.objects.get(iso3="CHL").pk,
            "website": "https://example.org/red",
        },
    )
    organisation = Organisation.objects.get(name="Red de Migrantes del Sur")
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.verification == VerificationState.PENDING
    assert list(organisation.role_assignments.values_list("user", "role", "designated")) == [
        (person.pk, Role.ORGANISATION_REPRESENTATIVE, True)
    ]
    # Only verified organisations can be chosen in a profile.
    page = client.get(reverse("stakeholders:profile")).content.decode()
    assert ">Red de Migrantes del Sur</option>" not in page
