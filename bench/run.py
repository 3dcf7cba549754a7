"""`make bench`: serve the application with gunicorn on PostgreSQL with the scale data, and measure
every key page of every role with wrk against a bare Django view, in alternating rounds.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/gcm_bench),
BENCH_CACHE_URL (default redis://127.0.0.1:6379/15), BENCH_DURATION (seconds per page per
round, default 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 8), BENCH_PORT (default
8765), BENCH_SCALE (fraction of the full scale data, default 1).
"""

import datetime
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable


def fail(message: str) -> None:
    sys.stderr.write(f"make bench: {message}\n")
    sys.exit(1)


def setting(name: str, default: str) -> str:
    return os.environ.get(name) or default


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk from Debian's packages…", flush=True)
        install = ["apt-get", "install", "-y", "-q", "wrk"]
        if subprocess.run(install, check=False).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], check=True)
            subprocess.run(install, check=True)
        found = shutil.which("wrk")
    if not found:
        fail("wrk is needed: install it (apt-get install wrk) and run make bench again.")
    return found


def reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(admin, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        fail(f"cannot reach PostgreSQL at {admin}: {error}".strip())


def bench_environment() -> dict[str, str]:
    database = setting("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gcm_bench")
    cache = setting("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15")
    if not reachable(database, 5432):
        fail(f"PostgreSQL is not reachable at {database} (set BENCH_DATABASE_URL).")
    if not reachable(cache, 6379):
        fail(f"Redis is not reachable at {cache} (set BENCH_CACHE_URL).")
    ensure_database(database)
    secret = OUT_DIR / "secret_key"
    if not secret.exists():
        secret.write_text(secrets.token_urlsafe(50))
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "GCM_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secret.read_text().strip(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": database,
        "CACHE_URL": cache,
        "CELERY_BROKER_URL": cache,
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "REQUIRE_STAFF_MFA": "false",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(OUT_DIR / "static"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str, quiet: bool = False) -> None:
    print(f"manage.py {' '.join(args)}", flush=True)
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def prepare_data(env: dict[str, str]) -> None:
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_reference", quiet=True)
    # Before the demo data: its printed report is rendered with the production static files.
    manage(env, "collectstatic", "--noinput", "-v", "0")
    import django

    django.setup()
    from accounts.models import User

    if not User.objects.filter(email="network@example.org").exists():
        # Prints the demo passwords, which the benchmark does not use: it signs in by session.
        manage(env, "load_demo", "--force", quiet=True)
    manage(env, "load_scale", "--force", "--scale", setting("BENCH_SCALE", "1"))


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    log = (OUT_DIR / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/en/bench/bare/", timeout=10
            ) as answer:
                if answer.status == 200:
                    return server
        except OSError:  # not listening yet, or not answering yet
            time.sleep(0.5)
    server.terminate()
    fail(f"gunicorn did not answer on port {port}; see {OUT_DIR / 'gunicorn.log'}")
    raise AssertionError  # unreachable


def run_wrk(wrk: str, url: str, cookie: str, duration: int, connections: int) -> dict:
    command = [
        wrk,
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{duration}s",
        "--timeout",
        "10s",
        "--script",
        str(ROOT / "bench" / "report.lua"),
    ]
    if cookie:
        command += ["--header", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    seconds = result["duration_us"] / 1e6
    return {
        "requests_per_second": round(result["requests"] / seconds, 1),
        "p50_ms": round(result["p50_us"] / 1000, 1),
        "p95_ms": round(result["p95_us"] / 1000, 1),
        "errors": result["errors"],
    }


def settle(port: int, timeout: float = 180) -> None:
    """Wait until both workers are free: a page slower than wrk's run leaves its requests queued,
    and they would be counted against the next page."""
    from concurrent.futures import ThreadPoolExecutor

    def bare(_number):
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/en/bench/bare/", timeout=timeout
        ) as answer:
            answer.read()

    deadline = time.monotonic() + timeout
    with ThreadPoolExecutor(max_workers=2) as pool:
        while time.monotonic() < deadline:
            started = time.monotonic()
            list(pool.map(bare, range(2)))
            if time.monotonic() - started < 0.5:
                return


def machine() -> dict[str, str]:
    from django.db import connection

    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    import django

    return {
        "cpu": model or platform.processor(),
        "cores": str(os.cpu_count()),
        "system": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgres,
        "load": " / ".join(f"{load:.2f}" for load in os.getloadavg()),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    wrk = ensure_wrk()
    env = bench_environment()
    os.environ.update(env)
    prepare_data(env)
    from bench.knowledge import measure_cold
    from bench.targets import NOT_MEASURED, build_targets, measure_in_process, unmeasured_routes

    port = int(setting("BENCH_PORT", "8765"))
    duration = int(setting("BENCH_DURATION", "5"))
    rounds = int(setting("BENCH_ROUNDS", "3"))
    connections = int(setting("BENCH_CONNECTIONS", "8"))
    targets = build_targets()
    measure_in_process(targets)
    print("Knowledge platform and API, cold (in-process)", flush=True)
    knowledge_cold = measure_cold(targets)
    for row in knowledge_cold:
        print(
            f"  {row['page']:<45} {row['queries']:>3} queries  cold {row['cold_ms']} ms"
            f"  warm {row['warm_ms']} ms",
            flush=True,
        )
    server = start_server(env, port)
    try:
        for target in targets:  # warm both workers' caches and connections
            run_wrk(wrk, f"http://127.0.0.1:{port}{target.url}", target.cookie, 1, 2)
            settle(port)
        for number in range(1, rounds + 1):
            print(f"Round {number} of {rounds}", flush=True)
            for target in targets:
                result = run_wrk(
                    wrk,
                    f"http://127.0.0.1:{port}{target.url}",
                    target.cookie,
                    duration,
                    connections,
                )
                target.rounds.append(result)
                settle(port)
                print(
                    f"  {target.page:<40} {target.role:<24} {result['requests_per_second']:>8} req/s"
                    f"  p50 {result['p50_ms']} ms  p95 {result['p95_ms']} ms",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    from bench.printing import run_for_bench

    print("Printed documents: the pipeline against WeasyPrint alone", flush=True)
    printing = run_for_bench()
    print(
        f"  {printing['pages']} pages: time {printing['time_ratio']}×, "
        f"peak memory {printing['memory_ratio']}× the direct render",
        flush=True,
    )
    from bench.report import write_reports

    write_reports(
        targets,
        machine=machine(),
        settings={
            "duration": duration,
            "rounds": rounds,
            "connections": connections,
            "scale": setting("BENCH_SCALE", "1"),
        },
        unmeasured=unmeasured_routes(targets),
        not_measured=NOT_MEASURED,
        printing=printing,
        knowledge_cold=knowledge_cold,
        out_dir=OUT_DIR,
        markdown=ROOT / "docs" / "benchmarks.md",
    )


if __name__ == "__main__":
    main()
