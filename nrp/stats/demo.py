"""Demo seed step: a year of history (filled in below)."""


def seed_history(ctx) -> None:
    return None
