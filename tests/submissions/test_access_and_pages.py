"""The focal point of the country writes; others cannot read or change; the secretariat decides."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reference.models import Commission, Country
from submissions import services
from submissions.enums import SubmissionStatus
from tests.factories import (
    UserFactory,
    commission_secretariat,
    focal_point,
    make_voluntary_review,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mexico_review(reference_data):
    return make_voluntary_review("MEX", "ECLAC")


def designated(iso3):
    return focal_point(Country.objects.get(iso3=iso3), designated=True)


def autosave(client, submission, section, text, version):
    return client.post(
        reverse("submissions:autosave", args=[submission.pk, section.pk]),
        {"text": text, "version": version},
    )


def test_focal_point_of_the_country_reads_and_writes(client, mexico_review):
    client.force_login(focal_point(Country.objects.get(iso3="MEX")))
    section = mexico_review.sections.first()
    assert client.get(reverse("submissions:edit", args=[mexico_review.pk])).status_code == 200
    response = autosave(client, mexico_review, section, "<p>Avance en 2021</p>", 0)
    assert response.json() == {"version": 1, "word_count": 3}


@pytest.mark.parametrize("who", ["other_country", "stakeholder", "other_secretariat"])
def test_others_cannot_read_or_change_the_submission(client, mexico_review, who):
    user = {
        "other_country": lambda: focal_point(Country.objects.get(iso3="PHL")),
        "stakeholder": UserFactory,
        "other_secretariat": lambda: commission_secretariat(Commission.objects.get(code="ECE")),
    }[who]()
    client.force_login(user)
    section = mexico_review.sections.first()
    for name in ["edit", "objectives"]:
        assert (
            client.get(reverse(f"submissions:{name}", args=[mexico_review.pk])).status_code == 404
        )
    assert autosave(client, mexico_review, section, "<p>Intrusion</p>", 0).status_code == 404
    assert client.post(reverse("submissions:submit", args=[mexico_review.pk])).status_code == 404
    section.refresh_from_db()
    assert section.text == ""


def test_anonymous_visitor_gets_nothing(client, mexico_review):
    section = mexico_review.sections.first()
    page = client.get(reverse("submissions:edit", args=[mexico_review.pk]))
    assert page.status_code == 302 and page["Location"].startswith(reverse("account_login"))
    response = autosave(client, mexico_review, section, "<p>x</p>", 0)
    assert response.status_code == 401
    assert response.json()["error"] == "signed_out"


def test_secretariat_of_the_commission_reads_but_cannot_write(client, mexico_review):
    client.force_login(commission_secretariat(Commission.objects.get(code="ECLAC")))
    section = mexico_review.sections.first()
    assert client.get(reverse("submissions:edit", args=[mexico_review.pk])).status_code == 200
    assert autosave(client, mexico_review, section, "<p>Edited by staff</p>", 0).status_code == 404
    queue = client.get(reverse("submissions:queue", args=[mexico_review.review.pk]))
    assert "Mexico" in queue.content.decode()


def test_only_the_designated_focal_point_submits(client, mexico_review):
    for section in mexico_review.sections.all():
        services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    client.force_login(focal_point(Country.objects.get(iso3="MEX")))
    assert client.post(reverse("submissions:submit", args=[mexico_review.pk])).status_code == 404
    client.force_login(designated("MEX"))
    assert client.post(reverse("submissions:submit", args=[mexico_review.pk])).status_code == 302
    mexico_review.refresh_from_db()
    assert mexico_review.status == SubmissionStatus.SUBMITTED
    section = mexico_review.sections.first()
    late_edit = autosave(client, mexico_review, section, "<p>After submitting</p>", 1)
    assert late_edit.status_code == 404


def test_autosave_conflict_returns_both_texts(client, mexico_review):
    section = mexico_review.sections.first()
    first, second = focal_point(Country.objects.get(iso3="MEX")), designated("MEX")
    client.force_login(first)
    autosave(client, mexico_review, section, "<p>Texto de Ana</p>", 0)
    client.force_login(second)
    response = autosave(client, mexico_review, section, "<p>Texto de Luis</p>", 0)
    assert response.status_code == 409
    assert response.json()["text"] == "<p>Texto de Ana</p>"
    assert response.json()["version"] == 1
    merged = autosave(client, mexico_review, section, "<p>Texto de Ana y Luis</p>", 1)
    assert merged.json()["version"] == 2


def test_plain_form_conflict_keeps_what_was_typed(client, mexico_review):
    section = mexico_review.sections.first()
    services.save_section(
        section_text=section, text="<p>Saved by a colleague</p>", base_version=0, actor=None
    )
    client.force_login(focal_point(Country.objects.get(iso3="MEX")))
    response = client.post(
        reverse("submissions:edit", args=[mexico_review.pk]),
        {
            f"section-{section.pk}-text": "<p>My own paragraph</p>",
            f"section-{section.pk}-version": 0,
        },
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "&lt;p&gt;My own paragraph&lt;/p&gt;" in html
    assert "<p>Saved by a colleague</p>" in html


def test_oversize_text_gets_a_clear_error_and_saved_text_stays(client, mexico_review):
    section = mexico_review.sections.first()
    services.save_section(section_text=section, text="<p>Kept</p>", base_version=0, actor=None)
    client.force_login(focal_point(Country.objects.get(iso3="MEX")))
    response = autosave(client, mexico_review, section, "x" * 200_001, 1)
    assert response.status_code == 422
    assert "too long to save" in response.json()["messages"][0]
    section.refresh_from_db()
    assert section.text == "<p>Kept</p>"


def test_history_shows_who_changed_what(client, mexico_review):
    section = mexico_review.sections.first()
    writer = focal_point(Country.objects.get(iso3="MEX"), user__name="Ana Ruiz")
    services.save_section(
        section_text=section, text="<p>Primera versión</p>", base_version=0, actor=writer
    )
    services.save_section(
        section_text=section, text="<p>Segunda versión</p>", base_version=1, actor=writer
    )
    client.force_login(writer)
    html = client.get(
        reverse("submissions:history", args=[mexico_review.pk, section.pk])
    ).content.decode()
    assert "Ana Ruiz" in html
    assert differences(html) == [
        "<del>Primera</del> <ins>Segunda</ins> versión",
        "<ins>Primera versión</ins>",
    ]


def test_history_escapes_the_words_it_compares(client, mexico_review):
    section = mexico_review.sections.first()
    writer = focal_point(Country.objects.get(iso3="MEX"))
    services.save_section(
        section_text=section, text="<p>a &lt;b&gt; &amp; c</p>", base_version=0, actor=writer
    )
    client.force_login(writer)
    response = client.get(reverse("submissions:history", args=[mexico_review.pk, section.pk]))
    assert differences(response.content.decode()) == ["<ins>a &lt;b&gt; &amp; c</ins>"]


def differences(html: str) -> list[str]:
    """The word differences a history page shows, newest first."""
    return re.findall(r'<p class="diff">(.*?)</p>', html)


def test_review_queue_keeps_a_constant_number_of_queries(client, reference_data):
    client.force_login(commission_secretariat(Commission.objects.get(code="ECLAC")))
    first = make_voluntary_review("MEX", "ECLAC")
    url = reverse("submissions:queue", args=[first.review.pk])

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    one = count()
    for iso3 in ["ARG", "BRA", "CHL"]:
        services.start_submission(
            kind="voluntary_review",
            review=first.review,
            language="es",
            country=Country.objects.get(iso3=iso3),
            actor=None,
        )
    assert count() == one


def test_focal_point_starts_its_country_review_from_the_list(client, reference_data):
    from reviews.enums import ReviewStatus
    from tests.factories import make_review

    eclac = make_review("ECLAC", status=ReviewStatus.ANNOUNCED)
    ece = make_review("ECE", slug="other", status=ReviewStatus.ANNOUNCED)
    draft = make_review("ECLAC", slug="draft")
    client.force_login(focal_point(Country.objects.get(iso3="MEX")))
    page = client.get(reverse("submissions:start_voluntary_review")).content.decode()
    assert eclac.title in page and ece.title not in page
    assert f'value="{draft.pk}"' not in page
    response = client.post(
        reverse("submissions:start_voluntary_review"),
        {"review": eclac.pk, "language": "es", "country": Country.objects.get(iso3="MEX").pk},
    )
    submission = eclac.submissions.get()
    assert response["Location"] == reverse("submissions:edit", args=[submission.pk])
    mine = client.get(reverse("submissions:mine")).content.decode()
    assert reverse("submissions:edit", args=[submission.pk]) in mine
    refused = client.post(
        reverse("submissions:start_voluntary_review"),
        {"review": ece.pk, "language": "es", "country": Country.objects.get(iso3="MEX").pk},
    )
    assert refused.status_code == 200
    assert ece.submissions.count() == 0


def test_stakeholder_cannot_start_a_voluntary_review(client, reference_data):
    client.force_login(UserFactory())
    assert client.get(reverse("submissions:start_voluntary_review")).status_code == 404


def test_organisation_and_individual_stakeholder_submit_regional_inputs(client, reference_data):
    from accounts.enums import Role
    from reviews.enums import ReviewStatus
    from tests.factories import OrganisationFactory, RoleAssignmentFactory, make_review

    review = make_review("ESCAP", status=ReviewStatus.ANNOUNCED)
    organisation = OrganisationFactory(country=Country.objects.get(iso3="PHL"))
    representative = RoleAssignmentFactory(
        role=Role.ORGANISATION_REPRESENTATIVE, organisation=organisation, designated=True
    ).user
    client.force_login(representative)
    url = reverse("submissions:start_regional_input")
    client.post(url, {"review": review.pk, "language": "zh-hans", "organisation": organisation.pk})
    by_organisation = review.submissions.get(organisation=organisation)
    assert by_organisation.outline.kind == "regional_input"
    assert [s.number for s in by_organisation.outline.sections.all()] == ["a", "b", "c", "d", "e"]
    person = UserFactory()
    client.force_login(person)
    client.post(url, {"review": review.pk, "language": "ar", "organisation": ""})
    own = review.submissions.get(author=person)
    assert client.get(reverse("submissions:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("submissions:edit", args=[by_organisation.pk])).status_code == 404
    client.post(reverse("submissions:withdraw", args=[own.pk]))
    own.refresh_from_db()
    assert own.status == "withdrawn"


@pytest.mark.parametrize("page", ["edit", "objectives", "mine"])
def test_author_pages_keep_a_constant_number_of_queries(client, mexico_review, page):
    writer = designated("MEX")
    client.force_login(writer)
    url = (
        reverse("submissions:mine")
        if page == "mine"
        else reverse(f"submissions:{page}", args=[mexico_review.pk])
    )

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    def grow(submission, times):
        for section in submission.sections.all():
            for _ in range(times):
                section.refresh_from_db()
                services.save_section(
                    section_text=section,
                    text=f"<p>v{section.version}</p>",
                    base_version=section.version,
                    actor=writer,
                )
        for row in submission.objective_progress.all()[:times]:
            row.narrative = "Avance"
            row.save()

    grow(mexico_review, 1)
    one = count()
    grow(mexico_review, 3)
    from tests.factories import make_review

    other = make_review("ECLAC", slug="second")
    services.start_submission(
        kind="voluntary_review",
        review=other,
        language="es",
        country=Country.objects.get(iso3="MEX"),
        actor=None,
    )
    assert count() == one
