"""Who takes part: the participant list of an event and the balance of its registrations.

`participant_list(event, viewer)` is what any page or report shows of an event's participants
(the outcome report's annex (vi) among them): each participant's name only as far as they chose
to share it, and personal data only to the secretariat of the review's commission and the
Network secretariat.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.listing import labels
from reference.models import Country
from reference.selectors import categories_by_id, countries_by_id
from reviews.balance import Balance, Targets
from reviews.enums import Affiliation, Gender
from stakeholders.enums import NameVisibility, ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Registration, registration_url


@dataclass(frozen=True)
class _Registrant:
    """A registration with what the lists and the balance read of its person."""

    pk: int
    kind: str
    status: str
    user_id: int
    name: str
    email: str
    organisation: str
    # A delegate's delegation; otherwise the country the person lives in.
    country: Country | None
    category: str
    has_profile: bool
    name_visibility: str
    gender: str
    nationality: Country | None
    accessibility_needs: str

    def get_absolute_url(self) -> str:
        return registration_url(self.pk)


_REGISTRANT_FIELDS = (
    "pk",
    "kind",
    "status",
    "user_id",
    "user__name",
    "user__email",
    "organisation__name",
    "country_id",
    "user__profile__pk",
    "user__profile__country_of_residence_id",
    "user__profile__category_id",
    "user__profile__name_visibility",
    "user__profile__gender",
    "user__profile__nationality_id",
    "user__profile__accessibility_needs",
)


def _registrants(
    registrations: QuerySet[Registration], countries: dict[int, Country]
) -> list[_Registrant]:
    """The registrations read as values, in one query: an event has hundreds, and a model
    instance for each of their users, profiles, categories and countries cost more than the
    query. The countries (`countries_by_id()`, which the caller reads once) and categories are
    reference data kept in the cache."""
    # Each label in this language read once, not once per row (a translated field's lookup).
    categories = {pk: category.label for pk, category in categories_by_id().items()}
    kinds = labels(ParticipantKind.choices)
    registrants = []
    for (
        pk,
        kind,
        status,
        user_id,
        name,
        email,
        organisation,
        country_id,
        profile_id,
        residence_id,
        category_id,
        visibility,
        gender,
        nationality_id,
        accessibility_needs,
    ) in registrations.values_list(*_REGISTRANT_FIELDS):
        has_profile = profile_id is not None
        if kind == ParticipantKind.GOVERNMENT or not category_id:
            category = kinds[kind]
        else:
            category = categories[category_id]
        registrants.append(
            _Registrant(
                pk=pk,
                kind=kind,
                status=status,
                user_id=user_id,
                name=name or email,
                email=email,
                organisation=organisation or "",
                country=countries.get(country_id or residence_id),
                category=category,
                has_profile=has_profile,
                name_visibility=visibility if has_profile else NameVisibility.NOBODY,
                gender=gender if has_profile else Gender.NOT_SAID,
                nationality=countries.get(nationality_id),
                accessibility_needs=accessibility_needs or "",
            )
        )
    return registrants


@dataclass(frozen=True)
class ParticipantRow:
    name: str
    category: str
    country: str
    organisation: str
    # Personal data: filled for the secretariat only.
    email: str = ""
    nationality: str = ""
    gender: str = ""
    accessibility_needs: str = ""
    registration_url: str = ""


@dataclass
class ParticipantList:
    event: Event
    rows: list[ParticipantRow]
    total: int
    by_category: list[tuple[str, int]]
    by_country: list[tuple[str, int]]
    personal: bool

    @property
    def hidden(self) -> int:
        """Participants who keep their name off this viewer's list."""
        return self.total - len(self.rows)


def _shown_to(viewer, event: Event) -> tuple[set[str] | None, bool]:
    """The name visibilities this viewer sees (None: every name), and whether personal data."""
    if viewer.has_perm("stakeholders.see_personal_data", event):
        return None, True
    if viewer.has_perm("stakeholders.see_participant_names", event):
        return {NameVisibility.PARTICIPANTS, NameVisibility.EVERYONE}, False
    return {NameVisibility.EVERYONE}, False


def participant_list(event: Event, viewer) -> ParticipantList:
    """The approved participants of the event, by category and country, as `viewer` may see them.

    A participant whose profile keeps their name from this viewer is counted, not listed
    (everyone sees their own name).
    """
    visible, personal = _shown_to(viewer, event)
    countries_of = countries_by_id()
    registrants = _registrants(
        event.registrations.filter(status=RegistrationStatus.APPROVED).order_by(
            "user__name", "user__email", "pk"
        ),
        countries_of,
    )
    genders = labels(Gender.choices)
    # The name in this language of each country on the list, read once rather than per row.
    listed = {c.pk: c for r in registrants for c in (r.country, r.nationality) if c is not None}
    names = {pk: country.name for pk, country in listed.items()}
    not_stated = _("not stated")
    rows, categories, countries, total = [], Counter(), Counter(), 0
    for registrant in registrants:
        total += 1
        country = names[registrant.country.pk] if registrant.country else ""
        categories[registrant.category] += 1
        countries[country or not_stated] += 1
        own = viewer.is_authenticated and registrant.user_id == viewer.pk
        if visible is not None and registrant.name_visibility not in visible and not own:
            continue
        row = ParticipantRow(
            name=registrant.name,
            category=registrant.category,
            country=country,
            organisation=registrant.organisation,
        )
        if personal:
            row = ParticipantRow(
                **{
                    **row.__dict__,
                    "email": registrant.email,
                    "nationality": names[registrant.nationality.pk]
                    if registrant.nationality
                    else "",
                    "gender": genders[registrant.gender] if registrant.has_profile else "",
                    "accessibility_needs": registrant.accessibility_needs,
                    "registration_url": registrant.get_absolute_url(),
                }
            )
        rows.append(row)
    return ParticipantList(
        event=event,
        rows=sorted(rows, key=lambda row: (row.category, row.country, row.name)),
        total=total,
        by_category=sorted(categories.items()),
        by_country=sorted(countries.items()),
        personal=personal,
    )


def participant_table(participants: ParticipantList) -> list[list[str]]:
    """The list as a header and rows, for CSV and XLSX (cells neutralised by the exporter)."""
    header = [_("Name"), _("Takes part as"), _("Country"), _("Organisation")]
    if participants.personal:
        header += [_("E-mail"), _("Nationality"), _("Gender"), _("Accessibility needs")]
    rows = [header]
    for row in participants.rows:
        cells = [row.name, row.category, row.country, row.organisation]
        if participants.personal:
            cells += [row.email, row.nationality, row.gender, row.accessibility_needs]
        rows.append(cells)
    return rows


@dataclass(frozen=True)
class _Attendee:
    """A registration as the programme's balance reads a speaker."""

    gender: str
    affiliation: str
    country: object


@dataclass
class RegistrationBalance:
    """The balance of an event's registrations as they come in (pending, approved, waitlisted),
    with the indicators and targets of the programme."""

    balance: Balance
    targets: Targets
    by_status: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    not_stated: int = 0
    indicators: list[tuple[str, str, str, bool]] = field(default_factory=list)


def registration_balance(event: Event) -> RegistrationBalance:
    registrations = _registrants(event.registrations.all(), countries_by_id())
    statuses = labels(RegistrationStatus.choices)
    active = [r for r in registrations if r.status in RegistrationStatus.active()]
    attendees = [
        _Attendee(
            gender=registrant.gender,
            affiliation=Affiliation.NATIONAL_GOVERNMENT
            if registrant.kind == ParticipantKind.GOVERNMENT
            else Affiliation.STAKEHOLDER,
            country=registrant.country,
        )
        for registrant in active
    ]
    balance, targets = Balance.of(attendees), Targets.of(event.review)
    by_status = Counter(statuses[r.status] for r in registrations)
    by_category = Counter(r.category for r in active)
    indicators = [
        (
            _("Women"),
            f"{balance.women_share} %",
            f"{targets.women_share} %",
            balance.women_share >= targets.women_share,
        ),
        (
            _("Countries"),
            str(len(balance.countries)),
            str(targets.countries),
            len(balance.countries) >= targets.countries,
        ),
        (
            _("M49 sub-regions"),
            str(len(balance.subregions)),
            str(targets.subregions),
            len(balance.subregions) >= targets.subregions,
        ),
        (
            _("Whole-of-society"),
            f"{balance.society_share} %",
            f"{targets.society_share} %",
            balance.society_share >= targets.society_share,
        ),
        (_("Government"), f"{balance.government_share} %", "—", balance.government > 0),
    ]
    return RegistrationBalance(
        balance=balance,
        targets=targets,
        by_status=[(statuses[s], by_status[statuses[s]]) for s in RegistrationStatus.values],
        by_category=sorted(by_category.items()),
        not_stated=balance.people - balance.women - balance.men,
        indicators=indicators,
    )
