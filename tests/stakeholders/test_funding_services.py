from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from budgets.committed import active_commitments
from budgets.models import Commitment
from stakeholders import funding
from stakeholders.enums import FundingBasis, FundingStatus
from stakeholders.models import FundingMessage
from tests.factories import UserFactory
from tests.stakeholders.builders_funding import ask, offer, register

pytestmark = pytest.mark.django_db


def eca_committed(category: str) -> Decimal:
    return sum(
        (
            c.amount
            for c in active_commitments().filter(commission__code="ECA", category__code=category)
        ),
        Decimal("0"),
    )


def test_request_keeps_the_proposal_and_the_amounts_asked(event, applicant):
    request = ask(register(applicant, event, delegation="MLI"), flight="980.50", rate="310")

    assert (request.status, request.proposed_basis, request.basis) == (
        FundingStatus.SUBMITTED,
        FundingBasis.LDC_DELEGATE,
        "",
    )
    assert request.requested_total == Decimal("980.50") + 3 * Decimal("310")
    assert [(c.from_status, c.to_status) for c in request.status_changes.all()] == [
        ("", FundingStatus.SUBMITTED)
    ]


def test_offer_commits_the_grant_on_the_commission_line(event, applicant, eca):
    request = ask(register(applicant, event))

    offer(request, eca, flight="900", days=2, rate="250")

    request.refresh_from_db()
    assert (request.status, request.basis) == (FundingStatus.OFFERED, FundingBasis.STAKEHOLDER)
    assert request.granted_total == Decimal("1400")
    assert request.is_partial
    assert (request.commitment.amount, request.commitment.participants) == (Decimal("1400"), 1)
    assert eca_committed("stakeholder_travel") == Decimal("1400")
    assert "Amina" not in request.commitment.source


def test_commitment_over_the_line_is_refused_without_override(event, applicant, eca):
    # ECA's stakeholder line is 25 × 2,222.70 = 55,567.50.
    request = ask(register(applicant, event), flight="60000")

    with pytest.raises(funding.FundingRefused) as refused:
        offer(request, eca)

    assert refused.value.needs_override
    request.refresh_from_db()
    assert (request.status, request.commitment) == (FundingStatus.SUBMITTED, None)
    assert not Commitment.objects.exists()


def test_commitment_over_the_line_goes_through_with_an_override_and_its_reason(
    event, applicant, eca
):
    request = ask(register(applicant, event), flight="60000")

    offer(request, eca, override=True, override_reason="Speaker of the opening session")

    request.refresh_from_db()
    assert request.status == FundingStatus.OFFERED
    assert request.commitment.override_reason == "Speaker of the opening session"


def test_withdrawal_after_the_offer_releases_the_commitment(event, applicant, eca):
    request = ask(register(applicant, event))
    offer(request, eca)
    funding.move_funding_request(request=request, to=FundingStatus.ACCEPTED, actor=applicant)

    funding.move_funding_request(request=request, to=FundingStatus.WITHDRAWN, actor=applicant)

    request.refresh_from_db()
    assert request.commitment.reversed_at is not None
    assert request.commitment.reversed_by == applicant
    assert eca_committed("stakeholder_travel") == Decimal("0")


def test_rejection_after_the_offer_releases_the_commitment_and_tells_why(event, applicant, eca):
    request = ask(register(applicant, event, delegation="MLI"))
    offer(request, eca)

    funding.move_funding_request(
        request=request, to=FundingStatus.REJECTED, actor=eca, note="The delegation changed."
    )

    assert eca_committed("ldc_lldc_travel") == Decimal("0")
    assert list(FundingMessage.objects.values_list("text", "visible_to_applicant")) == [
        ("The delegation changed.", True)
    ]


def test_applicant_cannot_make_the_secretariat_moves(event, applicant, eca):
    request = ask(register(applicant, event))

    with pytest.raises(PermissionDenied):
        offer(request, applicant)
    with pytest.raises(PermissionDenied):
        funding.move_funding_request(request=request, to=FundingStatus.WITHDRAWN, actor=eca)


def test_secretariat_of_another_commission_cannot_decide(event, applicant, escap):
    request = ask(register(applicant, event))

    with pytest.raises(PermissionDenied):
        offer(request, escap)


def test_moves_outside_the_state_machine_are_refused(event, applicant, eca):
    request = ask(register(applicant, event))
    funding.move_funding_request(request=request, to=FundingStatus.WITHDRAWN, actor=applicant)

    with pytest.raises(funding.FundingRefused):
        offer(request, eca)


def test_decision_on_a_stale_page_is_refused(event, applicant, eca):
    request = ask(register(applicant, event))
    seen = request.version
    funding.move_funding_request(
        request=request, to=FundingStatus.INFORMATION_NEEDED, actor=eca, note="Which flight?"
    )

    with pytest.raises(funding.FundingRefused):
        funding.move_funding_request(
            request=request,
            to=FundingStatus.REJECTED,
            actor=eca,
            note="No.",
            expected_version=seen,
        )


def test_not_eligible_basis_is_never_offered(event, applicant, eca):
    request = ask(register(applicant, event, delegation="MEX"))

    with pytest.raises(funding.FundingRefused):
        offer(request, eca)

    assert request.proposed_basis == FundingBasis.NOT_ELIGIBLE


def test_a_second_request_for_the_same_registration_is_refused(event, applicant):
    registration = register(applicant, event)
    ask(registration)

    with pytest.raises(funding.FundingRefused):
        ask(registration)


def test_applicant_messages_are_always_theirs_to_read(event, applicant):
    request = ask(register(applicant, event))

    message = funding.add_funding_message(
        request=request, author=applicant, text="My ticket", visible_to_applicant=False
    )

    assert message.visible_to_applicant


def test_stranger_cannot_write_on_a_request(event, applicant):
    request = ask(register(applicant, event))

    with pytest.raises(PermissionDenied):
        funding.add_funding_message(
            request=request, author=UserFactory(), text="Hello", visible_to_applicant=True
        )
