"""A real Celery worker on the real Redis broker sends reminder batches; a worker killed with
SIGKILL mid-batch loses nothing and duplicates nothing once another worker takes over."""

import datetime
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from config.celery import app as celery_app
from programs.reminders.models import Reminder, ReminderPreference
from programs.reminders.services import reminders_dispatch
from tests.factories import PatientFactory, program_factory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

ROOT = Path(settings.BASE_DIR)
REMINDER_HEADER = re.compile(r"^X-Backstrong-Reminder: (\d+)$", re.MULTILINE)


@pytest.fixture
def broker():
    """The real Redis broker, emptied, with tasks sent to it instead of run in-process."""
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs the Redis broker (CI always has it)")
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete("celery", "unacked", "unacked_index", "unacked_mutex")
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield client
    celery_app.conf.task_always_eager = eager
    client.delete("celery", "unacked", "unacked_index", "unacked_mutex")


class Worker:
    """A `celery worker` process on the test database, writing mail to a folder."""

    def __init__(self, tmp_path: Path, **env):
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir(exist_ok=True)
        self.log = tmp_path / "worker.log"
        database = connection.settings_dict
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": (
                f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
                f"{database['NAME']}"
            ),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "EMAIL_BACKEND": "tests.workers.backends.SlowFileBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            **{key: str(value) for key, value in env.items()},
        }
        self.process = None

    def start(self) -> "Worker":
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--loglevel=INFO",
                "--concurrency=1",
                "--without-mingle",
                "--without-gossip",
                "-n",
                f"test-{uuid.uuid4().hex[:8]}@%h",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def kill(self) -> None:
        """SIGKILL the worker and its pool: no warm shutdown, no acknowledgement."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def delivered(self) -> list[int]:
        """The reminder id of every email written, duplicates included."""
        return [
            int(match)
            for path in self.mail_dir.glob("*.log")
            for match in REMINDER_HEADER.findall(path.read_text())
        ]


def _due_patients(clinic, count: int) -> None:
    for n in range(count):
        patient = PatientFactory(clinic=clinic, email=f"w{n}@example.com", timezone="UTC")
        program_factory(patient=patient, status="active")
        ReminderPreference.objects.create(patient=patient, times=["18:00"])


def _wait(condition, *, timeout: float, what: str, worker: Worker) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if worker.process.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}; worker log:\n{worker.log.read_text()[-3000:]}")


SLOT = datetime.datetime(2026, 1, 15, 18, 0, 30, tzinfo=datetime.UTC)


def test_worker_sends_a_batch_through_redis(clinic, broker, tmp_path, settings):
    settings.REMINDER_BATCH_SIZE = 10
    _due_patients(clinic, 25)
    worker = Worker(tmp_path, REMINDER_BATCH_SIZE=10).start()
    try:
        batches = reminders_dispatch(now=SLOT)
        assert [len(b) for b in batches] == [10, 10, 5]
        sent = Reminder.objects.filter(status="sent")
        _wait(lambda: sent.count() == 25, timeout=60, what="25 sent reminders", worker=worker)
    finally:
        worker.kill()
    delivered = worker.delivered()
    assert sorted(delivered) == sorted(Reminder.objects.values_list("id", flat=True))
    # one mail connection per batch: the file backend writes one file per connection
    assert len(list(worker.mail_dir.glob("*.log"))) == 3


def test_worker_killed_mid_batch_loses_and_duplicates_nothing(clinic, broker, tmp_path, settings):
    settings.REMINDER_BATCH_SIZE = 40
    _due_patients(clinic, 80)
    env = {
        "REMINDER_BATCH_SIZE": 40,
        "EMAIL_SLOW_SECONDS": 0.05,
        "CELERY_VISIBILITY_TIMEOUT": 3,
        "CELERY_UNACKED_RESTORE_INTERVAL": 1,
        "CELERY_UNACKED_RESTORE_THROTTLE": 1,
        # Killed while sweeping, the first worker would otherwise lock sweeps out for 5 min.
        "CELERY_UNACKED_MUTEX_EXPIRE": 2,
    }
    first = Worker(tmp_path, **env).start()
    try:
        reminders_dispatch(now=SLOT)
        sent = Reminder.objects.filter(status="sent")
        _wait(lambda: sent.count() >= 15, timeout=60, what="15 sent reminders", worker=first)
    finally:
        first.kill()
    assert sent.count() < 80, "the worker finished before it could be killed"
    assert Reminder.objects.filter(status="sending").exists()

    second = Worker(tmp_path, **env).start()
    try:
        _wait(lambda: sent.count() == 80, timeout=90, what="all 80 sent", worker=second)
    finally:
        second.kill()
    delivered = second.delivered()
    assert len(delivered) == len(set(delivered)) == 80, "each reminder exactly once"
    assert not Reminder.objects.exclude(status="sent").exists()
    assert timezone.now() > SLOT
