"""The printed report: what it holds, names as each participant chose, and the PDF's text."""

import io
import re
import subprocess

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from reference.models import Commission
from reports import services
from reports.document import report_document
from reports.enums import VersionKind
from reports.models import RenderJob
from stakeholders.enums import NameVisibility, RegistrationStatus
from stakeholders.registration import decide_registration, register
from submissions.enums import ImplementationStatus
from tests.factories import commission_secretariat
from tests.reports.report_builders import (
    accepted_voluntary_review,
    meeting,
    programme,
    write_sections,
)
from tests.stakeholders.builders import open_review, participant

pytestmark = pytest.mark.django_db

ARABIC_FINDINGS = "<p>حققت بلدان المنطقة تقدما ملموسا في توفير مسارات الهجرة النظامية.</p>"


@pytest.fixture
def secretariat(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECLAC"))


@pytest.fixture
def report(secretariat):
    review = open_review("ECLAC")
    programme(review)
    event = meeting(review)
    for name, visibility in [
        ("Ana Public", NameVisibility.EVERYONE),
        ("Ben Shared", NameVisibility.PARTICIPANTS),
        ("Cleo Private", NameVisibility.NOBODY),
    ]:
        registration = register(event=event, user=participant(name=name, visibility=visibility))
        decide_registration(
            registration=registration, decision=RegistrationStatus.APPROVED, actor=secretariat
        )
    accepted_voluntary_review(
        review, "MEX", {5: (ImplementationStatus.ADVANCED, "Regular pathways", "Visas")}
    )
    report = services.start_report(review=review, language="en", actor=secretariat)
    write_sections(
        report.languages.get(), secretariat, "<p>The region <strong>advanced</strong>.</p>"
    )
    return report


def test_the_annex_lists_names_as_each_participant_chose(report, secretariat):
    public = report_document(report, "en", AnonymousUser())
    (participants,) = public.annex.participants
    assert [row.name for row in participants.rows] == ["Ana Public"]
    assert (participants.total, participants.hidden) == (3, 2)
    secretariat_view = report_document(report, "en", secretariat).annex.participants[0]
    assert sorted(row.name for row in secretariat_view.rows) == [
        "Ana Public",
        "Ben Shared",
        "Cleo Private",
    ]


def test_the_document_holds_sanitised_sections_programme_and_heat_map(report):
    section = report.languages.get().sections.first()
    section.text = '<p>Stored <img src="file:///etc/passwd"><script>x</script>text</p>'
    section.save()
    document = report_document(report, "en", AnonymousUser())
    assert [s.numeral for s in document.sections] == ["i", "ii", "iii", "iv", "v"]
    assert document.sections[0].html == "<p>Stored text</p>"
    assert [session.title for session in document.annex.sessions] == [
        "Round table 1: labour migration"
    ]
    assert "Mexico, objective 5: advanced" in document.heat_map
    assert (document.version_kind, document.is_final) == (VersionKind.ORIGINAL, True)


def test_a_pending_translation_says_so_on_its_cover(report, secretariat):
    services.add_language_version(report=report, language="fr", actor=secretariat)
    document = report_document(report, "fr", AnonymousUser())
    assert not document.is_final
    assert document.version_kind == VersionKind.PENDING


def pdf_text(report, language, secretariat, tmp_path) -> str:
    """The text of the report's PDF, rendered as operators do (`render_report`), through the
    same path as the render jobs."""
    output = tmp_path / f"report-{language}.pdf"
    printed = io.StringIO()
    call_command(
        "render_report",
        str(report.review_id),
        "--language",
        language,
        "--output",
        str(output),
        "--as-user",
        secretariat.email,
        stdout=printed,
    )
    job = RenderJob.objects.filter(kind="report", language=language).latest("pk")
    assert printed.getvalue().startswith(f"{output}: {job.page_count} pages in ")
    return subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, check=True
    ).stdout.decode()


def test_the_printed_report_has_cover_contents_sections_annex_and_heat_map(
    report, secretariat, tmp_path
):
    text = pdf_text(report, "en", secretariat, tmp_path)
    cover, contents, introduction, *_rest = text.split("\f")
    assert "Outcome report of the regional review" in cover
    assert report.review.title not in cover.split("Outcome report")[0].split("\n")[0]
    # The running header names the review on every page after the cover.
    assert contents.strip().startswith(report.review.title)
    # The contents give each section its page: the cover is 1, the contents 2.
    assert re.search(r"i\. Introduction: regional overview and background \.+ ?3", contents)
    assert re.search(r"vi\. Annex: organization of work and list of participants \.+ ?8", contents)
    assert "The region advanced." in introduction
    assert text.count("The region advanced.") == 5
    assert "Annex: organization of work and list of participants" in text
    assert "Round table 1: labour migration" in text
    assert "Ana Public" in text and "Cleo Private" not in text
    assert "Annex 1, section 3" in introduction  # the footnote, on the page that calls it
    assert "Mexico" in text and "under way" in text  # the heat map and its legend


def test_the_arabic_report_extracts_as_arabic(report, secretariat, tmp_path):
    translation_ = services.add_language_version(report=report, language="ar", actor=secretariat)
    write_sections(translation_, secretariat, ARABIC_FINDINGS)
    text = pdf_text(report, "ar", secretariat, tmp_path)
    # Joined letters, in reading order: the words come out as they were written.
    assert "حققت بلدان المنطقة تقدما ملموسا في توفير مسارات الهجرة النظامية" in text
    # Page numbers read "3 / 8" on page 3 of 8, not reversed by the right-to-left page.
    pages = text.split("\f")[:-1]
    assert f"3/{len(pages)}" in pages[2].replace(" ", "")


def test_the_chinese_report_extracts_as_chinese(report, secretariat, tmp_path):
    chinese = services.add_language_version(report=report, language="zh-hans", actor=secretariat)
    write_sections(chinese, secretariat, "<p>本区域各国在扩大正常移民途径方面取得了明显进展。</p>")
    text = pdf_text(report, "zh-hans", secretariat, tmp_path)
    assert "本区域各国在扩大正常移民途径方面取得了明显进展。" in text
    # Drawn in the Simplified Chinese face, never in the Japanese one a generic family picks.
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "report-zh-hans.pdf")], capture_output=True, text=True
    ).stdout
    families = {
        line.split()[0].split("+")[-1].removesuffix("-Bold")
        for line in fonts.splitlines()[2:]
        if line
    }
    assert "Noto-Sans-CJK-SC" in families
    assert {family for family in families if "CJK" in family} == {"Noto-Sans-CJK-SC"}
