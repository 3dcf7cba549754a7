"""Scale data for accounts: 20,000 stakeholders, a focal point per Member State, organisations.

Every address is under SCALE_DOMAIN, so the scale data can be told apart and removed.
"""

import random

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.enums import Role, VerificationState
from accounts.models import Organisation, RoleAssignment, User
from core.scaletext import FAKER_LOCALES, TextPool, language_of
from reference.models import Country, StakeholderCategory

SCALE_DOMAIN = "scale.example.org"
STAKEHOLDERS = 20_000
ORGANISATIONS = 200
# Every scale user shares this password, hashed once: 20,000 hash computations would take hours.
SCALE_PASSWORD = "scale-data-password"  # noqa: S105 (published: scale data is for benchmarks)
BATCH = 2_000


def loaded() -> bool:
    return User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").exists()


def reset() -> None:
    Organisation.objects.filter(website__startswith=f"https://{SCALE_DOMAIN}/").delete()
    User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").delete()


def _create_users(rows: list[tuple[str, str, str]], password: str) -> dict[str, User]:
    """(email, name, language) rows, created with verified addresses; returns users by e-mail."""
    User.objects.bulk_create(
        (
            User(email=email, name=name, preferred_language=language, password=password)
            for email, name, language in rows
        ),
        batch_size=BATCH,
    )
    users = {u.email: u for u in User.objects.filter(email__in=[row[0] for row in rows])}
    EmailAddress.objects.bulk_create(
        (EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users.values()),
        batch_size=BATCH,
    )
    return users


def load(*, seed: int, factor: float, pool: TextPool, out) -> None:
    rng = random.Random(f"{seed}:accounts")
    password = make_password(SCALE_PASSWORD)
    languages = list(FAKER_LOCALES)
    stakeholders = max(1, round(STAKEHOLDERS * factor))
    rows = []
    for number in range(1, stakeholders + 1):
        language = rng.choice(languages)
        name = rng.choice(pool.names(language))
        rows.append((f"stakeholder.{number:05d}@{SCALE_DOMAIN}", name, language))
    countries = list(Country.objects.filter(memberships__kind="member").distinct().order_by("iso3"))
    for country in countries:
        language = language_of(country.iso3)
        rows.append(
            (f"focal.{country.iso3.lower()}@{SCALE_DOMAIN}", pool.names(language)[0], language)
        )
    organisations = max(5, round(ORGANISATIONS * factor))
    for number in range(1, organisations + 1):
        language = rng.choice(languages)
        rows.append(
            (f"org.{number:03d}@{SCALE_DOMAIN}", rng.choice(pool.names(language)), language)
        )
    users = _create_users(rows, password)

    # Focal points here draft with the demo's designated ones, so none of them is designated.
    RoleAssignment.objects.bulk_create(
        RoleAssignment(
            user=users[f"focal.{country.iso3.lower()}@{SCALE_DOMAIN}"],
            role=Role.FOCAL_POINT,
            country=country,
        )
        for country in countries
    )
    categories = list(StakeholderCategory.objects.all())
    network = User.objects.filter(role_assignments__role=Role.NETWORK_SECRETARIAT).first()
    kinds = ["Migrant Network", "Diaspora Forum", "Migrant Rights Centre", "Workers' Alliance"]
    specs = []
    for number in range(1, organisations + 1):
        country = rng.choice(countries) if number % 4 else None
        kind = rng.choice(kinds)
        name = f"{country.name} {kind} {number}" if country else f"Regional {kind} {number}"
        specs.append((number, name, country))
    created = Organisation.objects.bulk_create(
        Organisation(
            name=name,
            category=rng.choice(categories),
            country=country,
            website=f"https://{SCALE_DOMAIN}/organisations/{number}",
            **(
                {
                    "verification": VerificationState.VERIFIED,
                    "verified_at": timezone.now(),
                    "verified_by": network,
                }
                if number % 5
                else {}
            ),
        )
        for number, name, country in specs
    )
    RoleAssignment.objects.bulk_create(
        RoleAssignment(
            user=users[f"org.{number:03d}@{SCALE_DOMAIN}"],
            role=Role.ORGANISATION_REPRESENTATIVE,
            organisation=organisation,
            designated=True,
        )
        for number, organisation in enumerate(created, start=1)
    )
    out.stdout.write(
        f"Scale users: {stakeholders} stakeholders, {len(countries)} focal points, "
        f"{organisations} organisations"
    )
