"""Benchmark: how the pages' latency and query count grow with the clinic, at 1k, 10k and
100k patients, and the web worker's memory after 2,000 mixed requests.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--repeat 30] [--rounds 3]
        [--pages dashboard,api_list,...] [--reseed] [--async-commit] [--explain] [--no-memory]

Each size has its own database (backstrong_scale_1k, _10k, _100k) holding one clinic of N
patients, half of them with an active program of 5 exercises and 20 sessions (see
bench/scale_seed.py); seeded once with COPY and INSERT ... SELECT, reused on later runs
(`--reseed` seeds again). Sizes are measured in processes of their own with production
settings (DEBUG off, PostgreSQL with prepared statements, Redis db 10 for the cache, the
cached template loader; bench/scale_settings.py), logged in as the clinic's clinician
(force_login) or, for the portal, as a patient. Requests go through django.test.Client in that
process, so the time is Django's and PostgreSQL's, without HTTP. The sizes take turns in
--rounds short rounds (as bench/api.py alternates its paths) so that other load on the machine
falls on all of them alike; in each round, per page, 3 warm-up requests, one with its queries
counted (CaptureQueriesContext), then repeat/rounds timed ones (time.perf_counter(), and the
process's CPU time, which the machine's other load disturbs much less).

Printed per page: p50, p95 and CPU p50 per size, the queries of a request, and the ratio of the
largest size's figures to the smallest's, against the goals: p95 < 100 ms at 100k, ratio
<= 1.5 (judged on p50, the steadier of the two), the same number of queries at every size. Then
the memory of the process after warming up and after 2,000 mixed requests (every page in turn,
dashboards included) at the largest size: current RSS (VmRSS) and peak (ru_maxrss), against
150 MB. --explain prints EXPLAIN ANALYZE of each page's slowest SELECT (in the last round).

Measured 2026-12-03 at 17:21 UTC on the 2-core development machine (PostgreSQL 15, Python
3.11), quiet (load average about 1), with --repeat 10 --rounds 2, after this round's work on
the dashboard's kept rows, searches and deep pages read ids first, and frozen start-up objects.
ms, p50/p95 (cpu p50), 1k and 100k:

    page              1k              100k            100k/1k p50  queries
    dashboard          15.6/19.6 (13)  20.3/22.0 (14)  1.30          9
    dashboard_reason   13.9/14.8 (12)  17.6/18.5 (12)  1.27          9
    dashboard_mine     14.3/18.8 (12)  17.5/18.6 (14)  1.22         10
    api_list            9.7/13.2 (7)   10.4/11.3 (7)   1.07          6
    api_search         10.2/11.4 (8)   12.3/15.1 (8)   1.20          7
    api_cursor          8.4/21.6 (7)    7.6/21.8 (6)   0.91          5
    web_search         21.3/22.8 (19)  23.6/25.2 (19)  1.11          7
    web_last_page      20.7/22.4 (18)  24.1/25.6 (19)  1.16          7
    patient_detail     53.1/57.4 (46)  52.0/55.9 (45)  0.98         26
    program            23.1/25.2 (20)  22.8/23.9 (19)  0.98          9
    handout            12.8/13.1 (12)  12.8/12.9 (12)  1.00          6
    portal_today       19.2/19.3 (16)  18.5/20.2 (16)  0.96         13
    portal_history     34.3/39.4 (31)  32.6/37.5 (29)  0.95         10
    fhir               13.1/14.1 (11)  12.8/13.4 (11)  0.98         11
    clinic_outcomes    29.8/30.8 (25) 219.9/227.8 (143) 7.39        11
    clinic_reminders    8.2/30.4 (6)    7.5/9.0 (6)    0.92          8

Query counts are the same at every size. Met at 100k: every page but the clinic's outcomes
page, which still reads every current program (streamed; 6.9 s before this round's work on
it, 0.22 s now). Memory at 100k: RSS 124 MB after warming up, 130 MB after 2,000 mixed
requests, under 150 MB.

The run of 15:10 UTC, before that work (another machine of the same kind), had at 100k:
dashboard 104/141, dashboard_reason 203/232, dashboard_mine 134/148, api_search 49/53,
web_search 63/78, web_last_page 52/68.

The first run (at commit 9790dc7, before that work, under load average 2-5, --repeat 30
--rounds 3) had, at 100k: dashboard 113/168, dashboard_reason 201/320, api_list 36/44, api_search
119/162, web_search 132/173, web_last_page 303/418 (the last page sorted all 100,000 patients
to disk for OFFSET 99,975; the counts scanned every patient). Seeding: 1k 1 s, 10k 62 s, 100k
105 s (rows 43 s, the app's attention_rebuild 58 s; 1M sessions, 5M session items).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/backstrong_scale"
)
sys.path.insert(0, str(ROOT))

from bench.scale_report import PAGES, label, report  # noqa: E402

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
MIXED_REQUESTS = 2000
WARM_UP = 3


def database_url(size: int) -> str:
    return f"{BASE_URL}_{label(size)}"


def setup_django(size: int, async_commit: bool = False) -> None:
    url = database_url(size)
    if async_commit:
        # This connection's commits do not wait for the WAL to reach the disk: a session
        # setting, for a disk shared with other work where one fsync takes tens of ms.
        url += "?options=-c%20synchronous_commit%3Doff"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.scale_settings",
            "DJANGO_SECRET_KEY": "bench-only-secret-key-bench-only-secret-key-bench-only",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": url,
            # One connection for the whole run, as a busy worker keeps it.
            "CONN_MAX_AGE": "3600",
            "CELERY_BROKER_URL": REDIS_URL,
            "REDIS_URL": REDIS_URL,
            # Throttling still runs on every API request; the bench must just never hit it.
            "API_THROTTLE_RATE": "100000000/min",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()
    from config.startup import freeze_startup_objects

    freeze_startup_objects()  # as a web worker does once loaded (config/wsgi.py)


# --- one size, in its own process --------------------------------------------------------


def page_paths(clinician_client, size: int) -> dict[str, str]:
    """Every page's path; the API's cursor page only if its schema offers a cursor."""
    from bench import scale_seed
    from patients.views import PATIENTS_PER_PAGE

    patient = scale_seed.portal_patient_id(size)
    program = (patient - 1) // 2 + 1
    paths = {
        "dashboard": "/dashboard/",
        "dashboard_reason": "/dashboard/?reason=low_adherence",
        "dashboard_mine": f"/dashboard/?clinician={scale_seed.clinician_user_id()}",
        "api_list": "/api/v1/patients/?page_size=50",
        "api_search": f"/api/v1/patients/?page_size=50&q={scale_seed.SEARCH_TERM}",
        "web_search": f"/patients/?q={scale_seed.SEARCH_TERM}",
        "web_last_page": f"/patients/?page={-(-size // PATIENTS_PER_PAGE)}",
        "patient_detail": f"/patients/{patient}/",
        "program": f"/programs/{program}/",
        "handout": f"/programs/{program}/handout/",
        "portal_today": "/portal/",
        "portal_history": "/portal/history/",
        "fhir": f"/api/v1/patients/{patient}/fhir/",
        "clinic_outcomes": "/outcomes/",
        "clinic_reminders": "/reminders/",
    }
    cursor = cursor_path(clinician_client, paths["api_list"])
    if cursor:
        paths["api_cursor"] = cursor
    return paths


def cursor_path(client, first_page: str) -> str | None:
    """The list's second page by cursor, when its schema offers a `cursor` parameter (turned on
    by `pagination=cursor` when the schema has that switch)."""
    schema = get(client, "/api/v1/schema/?format=json")
    operation = json.loads(schema.content)["paths"]["/api/v1/patients/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation.get("parameters", [])}
    if "cursor" not in parameters:
        return None
    if "cursor" in parameters.get("pagination", {}).get("schema", {}).get("enum", []):
        first_page += "&pagination=cursor"
    following = json.loads(get(client, first_page).content).get("next")
    if not following or "cursor=" not in following:
        raise SystemExit(f"The schema offers ?cursor= but {first_page} links to no cursor.")
    return following.split("testserver", 1)[-1]


def clients(size: int):
    """A client logged in as the clinician, and one as the portal patient."""
    from django.test import Client

    from clinic.models import User

    backend = "django.contrib.auth.backends.ModelBackend"
    clinician, patient = Client(), Client()
    clinician.force_login(User.objects.get(email="clinician@scale.bench"), backend=backend)
    patient.force_login(User.objects.get(email="patient@scale.bench"), backend=backend)
    return clinician, patient


def get(client, path: str):
    response = client.get(path, secure=True)  # as the TLS proxy would forward it
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}: {response.content[:300]!r}")
    return response


def measure(client, path: str, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        get(client, path)
    # Every request starts by emptying the connection's query log (request_started), so the
    # context must start from an empty log, and the log must be read before the next request.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        get(client, path)
    captured = [{"ms": float(q["time"]) * 1000, "sql": q["sql"]} for q in queries]
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        get(client, path)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {
        "path": path,
        "times": times,
        "cpu_times": cpu,
        "queries": [len(captured)],
        "slowest": sorted(captured, key=lambda q: -q["ms"])[:3],
    }


def summarise(figures: dict) -> dict:
    """p50 and p95 of the wall times, p50 of the web process's CPU times."""
    times = figures["times"]
    return {
        **figures,
        "p50": statistics.median(times),
        "p95": statistics.quantiles(times, n=20, method="inclusive")[18],
        "cpu": statistics.median(figures["cpu_times"]),
    }


def run_size(size: int, args: argparse.Namespace) -> dict:
    setup_django(size, args.async_commit)
    from bench import scale_seed

    result = scale_seed.ensure_seeded(database_url(size), size, args.reseed)
    clinician, patient = clients(size)
    paths = page_paths(clinician, size)
    chosen = [name for name in PAGES if name in paths and name in args.pages]
    if args.memory:
        return {**result, "memory": memory(clinician, patient, paths)}
    result["pages"] = {}
    for name in chosen:
        client = patient if name.startswith("portal") else clinician
        result["pages"][name] = measure(client, paths[name], args.repeat)
        figures = summarise(result["pages"][name])
        print(
            f"  {label(size):>5} {name:<16} p50 {figures['p50']:7.1f} ms  "
            f"p95 {figures['p95']:7.1f} ms  cpu {figures['cpu']:6.1f} ms  "
            f"{figures['queries'][0]:3d} queries",
            flush=True,
        )
        if args.explain:
            explain(figures["slowest"])
    return result


def explain(slowest: list[dict]) -> None:
    """EXPLAIN ANALYZE of the page's slowest SELECT, run again."""
    from django.db import connection

    for query in slowest:
        if query["sql"].lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                plan = "\n".join(f"        {line}" for (line,) in cursor.fetchall())
            print(f"      slowest SELECT ({query['ms']:.1f} ms): {query['sql']}\n{plan}")
            return


def rss_mb() -> dict:
    """The process's current and peak resident memory, in MB."""
    import resource

    status = Path("/proc/self/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {
        "rss": int(fields["VmRSS"].split()[0]) / 1024,
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def memory(clinician, patient, paths: dict[str, str]) -> dict:
    """RSS after one request to every page, then after 2,000 more in turn."""
    order = list(paths.items())
    for name, path in order:
        get(patient if name.startswith("portal") else clinician, path)
    before = rss_mb()
    for n in range(MIXED_REQUESTS):
        name, path = order[n % len(order)]
        get(patient if name.startswith("portal") else clinician, path)
    return {"before": before, "after": rss_mb(), "requests": MIXED_REQUESTS}


def child(args: argparse.Namespace) -> None:
    result = run_size(args.size, args)
    Path(args.out).write_text(json.dumps(result))


def spawn(size: int, args: argparse.Namespace, out: Path, memory: bool = False) -> dict:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--size",
        str(size),
        "--out",
        str(out),
        "--repeat",
        str(args.repeat),
        "--pages",
        ",".join(args.pages),
    ]
    command += ["--reseed"] if args.reseed and not memory else []
    command += ["--memory"] if memory else []
    command += ["--async-commit"] if args.async_commit else []
    command += ["--explain"] if args.explain and not memory else []
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603
    return json.loads(out.read_text())


def merge(results: dict[int, dict], size: int, result: dict) -> None:
    """Add a round's requests to the size's."""
    if size not in results:
        results[size] = result
        return
    for name, figures in result["pages"].items():
        kept = results[size]["pages"][name]
        for key in ("times", "cpu_times", "queries"):
            kept[key] += figures[key]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="patients per clinic")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--rounds", type=int, default=3, help="turns the sizes take")
    parser.add_argument("--pages", default=",".join(PAGES), help="a comma-separated subset")
    parser.add_argument("--reseed", action="store_true", help="seed every size again")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory check")
    parser.add_argument(
        "--async-commit",
        action="store_true",
        help="the bench's PostgreSQL sessions commit without waiting for the disk "
        "(synchronous_commit=off): for a shared machine whose fsync takes tens of ms",
    )
    parser.add_argument(
        "--explain", action="store_true", help="EXPLAIN ANALYZE each page's slowest SELECT"
    )
    # Internal: one size (or its memory check) in a process of its own.
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.pages = [name.strip() for name in args.pages.split(",") if name.strip()]
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}; choose from {', '.join(PAGES)}")
    if args.size:
        child(args)
        return
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    rounds, args.repeat = args.rounds, -(-args.repeat // args.rounds)
    explain, args.explain = args.explain, False
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # The sizes take turns, in short rounds, so that other load on the machine falls on
        # all of them alike; seeding, if needed, happens in the first.
        for round_number in range(rounds):
            args.explain = explain and round_number == rounds - 1
            for size in sizes if round_number % 2 == 0 else reversed(sizes):
                print(f"round {round_number + 1}/{rounds}, {label(size)} patients:", flush=True)
                merge(results, size, spawn(size, args, Path(tmp) / f"{size}.json"))
            args.reseed = False
        for result in results.values():
            result["pages"] = {name: summarise(f) for name, f in result["pages"].items()}
        memory_result = None
        if not args.no_memory:
            print(f"memory, {MIXED_REQUESTS} mixed requests at {label(sizes[-1])}...", flush=True)
            memory_result = spawn(sizes[-1], args, Path(tmp) / "memory.json", memory=True)["memory"]
    report(results, memory_result)


if __name__ == "__main__":
    main()
