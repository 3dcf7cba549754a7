"""What the database refuses about users, organisations and roles, whatever the code path."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.enums import Role, VerificationState
from accounts.models import Organisation, RoleAssignment, User
from tests.factories import (
    CountryFactory,
    OrganisationFactory,
    RoleAssignmentFactory,
    UserFactory,
    focal_point,
    representative,
)

pytestmark = pytest.mark.django_db


def test_user_email_is_unique_ignoring_case():
    UserFactory(email="ana@example.org")
    with (
        pytest.raises(IntegrityError, match="accounts_user_email_unique_ignoring_case"),
        transaction.atomic(),
    ):
        User.objects.create(email="Ana@Example.ORG")


def test_user_email_in_other_case_is_refused_with_a_message():
    UserFactory(email="ana@example.org")
    with pytest.raises(ValidationError) as error:
        User(email="ANA@example.org").validate_constraints()
    assert error.value.messages == ["A user with this e-mail address already exists."]


def test_new_users_are_stored_in_lower_case():
    assert User.objects.create_user("Luis.Perez@Example.org").email == "luis.perez@example.org"


@pytest.mark.parametrize(
    "fields",
    [
        {"verification": VerificationState.PENDING, "verified_at": timezone.now()},
        {"verification": VerificationState.VERIFIED, "verified_at": None},
        {"verification": VerificationState.REJECTED, "verified_at": None},
    ],
    ids=["pending-with-date", "verified-without-date", "rejected-without-date"],
)
def test_organisation_decision_and_its_date_go_together(fields):
    organisation = OrganisationFactory()
    with (
        pytest.raises(IntegrityError, match="accounts_organisation_decision_is_dated"),
        transaction.atomic(),
    ):
        Organisation.objects.filter(pk=organisation.pk).update(**fields)


def test_pending_organisation_names_no_verifier():
    organisation = OrganisationFactory()
    with (
        pytest.raises(IntegrityError, match="accounts_organisation_decision_is_dated"),
        transaction.atomic(),
    ):
        Organisation.objects.filter(pk=organisation.pk).update(verified_by=UserFactory())


def test_verification_records_the_decision_and_pending_withdraws_it():
    organisation, staff = OrganisationFactory(), UserFactory()
    services.set_organisation_verification(
        organisation=organisation, state=VerificationState.REJECTED, actor=staff
    )
    organisation.refresh_from_db()
    assert (organisation.verification, organisation.verified_by) == ("rejected", staff)
    assert organisation.verified_at is not None
    services.set_organisation_verification(
        organisation=organisation, state=VerificationState.PENDING, actor=staff
    )
    organisation.refresh_from_db()
    assert (organisation.verification, organisation.verified_by, organisation.verified_at) == (
        "pending",
        None,
        None,
    )


def test_verified_organisation_keeps_its_date_when_the_verifier_is_deleted():
    organisation, staff = OrganisationFactory(), UserFactory()
    services.set_organisation_verification(
        organisation=organisation, state=VerificationState.VERIFIED, actor=staff
    )
    staff.delete()
    organisation.refresh_from_db()
    assert organisation.verified_by is None
    assert organisation.verified_at is not None


def test_one_designated_focal_point_per_country():
    country = CountryFactory()
    focal_point(country, designated=True)
    focal_point(country)  # others draft with the designated one
    focal_point(CountryFactory(), designated=True)
    with (
        pytest.raises(
            IntegrityError,
            # PostgreSQL names the constraint; SQLite names the column of its partial index.
            match=r"accounts_one_designated_focal_point_per_country|accounts_roleassignment\.country_id",
        ),
        transaction.atomic(),
    ):
        focal_point(country, designated=True)


def test_second_designated_focal_point_is_refused_with_a_message():
    country = CountryFactory()
    focal_point(country, designated=True)
    assignment = RoleAssignment(
        user=UserFactory(), role=Role.FOCAL_POINT, country=country, designated=True
    )
    with pytest.raises(ValidationError) as error:
        assignment.validate_constraints()
    assert error.value.messages == ["This country already has a designated focal point."]


def test_one_designated_representative_per_organisation():
    organisation = OrganisationFactory()
    representative(organisation, designated=True)
    representative(organisation)
    with (
        pytest.raises(
            IntegrityError,
            match=(
                r"accounts_one_designated_representative_per_organisation"
                r"|accounts_roleassignment\.organisation_id"
            ),
        ),
        transaction.atomic(),
    ):
        RoleAssignmentFactory(
            role=Role.ORGANISATION_REPRESENTATIVE, organisation=organisation, designated=True
        )


def test_admin_site_leaves_the_decision_to_the_organisation_page(client):
    organisation = OrganisationFactory(name="Voces Migrantes")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:accounts_organisation_change", args=[organisation.pk])
    response = client.post(
        url,
        {
            "name": "Voces Migrantes AC",
            "category": organisation.category_id,
            "country": organisation.country_id,
            "website": "",
            "verification": VerificationState.VERIFIED,
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.verification, organisation.verified_at) == (
        "Voces Migrantes AC",
        VerificationState.PENDING,
        None,
    )
