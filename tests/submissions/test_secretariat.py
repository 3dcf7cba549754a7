"""The secretariat's side: late flags, exports, the per-objective view, the outbox, attachments."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from outbox.models import OutboxMessage
from reference.models import Commission, Country
from reviews.models import RegionalReview
from submissions import services
from submissions.exports import neutralise
from tests.factories import (
    UserFactory,
    commission_secretariat,
    focal_point,
    make_voluntary_review,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def submitted(reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    focal_point(Country.objects.get(iso3="MEX"), user__email="ana@example.org", designated=True)
    for section in submission.sections.all():
        services.save_section(
            section_text=section, text='<p>=HYPERLINK("x")</p>', base_version=0, actor=None
        )
    services.submit_submission(submission=submission, actor=None)
    return submission


@pytest.fixture
def staff(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECLAC"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("México", "México"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(value, expected):
    assert neutralise(value) == expected


def test_late_submission_is_flagged(submitted):
    submitted_on = timezone.localdate(submitted.submitted_at)
    RegionalReview.objects.filter(pk=submitted.review.pk).update(
        submissions_due=submitted_on - datetime.timedelta(days=1)
    )
    submitted.refresh_from_db()
    assert submitted.is_late is True
    RegionalReview.objects.filter(pk=submitted.review.pk).update(submissions_due=submitted_on)
    submitted.refresh_from_db()
    assert submitted.is_late is False


def test_queue_exports_as_csv_and_xlsx(client, submitted, staff):
    client.force_login(staff)
    url = reverse("submissions:queue", args=[submitted.review.pk])
    response = client.get(url, {"export": "csv"})
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Kind", "Submitted by", "Language", "Status"]
    assert rows[1][:4] == ["Voluntary GCM review", "Mexico", "Spanish", "submitted"]
    workbook = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    sheet = workbook.active
    assert [cell.value for cell in sheet[2]][:2] == ["Voluntary GCM review", "Mexico"]
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)


def test_other_commission_cannot_export(client, submitted):
    client.force_login(commission_secretariat(Commission.objects.get(code="ECE")))
    url = reverse("submissions:queue", args=[submitted.review.pk])
    assert client.get(url, {"export": "csv"}).status_code == 404


def test_per_objective_view_gathers_what_submissions_say(client, submitted, staff):
    progress = submitted.objective_progress.get(objective__number=20)
    progress.narrative = "Remittance costs fell to 3.1%."
    progress.save()
    client.force_login(staff)
    html = client.get(
        reverse("submissions:objective", args=[submitted.review.pk, 20])
    ).content.decode()
    assert "Remittance costs fell to 3.1%." in html
    assert "Mexico" in html
    other = client.get(reverse("submissions:objective", args=[submitted.review.pk, 21]))
    assert "No submission says anything about this objective yet." in other.content.decode()


def test_decisions_wait_in_the_outbox_until_sent(client, submitted, staff):
    client.force_login(staff)
    client.post(
        reverse("submissions:decide", args=[submitted.pk]),
        {"status": "returned", "comment": "Please add data on objective 20."},
    )
    assert mail.outbox == []
    drafts = list(OutboxMessage.objects.filter(status="draft").order_by("pk"))
    assert [m.recipients for m in drafts] == [["ana@example.org"], ["ana@example.org"]]
    returned = drafts[-1]
    assert "Please add data on objective 20." in returned.body
    edit_url = reverse("outbox:message", args=[submitted.review.pk, returned.pk])
    client.post(edit_url, {"version": 1, "subject": "Revision requested", "body": "Edited text"})
    client.post(reverse("outbox:messages", args=[submitted.review.pk]), {"message": [returned.pk]})
    assert [(m.subject, m.body, m.to) for m in mail.outbox] == [
        ("Revision requested", "Edited text", ["ana@example.org"])
    ]
    client.post(reverse("outbox:messages", args=[submitted.review.pk]), {"message": [returned.pk]})
    assert len(mail.outbox) == 1  # never sent twice


def test_decision_email_is_written_in_the_submission_language(submitted):
    services.decide_submission(submission=submitted, actor=None, status="accepted")
    message = OutboxMessage.objects.latest("pk")
    with translation.override("en"):
        english = render_to_string(
            "submissions/email/accepted_subject.txt", {"review": submitted.review}
        ).strip()
    assert english == "Accepted: your submission to the Regional review ECLAC"
    assert message.subject == "Aceptada: su presentación a «Regional review ECLAC»"


def test_attachments_are_checked_and_served_only_to_those_allowed(
    client, reference_data, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    submission = make_voluntary_review("MEX", "ECLAC")
    writer = focal_point(Country.objects.get(iso3="MEX"))
    client.force_login(writer)
    attach = reverse("submissions:attach", args=[submission.pk])
    client.post(attach, {"file": SimpleUploadedFile("annex.pdf", b"MZ\x90\x00 not a pdf")})
    assert submission.attachments.count() == 0
    client.post(attach, {"file": SimpleUploadedFile("annex.pdf", PDF), "is_note_verbale": "on"})
    attachment = submission.attachments.get()
    assert attachment.is_note_verbale
    url = reverse("submissions:attachment", args=[submission.pk, attachment.pk])
    response = client.get(url)
    assert response["Content-Disposition"] == 'attachment; filename="annex.pdf"'
    for user in [focal_point(Country.objects.get(iso3="PHL")), UserFactory()]:
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("page", ["objective", "outbox"])
def test_secretariat_pages_keep_a_constant_number_of_queries(client, reference_data, page):
    first = make_voluntary_review("MEX", "ECLAC")
    client.force_login(commission_secretariat(Commission.objects.get(code="ECLAC")))
    url = (
        reverse("submissions:objective", args=[first.review.pk, 1])
        if page == "objective"
        else reverse("outbox:messages", args=[first.review.pk])
    )

    def grow(iso3):
        submission = services.start_submission(
            kind="voluntary_review",
            review=first.review,
            language="es",
            country=Country.objects.get(iso3=iso3),
            actor=None,
        )
        progress = submission.objective_progress.get(objective__number=1)
        progress.narrative = "Dato"
        progress.save()
        for section in submission.sections.all():
            services.save_section(section_text=section, text="<p>x</p>", base_version=0, actor=None)
        services.submit_submission(submission=submission, actor=None)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    grow("ARG")
    one = count()
    for iso3 in ["BRA", "CHL", "COL"]:
        grow(iso3)
    assert count() == one


def queue_rows(html: str) -> int:
    return html.count('<tr>\n      <td><a href="/en/submissions/')


def test_queue_filters_by_status_and_kind(client, submitted, staff):
    services.start_submission(
        kind="voluntary_review",
        review=submitted.review,
        language="es",
        country=Country.objects.get(iso3="ARG"),
        actor=None,
    )
    client.force_login(staff)
    url = reverse("submissions:queue", args=[submitted.review.pk])
    assert queue_rows(client.get(url).content.decode()) == 2
    html = client.get(url, {"status": "submitted", "kind": "voluntary_review"}).content.decode()
    assert queue_rows(html) == 1
    assert "Voluntary GCM review: Mexico" in html
    assert '<option value="submitted" selected>' in html


def test_queue_filter_with_an_invalid_value_says_so_and_keeps_the_rest(client, submitted, staff):
    client.force_login(staff)
    url = reverse("submissions:queue", args=[submitted.review.pk])
    response = client.get(url, {"status": "lost", "kind": "voluntary_review"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice. lost is not one of the available choices." in html
    assert '<option value="voluntary_review" selected>' in html


def test_queue_filter_with_htmx_answers_only_the_table(client, submitted, staff):
    client.force_login(staff)
    url = reverse("submissions:queue", args=[submitted.review.pk])
    html = client.get(url, {"status": "draft"}, headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<div id="queue-table"')
    assert "<html" not in html
    assert "No submissions yet." in html


def test_stale_outbox_edit_answers_409_with_both_versions(client, submitted, staff):
    message = OutboxMessage.objects.get()
    client.force_login(staff)
    url = reverse("outbox:message", args=[submitted.review.pk, message.pk])
    client.post(url, {"version": 1, "subject": "Recibido", "body": "Gracias"})
    response = client.post(url, {"version": 1, "subject": "Mi asunto", "body": "Mi texto"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "Saved meanwhile by someone else" in html
    assert "<dd>Recibido</dd>" in html
    assert 'value="Mi asunto"' in html
    assert '<input type="hidden" name="version" value="2"' in html
    message.refresh_from_db()
    assert message.subject == "Recibido"


def test_stale_objectives_page_answers_409_and_keeps_what_was_typed(client, reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    client.force_login(focal_point(Country.objects.get(iso3="MEX")))
    url = reverse("submissions:objectives", args=[submission.pk])
    form = {"version": submission.version, "plan_status": "exists", "o20-narrative": "Remesas"}
    assert client.post(url, form).status_code == 302
    response = client.post(url, {**form, "o20-narrative": "Otra versión"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "<td>Remesas</td>" in html  # theirs, in the table of what is stored
    assert "Otra versión</textarea>" in html  # mine, kept in the form
    assert submission.objective_progress.get(objective__number=20).narrative == "Remesas"


def test_outbox_sent_with_htmx_answers_the_table_with_what_happened(client, submitted, staff):
    message = OutboxMessage.objects.get()
    client.force_login(staff)
    url = reverse("outbox:messages", args=[submitted.review.pk])
    html = client.post(url, {"message": [message.pk]}, headers={"HX-Request": "true"}).content
    html = html.decode()
    assert html.lstrip().startswith('<div id="outbox-table">')
    assert "The chosen messages are being sent." in html
    assert 'name="message"' not in html  # the sent message can no longer be chosen
    nothing = client.post(url, {}, headers={"HX-Request": "true"}).content.decode()
    assert "Choose the messages to send." in nothing
    assert len(mail.outbox) == 1


def test_queue_pages_keep_the_filter_in_their_links(client, submitted, staff, monkeypatch):
    monkeypatch.setattr("core.listing.ROWS_PER_PAGE", 2)
    for country in Country.objects.filter(iso3__in=["ARG", "BRA"]):
        services.start_submission(
            kind="voluntary_review",
            review=submitted.review,
            language="es",
            country=country,
            actor=None,
        )
    client.force_login(staff)
    url = reverse("submissions:queue", args=[submitted.review.pk])
    first = client.get(url, {"kind": "voluntary_review"}).content.decode()
    second = client.get(url, {"kind": "voluntary_review", "page": 2}).content.decode()
    assert (queue_rows(first), queue_rows(second)) == (2, 1)
    assert '<a href="?kind=voluntary_review&amp;page=2" rel="next">' in first
    assert "Voluntary GCM review: Mexico" in second


def test_outbox_pages_hold_every_message_once(client, submitted, staff, monkeypatch):
    monkeypatch.setattr("core.listing.ROWS_PER_PAGE", 1)
    services.decide_submission(submission=submitted, actor=None, status="accepted")
    client.force_login(staff)
    url = reverse("outbox:messages", args=[submitted.review.pk])
    pages = [client.get(url, {"page": page}).content.decode() for page in [1, 2]]
    shown = [
        message.pk
        for message in OutboxMessage.objects.all()
        for page in pages
        if f'name="message" value="{message.pk}"' in page
    ]
    assert sorted(shown) == sorted(OutboxMessage.objects.values_list("pk", flat=True))
    assert '<a href="?page=2" rel="next">' in pages[0]
