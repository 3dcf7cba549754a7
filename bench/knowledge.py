"""The knowledge platform's public pages and open data API with nothing cached, in-process.

wrk measures them warm, as most visitors get them, and the pages rendered afresh through their
address with a parameter they do not read; the API keeps an answer per parameter that changes it, so no address
reaches it cold. Here each request comes right after the data versions moved (core.versions.bump,
what a publication does), through Django's test client on the configured database: queries, SQL
time and time per request, cold and warm.

    python -m bench.knowledge    # on the configured database, with the scale data loaded
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

ROUNDS = 5
ROUTES = ("knowledge:", "api:", "sitemap", "django.contrib.sitemaps.")


def cold_targets(targets) -> list:
    """The anonymous targets of the portal and the API, each address once, as it is cached."""
    from bench.targets import ANONYMOUS, UNCACHED

    return [
        target
        for target in targets
        if target.role == ANONYMOUS
        and target.url_name.startswith(ROUTES)
        and not target.url.endswith(UNCACHED)
    ]


def _request(client: Client, url: str, *, cold: bool) -> tuple[float, list[dict]]:
    from core.versions import EVERYTHING, PUBLIC, bump

    if cold:
        bump(PUBLIC, EVERYTHING)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"make bench: {url} answered {response.status_code}.")
    return elapsed, queries.captured_queries


def measure_cold(targets, rounds: int = ROUNDS) -> list[dict]:
    rows = []
    for target in cold_targets(targets):
        client = Client()
        _request(client, target.url, cold=True)  # the code's first run, imports and all
        cold, sql, counts = [], [], []
        for _ in range(rounds):
            elapsed, queries = _request(client, target.url, cold=True)
            cold.append(elapsed)
            counts.append(len(queries))
            sql.append(sum(float(query["time"]) for query in queries) * 1000)
        warm = [_request(client, target.url, cold=False)[0] for _ in range(rounds)]
        cold_ms, warm_ms = statistics.median(cold), statistics.median(warm)
        rows.append(
            {
                "page": target.page,
                "url": target.url,
                "rounds": rounds,
                "queries": max(counts),
                "sql_ms": round(statistics.median(sql), 1),
                "cold_ms": round(cold_ms, 1),
                "warm_ms": round(warm_ms, 1),
                "ratio": round(cold_ms / warm_ms, 1) if warm_ms else 0.0,
            }
        )
    return rows


def main() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from bench.targets import build_targets

    for row in measure_cold(build_targets()):
        print(
            f"{row['page']:<45} {row['queries']:>3} queries  SQL {row['sql_ms']:>6} ms  "
            f"cold {row['cold_ms']:>7} ms  warm {row['warm_ms']:>6} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
