"""Benchmark: requests per second of GET /api/v1/patients/?page_size=50 and of a bare Django
JSON view, served by the same gunicorn (production settings, PostgreSQL, Redis) in one run.

    .venv/bin/python bench/api.py [--seconds 10] [--concurrency 4] [--workers 2]

The bare view (bench/api_urls.py) answers {"status": "ok"} through the same middleware: it is
the ceiling, and the ratio API / bare is the cost of authentication, throttling, the queries
and serialization. Goal: ratio >= 0.25. The client runs on the same machine and takes its
share of the cores, so the absolute figures are low; the ratio is what to compare.

It also times, in-process, the patients page of 50 read and serialized five ways: a
ModelSerializer, the API's plain Serializer walking its fields or hand-built, rows from the ORM's
values_list(), and patient_page_for (one hand-written statement with the total, which the list
uses). All give the same JSON.

    .venv/bin/python bench/api.py --no-prepared-statements   # client-side binding, to compare

Uses its own database (backstrong_api_bench, analysed after seeding) and Redis db 6; seeds once
and reuses.

Measured on the 2-core development machine, 2026-11-24 (the same machine measured bare 2,492
and API 244 req/s, ratio 0.10, with the code of the session before):
    page of 50: ModelSerializer 6.9 ms, Serializer walking its fields 7.2 ms, hand-built
                4.3 ms, ORM values_list() 3.1 ms (page only), patient_page_for 0.87 ms
                (page and total)
    gunicorn, 4 sync workers, 8 clients, five runs: bare 1,950-2,870 req/s, API 430-540 req/s,
                ratio 0.19-0.22 with prepared statements, 0.18-0.21 without.
                The goal of 0.25 is not met.
What moved the API from 244 to about 500 req/s: throttling in one Redis round trip (it took
three: the Redis branch never ran), page and total in one hand-written statement instead of the
ORM's two compiled queries, psycopg's C loader for timestamps, shallow copies of the filter
serializer's fields, and prepared statements.
Where the rest goes, in CPU per request in-process: bare view 0.11 ms, API list 1.7 ms, of which
DRF with authentication 0.1, throttling 0.2 (redis-py), the connection health check 0.1, the
page read 0.55, building 50 dicts 0.19 and JSON 0.15. Under load the API's CPU per request
roughly doubles (context switches at its three round trips, on two cores shared with the
clients, PostgreSQL and Redis), the bare view's by a third. Measured ceilings, same run: a plain
Django view running patient_page_for without DRF, credentials, throttling or health check 0.30;
the same with PostgreSQL building the JSON (json_agg) 0.43, and the real endpoint so 0.25.
"""

import argparse
import datetime
import http.client
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/backstrong_api_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
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
from rest_framework import serializers  # noqa: E402

from clinic.models import AuditLog, Clinic  # noqa: E402
from clinic.services import Actor, api_token_create, clinician_create  # noqa: E402
from patients.api.serializers import (  # noqa: E402
    PATIENT_COLUMNS,
    PatientSerializer,
    patient_representation,
)
from patients.models import Patient  # noqa: E402
from patients.selectors import patient_list_for, patient_page_for  # noqa: E402
from patients.services import patient_create  # noqa: E402

CLINIC = "API bench clinic"
EMAIL = "api-bench@backstrong.bench"
PASSWORD = "bench-password-1234"  # noqa: S105  (a throwaway bench database)
PATIENTS = 60
API_PATH = "/api/v1/patients/?page_size=50"
BARE_PATH = "/bench/bare/"


def ensure_database() -> None:
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def seed() -> tuple[Clinic, str]:
    """The bench clinic with its patients, and a fresh API token of its clinician."""
    clinic = Clinic.objects.filter(name=CLINIC).first()
    if clinic is None:
        clinician = clinician_create(
            clinic_name=CLINIC, email=EMAIL, password=PASSWORD, full_name="Bench"
        )
        clinic = clinician.clinic
    user = clinic.clinicians.get().user
    actor = Actor(clinic=clinic, user=user, channel=AuditLog.Channel.SYSTEM)
    for n in range(Patient.objects.filter(clinic=clinic).count(), PATIENTS):
        patient_create(
            actor=actor,
            first_name=f"Bench{n}",
            last_name=f"Patient{n:03d}",
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


# --- serializers -------------------------------------------------------------------------


class PatientModelSerializer(serializers.ModelSerializer):
    """What a ModelSerializer of the same fields looks like."""

    injury_severity = serializers.CharField(source="latest_assessment.injury_severity")
    pain_level = serializers.IntegerField(source="latest_assessment.pain_level")
    red_flags = serializers.ListField(source="latest_assessment.red_flags")
    tier = serializers.CharField(source="latest_assessment.tier")
    referral_required = serializers.BooleanField(source="latest_assessment.referral_required")

    class Meta:
        model = Patient
        fields = list(PatientSerializer().fields)


class PatientFieldWalkSerializer(PatientSerializer):
    """The API's serializer without its hand-built to_representation: DRF's field walk."""

    def to_representation(self, instance):
        return serializers.Serializer.to_representation(self, instance)


def compare_serializers(clinic: Clinic, rounds: int = 300) -> None:
    def page():
        return patient_list_for(clinic=clinic).order_by("last_name", "first_name", "id")[:50]

    variants = {
        "ModelSerializer": lambda: PatientModelSerializer(list(page()), many=True).data,
        "plain Serializer, DRF fields": lambda: (
            PatientFieldWalkSerializer(list(page()), many=True).data
        ),
        "plain Serializer, hand-built": lambda: PatientSerializer(list(page()), many=True).data,
        "ORM values_list() rows": lambda: [
            patient_representation(row) for row in page().values_list(*PATIENT_COLUMNS)
        ],
        "patient_page_for (the list)": lambda: [
            patient_representation(row)
            for row in patient_page_for(
                clinic=clinic, columns=PATIENT_COLUMNS, limit=50, offset=0
            ).rows
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


def serve(workers: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "bench.api_wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
    )
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=1)
            conn.request("GET", BARE_PATH, headers={"X-Forwarded-Proto": "https"})
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
    parser.add_argument(
        "--no-prepared-statements",
        action="store_true",
        help="serve with client-side binding and no prepared statements, to compare",
    )
    args = parser.parse_args()
    if args.no_prepared_statements:
        ENV["DATABASE_PREPARED_STATEMENTS"] = "false"

    ensure_database()
    clinic, token = seed()
    compare_serializers(clinic)

    # As the TLS proxy would send it, so that the HTTPS redirect does not answer instead.
    proxy = {"X-Forwarded-Proto": "https"}
    api_headers = {**proxy, "Authorization": f"Bearer {token}"}
    server = serve(args.workers)
    try:
        for path, headers in ((BARE_PATH, proxy), (API_PATH, api_headers)):
            requests_per_second(path, headers, 1, args.concurrency)  # warm up
        # Alternating short rounds, so that other load on the machine hits both alike.
        rounds = []
        for _ in range(args.rounds):
            bare = requests_per_second(BARE_PATH, proxy, args.seconds, args.concurrency)
            api = requests_per_second(API_PATH, api_headers, args.seconds, args.concurrency)
            rounds.append((bare, api, api / bare))
    finally:
        server.terminate()
        server.wait()
    bare, api, ratio = (statistics.median(column) for column in zip(*rounds, strict=True))
    binding = "no prepared statements" if args.no_prepared_statements else "prepared statements"
    print(
        f"\ngunicorn, {args.workers} sync workers, {args.concurrency} clients, {binding}; "
        f"median of {args.rounds} alternating rounds of {args.seconds:g} s:"
    )
    print(f"  bare Django JSON view                {bare:8.0f} req/s")
    print(f"  GET {API_PATH}     {api:8.0f} req/s")
    print(f"  ratio API / bare                     {ratio:8.2f}  (goal >= 0.25)")


if __name__ == "__main__":
    main()
