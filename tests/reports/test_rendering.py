"""Rendered documents read as their readers expect: scripts, fonts, reuse, the command."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from fontTools.ttLib import TTCollection

from reports.enums import RenderStatus
from reports.models import RenderJob
from reports.printing.rendering import html_to_pdf
from reports.printing.services import render_now, request_render
from stakeholders.enums import NameVisibility
from tests.reports.builders import (
    ARABIC,
    CHINESE,
    RUSSIAN,
    secretariat_of,
    written_submission,
)
from tests.stakeholders.builders import make_event, open_review, participant_of

pytestmark = pytest.mark.django_db


def pdf_text(job: RenderJob, *args: str) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    return subprocess.run(
        ["pdftotext", *args, job.file.path, "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_fonts(job: RenderJob) -> set[str]:
    """The families embedded in the PDF, without subset tags and styles ("Noto-Sans-CJK-SC")."""
    listing = subprocess.run(
        ["pdffonts", job.file.path], capture_output=True, text=True, check=True
    ).stdout
    names = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}
    return {name.removesuffix("-Bold") for name in names}


def test_arabic_document_extracts_as_arabic_in_reading_order(reference_data):
    submission = written_submission(language="ar", text=f"<p>{ARABIC}</p>")
    job = render_now("submission", submission.pk, "ar", secretariat_of(submission))
    text = pdf_text(job)
    assert ARABIC in " ".join(text.split())
    assert "Noto-Naskh-Arabic" in pdf_fonts(job)


def test_chinese_document_has_every_glyph_in_the_simplified_chinese_face(reference_data):
    submission = written_submission(language="zh-hans", text=f"<p>{CHINESE}</p>")
    job = render_now("submission", submission.pk, "zh-hans", secretariat_of(submission))
    assert CHINESE in "".join(pdf_text(job).split())
    fonts = pdf_fonts(job)
    assert fonts == {"Noto-Sans-CJK-SC"}
    face = subprocess.run(
        ["fc-match", "-f", "%{file}|%{index}", "Noto Sans CJK SC"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path, index = face.split("|")
    cmap = TTCollection(path).fonts[int(index)].getBestCmap()
    assert [char for char in CHINESE if ord(char) not in cmap] == []


def test_russian_document_keeps_its_cyrillic(reference_data):
    submission = written_submission(language="ru", text=f"<p>{RUSSIAN}</p>")
    job = render_now("submission", submission.pk, "ru", secretariat_of(submission))
    assert RUSSIAN in " ".join(pdf_text(job).split())


def test_document_has_cover_contents_with_page_numbers_and_running_title(reference_data):
    submission = written_submission(text="<p>Text of the section.</p>")
    job = render_now("submission", submission.pk, "en", secretariat_of(submission))
    pages = pdf_text(job).split("\f")
    assert "ANNEX 2" in pages[0]
    assert "Contents" in pages[1]
    # Each entry of the contents ends with the page its chapter starts on.
    entry = next(line for line in pages[1].splitlines() if line.startswith("1 "))
    title, number = entry.split(" .")[0], int(entry.split()[-1])
    assert title in pages[number - 1]
    # After the cover, every page has the running title and its number out of the total.
    for number, page in enumerate(pages[1 : job.page_count], start=2):
        assert f"{number}/{job.page_count}" in page.replace(" ", "")
        assert "Mexico — Regional review ECLAC" in page
    assert job.page_count == len([page for page in pages if page.strip()])


def test_identical_inputs_reuse_the_same_file(reference_data):
    submission = written_submission(text="<p>Same text.</p>")
    secretariat = secretariat_of(submission)
    first = render_now("submission", submission.pk, "en", secretariat)
    second = render_now("submission", submission.pk, "en", secretariat)
    other_language = render_now("submission", submission.pk, "fr", secretariat)
    assert (second.reused, second.file.name, second.sha256) == (True, first.file.name, first.sha256)
    assert other_language.reused is False
    stored = {job.file.name for job in RenderJob.objects.all()}
    assert stored == {first.file.name, other_language.file.name}
    assert all(Path(first.file.storage.path(name)).is_file() for name in stored)


def test_changed_text_renders_a_new_file(reference_data):
    submission = written_submission(text="<p>First text.</p>")
    secretariat = secretariat_of(submission)
    first = render_now("submission", submission.pk, "en", secretariat)
    section = submission.sections.first()
    from submissions.services import save_section

    save_section(
        section_text=section, text="<p>Second text.</p>", base_version=section.version, actor=None
    )
    second = render_now("submission", submission.pk, "en", secretariat)
    assert second.reused is False
    assert second.file.name != first.file.name
    assert "Second text." in pdf_text(second)


def test_job_without_broker_runs_in_process_after_commit(
    reference_data, django_capture_on_commit_callbacks
):
    submission = written_submission(text="<p>Queued.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        job = request_render(
            kind="submission", pk=submission.pk, language="en", user=secretariat_of(submission)
        )
        assert RenderJob.objects.get(pk=job.pk).status == RenderStatus.QUEUED
    job.refresh_from_db()
    assert (job.status, job.progress, job.page_count > 0) == (RenderStatus.SUCCEEDED, 100, True)
    assert job.file.read(5) == b"%PDF-"


def test_participant_list_shows_names_as_each_participant_chose(reference_data):
    review = open_review()
    make_event(review, capacity=100)
    public = participant_of(review, name="Visible Everyone", visibility=NameVisibility.EVERYONE)
    participant_of(review, name="Hidden Nobody", visibility=NameVisibility.NOBODY)
    event = review.events.get()
    as_participant = render_now("participants", event.pk, "en", public)
    text = pdf_text(as_participant)
    assert "Visible Everyone" in text
    assert "Hidden Nobody" not in text
    assert "1 of them chose not to show their name here." in " ".join(text.split())


def test_badges_draw_each_name_in_its_own_script_joined(reference_data):
    review = open_review()
    make_event(review, capacity=100)
    participant_of(review, name="أمينة ديالو")
    participant_of(review, name="王芳")
    participant_of(review, name="Анна Петрова")
    event = review.events.get()
    from tests.factories import commission_secretariat

    job = render_now("badges", event.pk, "en", commission_secretariat(review.commission))
    text = " ".join(pdf_text(job).split())
    for name in ("أمينة ديالو", "王芳", "Анна Петрова"):
        assert name in text
    # Joined Arabic is drawn with the contextual forms (presentation forms never appear in the
    # extracted text as isolated letters).
    assert "ﺃ" not in text
    assert {"Noto-Naskh-Arabic", "Noto-Sans-CJK-SC", "Noto-Sans"} <= pdf_fonts(job)


def test_render_document_command_prints_pages_and_time(reference_data, tmp_path, capsys):
    submission = written_submission(text="<p>For the operator.</p>")
    output = tmp_path / "submission.pdf"
    call_command(
        "render_document",
        "submission",
        str(submission.pk),
        "--language",
        "es",
        "--output",
        str(output),
        "--as-user",
        secretariat_of(submission).email,
    )
    printed = capsys.readouterr().out
    job = RenderJob.objects.get()
    assert output.read_bytes()[:5] == b"%PDF-"
    assert f"{job.page_count} pages in " in printed
    assert printed.strip().endswith(f"sha256 {job.sha256}")


def test_progress_is_reported_page_by_page_while_the_layout_runs():
    paragraph = "<p>" + "A sentence of a long national review. " * 40 + "</p>"
    percents = []
    pdf = html_to_pdf(paragraph * 400, on_progress=percents.append)
    assert pdf.page_count > 40
    assert percents == sorted(percents)
    assert len([percent for percent in percents if 20 < percent < 85]) >= 2
    assert percents[-1] == 85
