"""Run every benchmark script in this folder (``make benchmarks``), one after another, and print their tables.

Each ``benchmarks/*.py`` (except this runner) is a standalone script that prints a Markdown table. Scripts run
in a fresh interpreter from the repository root, so one benchmark's warm caches do not flatter the next.
Extra arguments are passed to every script (e.g. ``--quick`` for a smoke run).

    uv run python benchmarks/run.py [--quick]
"""

from __future__ import annotations

import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def scripts() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name and not p.name.startswith("_"))


def main(argv: list[str]) -> int:
    machine = platform.processor() or platform.machine()
    print(f"# NRP benchmarks · {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.node()} · {machine}")
    failed = []
    for script in scripts():
        print(f"\n## {script.name}\n", flush=True)
        started = time.perf_counter()
        completed = subprocess.run([sys.executable, str(script), *argv], cwd=ROOT, check=False)
        print(f"\n({script.name}: {time.perf_counter() - started:.1f} s, exit {completed.returncode})", flush=True)
        if completed.returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
