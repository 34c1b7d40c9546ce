"""``make db-stop``: stop the embedded PostgreSQL (.pgdata/) or say why not, never with a traceback.

The server is stopped with a fast shutdown (open connections, e.g. a running demo or test run, are ended:
the command says how many there were). A missing or stale server is reported and is not an error.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("NRP_PGDATA", ROOT / ".pgdata")).resolve()


def running_pid(folder: Path) -> int | None:
    pid_file = folder / "postmaster.pid"
    if not pid_file.exists():
        return None
    try:
        pid = int(pid_file.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid  # running under another account: reported below when the signal is refused
    return pid


def connections(pid: int) -> int:
    """Backend processes of the server (children of the postmaster other than its helpers), Linux only."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0
    count = 0
    for child in children:
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="ignore")
        except OSError:
            continue
        if "postgres:" in cmdline and not any(
            helper in cmdline
            for helper in ("checkpointer", "background writer", "walwriter", "autovacuum", "logical replication")
        ):
            count += 1
    return count


def main() -> int:
    folder = data_dir()
    if not folder.exists():
        print(f"Vestavěný PostgreSQL není založen ({folder}); není co zastavit.")
        return 0
    pid = running_pid(folder)
    if pid is None:
        print(f"Vestavěný PostgreSQL v {folder} neběží.")
        return 0
    in_use = connections(pid)
    try:
        os.kill(pid, signal.SIGINT)  # PostgreSQL's fast shutdown: ends open sessions, then stops cleanly
    except PermissionError:
        print(f"Server (PID {pid}) patří jinému uživateli; zastavte jej jako ten uživatel nebo root.")
        return 1
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if running_pid(folder) is None:
            note = f" (ukončeno otevřených spojení: {in_use})" if in_use else ""
            print(f"Vestavěný PostgreSQL zastaven{note}.")
            return 0
        time.sleep(0.2)
    print(f"Server (PID {pid}) se do 30 s nezastavil; zkontrolujte {folder}/log nebo jej ukončete ručně.")
    return 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # noqa: BLE001 - one clear line instead of a traceback
        print(f"Zastavení vestavěného PostgreSQL se nezdařilo: {exc}")
        sys.exit(1)
