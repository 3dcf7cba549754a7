"""Rows written before the constraints existed are made consistent, not lost."""

import datetime

import pytest
from django.utils import timezone

from tests.migrating import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("accounts", "0002_role_designated")]


def test_existing_rows_are_made_consistent_with_the_constraints():
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Organisation = old.get_model("accounts", "Organisation")
    RoleAssignment = old.get_model("accounts", "RoleAssignment")
    Country = old.get_model("reference", "Country")
    category = old.get_model("reference", "StakeholderCategory").objects.create(
        slug="ngo", label="NGO"
    )
    staff = User.objects.create(email="staff@example.org")
    decided = timezone.now() - datetime.timedelta(days=3)
    Organisation.objects.create(
        name="Pending", category=category, verified_at=decided, verified_by=staff
    )
    verified = Organisation.objects.create(
        name="Verified", category=category, verification="verified"
    )
    Organisation.objects.filter(pk=verified.pk).update(created_at=decided)
    mexico = Country.objects.create(iso3="MEX", iso2="MX", name="Mexico")
    first, second = (
        RoleAssignment.objects.create(
            user=User.objects.create(email=email),
            role="focal_point",
            country=mexico,
            designated=True,
        )
        for email in ("first@example.org", "second@example.org")
    )

    new = migrate()

    Organisation = new.get_model("accounts", "Organisation")
    assert list(
        Organisation.objects.order_by("name").values_list(
            "name", "verification", "verified_at", "verified_by"
        )
    ) == [("Pending", "pending", None, None), ("Verified", "verified", decided, None)]
    RoleAssignment = new.get_model("accounts", "RoleAssignment")
    assert list(RoleAssignment.objects.order_by("pk").values_list("pk", "designated")) == [
        (first.pk, True),
        (second.pk, False),
    ]


def test_addresses_differing_only_in_case_stop_the_migration_with_their_names():
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    User.objects.create(email="ana@example.org")
    User.objects.create(email="Ana@Example.org")
    with pytest.raises(RuntimeError, match=r"before migrating: ana@example\.org$"):
        migrate()
    old.get_model("accounts", "User").objects.filter(email="Ana@Example.org").delete()
    migrate()
