"""PostgreSQL restart in the middle of a writing load run (``make load-restart``; see ``run.py``).

The embedded server (pgserver) runs in a temporary folder so that stopping it touches nobody else's database.
The restart is ``pg_ctl stop -m fast`` (open transactions are rolled back, as in a crash of the connections or
a planned restart), a pause of ``--outage`` seconds, and a start on the same socket.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path


def _pg_ctl(pgdata: Path, *args: str) -> None:
    from pgserver._commands import pg_ctl

    # pgserver runs the server as the system user "pgserver" when started by root; pg_ctl must run as it too.
    pg_ctl(list(args), pgdata=pgdata, user="pgserver" if os.geteuid() == 0 else None, timeout=60)


def temporary_server(pgdata: Path) -> str:
    import pgserver

    pgdata.mkdir(parents=True)
    return pgserver.get_server(pgdata, cleanup_mode=None).get_uri()


def stop_server(pgdata: Path) -> None:
    if (pgdata / "postmaster.pid").exists():
        _pg_ctl(pgdata, "-w", "-m", "fast", "stop")


def restart_server(pgdata: Path, outage: float) -> tuple[float, float]:
    import pgserver

    down = time.time()
    _pg_ctl(pgdata, "-w", "-m", "fast", "stop")
    time.sleep(outage)
    server = pgserver.get_server(pgdata, cleanup_mode=None)  # the handle this process already has
    with server._lock:  # pgserver's own inter-process lock around starting a server
        server.ensure_postgres_running()
    return down, time.time()


def stored_markers(url: str, run_id: str) -> set[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT body FROM applicant_journey_message WHERE body LIKE %s", (f"load-{run_id}-%",)
        ).fetchall()
    return {r[0] for r in rows}


def probe(host: str, plan: Path) -> int:
    """One request of the trivial screen with a user's session after the run: the app answers without a restart."""
    account = json.loads(plan.read_text())["users"][0]
    request = urllib.request.Request(f"{host}/api/v1/me/", headers={"Authorization": f"Bearer {account['token']}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def restart_run(args, host, plan, work, url, pgdata, run_id, run_locust, load_samples, by_name, table) -> int:
    out = work / "restart.json"
    locust = run_locust(host, plan, out, phase="mix", users=args.users, seconds=args.seconds, writes=True,
                        run_id=run_id, log=work / "locust.log")  # fmt: skip
    window: dict[str, tuple[float, float]] = {}

    def restart_later():
        started = out.with_suffix(".started")
        while not started.exists() and locust.poll() is None:  # locust itself takes seconds to start
            time.sleep(0.2)
        time.sleep(args.seconds / 2)
        window["outage"] = restart_server(pgdata, args.outage)

    thread = threading.Thread(target=restart_later)
    thread.start()
    locust.wait()
    thread.join()
    data = load_samples(out)
    down, up = window["outage"]
    samples = data["samples"]
    periods = (
        ("sent before the stop", [s for s in samples if s[0] < down]),
        ("sent while the server was down", [s for s in samples if down <= s[0] < up]),
        ("sent in the first 5 s after it was back", [s for s in samples if up <= s[0] < up + 5]),
        ("sent later", [s for s in samples if s[0] >= up + 5]),
    )
    after = [s for s in samples if s[0] >= up]
    first = min(s[0] for s in samples)
    print(f"\nPostgreSQL stopped at +{down - first:.1f} s of the run and was back {up - down:.1f} s later "
          f"(pg_ctl stop -m fast, {args.outage:.0f} s pause, start).\n")  # fmt: skip
    print("| requests | count | failed | statuses of the failed |")
    print("|---|---:|---:|---|")
    for label, part in periods:
        failed = [s for s in part if not s[3]]
        statuses = ", ".join(
            f"{code}×{sum(1 for s in failed if s[4] == code)}" for code in sorted({s[4] for s in failed})
        )
        print(f"| {label} | {len(part)} | {len(failed)} | {statuses or '—'} |")
    print("\nPer page over the whole run:\n")
    window_s = max(s[0] for s in samples) - min(s[0] for s in samples)
    print("\n".join(table(by_name(samples), window_s)))

    stored = stored_markers(url, run_id)
    written, attempted = set(data["written"]), set(data["attempted"])
    lost = written - stored
    unconfirmed_but_stored = (attempted - written) & stored
    status = probe(host, plan)
    recovered = not any(not s[3] for s in after) and status == 200 and len(after) > 0
    print("\n| check | result | |")
    print("|---|---|---|")
    print(f"| writes answered 201 and found in the database | {len(written & stored)} of {len(written)} "
          f"| {'met' if not lost else 'MISSED: ' + str(len(lost)) + ' lost'} |")  # fmt: skip
    print(f"| writes not answered 201 (failed during the outage) | {len(attempted - written)}, of which "
          f"{len(unconfirmed_but_stored)} stored anyway | (a client retries these) |")  # fmt: skip
    failed_after = sum(1 for s in after if not s[3])
    print(f"| requests sent after the restart succeed, without restarting gunicorn | {len(after)} requests, "
          f"{failed_after} failed; probe after the run: {status} | {'met' if recovered else 'MISSED'} |")  # fmt: skip
    print(f"\n(load average {os.getloadavg()[0]:.1f} at the end; logs in {work})", file=sys.stderr)
    return 0 if not lost and recovered else 1
