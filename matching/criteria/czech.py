"""Czech words for numbers and a child's sex in the engine's own sentences (pure Python: the engine cannot use
Django's ``ngettext``). The Django side renders the same parameters through ``nrp.core.czech`` in the active
language; a test keeps the two equal for Czech.

Czech has three plural forms for whole numbers: 1 → "rok", 2–4 → "roky", 0 and 5+ → "let".
"""

from __future__ import annotations


def plural_cs(n: int, one: str, few: str, many: str) -> str:
    """The noun form for ``n``: ``one`` for 1, ``few`` for 2–4, ``many`` otherwise (0, 5+)."""
    if n == 1:
        return one
    if 2 <= n <= 4:
        return few
    return many


def years_cs(n: int) -> str:
    """ "1 rok", "4 roky", "5 let"."""
    return f"{n} {plural_cs(n, 'rok', 'roky', 'let')}"


def days_cs(n: int) -> str:
    """ "1 den", "3 dny", "5 dní"."""
    return f"{n} {plural_cs(n, 'den', 'dny', 'dní')}"


def children_cs(n: int) -> str:
    """ "1 dítě", "3 děti", "5 dětí"."""
    return f"{n} {plural_cs(n, 'dítě', 'děti', 'dětí')}"


def families_cs(n: int) -> str:
    """ "1 rodina", "3 rodiny", "5 rodin"."""
    return f"{n} {plural_cs(n, 'rodina', 'rodiny', 'rodin')}"


# Reason parameters that are counts of something: rendered with their noun in the right form.
PARAM_UNITS_CS = {
    "years": years_cs,
    "days": days_cs,
    "children": children_cs,
    "families": families_cs,
}
