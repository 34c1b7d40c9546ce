"""Citations of the legal steps (rendered from nrp.law by rule id) and the numbers the steps use."""

from __future__ import annotations

from django.utils.functional import lazy

from nrp import law
from nrp.law.types import Rule

# ---------------------------------------------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------------------------------------------


def rule(rule_id: str) -> Rule:
    return law.rule(rule_id)


def cite(rule_id: str, form: str = "short") -> str:
    """``nrp.law.cite``, short form by default (screens and messages of these steps)."""
    return law.cite(rule_id, form)


class _KeepOthers(dict):
    """Fills the citation placeholders and keeps the others (``%(child)s``) for the caller's own ``%``."""

    def __missing__(self, key: str) -> str:
        return f"%({key})s"


def _format(msg, form: str, ids: dict[str, str]) -> str:
    return str(msg) % _KeepOthers({name: law.cite(rule_id, form) for name, rule_id in ids.items()})


_format_lazy = lazy(_format, str)


def message(msg, *, form: str = "short", **ids: str):
    """``nrp.law.message`` whose other ``%(name)s`` placeholders survive for the caller:
    ``message(_("%(child)s … (%(law)s)"), law="CHILD_VIEW") % {"child": …}``."""
    for rule_id in ids.values():
        law.rule(rule_id)  # fail early on a typo
    return _format_lazy(msg, form, ids)


# The rules the screens of the legal steps cite (rendered once per page).
CITED_ON_SCREENS = (
    "CHILD_VIEW",
    "CHILD_ASSESSMENT",
    "CHILD_CONSENT_12",
    "INFANT_WAIVER",
    "LEGALLY_FREE",
    "CONSENT_REVOCATION",
    "SELECTION",
    "COURT_PETITION_CHILD_FILE",
    "INSTITUTIONAL_CARE_SEARCH",
    "PRE_ADOPTION_CARE",
    "FOSTER_AGREEMENT",
    "PLACEMENT_KEEPS_REGISTER",
)

# The numbers the steps use (the region's setting, once nrp.law absorbs them, overrides the shipped default).
ASSESSMENT_FROM_AGE = law.default("CHILD_ASSESSMENT_AGE")
WAIVER_UNDER_AGE = law.default("INFANT_WAIVER")
CONSENT_AGE = law.default("CHILD_CONSENT_12")
CONSENT_REVOCATION_MONTHS = law.default("CONSENT_REVOCATION")
CHILD_FILE_DAYS = law.default("COURT_PETITION_CHILD_FILE")
