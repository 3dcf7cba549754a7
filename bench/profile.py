"""Where a page's time goes: `python -m bench.profile PAGE [ROLE]` on the benchmark database.

PAGE and ROLE are as in docs/benchmarks.md (e.g. "review queue" "commission secretariat"); the
profile is of one warm request through the test client, sorted by cumulative time (SORT=tottime:
by the time spent in each function itself), followed by the slowest queries.
"""

import cProfile
import os
import pstats
import sys
import time


def main() -> None:
    from bench.run import OUT_DIR, bench_environment

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(bench_environment())
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.targets import build_targets

    page, role = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
    target = next(t for t in build_targets() if t.page == page and role in (None, t.role))
    client = Client()
    if target.cookie:
        name, value = target.cookie.split("=", 1)
        client.cookies[name] = value
    client.get(target.url)
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        profiler.enable()
        client.get(target.url)
        profiler.disable()
    elapsed = (time.perf_counter() - started) * 1000
    print(f"{target.page} ({target.role}) {target.url}: {elapsed:.1f} ms, {len(queries)} queries")
    pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
        int(os.environ.get("TOP", "40"))
    )
    for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:8]:
        print(f"{float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")


if __name__ == "__main__":
    main()
