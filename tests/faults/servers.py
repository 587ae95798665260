"""Throwaway servers for the fault tests: a `redis-server` and a PostgreSQL cluster of the
test's own, started and stopped at will on a fixed port. The shared servers are never touched."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings

REDIS_SERVER = shutil.which("redis-server")
_PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
PG_BIN = Path(_PG_BIN[-1]) if _PG_BIN else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require(program: str | None, package: str) -> None:
    """Skip without the server's binary, but never under CI: there a skipped fault test would
    hide the very outage it exists to catch."""
    if program is not None:
        return
    if settings.CI:
        pytest.fail(f"CI=true but {package} is not installed: the fault test cannot run.")
    pytest.skip(f"{package} is not installed")


def _wait_until(ready, process: subprocess.Popen | None, what: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if ready():
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.05)
    pytest.fail(f"{what} did not start")


class ThrowawayRedis:
    """A `redis-server` of the test's own, on a fixed port, with nothing written to disk."""

    def __init__(self, directory: Path) -> None:
        require(REDIS_SERVER, "redis-server")
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _answers(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping())
        except redis.ConnectionError:
            return False

    def start(self) -> "ThrowawayRedis":
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_until(self._answers, self.process, f"redis-server on port {self.port}")
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


class ThrowawayPostgres:
    """A PostgreSQL cluster made with `initdb` in a temporary folder, run as user `postgres`
    (PostgreSQL refuses to run as root), listening on 127.0.0.1 at a port of its own."""

    def __init__(self) -> None:
        require(PG_BIN, "PostgreSQL's server binaries")
        self.port = free_port()
        # Not under pytest's tmp_path: user postgres could not enter root's private folder.
        self.directory = Path(tempfile.mkdtemp(prefix="backstrong-pg-"))
        self.data = self.directory / "data"
        self._as_postgres = []
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
            self._as_postgres = ["runuser", "-u", "postgres", "--"]
        self._run(
            PG_BIN / "initdb",
            "-D",
            self.data,
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "--encoding=UTF8",
        )

    def _run(self, program, *args) -> None:
        command = [*self._as_postgres, str(program), *map(str, args)]
        subprocess.run(command, check=True, capture_output=True, timeout=60)  # noqa: S603

    def _answers(self) -> bool:
        probe = subprocess.run(  # noqa: S603 - our own command line
            [str(PG_BIN / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)],
            check=False,
        )
        return probe.returncode == 0

    def start(self) -> "ThrowawayPostgres":
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c fsync=off "
            f"-c unix_socket_directories={self.directory}"
        )
        self._run(
            PG_BIN / "pg_ctl",
            "-D",
            self.data,
            "-o",
            options,
            "-l",
            self.directory / "log",
            "-w",
            "start",
        )
        _wait_until(self._answers, None, f"PostgreSQL on port {self.port}")
        return self

    def stop(self) -> None:
        """A fast shutdown, as a restart does: open connections are terminated."""
        if (self.data / "postmaster.pid").exists():
            self._run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def copy_database(self, source: dict, name: str) -> None:
        """Copy a database of the shared server (schema and rows) into this cluster."""
        self._run(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", name)
        dump = subprocess.run(  # noqa: S603 - our own command line
            [
                str(PG_BIN / "pg_dump"),
                "--format=custom",
                "-h",
                source["HOST"],
                "-p",
                str(source["PORT"] or 5432),
                "-U",
                source["USER"],
                source["NAME"],
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(  # noqa: S603 - our own command line
            [
                str(PG_BIN / "pg_restore"),
                "--no-owner",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                name,
            ],
            input=dump.stdout,
            check=True,
            capture_output=True,
            timeout=120,
        )
