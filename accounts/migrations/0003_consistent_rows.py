"""Bring existing rows in line with the constraints added by the next migration."""

from django.db import migrations
from django.db.models import Count, F
from django.db.models.functions import Lower


def make_rows_consistent(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Organisation = apps.get_model("accounts", "Organisation")
    RoleAssignment = apps.get_model("accounts", "RoleAssignment")

    # Two accounts whose addresses differ only in case cannot be merged without a person deciding.
    clashes = sorted(
        User.objects.annotate(address=Lower("email"))
        .values("address")
        .annotate(accounts=Count("pk"))
        .filter(accounts__gt=1)
        .values_list("address", flat=True)
    )
    if clashes:
        raise RuntimeError(
            "These e-mail addresses belong to several users when case is ignored; merge or "
            "rename those users before migrating: " + ", ".join(clashes)
        )

    # A pending organisation has no decision; a decision without a date is dated by the earliest
    # day it can have been taken.
    Organisation.objects.filter(verification="pending").exclude(
        verified_at=None, verified_by=None
    ).update(verified_at=None, verified_by=None)
    Organisation.objects.exclude(verification="pending").filter(verified_at=None).update(
        verified_at=F("created_at")
    )

    # Where several were designated, the first designated keeps the flag.
    for role, scope in (("focal_point", "country"), ("organisation_representative", "organisation")):
        designated = RoleAssignment.objects.filter(role=role, designated=True).order_by("pk")
        kept = set()
        for assignment in designated:
            scope_id = getattr(assignment, f"{scope}_id")
            if scope_id in kept:
                RoleAssignment.objects.filter(pk=assignment.pk).update(designated=False)
            kept.add(scope_id)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_role_designated"),
    ]

    operations = [
        migrations.RunPython(make_rows_consistent, migrations.RunPython.noop),
    ]
