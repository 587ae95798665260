"""Benchmark: requests per second of GET /api/v1/patients/?page_size=50 and of a bare Django
JSON view, served by the same gunicorn (production settings, PostgreSQL, Redis) in one run.

    .venv/bin/python bench/api.py [--seconds 10] [--concurrency 4] [--workers 2]

The bare view (bench/api_urls.py) answers {"status": "ok"} through the same middleware: it is
the ceiling, and the ratio API / bare is the cost of authentication, throttling, the queries
and serialization. Goal: ratio >= 0.25. The client runs on the same machine and takes its
share of the cores, so the absolute figures are low; the ratio is what to compare.

It also times, in-process, the patients page of 50 serialized three ways: a ModelSerializer,
the API's plain Serializer, and dicts built from values(); the API keeps the fastest that still
documents itself in the OpenAPI schema.

Uses its own database (backstrong_api_bench) and Redis db 6; seeds once and reuses.

Measured on the 2-core development machine (2026-11-24):
    page of 50: ModelSerializer 4.65 ms, plain Serializer (DRF fields) 4.22 ms,
                hand-built from models 2.68 ms, values_list() rows 1.46 ms (the list uses these)
    gunicorn, 4 sync workers, 8 clients: bare 4127 req/s, API 338 req/s, ratio 0.08
                (goal 0.25 not met; 261 req/s before credentials were remembered for 10 s)
In-process the list costs about 3.6 ms: the count and page queries (ORM compilation is half of
their cost), 0.3 ms throttling, and DRF's and Django's own work; the bare view costs 0.13 ms.
Replacing the count query by COUNT(*) OVER () on the page query measured no gain.
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
from rest_framework import serializers  # noqa: E402

from clinic.models import AuditLog, Clinic  # noqa: E402
from clinic.services import Actor, api_token_create, clinician_create  # noqa: E402
from patients.api.serializers import (  # noqa: E402
    PATIENT_COLUMNS,
    PatientSerializer,
    patient_representation,
)
from patients.models import Patient  # noqa: E402
from patients.selectors import patient_list_for  # noqa: E402
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
        "--server-side-binding",
        action="store_true",
        help="serve with psycopg's server-side binding (prepared statements), to compare",
    )
    args = parser.parse_args()
    if args.server_side_binding:
        ENV["BENCH_SERVER_SIDE_BINDING"] = "true"

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
    binding = "server-side binding" if args.server_side_binding else "client-side binding"
    print(
        f"\ngunicorn, {args.workers} sync workers, {args.concurrency} clients, {binding}; "
        f"median of {args.rounds} alternating rounds of {args.seconds:g} s:"
    )
    print(f"  bare Django JSON view                {bare:8.0f} req/s")
    print(f"  GET {API_PATH}     {api:8.0f} req/s")
    print(f"  ratio API / bare                     {ratio:8.2f}  (goal >= 0.25)")


if __name__ == "__main__":
    main()
