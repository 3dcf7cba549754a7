"""Demo data for `make demo`: the outcome report of the UNECE regional review.

Written in English (the original), translated into Arabic (an official translation) and into
Chinese (a translation still pending) and made final, all through the services; its PDFs
rendered in the three languages through the render jobs, ready to download. The knowledge
platform's demo publishes its final versions.
"""

from accounts.models import User
from reports import services
from reports.demo_texts import TEXTS
from reports.enums import ReportStatus, VersionKind
from reports.models import RenderJob, Report
from reports.printing.services import render_now
from reviews.models import RegionalReview

DEMO_CYCLE = "2020-2021"
DEMO_COMMISSION = "ECE"


PRINTED_LANGUAGES = ("en", "ar", "zh-hans")


def reset() -> None:
    for job in RenderJob.objects.filter(kind="report", review__cycle__slug=DEMO_CYCLE):
        job.file.delete(save=False)
        job.delete()
    Report.objects.filter(review__cycle__slug=DEMO_CYCLE).delete()


def _write(version, texts, actor) -> None:
    for section_text in version.sections.all():
        services.save_report_section(
            section_text=section_text,
            text=texts[section_text.section],
            base_version=section_text.version,
            actor=actor,
        )


def load(*, out) -> None:
    review = RegionalReview.objects.filter(
        cycle__slug=DEMO_CYCLE, commission__code=DEMO_COMMISSION
    ).first()
    secretariat = User.objects.filter(email="ece@example.org").first()
    if review is None or secretariat is None:
        return
    report = services.start_report(review=review, language="en", actor=secretariat)
    _write(report.languages.get(language="en"), TEXTS["en"], secretariat)
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    arabic = services.add_language_version(report=report, language="ar", actor=secretariat)
    _write(arabic, TEXTS["ar"], secretariat)
    services.set_version_kind(version=arabic, kind=VersionKind.OFFICIAL, actor=secretariat)
    chinese = services.add_language_version(report=report, language="zh-hans", actor=secretariat)
    _write(chinese, TEXTS["zh-hans"], secretariat)
    pages = [
        render_now("report", review.pk, language, secretariat).page_count
        for language in PRINTED_LANGUAGES
    ]
    out.stdout.write(
        f"Demo outcome report: {review.title} (English, Arabic; Chinese translation pending), "
        f"printed in {', '.join(PRINTED_LANGUAGES)} ({', '.join(map(str, pages))} pages)"
    )
