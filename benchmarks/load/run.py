"""Load test of NRP with locust: gunicorn (3 workers) on loopback, 20 users of five roles, bounded in time.

    make load            # = uv run python benchmarks/load/run.py
    make load-restart    # = uv run python benchmarks/load/run.py --restart

``make load`` runs two phases against one gunicorn: first every user requests only the trivial views (a
logged-in screen and ``/api/v1/me/``), then each user opens its role's main screens and API endpoints in turn
(the page mix). It prints p50/p95/requests per second per page, the mix against the trivial views, and the
targets of issue 12 as met or missed: the mix keeps at least half the trivial views' throughput, p95 ≤ 300 ms.
The database is ``LOAD_DATABASE_URL`` when set, else database ``nrp_load`` of the embedded server, seeded
with ``seed_demo --size $LOAD_SIZE`` (default ``medium``: 4 regions, 160 journeys; ``large`` takes over half
an hour to seed, see RESULTS.md) when it has no demo users yet.

``--restart`` runs the page mix with writes (guides and applicants post messages through the API) against an
embedded PostgreSQL in a temporary folder (seeded with the small demo), stops the server in the middle of the
run for a few seconds and starts it again, and then checks: every write answered 2xx is in the database, and
requests after the restart succeed again without restarting gunicorn. It exits 1 when a write is lost or the
app has not recovered.

Requests in the first seconds of a phase (users starting) are left out of the figures. Locust runs in this
machine's CPU next to gunicorn and PostgreSQL, as a browser would not: figures are for comparison in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._django import percentile  # noqa: E402 - after the path is set

WARMUP_SECONDS = 3.0
TARGET_P95_MS = 300.0
TARGET_SHARE = 0.5


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def has_demo_users(env: dict) -> bool:
    code = "from nrp.core.models import User; print(User.objects.filter(email__endswith='@demo.nrp.example').count())"
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1]) > 0


def ready_database(url: str, size: str) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0"}
    manage(env, "migrate", "--noinput", "-v", "0")
    if not has_demo_users(env):
        print(f"(seeding the load database: seed_demo --size {size})", file=sys.stderr, flush=True)
        started = time.perf_counter()
        manage(env, "seed_demo", "--size", size)
        print(f"(seeded in {time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    return env


def embedded_database_url(name: str) -> str:
    from benchmarks._django import _create_database
    from nrp.db import start_embedded_postgres

    base = start_embedded_postgres()
    _create_database(base, name)
    return base.replace("/postgres?", f"/{name}?", 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    env = {**env, "NRP_API_RATE_USER": "1000000/minute"}  # the throttle is not what is measured
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "nrp.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/prihlaseni/", timeout=5) as response:
                if response.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit(f"gunicorn did not answer within 60 s; see {log}")


def run_locust(
    host: str, plan: Path, out: Path, *, phase: str, users: int, seconds: int, writes: bool, run_id: str, log: Path
):
    env = {
        **os.environ,
        "LOAD_PLAN": str(plan),
        "LOAD_PHASE": phase,
        "LOAD_OUT": str(out),
        "LOAD_WRITES": "1" if writes else "0",
        "LOAD_RUN_ID": run_id,
        "LOAD_STARTED": str(out.with_suffix(".started")),
    }
    command = [
        sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless", "--host", host,
        "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--stop-timeout", "5", "--only-summary",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT)


def load_samples(out: Path) -> dict:
    data = json.loads(out.read_text())
    samples = data["samples"]
    if samples:
        start = min(s[0] for s in samples)
        data["steady"] = [s for s in samples if s[0] >= start + WARMUP_SECONDS]
        data["window"] = max(s[0] for s in data["steady"]) - (start + WARMUP_SECONDS) if data["steady"] else 0.0
    return data


def table(rows: list[tuple[str, list]], window: float) -> list[str]:
    lines = ["| page | requests | failed | p50 ms | p95 ms | requests/s |", "|---|---:|---:|---:|---:|---:|"]
    for name, samples in rows:
        ms = [s[2] for s in samples]
        failed = sum(1 for s in samples if not s[3])
        lines.append(
            f"| {name} | {len(samples)} | {failed} | {percentile(ms, 50):.0f} | {percentile(ms, 95):.0f} "
            f"| {len(samples) / window:.1f} |"
        )
    return lines


def by_name(samples: list) -> list[tuple[str, list]]:
    names = sorted({s[1] for s in samples})
    return [(n, [s for s in samples if s[1] == n]) for n in names]


def report_load(trivial: dict, mix: dict) -> bool:
    print("\n### Trivial views (same gunicorn, same users, before the mix)\n")
    rows = by_name(trivial["steady"])
    print("\n".join(table([*rows, ("**all trivial**", trivial["steady"])], trivial["window"])))
    print("\n### Page mix (five roles, main screens and API)\n")
    rows = by_name(mix["steady"])
    print("\n".join(table([*rows, ("**all pages**", mix["steady"])], mix["window"])))
    trivial_rps = len(trivial["steady"]) / trivial["window"]
    mix_rps = len(mix["steady"]) / mix["window"]
    mix_p95 = percentile([s[2] for s in mix["steady"]], 95)
    failed = sum(1 for s in mix["steady"] + trivial["steady"] if not s[3])
    share_ok = mix_rps >= TARGET_SHARE * trivial_rps
    p95_ok = mix_p95 <= TARGET_P95_MS
    print("\n### Targets (issue 12)\n")
    print("| target | measured | |")
    print("|---|---:|---|")
    print(
        f"| page mix ≥ {TARGET_SHARE:.0%} of the trivial views' throughput | {mix_rps:.1f} / {trivial_rps:.1f} "
        f"requests/s = {mix_rps / trivial_rps:.0%} | {'met' if share_ok else 'missed'} |"
    )
    print(f"| page mix p95 ≤ {TARGET_P95_MS:.0f} ms | {mix_p95:.0f} ms | {'met' if p95_ok else 'missed'} |")
    print(f"| no failed requests | {failed} failed | {'met' if failed == 0 else 'missed'} |")
    return failed == 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60, help="length of the page mix (and of a restart run)")
    parser.add_argument("--trivial-seconds", type=int, default=30)
    parser.add_argument("--restart", action="store_true", help="restart PostgreSQL in the middle of a writing run")
    parser.add_argument("--outage", type=float, default=3.0, help="seconds PostgreSQL stays down (--restart)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrp.settings")
    work = Path(tempfile.mkdtemp(prefix="nrp-load-"))
    pgdata = None
    try:
        if args.restart:
            from benchmarks.load.restart import temporary_server

            pgdata = work / "pgdata"
            url = temporary_server(pgdata)
            env = ready_database(url, "small")
        else:
            url = os.environ.get("LOAD_DATABASE_URL") or embedded_database_url("nrp_load")
            env = ready_database(url, os.environ.get("LOAD_SIZE", "medium"))
        plan = work / "plan.json"
        subprocess.run(
            [sys.executable, str(HERE / "prepare.py"), "--out", str(plan), "--per-role", str(-(-args.users // 5))],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
        port = free_port()
        gunicorn = start_gunicorn(env, port, work / "gunicorn.log")
        host = f"http://127.0.0.1:{port}"
        run_id = uuid.uuid4().hex[:8]
        print(f"# NRP load test · {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC · {args.users} users · "
              f"gunicorn 3 workers · load average {os.getloadavg()[0]:.1f} at start", flush=True)  # fmt: skip
        try:
            if args.restart:
                from benchmarks.load.restart import restart_run

                return restart_run(
                    args, host, plan, work, url, pgdata, run_id, run_locust, load_samples, by_name, table
                )
            out_trivial, out_mix = work / "trivial.json", work / "mix.json"
            locust_log = work / "locust.log"
            run_locust(host, plan, out_trivial, phase="trivial", users=args.users, seconds=args.trivial_seconds,
                       writes=False, run_id=run_id, log=locust_log).wait()  # fmt: skip
            run_locust(host, plan, out_mix, phase="mix", users=args.users, seconds=args.seconds, writes=False,
                       run_id=run_id, log=locust_log).wait()  # fmt: skip
            ok = report_load(load_samples(out_trivial), load_samples(out_mix))
            print(f"\n(load average {os.getloadavg()[0]:.1f} at the end; logs in {work})")
            return 0 if ok else 1
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
    finally:
        if pgdata is not None:
            from benchmarks.load.restart import stop_server

            stop_server(pgdata)
            shutil.rmtree(pgdata, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
