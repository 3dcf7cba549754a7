"""The secretariat's workspace through its pages: access by scope, forms, documents, feeds."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reference.models import Commission, Country, Objective
from reviews.enums import DocumentKind, ReviewStatus, Visibility
from reviews.models import DocumentVersion, RegionalReview, ReviewDocument
from tests.factories import (
    UserFactory,
    commission_secretariat,
    focal_point,
    make_review,
    network_secretariat,
)
from tests.reviews.test_rules import add_session
from tests.stakeholders.builders import participant_of

pytestmark = pytest.mark.django_db

MANAGE_PAGES = [
    "dashboard",
    "edit",
    "roadmap",
    "roundtables",
    "programme",
    "checklist",
    "documents",
]
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ece_review(reference_data):
    return make_review("ECE")


@pytest.fixture
def ece_staff(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECE"))


def test_commission_secretariat_reaches_every_page_of_its_review(client, ece_review, ece_staff):
    client.force_login(ece_staff)
    for name in MANAGE_PAGES:
        assert client.get(reverse(f"reviews:{name}", args=[ece_review.pk])).status_code == 200, name


def test_other_commission_cannot_see_or_change_the_review(client, ece_review):
    client.force_login(commission_secretariat(Commission.objects.get(code="ECLAC")))
    for name in MANAGE_PAGES:
        assert client.get(reverse(f"reviews:{name}", args=[ece_review.pk])).status_code == 404
    response = client.post(reverse("reviews:edit", args=[ece_review.pk]), {"title": "Hijacked"})
    assert response.status_code == 404
    # A draft review is not public either.
    assert client.get(reverse("reviews:review", args=[ece_review.pk])).status_code == 404
    ece_review.refresh_from_db()
    assert ece_review.title == "Regional review ECE"


def test_focal_point_and_stakeholder_reach_no_workspace(client, ece_review):
    for user in [focal_point(Country.objects.get(iso3="FRA")), UserFactory()]:
        client.force_login(user)
        for name in MANAGE_PAGES:
            assert client.get(reverse(f"reviews:{name}", args=[ece_review.pk])).status_code == 404
        assert client.get(reverse("reviews:cycles")).status_code == 404


def test_announced_review_is_public(client, ece_review):
    assert client.get(reverse("reviews:review", args=[ece_review.pk])).status_code == 404
    RegionalReview.objects.filter(pk=ece_review.pk).update(status=ReviewStatus.ANNOUNCED)
    response = client.get(reverse("reviews:review", args=[ece_review.pk]))
    assert response.status_code == 200
    assert "Regional review ECE" in response.content.decode()


def test_commission_secretariat_creates_a_review_for_its_commission_only(client, ece_staff):
    client.force_login(ece_staff)
    cycle = make_review("ESCAP").cycle
    url = reverse("reviews:review_new")
    form = {
        "cycle": cycle.pk,
        "title": "UNECE review",
        "meeting_format": "virtual",
        "meeting_start": "2025-11-10",
        "meeting_end": "2025-11-11",
    }
    refused = client.post(url, {**form, "commission": Commission.objects.get(code="ECLAC").pk})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    created = client.post(url, {**form, "commission": Commission.objects.get(code="ECE").pk})
    review = RegionalReview.objects.get(title="UNECE review")
    assert created["Location"] == reverse("reviews:dashboard", args=[review.pk])
    assert review.report_due == datetime.date(2026, 1, 11)


def edit_form(review, **changes):
    data = {
        "version": review.version,
        "title": review.title,
        "meeting_start": review.meeting_start.isoformat(),
        "meeting_end": review.meeting_end.isoformat(),
        "venue": review.venue,
        "meeting_format": review.meeting_format,
        "working_languages": ["en", "fr"],
        "online_meeting_link": "",
        "documents_due_weeks": review.documents_due_weeks,
        "consultation_opens": "",
        "consultation_closes": "",
        "submissions_due": "",
    }
    data.update(changes)
    return data


def test_concurrent_edit_is_detected_and_nothing_is_overwritten(client, ece_review, ece_staff):
    client.force_login(ece_staff)
    url = reverse("reviews:edit", args=[ece_review.pk])
    first = edit_form(ece_review, venue="Palais des Nations")
    second = edit_form(ece_review, venue="Online only")
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this while you were editing it." in html
    assert "Palais des Nations" in html  # their version, shown beside
    assert 'value="Online only"' in html  # what this writer typed, kept
    ece_review.refresh_from_db()
    assert ece_review.venue == "Palais des Nations"


def test_bad_dates_are_refused_with_a_clear_error(client, ece_review, ece_staff):
    client.force_login(ece_staff)
    response = client.post(
        reverse("reviews:edit", args=[ece_review.pk]),
        edit_form(ece_review, meeting_start="2020-11-20", meeting_end="2020-11-12"),
    )
    assert response.status_code == 200
    assert "The meeting cannot end before it starts." in response.content.decode()
    ece_review.refresh_from_db()
    assert ece_review.meeting_end == datetime.date(2020, 11, 13)


def test_moving_an_objective_out_shows_on_dashboard_and_checklist(client, ece_review, ece_staff):
    client.force_login(ece_staff)
    data = {}
    for roundtable in ece_review.roundtables.all():
        numbers = [o.pk for o in roundtable.objectives.all() if o.number != 23]
        data[f"rt{roundtable.number}-title"] = ""
        data[f"rt{roundtable.number}-objectives"] = numbers
    client.post(reverse("reviews:roundtables", args=[ece_review.pk]), data)
    dashboard = client.get(reverse("reviews:dashboard", args=[ece_review.pk])).content.decode()
    checklist = client.get(reverse("reviews:checklist", args=[ece_review.pk])).content.decode()
    assert "Objective 23 is covered by no round table." in dashboard
    assert "Objective 23 is covered by no round table." in checklist


def test_round_tables_check_the_objectives_they_cover(client, ece_review, ece_staff):
    first = ece_review.roundtables.get(number=1)
    first.objectives.set(Objective.objects.filter(number__in=[2, 5]))
    client.force_login(ece_staff)
    html = client.get(reverse("reviews:roundtables", args=[ece_review.pk])).content.decode()
    checked = re.findall(
        r'name="rt1-objectives" value="(\d+)" id="id_rt1-objectives_\d+" checked', html
    )
    assert checked == [
        str(o.pk) for o in Objective.objects.filter(number__in=[2, 5]).order_by("number")
    ]


def test_documents_page_shows_languages_and_comments_of_each_document(
    client, ece_review, ece_staff
):
    document = ReviewDocument.objects.create(
        review=ece_review, kind=DocumentKind.CONCEPT_NOTE, title="Concept", visibility="public"
    )
    for language, number in [("fr", 1), ("en", 1), ("en", 2)]:
        DocumentVersion.objects.create(
            document=document,
            language=language,
            number=number,
            file=f"reviews/{ece_review.pk}/documents/{document.pk}/{language}-v{number}.pdf",
            original_name="concept.pdf",
            content_type="application/pdf",
            size=1000,
        )
    document.comments.create(author=UserFactory(), text="One")
    document.comments.create(author=UserFactory(), text="Two")
    client.force_login(ece_staff)
    html = client.get(reverse("reviews:documents", args=[ece_review.pk])).content.decode()
    row = html[html.index(f'<a href="/en/documents/{document.pk}/">Concept</a>') :]
    row = row[: row.index("</tr>")]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", row)[-2:] == ["en, fr", "2"]


def test_men_only_panel_shows_on_programme_and_dashboard(client, ece_review, ece_staff):
    add_session(
        ece_review,
        title="Panel on return",
        people=[("man", "FRA", "national_government"), ("man", "DEU", "national_government")],
    )
    client.force_login(ece_staff)
    programme = client.get(reverse("reviews:programme", args=[ece_review.pk])).content.decode()
    dashboard = client.get(reverse("reviews:dashboard", args=[ece_review.pk])).content.decode()
    assert "Only men speak in this session." in programme
    assert "Only men speak in the session “Panel on return”." in dashboard


def test_speaker_form_requires_a_category_for_stakeholders(client, ece_review, ece_staff):
    session = add_session(ece_review)
    client.force_login(ece_staff)
    response = client.post(
        reverse("reviews:speaker_new", args=[ece_review.pk, session.pk]),
        {
            "role": "panellist",
            "name": "Amal Haddad",
            "gender": "woman",
            "affiliation": "stakeholder",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose the stakeholder category." in html
    assert 'value="Amal Haddad"' in html


def test_checklist_item_update_and_conflict(client, ece_review, ece_staff):
    client.force_login(ece_staff)
    item = ece_review.checklist_items.get(key="interactive-debates")
    url = reverse("reviews:checklist_item", args=[ece_review.pk, item.pk])
    form = {
        "version": 1,
        "status": "done",
        "owner": ece_staff.pk,
        "note": "Agreed format",
        "evidence_links": "https://example.org/minutes\n",
        "due_date": "",
    }
    assert client.post(url, form).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.owner, item.evidence_links) == (
        "done",
        ece_staff,
        ["https://example.org/minutes"],
    )
    stale = client.post(url, {**form, "status": "in_progress"})
    assert stale.status_code == 409
    assert "<dt>Note</dt><dd>Agreed format</dd>" in stale.content.decode()
    bad_link = client.post(url, {**form, "version": 2, "evidence_links": "javascript:alert(1)"})
    assert "is not a web address" in bad_link.content.decode()
    item.refresh_from_db()
    assert item.status == "done"


def upload(client, document, content, name, language="en"):
    return client.post(
        reverse("reviews:document", args=[document.pk]),
        {
            "action": "upload",
            "language": language,
            "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )


def test_document_upload_checks_content_and_size(client, ece_review, ece_staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = ReviewDocument.objects.create(
        review=ece_review, kind=DocumentKind.BACKGROUND, title="Background paper"
    )
    client.force_login(ece_staff)
    fake = upload(client, document, b"<html><script>alert(1)</script></html>", "paper.pdf")
    assert fake.status_code == 422
    assert "not one of the accepted kinds" in fake.content.decode()
    renamed = upload(client, document, PDF_BYTES, "paper.docx")
    assert "does not end in .pdf" in renamed.content.decode()
    assert document.versions.count() == 0
    assert upload(client, document, PDF_BYTES, "paper.pdf").status_code == 302
    assert upload(client, document, PDF_BYTES, "paper-v2.pdf").status_code == 302
    assert list(document.versions.values_list("language", "number")) == [("en", 2), ("en", 1)]


def test_document_files_are_served_only_to_those_allowed(
    client, ece_review, ece_staff, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    RegionalReview.objects.filter(pk=ece_review.pk).update(status=ReviewStatus.ANNOUNCED)
    document = ReviewDocument.objects.create(
        review=ece_review,
        kind=DocumentKind.BACKGROUND,
        title="Background paper",
        visibility=Visibility.SECRETARIAT,
    )
    client.force_login(ece_staff)
    upload(client, document, PDF_BYTES, "paper.pdf")
    version = document.versions.get()
    url = reverse("reviews:document_download", args=[document.pk, version.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="paper.pdf"'
    assert response["Cache-Control"] == "private, no-store"  # no shared cache keeps it
    assert b"".join(response.streaming_content) == PDF_BYTES
    stakeholder = participant_of(ece_review)
    client.force_login(stakeholder)
    assert client.get(url).status_code == 404
    document.visibility = Visibility.PARTICIPANTS
    document.save()
    assert client.get(url).status_code == 200
    client.force_login(UserFactory())  # signed in, but not registered for the review
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_stakeholder_comments_while_the_consultation_is_open(client, ece_review, ece_staff):
    today = timezone.localdate()
    RegionalReview.objects.filter(pk=ece_review.pk).update(
        status=ReviewStatus.ANNOUNCED,
        consultation_opens=today - datetime.timedelta(days=1),
        consultation_closes=today + datetime.timedelta(days=1),
    )
    document = ReviewDocument.objects.create(
        review=ece_review,
        kind=DocumentKind.SPEAKERS,
        title="List of panellists",
        visibility=Visibility.PARTICIPANTS,
        shared_on=today,
    )
    url = reverse("reviews:document", args=[document.pk])
    client.force_login(UserFactory())  # not registered for the review
    assert client.post(url, {"text": "Please add a youth speaker."}).status_code == 404
    stakeholder = participant_of(ece_review)
    client.force_login(stakeholder)
    assert client.post(url, {"text": "Please add a youth speaker."}).status_code == 302
    RegionalReview.objects.filter(pk=ece_review.pk).update(
        consultation_closes=today - datetime.timedelta(days=1)
    )
    late = client.post(url, {"text": "A second thought."})
    assert "Comments on this document are closed." in late.content.decode()
    assert "A second thought." in late.content.decode()
    client.force_login(ece_staff)
    page = client.get(url).content.decode()
    assert "Please add a youth speaker." in page
    assert document.comments.count() == 1


def test_calendar_feed_lists_meeting_and_deadlines(client, ece_review):
    RegionalReview.objects.filter(pk=ece_review.pk).update(status=ReviewStatus.ANNOUNCED)
    response = client.get(reverse("reviews:review_calendar", args=[ece_review.pk]))
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "SUMMARY:Regional review ECE" in body
    assert "DTSTART;VALUE=DATE:20201112" in body
    assert "DTEND;VALUE=DATE:20201114" in body
    assert "DTSTART;VALUE=DATE:20210113" in body  # report due
    cycle = client.get(reverse("reviews:cycle_calendar", args=[ece_review.cycle.slug]))
    assert "SUMMARY:Regional review ECE" in cycle.content.decode()


def test_draft_review_is_not_in_the_public_calendar(client, ece_review):
    cycle = client.get(reverse("reviews:cycle_calendar", args=[ece_review.cycle.slug]))
    assert "Regional review ECE" not in cycle.content.decode()
    assert client.get(reverse("reviews:review_calendar", args=[ece_review.pk])).status_code == 404


def grow(review, size):
    """`size` sessions with speakers, documents with versions and comments, owned items."""
    for index in range(1, size + 1):
        add_session(
            review,
            title=f"Session {index}",
            people=[
                ("woman", "FRA", "national_government"),
                ("man", "KAZ", "stakeholder"),
                ("man", "DEU", "intergovernmental"),
            ],
        )
        document = ReviewDocument.objects.create(
            review=review, kind="background", title=f"Doc {index}", visibility=Visibility.PUBLIC
        )
        for language in ("en", "fr"):
            DocumentVersion.objects.create(
                document=document,
                language=language,
                number=1,
                file=f"reviews/{review.pk}/documents/{document.pk}/{language}-v1.pdf",
                original_name=f"doc-{index}.pdf",
                content_type="application/pdf",
                size=1000,
            )
        document.comments.create(author=UserFactory(), text="An input")
    for index, item in enumerate(review.checklist_items.order_by("pk")[:size], start=1):
        item.owner = UserFactory(name=f"Owner {index}")
        item.due_date = review.meeting_start
        item.save()


# What only the larger review shows on each page, proving the two sizes differ there.
SHOWN_ONLY_AT_SIZE_FIVE = {
    "dashboard": "(5/15)",
    "programme": "Session 5",
    "checklist": "Owner 5",
    "documents": "Doc 5",
    "review": "Doc 5",
}


@pytest.mark.parametrize("name", [*MANAGE_PAGES, "review"])
def test_review_pages_keep_a_constant_number_of_queries(client, reference_data, name):
    user = network_secretariat()
    client.force_login(user)

    def count(review):
        url = reverse(f"reviews:{name}", args=[review.pk])
        client.get(url)  # warm caches that are not per request
        cache.clear()  # render the page, not its cached content
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context), response.content.decode()

    small = make_review("ECE")
    grow(small, 1)
    large = make_review("ESCAP")
    grow(large, 5)
    (small_count, small_html), (large_count, large_html) = count(small), count(large)
    if name in SHOWN_ONLY_AT_SIZE_FIVE:
        marker = SHOWN_ONLY_AT_SIZE_FIVE[name]
        assert (marker in small_html, marker in large_html) == (False, True)
    assert small_count == large_count


def test_public_page_loads_only_what_it_shows(client, reference_data):
    review = make_review("ECE", status=ReviewStatus.ANNOUNCED)
    grow(review, 2)
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("reviews:review", args=[review.pk])).status_code == 200
    tables = " ".join(query["sql"] for query in context.captured_queries)
    for unshown in [
        "reviews_checklistitem",
        "reviews_roadmapphase",
        "reviews_documentversion",
        "reviews_documentcomment",
    ]:
        assert unshown not in tables


def public_page(client, user, review) -> str:
    client.logout()
    client.force_login(user)
    response = client.get(reverse("reviews:review", args=[review.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_public_page_shows_a_change_at_once_to_signed_in_users(client, reference_data):
    review = make_review("ECE", status=ReviewStatus.ANNOUNCED)
    session = add_session(review, title="Opening plenary")
    stakeholder = participant_of(review)
    before = public_page(client, stakeholder, review)
    session.title = "Closing plenary"
    session.save()
    ReviewDocument.objects.create(
        review=review, kind=DocumentKind.AGENDA, title="Draft agenda", visibility="participants"
    )
    after = public_page(client, stakeholder, review)
    assert ("Opening plenary" in before, "Draft agenda" in before) == (True, False)
    assert ("Closing plenary" in after, "Opening plenary" in after) == (True, False)
    assert "Draft agenda" in after


def test_public_page_content_is_never_shown_to_another_audience(client, reference_data):
    review = make_review("ECE", status=ReviewStatus.ANNOUNCED)
    for title, visibility in [("Internal memo", "secretariat"), ("Agenda", "participants")]:
        ReviewDocument.objects.create(
            review=review, kind=DocumentKind.AGENDA, title=title, visibility=visibility
        )
    secretariat = commission_secretariat(Commission.objects.get(code="ECE"))
    other_secretariat = commission_secretariat(Commission.objects.get(code="ECA"))
    seen = {
        name: ("Internal memo" in html, "Agenda" in html, "Secretariat dashboard" in html)
        for name, html in [
            ("secretariat", public_page(client, secretariat, review)),
            ("participant", public_page(client, participant_of(review), review)),
            ("stakeholder", public_page(client, UserFactory(), review)),
            ("other secretariat", public_page(client, other_secretariat, review)),
            ("secretariat again", public_page(client, secretariat, review)),
        ]
    }
    client.logout()
    anonymous = client.get(reverse("reviews:review", args=[review.pk])).content.decode()
    assert seen == {
        "secretariat": (True, True, True),
        "participant": (False, True, False),
        "stakeholder": (False, False, False),
        "other secretariat": (False, False, False),
        "secretariat again": (True, True, True),
    }
    assert ("Internal memo" in anonymous, "Agenda" in anonymous) == (False, False)


def test_public_page_content_is_rendered_in_the_visitor_language(client, reference_data):
    review = make_review("ECE", status=ReviewStatus.ANNOUNCED)
    stakeholder = UserFactory()
    english = public_page(client, stakeholder, review)
    french = client.get(f"/fr/reviews/{review.pk}/").content.decode()
    assert [("Round tables" in html, "Tables rondes" in html) for html in (english, french)] == [
        (True, False),
        (False, True),
    ]


def test_cycle_dashboard_keeps_a_constant_number_of_queries(client, reference_data):
    client.force_login(network_secretariat())
    first = make_review("ECE")
    grow(first, 1)
    url = reverse("reviews:cycle", args=[first.cycle.slug])

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    one = count()
    for code in ["ECA", "ESCAP", "ESCWA"]:
        grow(make_review(code), 3)
    assert count() == one


def test_review_list_shows_announced_reviews_and_own_drafts(client, reference_data):
    announced = make_review("ECA", status=ReviewStatus.ANNOUNCED)
    draft = make_review("ECE")
    public = client.get(reverse("reviews:reviews")).content.decode()
    assert announced.title in public and draft.title not in public
    client.force_login(commission_secretariat(Commission.objects.get(code="ECE")))
    staff = client.get(reverse("reviews:reviews")).content.decode()
    assert announced.title in staff and draft.title in staff


def test_review_list_keeps_a_constant_number_of_queries(client, reference_data):
    client.force_login(network_secretariat())

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("reviews:reviews")).status_code == 200
        return len(context)

    make_review("ECE")
    one = count()
    for code in ["ECA", "ESCAP", "ESCWA"]:
        make_review(code)
    assert count() == one


@pytest.mark.parametrize("page", ["checklist_item", "session_edit", "speaker_edit", "document"])
def test_detail_pages_keep_a_constant_number_of_queries(client, reference_data, page):
    client.force_login(network_secretariat())

    def url_for(review):
        session = review.sessions.first()
        return {
            "checklist_item": reverse(
                "reviews:checklist_item", args=[review.pk, review.checklist_items.first().pk]
            ),
            "session_edit": reverse("reviews:session_edit", args=[review.pk, session.pk]),
            "speaker_edit": reverse(
                "reviews:speaker_edit", args=[review.pk, session.pk, session.speakers.first().pk]
            ),
            "document": reverse("reviews:document", args=[review.documents.first().pk]),
        }[page]

    def count(review):
        url = url_for(review)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    small, large = make_review("ECE"), make_review("ESCAP")
    grow(small, 1)
    grow(large, 4)
    for document in large.documents.all():
        for author in UserFactory.create_batch(3):
            document.comments.create(author=author, text="More inputs")
    assert count(small) == count(large)


def test_sharing_a_document_records_the_day(client, ece_review, ece_staff):
    client.force_login(ece_staff)
    client.post(
        reverse("reviews:document_new", args=[ece_review.pk]),
        {"kind": "agenda", "title": "Agenda", "visibility": "secretariat", "shared_on": ""},
    )
    document = ece_review.documents.get()
    assert document.shared_on is None
    client.post(
        reverse("reviews:document_edit", args=[document.pk]),
        {"kind": "agenda", "title": "Agenda", "visibility": "public", "shared_on": ""},
    )
    document.refresh_from_db()
    assert document.shared_on == timezone.localdate()


def test_stale_targets_answer_409_with_both_versions(client, ece_review, ece_staff):
    client.force_login(ece_staff)
    url = reverse("reviews:programme", args=[ece_review.pk])
    targets = {
        "version": ece_review.version,
        "target_women_share": 50,
        "target_countries": 10,
        "target_subregions": 3,
        "target_society_share": 40,
    }
    assert client.post(url, targets).status_code == 302
    stale = client.post(url, {**targets, "target_women_share": 45})
    html = stale.content.decode()
    assert stale.status_code == 409
    assert "Saved meanwhile by someone else" in html
    assert 'name="target_women_share" value="45"' in html
    ece_review.refresh_from_db()
    assert ece_review.target_women_share == 50
