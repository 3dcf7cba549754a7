"""The secretariat writes the outcome report and prints it, and prints a submission, in English
and in Arabic in a real browser, watches a document being rendered and downloads it."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from reference.models import Commission
from reports import services
from reports.models import RenderJob
from reports.printing.services import render_job
from tests.factories import commission_secretariat, make_review
from tests.reports.builders import ARABIC, secretariat_of, written_submission
from tests.reports.report_builders import write_sections

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ask_and_download(page, submission_url: str, language: str, tmp_path):
    page.goto(submission_url)
    page.get_by_label("Language of the document").select_option(language)
    page.get_by_role("button", name="Print / PDF").click()
    link = page.get_by_role("link", name="Download the PDF")
    expect(link).to_be_visible(timeout=60_000)
    with page.expect_download() as download:
        link.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_secretariat_prints_in_english_and_arabic_and_downloads_both(
    live_server, signed_in_page, transactional_reference_data, tmp_path
):
    submission = written_submission(language="ar", text=f"<p>{ARABIC}</p>", accepted=True)
    secretariat = secretariat_of(submission)
    page = signed_in_page(secretariat)
    url = f"{live_server.url}{submission.get_absolute_url()}"

    english = ask_and_download(page, url, "en", tmp_path)
    arabic = ask_and_download(page, url, "ar", tmp_path)

    assert english.name == f"submission-{submission.pk}-en.pdf"
    assert arabic.name == f"submission-{submission.pk}-ar.pdf"
    assert english.read_bytes()[:5] == arabic.read_bytes()[:5] == b"%PDF-"
    assert english.read_bytes() != arabic.read_bytes()
    page.get_by_role("link", name="My documents").click()
    expect(page.get_by_role("row")).to_have_count(3)  # a header and the two documents


def test_job_page_shows_progress_live_and_offers_the_file_when_ready(
    live_server, signed_in_page, transactional_reference_data
):
    submission = written_submission(text="<p>Rendered while the page watches.</p>")
    secretariat = secretariat_of(submission)
    # Asked for, not yet taken up by a worker.
    job = RenderJob.objects.create(
        requested_by=secretariat,
        kind="submission",
        object_id=submission.pk,
        review=submission.review,
        title=str(submission),
        language="en",
    )
    page = signed_in_page(secretariat)
    page.goto(f"{live_server.url}{job.get_absolute_url()}")
    expect(page.locator("progress")).to_be_visible()
    expect(page.get_by_text("queued")).to_be_visible()

    render_job(job.pk)

    # The page polls its fragment and shows the result without being reloaded, then stops.
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible(timeout=15_000)
    expect(page.locator("#job-progress")).not_to_have_attribute("hx-trigger", "every 1s")
    expect(page.locator("progress")).to_have_count(0)


def download_from_job_page(page, tmp_path):
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    link = page.get_by_role("link", name="Download the PDF")
    expect(link).to_be_visible(timeout=60_000)
    with page.expect_download() as download:
        link.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout


def test_secretariat_writes_the_report_and_downloads_it_in_english_and_arabic(
    live_server, signed_in_page, transactional_reference_data, tmp_path
):
    writer = commission_secretariat(Commission.objects.get(code="ESCWA"))
    report = services.start_report(review=make_review("ESCWA"), language="en", actor=writer)
    arabic = services.add_language_version(report=report, language="ar", actor=writer)
    write_sections(arabic, writer, f"<p>{ARABIC}</p>")
    page = signed_in_page(writer)
    report_url = f"{live_server.url}/en/reviews/{report.review_id}/report/"

    page.goto(f"{report_url}en/")
    findings = page.get_by_role("region", name=re.compile(r"^iii\. "))
    findings.get_by_role("textbox").click()
    page.keyboard.type("Regular pathways widened across the region.")
    expect(findings.get_by_role("status").filter(has_text=re.compile(r"^Saved$"))).to_be_visible()

    texts = {}
    for language, name in (("en", "English"), ("ar", "Arabic")):
        page.goto(report_url)
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name))
        row.get_by_role("button", name="Make the PDF").click()
        texts[language] = download_from_job_page(page, tmp_path).decode()

    assert "Regular pathways widened across the region." in texts["en"]
    assert ARABIC in texts["ar"]  # joined letters, in reading order
    assert set(RenderJob.objects.values_list("language", "status")) == {
        ("en", "succeeded"),
        ("ar", "succeeded"),
    }
