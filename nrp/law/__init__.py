"""The legal basis of NRP in one place: every rule the system applies, with its citation and how sure it is.

Zákon č. 242/2024 Sb. rewrote Hlava IV of zákon č. 359/1999 Sb. (SPOD) from 1 January 2025 and reused the old
numbers with new meanings, so citations are never written by hand: code, templates, messages, PDFs and API
texts render them from here, by rule id::

    law.cite("APPEAL_PERIOD")                 # "§ 83 odst. 1 zákona č. 500/2004 Sb."
    law.cite("SELECTION_PAUSE", form="short")  # "§ 24a zákona o SPOD"
    LAPSED = law.message(_("Rodina nepodala návrh soudu ve lhůtě (%(law)s)."), law="SELECTION_NOTICE_30_DAYS")
    {% load law %}{% cite "REGISTER_REMOVAL" %} or {{ "REGISTER_REMOVAL"|cite:"short" }}

Confidence follows ``law-2025.md`` of the team: **V** read in the new statutory text; **T** number and heading
in the official consolidated table of contents, content inferred from the heading; **S** secondary sources
(ministry statements, commentary) or a code not re-read for this project; **U** not verified. A lawyer of the
region confirms T, S and U rules on the officers' page (``/pravni-zaklad/``). Deadlines carry the shipped
default and whether a region may change it; statutory periods of správní řád are not regional settings.

``formerly`` keeps the pre-2025 number of a SPOD rule (without the § sign, so that the scan of old citations in
``tests/law/test_citations.py`` never mistakes it for a live citation); it is shown to lawyers only.
"""

from __future__ import annotations

import re

from django.utils.functional import lazy
from django.utils.translation import get_language

from nrp.law import applicants, children, procedure
from nrp.law.types import ACTS, Act, Confidence, Rule, Unit

__all__ = ["ACTS", "RULES", "Act", "Confidence", "Rule", "Unit", "cite", "default", "message", "rule"]

RULES: dict[str, Rule] = {r.id: r for r in [*applicants.RULES, *children.RULES, *procedure.RULES]}
assert len(RULES) == len(applicants.RULES) + len(children.RULES) + len(procedure.RULES), "duplicate rule id"

_AT = re.compile(r"^(?P<sec>\d+[a-z]?(?:–\d+[a-z]?)?)(?:\((?P<sub>\d+)\))?(?:\((?P<let>[a-z])\))?$")


def _provision(at: str, english: bool) -> str:
    match = _AT.match(at)
    if match is None:
        raise ValueError(f"bad citation {at!r}")
    sec, sub, let = match["sec"], match["sub"], match["let"]
    if english:
        return f"§ {sec}" + (f"({sub})" if sub else "") + (f"({let})" if let else "")
    return f"§ {sec}" + (f" odst. {sub}" if sub else "") + (f" písm. {let})" if let else "")


def _is_english() -> bool:
    return (get_language() or "cs").startswith("en")


def provisions(rule_id: str) -> str:
    """The paragraphs alone: "§ 23a odst. 1", "§ 40 odst. 1 písm. c)", "§ 23d–23g" (English: "§ 23a(1)")."""
    rule = RULES[rule_id]
    english = _is_english()
    parts = [_provision(p.strip(), english) for p in rule.at.split(",") if p.strip()]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" and " if english else " a ") + parts[-1]


def cite(rule_id: str, form: str = "full") -> str:
    """The citation of a rule in the current language.

    ``full``: "§ 83 odst. 1 zákona č. 500/2004 Sb."; ``short``: "§ 83 odst. 1 správního řádu";
    ``bare``: "§ 83 odst. 1". A rule without a known paragraph cites the act ("zákon č. 359/1999 Sb., …").
    Unknown ids raise KeyError: a typo never renders as an empty citation.
    """
    rule = RULES[rule_id]
    where = provisions(rule_id)
    if not where:
        return str(rule.act.title)
    if form == "bare":
        return where
    if form not in ("full", "short"):
        raise ValueError(f"unknown citation form {form!r}")
    return f"{where} {rule.act.full if form == 'full' else rule.act.short}"


def _format(msg, form: str, ids: dict[str, str]) -> str:
    return str(msg) % {name: cite(rule_id, form) for name, rule_id in ids.items()}


_format_lazy = lazy(_format, str)


def message(msg, *, form: str = "short", **ids: str):
    """A lazy text whose ``%(name)s`` placeholders are citations: ``message(_("… (%(law)s)"), law="RULE_ID")``.

    Evaluated when shown, so the language and the citation are those of the moment; module constants stay
    importable by tests. The ids are checked at import time.
    """
    for rule_id in ids.values():
        RULES[rule_id]  # noqa: B018 - fail early on a typo
    return _format_lazy(msg, form, ids)


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]


def default(rule_id: str) -> int:
    """The shipped default of a deadline rule (days, months, … as its ``unit`` says)."""
    value = RULES[rule_id].default
    if value is None:
        raise KeyError(f"{rule_id} is not a deadline")
    return value
