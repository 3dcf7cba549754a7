"""People edit their own profile, and representatives their organisation, through the services."""

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory, representative

pytestmark = pytest.mark.django_db


def test_user_saves_own_profile(client):
    user = UserFactory(name="Ana")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"), {"name": "Ana María", "preferred_language": "es"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.name, user.preferred_language) == ("Ana María", "es")


def test_representative_saves_own_organisation(client):
    organisation = OrganisationFactory(name="Voces Migrantes")
    client.force_login(representative(organisation))
    response = client.post(
        reverse("accounts:organisation_edit", args=[organisation.pk]),
        {
            "name": "Voces Migrantes A.C.",
            "category": organisation.category.pk,
            "country": organisation.country.pk,
            "website": "https://example.org/",
        },
    )
    assert response["Location"] == organisation.get_absolute_url()
    organisation.refresh_from_db()
    assert (organisation.name, organisation.website) == (
        "Voces Migrantes A.C.",
        "https://example.org/",
    )
