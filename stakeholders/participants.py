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
from reviews.balance import Balance, Targets
from reviews.enums import Affiliation, Gender
from stakeholders.enums import NameVisibility, ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Registration


def _country(registration: Registration):
    """A delegate's delegation; otherwise the country the person lives in."""
    if registration.country_id:
        return registration.country
    profile = getattr(registration.user, "profile", None)
    return profile.country_of_residence if profile else None


def _category(registration: Registration, kinds: dict[str, str]) -> str:
    if registration.kind == ParticipantKind.GOVERNMENT:
        return kinds[ParticipantKind.GOVERNMENT]
    profile = getattr(registration.user, "profile", None)
    return profile.category.label if profile and profile.category_id else kinds[registration.kind]


def _with_people(registrations: QuerySet[Registration]) -> QuerySet[Registration]:
    return registrations.select_related(
        "user__profile__category",
        "user__profile__country_of_residence",
        "user__profile__nationality",
        "country",
        "organisation",
    )


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
    registrations = _with_people(
        event.registrations.filter(status=RegistrationStatus.APPROVED)
    ).order_by("user__name", "user__email", "pk")
    kinds = labels(ParticipantKind.choices)
    genders = labels(Gender.choices)
    rows, categories, countries, total = [], Counter(), Counter(), 0
    for registration in registrations:
        total += 1
        country = _country(registration)
        category = _category(registration, kinds)
        categories[category] += 1
        countries[country.name if country else _("not stated")] += 1
        profile = getattr(registration.user, "profile", None)
        visibility = profile.name_visibility if profile else NameVisibility.NOBODY
        own = viewer.is_authenticated and registration.user_id == viewer.pk
        if visible is not None and visibility not in visible and not own:
            continue
        row = ParticipantRow(
            name=str(registration.user),
            category=category,
            country=country.name if country else "",
            organisation=registration.organisation.name if registration.organisation_id else "",
        )
        if personal:
            row = ParticipantRow(
                **{
                    **row.__dict__,
                    "email": registration.user.email,
                    "nationality": profile.nationality.name
                    if profile and profile.nationality_id
                    else "",
                    "gender": genders[profile.gender] if profile else "",
                    "accessibility_needs": profile.accessibility_needs if profile else "",
                    "registration_url": registration.get_absolute_url(),
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
    registrations = list(_with_people(event.registrations.all()))
    kinds = labels(ParticipantKind.choices)
    statuses = labels(RegistrationStatus.choices)
    active = [r for r in registrations if r.status in RegistrationStatus.active()]
    attendees = []
    for registration in active:
        profile = getattr(registration.user, "profile", None)
        attendees.append(
            _Attendee(
                gender=profile.gender if profile else Gender.NOT_SAID,
                affiliation=Affiliation.NATIONAL_GOVERNMENT
                if registration.kind == ParticipantKind.GOVERNMENT
                else Affiliation.STAKEHOLDER,
                country=_country(registration),
            )
        )
    balance, targets = Balance.of(attendees), Targets.of(event.review)
    by_status = Counter(statuses[r.status] for r in registrations)
    by_category = Counter(_category(r, kinds) for r in active)
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
