"""Demo seed step: journeys in every stage, approved families in the register (filled in below)."""

from __future__ import annotations


def seed_journeys(ctx) -> None:
    return None
