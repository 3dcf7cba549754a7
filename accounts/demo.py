"""Demo users, one per role, for `make demo`. Passwords are new and random on every run."""

import secrets
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts import services
from accounts.enums import Role, VerificationState
from accounts.models import Organisation, RoleAssignment, User
from reference.models import Commission, Country, StakeholderCategory


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: str
    scope: str
    password: str


# (email, name, role, scope code); the scope is a commission code, a country ISO3 or "org".
# Everyone with a scope is the designated one who submits, except these drafting officials.
DRAFTERS = {"official.mexico@example.org"}
DEMO_PEOPLE = [
    ("network@example.org", "Network Secretariat", Role.NETWORK_SECRETARIAT, ""),
    ("eca@example.org", "ECA Secretariat", Role.COMMISSION_SECRETARIAT, "ECA"),
    ("ece@example.org", "ECE Secretariat", Role.COMMISSION_SECRETARIAT, "ECE"),
    ("eclac@example.org", "ECLAC Secretariat", Role.COMMISSION_SECRETARIAT, "ECLAC"),
    ("escap@example.org", "ESCAP Secretariat", Role.COMMISSION_SECRETARIAT, "ESCAP"),
    ("escwa@example.org", "ESCWA Secretariat", Role.COMMISSION_SECRETARIAT, "ESCWA"),
    ("focal.mexico@example.org", "Focal point of Mexico", Role.FOCAL_POINT, "MEX"),
    ("focal.philippines@example.org", "Focal point of the Philippines", Role.FOCAL_POINT, "PHL"),
    ("focal.morocco@example.org", "Focal point of Morocco", Role.FOCAL_POINT, "MAR"),
    (
        "official.mexico@example.org",
        "Official of Mexico (drafts, does not submit)",
        Role.FOCAL_POINT,
        "MEX",
    ),
    (
        "ngo@example.org",
        "Representative of Migrant Voices Asia",
        Role.ORGANISATION_REPRESENTATIVE,
        "org",
    ),
    ("stakeholder@example.org", "Registered stakeholder", "", ""),
]


@transaction.atomic
def create_demo_users() -> list[DemoUser]:
    """Create or reset the demo users and their roles; needs the reference data loaded."""
    organisation, _created = Organisation.objects.update_or_create(
        name="Migrant Voices Asia",
        defaults={
            "category": StakeholderCategory.objects.get(slug="migrant-diaspora-organizations"),
            "country": Country.objects.get(iso3="PHL"),
            "website": "https://example.org/migrant-voices-asia",
        },
    )
    people, network = [], None
    for email, name, role, scope in DEMO_PEOPLE:
        password = f"demo-{secrets.token_urlsafe(8)}"
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "name": name,
                "is_active": True,
                # The Network secretariat assigns roles in the administration site.
                "is_staff": role == Role.NETWORK_SECRETARIAT,
                "is_superuser": role == Role.NETWORK_SECRETARIAT,
            },
        )
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        user.role_assignments.all().delete()
        label = ""
        if role:
            assignment = RoleAssignment(user=user, role=role)
            if role == Role.COMMISSION_SECRETARIAT:
                assignment.commission = Commission.objects.get(code=scope)
                label = scope
            elif role == Role.FOCAL_POINT:
                assignment.country = Country.objects.get(iso3=scope)
                assignment.designated = email not in DRAFTERS
                label = assignment.country.name
            elif role == Role.ORGANISATION_REPRESENTATIVE:
                assignment.organisation = organisation
                assignment.designated = True
                label = organisation.name
            assignment.save()
        role_label = str(Role(role).label) if role else "Registered stakeholder"
        people.append(DemoUser(email, name, role_label, label, password))
        if role == Role.NETWORK_SECRETARIAT:
            network = user
    services.set_organisation_verification(
        organisation=organisation, state=VerificationState.VERIFIED, actor=network
    )
    return people


def load(*, out) -> None:
    """Called by `manage.py load_demo`: create the users and print their credentials."""
    people = create_demo_users()
    width = max(len(person.email) for person in people)
    out.stdout.write("")
    out.stdout.write(out.style.SUCCESS("Demo users (new passwords on every run):"))
    for person in people:
        scope = f" — {person.scope}" if person.scope else ""
        out.stdout.write(f"  {person.email:<{width}}  {person.password}  {person.role}{scope}")
    out.stdout.write("")
