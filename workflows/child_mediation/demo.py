"""Demo seed step: waiting children in every demo region (filled in below)."""

from __future__ import annotations


def seed_children(ctx) -> None:
    return None
