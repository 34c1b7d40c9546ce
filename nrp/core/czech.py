"""Czech that reads right: plurals, words for a child's sex, months in the right case, Czech alphabetical order.

- Numbers meet nouns through ``ngettext``; the Czech forms (1 rok, 2–4 roky, 5 let) come from the Czech
  catalogue ``locale/cs/LC_MESSAGES/django.po`` (Czech has three plural forms for whole numbers), the
  English ones from ``locale/en``.
- ``czech_sort_key`` orders strings as a Czech dictionary does (ČSN 97 6030): č, ř, š, ž and the digraph
  ``ch`` are letters of their own (``ch`` after ``h``), while á, é, ě, í, ó, ú, ů, ý, ď, ť, ň only break
  ties. The embedded PostgreSQL is built without ICU, so the database cannot collate ``cs-CZ``; lists are
  sorted in Python with this key, the same on every database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from django.utils.translation import get_language, ngettext, pgettext

T = TypeVar("T")

# --- Alphabetical order -------------------------------------------------------------------------------------------

# The Czech alphabet at the primary level ("ch" is one letter, between h and i).
_ALPHABET = [
    "a", "b", "c", "č", "d", "e", "f", "g", "h", "ch", "i", "j", "k", "l", "m",
    "n", "o", "p", "q", "r", "ř", "s", "š", "t", "u", "v", "w", "x", "y", "z", "ž",
]  # fmt: skip
_LETTER_WEIGHT = {letter: 100 + i for i, letter in enumerate(_ALPHABET)}


def _primary_and_accent(char: str) -> tuple[int, int]:
    """(primary weight, accent weight) of one lower-case character (not a digraph)."""
    if char in _LETTER_WEIGHT:
        return _LETTER_WEIGHT[char], 0
    if char.isdigit():
        return (10 + int(char) if char in "0123456789" else 20), 0
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], decomposed[1:]
    if base in _LETTER_WEIGHT:
        # á, é, ě, í, ó, ú, ů, ý, ď, ť, ň (and foreign accents): the base letter, the accent only breaks ties.
        return _LETTER_WEIGHT[base], sum(ord(m) for m in marks) or 1
    if not char.isalnum():
        # Spaces, hyphens and punctuation sort before every letter ("Brno-venkov" before "Brnoň…").
        return 1, 0
    return 1000 + ord(char), 0


def czech_sort_key(value: object) -> tuple:
    """A key for ``sorted`` that puts strings in Czech dictionary order (case and accents break ties only)."""
    text = str(value)
    lower = text.lower()
    primary: list[int] = []
    accents: list[int] = []
    case: list[int] = []
    i = 0
    while i < len(lower):
        if lower[i : i + 2] == "ch":
            primary.append(_LETTER_WEIGHT["ch"])
            accents.append(0)
            case.append(0 if text[i].islower() else 1)
            i += 2
            continue
        weight, accent = _primary_and_accent(lower[i])
        primary.append(weight)
        accents.append(accent)
        case.append(0 if text[i].islower() else 1)
        i += 1
    return (tuple(primary), tuple(accents), tuple(case), text)


def czech_sorted(items: Iterable[T], key: Callable[[T], object] = str) -> list[T]:
    """``items`` in Czech alphabetical order of ``key(item)`` (by default their text)."""
    return sorted(items, key=lambda item: czech_sort_key(key(item)))


# --- Numbers with nouns ---------------------------------------------------------------------------------------------


def years(n: int) -> str:
    """ "1 rok", "3 roky", "5 let" (a child's age, a waiting time)."""
    return ngettext("%(n)d rok", "%(n)d let", n) % {"n": n}


def days(n: int) -> str:
    """ "1 den", "3 dny", "5 dní"."""
    return ngettext("%(n)d den", "%(n)d dní", n) % {"n": n}


def months(n: int) -> str:
    """ "1 měsíc", "3 měsíce", "5 měsíců"."""
    return ngettext("%(n)d měsíc", "%(n)d měsíců", n) % {"n": n}


def families(n: int) -> str:
    """ "1 rodina", "3 rodiny", "5 rodin"."""
    return ngettext("%(n)d rodina", "%(n)d rodin", n) % {"n": n}


def children(n: int) -> str:
    """ "1 dítě", "3 děti", "5 dětí"."""
    return ngettext("%(n)d dítě", "%(n)d dětí", n) % {"n": n}


# --- A child's sex ---------------------------------------------------------------------------------------------------


def child_sex_word(sex: str | None, age: int | None = None) -> str:
    """ "dívka" / "chlapec" for a child ("holčička" / "chlapeček" are not used: the register is formal)."""
    from nrp.core.choices import Sex

    # A code ("F") or a label already rendered by a profile ("žena" / its translation).
    value = str(sex or "")
    if value == Sex.FEMALE or value in ("žena", str(Sex.FEMALE.label)):
        return pgettext("child", "dívka")
    if value == Sex.MALE or value in ("muž", str(Sex.MALE.label)):
        return pgettext("child", "chlapec")
    return value


# --- Months in the right case -----------------------------------------------------------------------------------------

# Genitive: "kolem února 2027", "od 3. února"; Django's "F" is the nominative ("únor"), so a phrase that needs
# the genitive in every language uses these (looked up at call time, so that the active language applies).


def _genitive_month(month: int) -> str:
    # Looked up at call time so that the active language applies.
    words = [
        pgettext("genitive", "ledna"),
        pgettext("genitive", "února"),
        pgettext("genitive", "března"),
        pgettext("genitive", "dubna"),
        pgettext("genitive", "května"),
        pgettext("genitive", "června"),
        pgettext("genitive", "července"),
        pgettext("genitive", "srpna"),
        pgettext("genitive", "září"),
        pgettext("genitive", "října"),
        pgettext("genitive", "listopadu"),
        pgettext("genitive", "prosince"),
    ]
    return words[month - 1]


def around_month(day: date | None) -> str:
    """ "kolem února 2027" (an estimate: the month in the genitive after "kolem")."""
    if day is None:
        return ""
    return pgettext("estimate", "kolem %(month)s %(year)d") % {"month": _genitive_month(day.month), "year": day.year}


def month_year(day: date | None) -> str:
    """ "února 2027" after a preposition that takes the genitive (od, do, kolem, během)."""
    if day is None:
        return ""
    return f"{_genitive_month(day.month)} {day.year}"


def is_czech() -> bool:
    return (get_language() or "cs").split("-")[0] == "cs"


def suitable_families_of(n: int, total: int) -> str:
    """ "1 vhodná rodina z 5", "3 vhodné rodiny z 5", "5 vhodných rodin z 12"."""
    return ngettext("%(n)d vhodná rodina z %(total)d", "%(n)d vhodných rodin z %(total)d", n) % {
        "n": n,
        "total": total,
    }
