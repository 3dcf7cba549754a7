import datetime

import pytest
from django.utils import timezone

from reference.models import Commission
from tests.factories import UserFactory, commission_secretariat, make_budget, make_review
from tests.stakeholders.builders_funding import make_event


@pytest.fixture
def review(reference_data):
    """An ECA review whose meeting is two months ahead, in a cycle with the Annex 4 budget
    approved (ECA: 36 places of LDC/LLDC travel at 2,222.70, 25 of stakeholder travel)."""
    start = timezone.localdate() + datetime.timedelta(days=60)
    review = make_review("ECA", status="announced", meeting_start=start, meeting_end=start)
    make_budget(review.cycle, approved=True)
    return review


@pytest.fixture
def event(review):
    return make_event(review)


@pytest.fixture
def eca(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECA"))


@pytest.fixture
def escap(reference_data):
    return commission_secretariat(Commission.objects.get(code="ESCAP"))


@pytest.fixture
def applicant(db):
    return UserFactory(name="Amina Applicant")
