"""Asking for a document, watching it, downloading it: and nobody else getting it."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import RoleAssignment
from config.celery import require_print_fonts
from reference.models import Commission
from reports.enums import RenderStatus
from reports.models import RenderJob
from reports.printing import checks
from reports.printing.services import remove_old_documents, render_job, render_now
from tests.factories import UserFactory, commission_secretariat, focal_point
from tests.reports.builders import secretariat_of, written_submission

pytestmark = pytest.mark.django_db


def test_asking_for_a_pdf_renders_it_and_opens_its_page(
    reference_data, client, django_capture_on_commit_callbacks
):
    submission = written_submission(text="<p>Printed from the page.</p>")
    secretariat = secretariat_of(submission)
    client.force_login(secretariat)
    page = client.get(reverse("submissions:edit", kwargs={"pk": submission.pk}))
    assert reverse("reports:print", kwargs={"kind": "submission", "pk": submission.pk}) in (
        page.content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:print", kwargs={"kind": "submission", "pk": submission.pk}),
            {"language": "ar"},
        )
    job = RenderJob.objects.get()
    assert response.headers["Location"] == job.get_absolute_url()
    assert (job.requested_by, job.language, job.status) == (secretariat, "ar", "succeeded")
    download = client.get(reverse("reports:download", kwargs={"pk": job.pk}))
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"


def test_the_print_button_offers_the_six_languages_and_the_page_s_first(reference_data, client):
    import re

    submission = written_submission()
    client.force_login(secretariat_of(submission))

    page = client.get(f"/fr/submissions/{submission.pk}/").content.decode()

    options = re.findall(r'<option value="([^"]+)" lang="[^"]+"( selected)?>([^<]+)</option>', page)
    assert [(code, selected) for code, selected, _name in options] == [
        ("ar", ""),
        ("zh-hans", ""),
        ("en", ""),
        ("fr", " selected"),
        ("ru", ""),
        ("es", ""),
    ]
    assert ("fr", " selected", "Français") in options


def test_an_unknown_language_is_refused_with_the_form_again(reference_data, client):
    submission = written_submission()
    client.force_login(secretariat_of(submission))
    response = client.post(
        reverse("reports:print", kwargs={"kind": "submission", "pk": submission.pk}),
        {"language": "xx"},
    )
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert not RenderJob.objects.exists()


def test_job_page_polls_until_the_document_is_finished(reference_data, client):
    submission = written_submission()
    secretariat = secretariat_of(submission)
    job = RenderJob.objects.create(
        requested_by=secretariat,
        kind="submission",
        object_id=submission.pk,
        review=submission.review,
        language="en",
    )
    client.force_login(secretariat)
    url = reverse("reports:job", kwargs={"pk": job.pk})
    queued = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in queued
    assert "<progress" in queued
    assert "<html" not in queued
    render_job(job.pk)
    done = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in done
    assert reverse("reports:download", kwargs={"pk": job.pk}) in done


def test_knowing_the_id_is_not_enough(reference_data, client):
    submission = written_submission(text="<p>Confidential draft.</p>")
    author = focal_point(submission.country)
    job = render_now("submission", submission.pk, "en", author)
    other_secretariat = commission_secretariat(Commission.objects.get(code="ECA"))
    for person in (UserFactory(), other_secretariat):
        client.force_login(person)
        assert client.get(reverse("reports:job", kwargs={"pk": job.pk})).status_code == 404
        assert client.get(reverse("reports:download", kwargs={"pk": job.pk})).status_code == 404


def test_a_person_who_loses_the_source_loses_the_file(reference_data, client):
    submission = written_submission(text="<p>Draft.</p>")
    author = focal_point(submission.country)
    job = render_now("submission", submission.pk, "en", author)
    client.force_login(author)
    url = reverse("reports:download", kwargs={"pk": job.pk})
    assert client.get(url).status_code == 200
    RoleAssignment.objects.filter(user=author).delete()
    author.refresh_from_db()
    client.force_login(author)
    assert client.get(url).status_code == 404


def test_my_documents_lists_ones_own_jobs_in_constant_queries(reference_data, client):
    submission = written_submission()
    secretariat = secretariat_of(submission)
    someone_else = focal_point(submission.country)
    mine = render_now("submission", submission.pk, "en", secretariat)
    theirs = render_now("submission", submission.pk, "fr", someone_else)
    client.force_login(secretariat)
    url = reverse("reports:documents")
    body = client.get(url).content.decode()
    assert reverse("reports:job", kwargs={"pk": mine.pk}) in body
    assert reverse("reports:job", kwargs={"pk": theirs.pk}) not in body
    for language in ("es", "ru", "zh-hans"):
        render_now("submission", submission.pk, language, secretariat)
    cache.clear()
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    render_now("submission", submission.pk, "ar", secretariat)
    cache.clear()
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    assert len(five) == len(four)


def test_old_documents_are_removed_with_files_no_one_shares(reference_data):
    submission = written_submission()
    secretariat = secretariat_of(submission)
    old = render_now("submission", submission.pk, "en", secretariat)
    reused = render_now("submission", submission.pk, "en", secretariat)
    alone = render_now("submission", submission.pk, "fr", secretariat)
    long_ago = timezone.now() - datetime.timedelta(days=60)
    RenderJob.objects.filter(pk__in=[old.pk, alone.pk]).update(finished_at=long_ago)
    storage = old.file.storage
    assert remove_old_documents() == 2
    assert list(RenderJob.objects.values_list("pk", flat=True)) == [reused.pk]
    assert storage.exists(reused.file.name)
    assert not storage.exists(alone.file.name)


def test_a_job_stuck_running_past_every_limit_fails(reference_data, settings):
    submission = written_submission()
    job = RenderJob.objects.create(
        requested_by=secretariat_of(submission),
        kind="submission",
        object_id=submission.pk,
        review=submission.review,
        language="en",
        status=RenderStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=3),
    )
    remove_old_documents()
    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", "The document took too long to render.")


def test_visibility_timeout_must_outlast_every_task(settings):
    settings.PRINT_SOFT_TIME_LIMIT, settings.PRINT_TIME_LIMIT = 240, 300
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300}
    assert [error.id for error in checks.check_visibility_timeout()] == ["reports.E001"]
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    assert checks.check_visibility_timeout() == []


def test_worker_refuses_to_start_without_the_fonts(monkeypatch):
    assert checks.missing_fonts() == {}
    monkeypatch.setitem(checks.REQUIRED_FONTS, "Noto Sans Imaginary", "fonts-noto-imaginary")
    with pytest.raises(ImproperlyConfigured, match="apt-get install fonts-noto-imaginary"):
        checks.require_fonts()
    with pytest.raises(SystemExit, match=r"The worker cannot start: .*Noto Sans Imaginary"):
        require_print_fonts()
