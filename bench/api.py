"""Benchmark: requests per second of GET /api/v1/patients/?page_size=50 against its idiomatic
DRF peer (a ReadOnlyModelViewSet with a ModelSerializer of the same fields, bench/api_peer.py)
and a bare Django JSON view, all served by one gunicorn (production settings, PostgreSQL,
Redis) in the same run.

    .venv/bin/python bench/api.py [--rounds 5] [--seconds 3] [--concurrency 8] [--workers 4]

gunicorn runs on core 0 and the load generator, wrk (Debian's package; Python clients when it is
missing), on core 1 (taskset), so the client does not take the server's core; PostgreSQL and
Redis float. Paths alternate in short rounds so that other load on the machine hits all alike.
Printed: each path's median req/s and the server's CPU time per request (gunicorn's processes
on their core), and the ratios API / DRF peer (goal >= 2) and API / bare.

In-process it also times the page of 50 read and serialized several ways (ModelSerializer, the
API's serializer, plain rows from values_list() as the list builds them), checking they give
the same JSON.

Uses its own database (backstrong_api_bench, analysed after seeding) and Redis db 9; seeds once
and reuses. `--patients N` seeds a clinic of N patients (default 60; the page is 50 either way);
`--clinic NAME` measures a clinic already there instead (with BENCH_DATABASE_URL naming
bench/scale.py's database of 100,000 patients, seeded by COPY in a minute rather than an hour
of services).
Figures measured are in the README ("Speed").
"""

import argparse
import datetime
import http.client
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/backstrong_api_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SERVER_CORE, CLIENT_CORE = 0, 1
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.api_settings",
    "DJANGO_SECRET_KEY": "bench-only-secret-key-bench-only-secret-key-bench-only",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": DATABASE_URL,
    "CELERY_BROKER_URL": REDIS_URL,
    "REDIS_URL": REDIS_URL,
    # Throttling still runs on every request; the bench must just never hit the limit.
    "API_THROTTLE_RATE": "100000000/min",
    "LOG_LEVEL": "WARNING",
    "PYTHONPATH": str(ROOT),
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.api_peer import PatientModelSerializer  # noqa: E402
from clinic.models import AuditLog, Clinic  # noqa: E402
from clinic.services import Actor, api_token_create, clinician_create  # noqa: E402
from patients.api.serializers import (  # noqa: E402
    PATIENT_COLUMNS,
    PatientSerializer,
    patient_representation,
)
from patients.models import Patient  # noqa: E402
from patients.services import patient_create  # noqa: E402

CLINIC = "API bench clinic"
EMAIL = "api-bench@backstrong.bench"
PASSWORD = "bench-password-1234"  # noqa: S105  (a throwaway bench database)
PATHS = {
    "bare Django JSON view": "/bench/bare/",
    "DRF ModelViewSet peer": "/bench/drf/patients/?page_size=50",
    "the API's list": "/api/v1/patients/?page_size=50",
}


def ensure_database() -> None:
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def seed(patients: int) -> tuple[Clinic, str]:
    """The bench clinic with its patients, and a fresh API token of its clinician."""
    name = f"{CLINIC} ({patients})"
    clinic = Clinic.objects.filter(name=name).first()
    if clinic is None:
        clinician = clinician_create(
            clinic_name=name, email=f"{patients}-{EMAIL}", password=PASSWORD, full_name="Bench"
        )
        clinic = clinician.clinic
    user = clinic.clinicians.get().user
    actor = Actor(clinic=clinic, user=user, channel=AuditLog.Channel.SYSTEM)
    for n in range(Patient.objects.filter(clinic=clinic).count(), patients):
        patient_create(
            actor=actor,
            first_name=f"Bench{n}",
            last_name=f"Patient{n:06d}",
            date_of_birth=datetime.date(1970 + n % 40, 1 + n % 12, 1 + n % 28),
            condition="nonspecific_back_pain",
            region="lower_back",
            injury_severity=["none", "mild", "moderate", "severe"][n % 4],
            pain_level=n % 11,
            external_id=f"MRN-{n}",
            email=f"bench{n}@example.com",
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would have by now in a clinic's database
    return clinic, api_token_create(user=user)[1]


def existing(name: str) -> tuple[Clinic, str]:
    """A clinic already in the database, and a fresh API token of one of its clinicians."""
    clinic = Clinic.objects.get(name=name)
    return clinic, api_token_create(user=clinic.clinicians.order_by("pk").first().user)[1]


def compare_serializers(clinic: Clinic, rounds: int = 300) -> None:
    def page():
        return (
            Patient.objects.filter(clinic=clinic, status="active")
            .select_related("latest_assessment")
            .order_by("last_name", "first_name", "id")[:50]
        )

    variants = {
        "ModelSerializer": lambda: PatientModelSerializer(list(page()), many=True).data,
        "the API's Serializer": lambda: PatientSerializer(list(page()), many=True).data,
        "values_list() rows (the list)": lambda: [
            patient_representation(row) for row in page().values_list(*PATIENT_COLUMNS)
        ],
    }
    outputs = [[dict(row) for row in build()] for build in variants.values()]
    assert all(output == outputs[0] for output in outputs), "the variants give different JSON"
    print(f"\nThe page of 50 patients, query and serialization, mean of {rounds}:")
    for name, build in variants.items():
        build()
        started = time.perf_counter()
        for _ in range(rounds):
            build()
        elapsed = (time.perf_counter() - started) / rounds
        print(f"  {name:<30} {elapsed * 1000:7.2f} ms")


# --- load --------------------------------------------------------------------------------


def _client(path: str, headers: dict, seconds: float, results) -> None:
    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > CLIENT_CORE:
        os.sched_setaffinity(0, {CLIENT_CORE})
    done = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        conn.close()
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
        done += 1
    results.put(done)


def requests_per_second(path: str, headers: dict, seconds: float, concurrency: int) -> float:
    """wrk (compiled, one thread) on the client core when installed; else Python clients."""
    if shutil.which("wrk"):
        return _wrk(path, headers, seconds, concurrency)
    results = multiprocessing.Queue()
    clients = [
        multiprocessing.Process(target=_client, args=(path, headers, seconds, results))
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for client in clients:
        client.start()
    total = sum(results.get() for _ in clients)
    for client in clients:
        client.join()
    return total / (time.perf_counter() - started)


def _wrk(path: str, headers: dict, seconds: float, concurrency: int) -> float:
    command = [
        "wrk",
        "--threads",
        "1",
        "--connections",
        str(concurrency),
        "--duration",
        f"{max(1, round(seconds))}s",
        *(arg for name, value in headers.items() for arg in ("--header", f"{name}: {value}")),
        f"http://127.0.0.1:{PORT}{path}",
    ]
    if shutil.which("taskset"):
        command = ["taskset", "-c", str(CLIENT_CORE), *command]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if "Non-2xx" in out:
        raise SystemExit(f"{path} answered errors under load:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time of these processes so far, with that of their children that
    have ended (Linux /proc)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += sum(int(field) for field in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def server_pids(server: subprocess.Popen) -> list[int]:
    """gunicorn's master and its workers."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    return [server.pid, *map(int, children.read_text().split())]


def serve(workers: int) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "bench.api_wsgi:application",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    if shutil.which("taskset"):
        command = ["taskset", "-c", str(SERVER_CORE), *command]
    server = subprocess.Popen(command, cwd=ROOT, env=ENV)  # noqa: S603
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=1)
            conn.request(
                "GET", PATHS["bare Django JSON view"], headers={"X-Forwarded-Proto": "https"}
            )
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3, help="per path and round")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--patients", type=int, default=60, help="patients of the clinic")
    parser.add_argument(
        "--clinic",
        help="measure this clinic of BENCH_DATABASE_URL as it is, without seeding (e.g. "
        "bench/scale.py's 'Scale bench clinic' of backstrong_scale_100k, seeded by COPY)",
    )
    args = parser.parse_args()

    ensure_database()
    clinic, token = existing(args.clinic) if args.clinic else seed(args.patients)
    args.patients = Patient.objects.filter(clinic=clinic).count()
    compare_serializers(clinic)

    # As the TLS proxy would send it, so that the HTTPS redirect does not answer instead.
    proxy = {"X-Forwarded-Proto": "https"}
    authorised = {**proxy, "Authorization": f"Bearer {token}"}
    server = serve(args.workers)
    try:
        for path in PATHS.values():
            requests_per_second(path, authorised, 1, args.concurrency)  # warm up
        rounds = {name: [] for name in PATHS}
        # The server's CPU time per request (its core is busy throughout): what each path
        # costs, steadier than req/s while the machine's speed varies.
        cpu = {name: [0.0, 0.0] for name in PATHS}  # server seconds, requests
        for _ in range(args.rounds):
            for name, path in PATHS.items():
                before = cpu_seconds(server_pids(server))
                rate = requests_per_second(path, authorised, args.seconds, args.concurrency)
                cpu[name][0] += cpu_seconds(server_pids(server)) - before
                cpu[name][1] += rate * max(1, round(args.seconds))
                rounds[name].append(rate)
    finally:
        server.terminate()
        server.wait()
    median = {name: statistics.median(figures) for name, figures in rounds.items()}
    api, peer, bare = (
        median["the API's list"],
        median["DRF ModelViewSet peer"],
        median["bare Django JSON view"],
    )
    print(
        f"\n{args.patients} patients; gunicorn with {args.workers} sync workers on core "
        f"{SERVER_CORE}, {args.concurrency} connections of "
        f"{'wrk' if shutil.which('wrk') else 'Python clients'} on core {CLIENT_CORE}; median of "
        f"{args.rounds} alternating rounds of {args.seconds:g} s:"
    )
    for name, path in PATHS.items():
        seconds, requests = cpu[name]
        print(
            f"  {name:<24} {path:<38} {median[name]:6.0f} req/s   server CPU "
            f"{seconds / requests * 1000:5.2f} ms a request"
        )
    print(f"  ratio API / DRF peer   {api / peer:6.2f}  (goal >= 2)")
    print(f"  ratio API / bare       {api / bare:6.2f}")


if __name__ == "__main__":
    main()
