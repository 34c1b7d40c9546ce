"""PostgreSQL advisory locks for scheduled commands: with two app servers, both crons fire, one does the work.

``single_run("mediation_tick")`` wraps a management command's ``handle``: the first server to take the lock
runs it, a second one started meanwhile finds the lock taken and returns at once (saying so), so the work is
done once. The lock is a session-level ``pg_try_advisory_lock`` on the command's name: it is released when
the command ends, or by PostgreSQL if the process dies (no stale lock files, no extra service).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from django.db import connection

SKIPPED = "Už běží jinde (zámek {name} je obsazen); nic se neprovádí."


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (the advisory lock namespace is one bigint)."""
    return int.from_bytes(hashlib.sha256(f"nrp:{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def advisory_lock(name: str) -> Iterator[bool]:
    """Try to take the lock ``name`` without waiting; yields whether this process holds it."""
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = bool(cursor.fetchone()[0])
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def single_run(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a command's ``handle``: run it only when no other server runs the same command right now."""

    def decorate(handle: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(handle)
        def wrapped(self: Any, *args: Any, **options: Any) -> Any:
            with advisory_lock(name) as acquired:
                if not acquired:
                    self.stdout.write(SKIPPED.format(name=name))
                    return None
                return handle(self, *args, **options)

        return wrapped

    return decorate
