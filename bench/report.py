"""docs/benchmarks.md and var/bench/results.json from the measured targets."""

import json
import statistics
from pathlib import Path

# The figures every page is held to, as ratios to the bare view's throughput.
PUBLIC_TARGET = 0.5
DETAIL_TARGET = 0.2
LIST_TARGET = 0.1
P95_LIMIT = 4.0
LIST_PAGES = {
    "review queue",
    "organisation list",
    "documents",
    "outbox",
    "per-objective view",
    "submission objectives (23)",
    "my submissions",
    "cycle list",
    "review list",
}


def _target_ratio(target) -> float | None:
    if target.afresh:
        return None
    if target.role == "anonymous":
        return PUBLIC_TARGET
    return LIST_TARGET if target.page in LIST_PAGES else DETAIL_TARGET


def summarise(targets) -> list[dict]:
    bare = next(t for t in targets if t.url_name == "bench_bare")
    bare_rps = statistics.median(r["requests_per_second"] for r in bare.rounds)
    bare_p95 = statistics.median(r["p95_ms"] for r in bare.rounds)
    rows = []
    for target in targets:
        rps = statistics.median(r["requests_per_second"] for r in target.rounds)
        p95 = statistics.median(r["p95_ms"] for r in target.rounds)
        ratio = rps / bare_rps if bare_rps else 0.0
        wanted = _target_ratio(target)
        rows.append(
            {
                "page": target.page,
                "role": target.role,
                "url": target.url,
                # The median of an even number of rounds is a mean: round it to what wrk reports.
                "requests_per_second": round(rps, 1),
                "p50_ms": round(statistics.median(r["p50_ms"] for r in target.rounds), 1),
                "p95_ms": round(p95, 1),
                "ratio": round(ratio, 2),
                "p95_ratio": round(p95 / bare_p95, 1) if bare_p95 else 0.0,
                "queries": target.queries,
                "in_process_ms": target.in_process_ms,
                "sql_ms": target.sql_ms,
                "afresh": target.afresh,
                "target_ratio": wanted,
                "meets_target": (
                    None
                    if wanted is None
                    else target is bare or (ratio >= wanted and p95 < P95_LIMIT * bare_p95)
                ),
                "errors": sum(r["errors"] for r in target.rounds),
                "rounds": target.rounds,
            }
        )
    return rows


def write_reports(
    targets,
    *,
    machine,
    settings,
    unmeasured,
    out_dir: Path,
    markdown: Path,
    printing=None,
    knowledge_cold=None,
    not_measured=None,
) -> None:
    results = {
        "machine": machine,
        "settings": settings,
        "pages": summarise(targets),
        "unmeasured": unmeasured,
        "not_measured": not_measured or {},
        "printing": printing,
        "knowledge_cold": knowledge_cold,
    }
    (out_dir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    markdown.parent.mkdir(parents=True, exist_ok=True)
    markdown.write_text(render_markdown(results))


def _verdict(row: dict) -> str:
    if row["page"] == "bare view" or row["target_ratio"] is None:
        return "—"
    if row["meets_target"]:
        return f"{row['target_ratio']}× met"
    slow = row["ratio"] < row["target_ratio"]
    late = row["p95_ratio"] >= P95_LIMIT
    reason = " and ".join(word for word, missed in (("throughput", slow), ("p95", late)) if missed)
    return f"{row['target_ratio']}× **missed** ({reason})"


def _page_table(rows) -> list[str]:
    lines = [
        "| Page | Role | req/s | p50 ms | p95 ms | × bare | p95 × bare | queries | SQL ms "
        "| in-process ms | target | rounds (req/s) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        per_round = " / ".join(str(r["requests_per_second"]) for r in row["rounds"])
        lines.append(
            f"| {row['page']} | {row['role']} | {row['requests_per_second']} | {row['p50_ms']} "
            f"| {row['p95_ms']} | {row['ratio']} | {row['p95_ratio']} | {row['queries']} "
            f"| {row['sql_ms']} | {row['in_process_ms']} | {_verdict(row)} | {per_round} |"
        )
    return lines


def render_markdown(results: dict) -> str:
    machine, settings, unmeasured = results["machine"], results["settings"], results["unmeasured"]
    lines = [
        "# Benchmarks",
        "",
        "Throughput and latency of the key pages of every role, on PostgreSQL with the scale data "
        "(`manage.py load_scale`), served by gunicorn (2 sync workers, production settings, DEBUG "
        "off), against a bare Django view that renders a template extending the base layout and "
        "touches no database, measured in the same run. Written by `make bench`.",
        "",
        f"- Date: {machine['date']}",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores, {machine['system']}; load "
        f"average at the end {machine['load']} (1 / 5 / 15 min; the benchmark shares the cores)",
        f"- Python {machine['python']}, Django {machine['django']}, "
        f"PostgreSQL {machine['postgresql']}, cache on Redis",
        f"- wrk: {settings['connections']} connections, {settings['duration']} s per page per "
        f"round, {settings['rounds']} rounds alternating the pages (figures are the medians of "
        f"the rounds); scale {settings['scale']}",
        "- Queries, their time (SQL ms) and in-process time (median of three): requests through "
        "Django's test client on the same database after a warm-up request (a cached public page "
        "makes none). The in-process time less the SQL time is Python: views, forms, templates.",
        "",
        "Targets: public pages at least 0.5× the bare view, as their visitors are served them "
        "(kept per language and address until what they show changes: `core/pagecache.py`); "
        "signed-in detail and dashboard pages 0.2×; lists and the 23-objective form 0.1×; p95 "
        "under 4× the bare view's. What the first visitor after a change gets, a public page "
        "rendered afresh, is in its own table below.",
        "",
        *_page_table(row for row in results["pages"] if not row.get("afresh")),
    ]
    afresh = [row for row in results["pages"] if row.get("afresh")]
    if afresh:
        lines += [
            "",
            "## Public pages rendered afresh",
            "",
            "Each public page at its address with a parameter the page does not read, which the "
            "page cache does not keep, so that every request is rendered: what the first visitor "
            "after a publication gets, or the first to ask for a given search or filter; every "
            "later visitor is served the kept page of the table above. Measured in the same run, "
            "against the same bare view: wrk's figures are how many renders two workers make "
            "back to back; the in-process time is what one visitor waits for a render.",
            "",
            *_page_table(afresh),
        ]
    lines += render_knowledge_cold(results.get("knowledge_cold"))
    lines += render_printing(results.get("printing"))
    reasons = results.get("not_measured") or {}
    lines += [
        "",
        "Routes not measured (forms, downloads, POST-only endpoints, calendar feeds): "
        + ", ".join(f"`{name}`" for name in unmeasured if name not in reasons)
        + ".",
    ]
    if reasons:
        lines += ["", "Routes of the knowledge platform and its API not measured, and why:", ""]
        lines += [f"- `{name}`: {reasons[name]}" for name in unmeasured if name in reasons]
    lines += [
        "",
        "## How to reproduce",
        "",
        "```sh",
        "make test     # once, on a fresh clone",
        "make bench    # needs PostgreSQL and Redis; installs wrk from Debian's packages as root",
        "BENCH_DURATION=2 BENCH_ROUNDS=1 make bench   # a quick run",
        "```",
        "",
        "`BENCH_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/gcm_bench`), "
        "`BENCH_CACHE_URL` (default `redis://127.0.0.1:6379/15`), `BENCH_CONNECTIONS`, "
        "`BENCH_PORT` and `BENCH_SCALE` change the set-up. The scale data is loaded once and kept; "
        "the machine-readable results are in `var/bench/results.json`.",
        "",
    ]
    return "\n".join(lines)


def render_knowledge_cold(rows: list[dict] | None) -> list[str]:
    """The knowledge platform's public pages and API with nothing cached (bench/knowledge.py)."""
    if not rows:
        return []
    lines = [
        "",
        "## Knowledge platform and open data API, cold",
        "",
        "Each anonymous request of the portal's pages and the API through Django's test client "
        "on the same database, right after the data versions moved (what a publication does: "
        "every page, API answer and fragment cached from the data is missed; what a process "
        "keeps for its life, the layout's links and the OpenAPI schema, stays). Medians of "
        f"{rows[0]['rounds']} requests; the warm figures are in the table above.",
        "",
        "| Page | address | queries | SQL ms | cold ms | warm ms | cold ÷ warm |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {row['page']} | `{row['url']}` | {row['queries']} | {row['sql_ms']} "
        f"| {row['cold_ms']} | {row['warm_ms']} | {row['ratio']} |"
        for row in rows
    ]
    return lines


def render_printing(printing: dict | None) -> list[str]:
    """The printed-document section: the pipeline against WeasyPrint alone on the same HTML."""
    if not printing:
        return []

    def verdict(ratio, target):
        return f"{target}× met" if ratio <= target else f"{target}× **missed**"

    return [
        "",
        "## Printed documents",
        "",
        f"A {printing['pages']}-page document (`{printing['kind']}` {printing['object_id']}, "
        f"{printing['language']}) rendered through the pipeline (`render_now`: permission check, "
        "HTML from its template, the static-only URL fetcher, PDF, checksum, file and job "
        "stored) and by WeasyPrint alone on the same HTML with the same stylesheet, each run in a "
        "subprocess of its own started the same way; peak memory is its maxrss (getrusage). "
        f"Medians of {printing['rounds']} alternating rounds.",
        "",
        "| Measure | pipeline | WeasyPrint alone | ratio | target |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| Time (s) | {printing['pipeline_seconds']} | {printing['direct_seconds']} "
        f"| {printing['time_ratio']} | {verdict(printing['time_ratio'], printing['time_target'])} |",
        f"| Peak memory (MB) | {printing['pipeline_peak_mb']} | {printing['direct_peak_mb']} "
        f"| {printing['memory_ratio']} "
        f"| {verdict(printing['memory_ratio'], printing['memory_target'])} |",
        "",
        "`python -m bench.printing --kind KIND --id ID --language LANG` measures any printable "
        "document on the configured database; `--pages N` a generated one of about N pages.",
    ]


if __name__ == "__main__":
    # Renders docs/benchmarks.md again from var/bench/results.json, without measuring.
    root = Path(__file__).resolve().parent.parent
    saved = json.loads((root / "var" / "bench" / "results.json").read_text())
    (root / "docs" / "benchmarks.md").write_text(render_markdown(saved))
