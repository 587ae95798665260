"""Benchmark: 100,000 reminders due in the same minute, on real PostgreSQL and Redis.

    .venv/bin/python bench/reminders.py [--patients 100000] [--workers 1 2] [--noop-tasks N]

Measures the time from dispatch to the last email handed to the mail backend with 1 and then
2 worker processes. The backend is Django's locmem one (bench/mail_backend.py): every message
is built in full, text and HTML parts, every header, as SMTP would get it, but not sent over a
network. --noop-tasks also times how fast the same workers drain no-op tasks. Uses its own
database (backstrong_bench) and Redis db 5; seeds once and reuses.
Goal: all 100,000 within 60 seconds on one worker process and 35 seconds on two, on a 2-core
machine (the dispatcher, PostgreSQL and Redis share those cores with the workers).

Each run first deletes the previous run's reminders and vacuums their table (the development
server runs without autovacuum; without it every run was slower than the one before).

Measured on the 2-core development machine on 2026-12-03 at 16:51 and 16:53 UTC (two runs;
load average about 2, most of it this benchmark; another helper's work came and went):
    workers  dispatch s  total s  reminders/s  goal s  met
          1         3.9     39.3         2542      60   yes
          2         3.8     32.0         3126      35   yes
          1         3.9     39.8         2510      60   yes
          2         3.8     35.3         2834      35   no
With another session's test suite taking most of a core (16:39-16:47 UTC): 51-64 s on one
worker, 49-53 s on two. CPU of a quiet run of 100,000 (16:56 UTC): workers 30 s on one
worker and 35 s on two, PostgreSQL at least 12 and 17 s, the dispatching process 2 s; two
workers are held back by the cores, not by waiting.
Two more runs with that accounting (16:54 and 16:56 UTC): 38.9 and 38.3 s on one worker,
32.2 and 30.6 s on two. A reminder costs its worker about 300 us of CPU in a run; measured
alone, Django building the MIME message and locmem's copy take about 120 us, the email from
bodies rendered once per language, kind and exercise list about 20 us with its signed link
(programs.reminders.emails.ReminderEmails), taking the batch about 25 us, and the sent mark
is sent without waiting for its answer (programs.reminders.services.sending.SentMarks).
The dispatch went from 15 to 4 s: id lists as one array parameter (clinic.outbox.ids_in),
due slots worked out once per preference.
Before this round (14:50 UTC, quiet): 146.7 s on one worker, 80.5 s on two, dispatch 15 s.
"""

import argparse
import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/backstrong_bench"
)
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/5")
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "config.settings.local",
    "DJANGO_DEBUG": "false",
    "DATABASE_URL": DATABASE_URL,
    "CELERY_BROKER_URL": BROKER_URL,
    # Django's locmem backend builds every message in full (bench/mail_backend.py).
    "EMAIL_BACKEND": "bench.mail_backend.EmailBackend",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
import redis  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Max, Min  # noqa: E402

from clinic.models import Clinic  # noqa: E402
from config.celery import app  # noqa: E402
from patients.models import Assessment, Patient  # noqa: E402
from programs.library.models import Exercise  # noqa: E402
from programs.prescribing.models import Program, ProgramItem  # noqa: E402
from programs.reminders.models import Reminder, ReminderPreference  # noqa: E402
from programs.reminders.services import reminders_dispatch  # noqa: E402

SLOT_TIME = "18:00"
NOW = datetime.datetime(2026, 1, 15, 18, 0, 30, tzinfo=datetime.UTC)


def ensure_database() -> None:
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def seed(count: int) -> None:
    have = ReminderPreference.objects.count()
    if have >= count:
        print(f"reusing {have} seeded patients")
        return
    print(f"seeding {count - have} patients ...", flush=True)
    clinic, _ = Clinic.objects.get_or_create(name="Bench clinic", defaults={"timezone": "UTC"})
    exercises = list(Exercise.objects.filter(slug__in=["prone-on-elbows", "abdominal-bracing"]))
    started = time.perf_counter()
    for offset in range(have, count, 5000):
        n = min(5000, count - offset)
        patients = Patient.objects.bulk_create(
            Patient(
                clinic=clinic,
                first_name=f"P{offset + i}",
                last_name="Bench",
                date_of_birth=datetime.date(1980, 1, 1),
                email=f"p{offset + i}@bench.example",
                timezone="UTC",
                condition="nonspecific_back_pain",
                region="lower_back",
            )
            for i in range(n)
        )
        assessments = Assessment.objects.bulk_create(
            Assessment(patient=p, injury_severity="mild", pain_level=2, tier="mild")
            for p in patients
        )
        for patient, assessment in zip(patients, assessments, strict=True):
            patient.latest_assessment = assessment
        Patient.objects.bulk_update(patients, ["latest_assessment"])
        programs = Program.objects.bulk_create(
            Program(patient=p, status="active", tier="mild", activated_at=NOW) for p in patients
        )
        ProgramItem.objects.bulk_create(
            ProgramItem(
                program=program,
                exercise=exercise,
                order=order,
                sets=1,
                reps=10,
                hold_seconds=10,
                sessions_per_day=2,
                days_per_week=7,
            )
            for program in programs
            for order, exercise in enumerate(exercises, start=1)
        )
        ReminderPreference.objects.bulk_create(
            ReminderPreference(patient=p, times=[SLOT_TIME]) for p in patients
        )
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)


def reset_queue() -> redis.Redis:
    client = redis.Redis.from_url(BROKER_URL)
    client.flushdb()
    return client


def start_workers(processes: int) -> subprocess.Popen:
    worker = subprocess.Popen(  # noqa: S603 - our own command line
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--loglevel=WARNING",
            f"--concurrency={processes}",
            "--without-mingle",
            "--without-gossip",
            "--prefetch-multiplier=1",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(4)  # let the pool boot before the clock starts
    return worker


def stop(worker: subprocess.Popen) -> None:
    worker.terminate()
    worker.wait(timeout=60)


def wait_drained(client: redis.Redis, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if client.llen("celery") == 0 and client.zcard("unacked_index") == 0:
            return
        time.sleep(0.05)
    raise TimeoutError("queue not drained")


def bench_noop(processes: int, tasks: int) -> float:
    client = reset_queue()
    worker = start_workers(processes)
    try:
        started = time.perf_counter()
        with app.producer_or_acquire() as producer:
            for _ in range(tasks):
                app.send_task("celery.accumulate", args=[1], producer=producer)
        wait_drained(client, timeout=300)
        return tasks / (time.perf_counter() - started)
    finally:
        stop(worker)


def bench_reminders(processes: int, count: int) -> tuple[float, float, float]:
    Reminder.objects.all().delete()
    # As autovacuum would between runs (the development server has it off): each run would
    # otherwise find the previous runs' rows dead in the table and its indexes.
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Reminder._meta.db_table}")
    reset_queue()
    worker = start_workers(processes)
    try:
        started = time.perf_counter()
        wall_start = datetime.datetime.now(datetime.UTC)
        batches = reminders_dispatch(now=NOW)
        dispatched = time.perf_counter() - started
        claimed = sum(len(b) for b in batches)
        assert claimed == count, f"dispatched {claimed} of {count}"
        sent = Reminder.objects.filter(status="sent")
        while sent.count() < count:
            time.sleep(0.5)
        span = Reminder.objects.aggregate(first=Min("created_at"), last=Max("sent_at"))
        total = (span["last"] - wall_start).total_seconds()
        return dispatched, total, count / total
    finally:
        stop(worker)
        connection.close()


GOALS = {1: 60.0, 2: 35.0}  # seconds for 100,000 reminders, by worker processes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument(
        "--noop-tasks", type=int, default=0, help="also time this many no-op tasks per run"
    )
    parser.add_argument("--workers", type=int, nargs="+", default=sorted(GOALS))
    args = parser.parse_args()
    app.conf.broker_url = BROKER_URL
    app.conf.task_always_eager = False
    ensure_database()
    seed(args.patients)
    print(
        f"\n{args.patients} reminders due at {SLOT_TIME} UTC; batches of 500; locmem mail "
        "backend (every message built in full)"
    )
    print(
        f"{'workers':>8} {'dispatch s':>11} {'total s':>8} {'reminders/s':>12} {'goal s':>7}"
        f" {'met':>4} {'no-op tasks/s':>14}"
    )
    for processes in args.workers:
        noop = f"{bench_noop(processes, args.noop_tasks):.0f}" if args.noop_tasks else "-"
        dispatched, total, rate = bench_reminders(processes, args.patients)
        goal = GOALS.get(processes, 0.0) * args.patients / 100_000
        met = "yes" if total <= goal else "no"
        print(
            f"{processes:>8} {dispatched:>11.1f} {total:>8.1f} {rate:>12.0f} {goal:>7.0f}"
            f" {met:>4} {noop:>14}",
            flush=True,
        )
    print("\ngoal: 100,000 within 60 s on one worker process, 35 s on two (total s column)")


if __name__ == "__main__":
    main()
