"""Printed documents: the rendering pipeline against WeasyPrint alone, on the same HTML.

Each render runs in a subprocess of its own, started the same way (Django set up), so that the
peak resident memory (getrusage maxrss) of one is not hidden in the other's. The pipeline run is
`reports.printing.services.render_now` (permission check, HTML from the kind's template, the
static-only fetcher, PDF, checksum, file stored, job recorded); the direct run hands the HTML the
pipeline made to `weasyprint.HTML(...).write_pdf()` with the print stylesheet. Rounds alternate
the two; figures are medians.

The document is a parameter (`--kind`, `--id`, `--language`, `--as-user`), so any registered kind
can be measured; without one, `make bench` writes a language version of about 150 pages of an
outcome report into the benchmark database, measures it and removes it.

    python -m bench.printing --kind submission --id 12 --rounds 1   # on the configured database
    python -m bench.printing --pages 20 --rounds 1                  # a generated report
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_TARGET = 1.15
MEMORY_TARGET = 1.2
PAGES = 150
DEFAULT_USER = "network@example.org"


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child_pipeline(kind: str, pk: int, language: str, email: str) -> dict:
    import weasyprint  # noqa: F401 - loaded before the clock starts, as in the direct run
    from django.contrib.auth import get_user_model

    from reports.models import RenderJob
    from reports.printing.services import render_now

    user = get_user_model().objects.get(email=email)
    # An earlier render of the same inputs would be reused instead of measured.
    RenderJob.objects.filter(kind=kind, object_id=pk, language=language).delete()
    started = time.perf_counter()
    job = render_now(kind, pk, language, user)
    seconds = time.perf_counter() - started
    job.file.storage.delete(job.file.name)
    job.delete()
    return {"seconds": seconds, "peak_kb": _peak_kb(), "pages": job.page_count}


def _child_direct(html_path: str) -> dict:
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    html = Path(html_path).read_text()
    started = time.perf_counter()
    from reports.printing.rendering import STYLESHEETS

    stylesheets = [CSS(filename=finders.find(name)) for name in STYLESHEETS]
    document = HTML(string=html).render(stylesheets=stylesheets)
    document.write_pdf()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_kb": _peak_kb(), "pages": len(document.pages)}


def _run_child(*args: str) -> dict:
    output = subprocess.run(
        [sys.executable, "-m", "bench.printing", "--child", *args],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(*, kind: str, pk: int, language: str, email: str, rounds: int = 3) -> dict:
    """Render the document `rounds` times each way and compare (Django is set up)."""
    from django.contrib.auth import get_user_model

    from reports.printing.registry import get_kind
    from reports.printing.rendering import document_html

    user = get_user_model().objects.get(email=email)
    printable = get_kind(kind)
    source = printable.source_for(pk, user)
    html = document_html(printable, source, language=language, viewer=user).html
    pipeline, direct = [], []
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as handle:
        handle.write(html)
    try:
        for _ in range(rounds):
            pipeline.append(_run_child("pipeline", kind, str(pk), language, email))
            direct.append(_run_child("direct", handle.name))
    finally:
        os.unlink(handle.name)

    def median(runs, field):
        return statistics.median(run[field] for run in runs)

    time_ratio = median(pipeline, "seconds") / median(direct, "seconds")
    memory_ratio = median(pipeline, "peak_kb") / median(direct, "peak_kb")
    return {
        "kind": kind,
        "object_id": pk,
        "language": language,
        "pages": pipeline[0]["pages"],
        "direct_pages": direct[0]["pages"],
        "rounds": rounds,
        "pipeline_seconds": round(median(pipeline, "seconds"), 3),
        "direct_seconds": round(median(direct, "seconds"), 3),
        "pipeline_peak_mb": round(median(pipeline, "peak_kb") / 1024, 1),
        "direct_peak_mb": round(median(direct, "peak_kb") / 1024, 1),
        "time_ratio": round(time_ratio, 3),
        "memory_ratio": round(memory_ratio, 3),
        "time_target": TIME_TARGET,
        "memory_target": MEMORY_TARGET,
        "meets_target": time_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET,
        "runs": {"pipeline": pipeline, "direct": direct},
    }


def _paragraphs(count: int) -> str:
    sentence = (
        "The national authorities, local governments and civil society reviewed together how "
        "the objective is carried out, what has changed since the last review and what remains "
        "to be done for migrants and the communities that receive them. "
    )
    return "".join(f"<p>{n}. {sentence * 3}</p>" for n in range(1, count + 1))


def bench_document(pages: int = PAGES):
    """A review's outcome report with a language version of about `pages` pages, written the way
    the secretariat writes one (its annex and heat map from the review's own data); returns the
    version, to be deleted after the measure."""
    from django.conf import settings

    from reports import services
    from reports.models import Report
    from reviews.models import RegionalReview

    report = Report.objects.select_related("review").order_by("pk").first()
    if report is None:
        review = RegionalReview.objects.order_by("pk").first()
        report = services.start_report(review=review, language="en", actor=None)
    taken = set(report.languages.values_list("language", flat=True))
    # A language written in the Latin script, like the generated text, where one is free.
    free = [code for code, _name in settings.LANGUAGES if code not in taken]
    language = next((code for code in ("fr", "es", "en") if code in free), free[0])
    version = services.add_language_version(report=report, language=language, actor=None)
    sections = list(version.sections.all())
    # About five paragraphs of this length fill a page.
    per_section = max(1, round(pages * 5.3 / len(sections)))
    for section in sections:
        services.save_report_section(
            section_text=section, text=_paragraphs(per_section), base_version=0, actor=None
        )
    return version


def measure_bench_document(*, pages: int, email: str, rounds: int) -> dict:
    version = bench_document(pages)
    try:
        return measure(
            kind="report",
            pk=version.report.review_id,
            language=version.language,
            email=email,
            rounds=rounds,
        )
    finally:
        version.delete()


def run_for_bench() -> dict:
    """What `make bench` records: a ~150-page outcome report, or the document named by
    BENCH_PRINT_KIND and BENCH_PRINT_ID (BENCH_PRINT_LANGUAGE, BENCH_PRINT_USER)."""
    kind = os.environ.get("BENCH_PRINT_KIND")
    email = os.environ.get("BENCH_PRINT_USER", DEFAULT_USER)
    language = os.environ.get("BENCH_PRINT_LANGUAGE", "en")
    rounds = int(os.environ.get("BENCH_PRINT_ROUNDS", "3"))
    if kind:
        pk = int(os.environ["BENCH_PRINT_ID"])
        return measure(kind=kind, pk=pk, language=language, email=email, rounds=rounds)
    return measure_bench_document(pages=PAGES, email=email, rounds=rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--kind")
    parser.add_argument("--id", type=int)
    parser.add_argument("--language", default="en")
    parser.add_argument("--as-user", default=DEFAULT_USER)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", type=int, help="measure a generated document of this length")
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    if arguments.child:
        mode, *rest = arguments.child
        if mode == "pipeline":
            kind, pk, language, email = rest
            result = _child_pipeline(kind, int(pk), language, email)
        else:
            result = _child_direct(rest[0])
        print(json.dumps(result))
        return
    if arguments.pages:
        result = measure_bench_document(
            pages=arguments.pages, email=arguments.as_user, rounds=arguments.rounds
        )
    else:
        result = measure(
            kind=arguments.kind,
            pk=arguments.id,
            language=arguments.language,
            email=arguments.as_user,
            rounds=arguments.rounds,
        )
    print(json.dumps({key: value for key, value in result.items() if key != "runs"}, indent=2))


if __name__ == "__main__":
    main()
