"""Eligibility is judged on the reference data as of the event's first day (real graduation
dates: reference/data/ldc_lldc.csv)."""

import datetime

import pytest

from stakeholders.enums import FundingBasis
from stakeholders.funding import propose_eligibility
from tests.factories import UserFactory, make_review
from tests.stakeholders.builders_funding import make_event, register

pytestmark = pytest.mark.django_db

D = datetime.date


def proposal_for(iso3: str | None, starts_on: datetime.date, commission: str = "ECA"):
    review = make_review(
        commission, slug=f"cycle-{starts_on}", meeting_start=starts_on, meeting_end=starts_on
    )
    registration = register(UserFactory(), make_event(review), delegation=iso3)
    return propose_eligibility(registration)


def test_delegate_of_a_country_that_left_the_ldc_list_before_the_event_is_not_eligible(
    reference_data,
):
    # Sao Tome and Principe left the LDC list on 13 December 2024; it is not landlocked.
    proposal = proposal_for("STP", D(2025, 3, 4))

    assert proposal.basis == FundingBasis.NOT_ELIGIBLE
    assert proposal.basis.budget_category is None


def test_delegate_of_a_country_that_left_the_ldc_list_after_the_event_is_eligible(reference_data):
    proposal = proposal_for("STP", D(2021, 8, 25))

    assert proposal.basis == FundingBasis.LDC_DELEGATE
    assert (proposal.basis.per_diem_days, proposal.basis.budget_category) == (3, "ldc_lldc_travel")


def test_graduation_known_by_its_year_counts_the_whole_year(reference_data):
    # Vanuatu left the list in 2020 (no day given).
    assert proposal_for("VUT", D(2020, 11, 12), "ESCAP").basis == FundingBasis.LDC_DELEGATE
    assert proposal_for("VUT", D(2021, 3, 10), "ESCAP").basis == FundingBasis.NOT_ELIGIBLE


def test_landlocked_country_stays_eligible_after_leaving_the_ldc_list(reference_data):
    # Bhutan left the LDC list on 13 December 2023 but is landlocked.
    assert proposal_for("BTN", D(2023, 3, 1), "ESCAP").basis == FundingBasis.LDC_DELEGATE
    assert proposal_for("BTN", D(2025, 3, 1), "ESCAP").basis == FundingBasis.LLDC_DELEGATE


def test_delegate_of_a_country_never_on_either_list_is_not_eligible(reference_data):
    assert proposal_for("MEX", D(2021, 4, 22), "ECLAC").basis == FundingBasis.NOT_ELIGIBLE


def test_stakeholder_participant_is_proposed_four_days(reference_data):
    proposal = proposal_for(None, D(2021, 4, 22), "ECLAC")

    assert proposal.basis == FundingBasis.STAKEHOLDER
    assert (proposal.basis.per_diem_days, proposal.basis.budget_category) == (
        4,
        "stakeholder_travel",
    )
