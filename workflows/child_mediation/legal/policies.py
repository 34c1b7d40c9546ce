"""Who may do the legal steps (policies of nrp.core.access; the scope is checked against the case), and the refusal."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from nrp.core.access import Action, Policy, Resource, Scope
from nrp.core.exceptions import ServiceError

# ---------------------------------------------------------------------------------------------------------------
# Who may (policies of nrp.core.access; the scope is checked against the case)
# ---------------------------------------------------------------------------------------------------------------

# Read the legal steps of a case: the region's officers and the child's OSPOD.
READ_LEGAL = Policy(Action.READ, Resource.CHILD_FILE, scopes={Scope.REGION, Scope.ORP})
# The child's view (§8(2)) and court proceedings: the region's officers and the OSPOD of the child's ORP.
RECORD_VIEW = Policy(Action.WRITE, Resource.CHILD_FILE, scopes={Scope.REGION, Scope.ORP})
RECORD_PROCEEDING = RECORD_VIEW
# Assessment, consent, legal-status evidence, life after the court: the child's officer (region of the case).
RECORD_OFFICER = Policy(Action.WRITE, Resource.CHILD_FILE, scopes={Scope.REGION})
# Decisions with legal effect: waiving the view for an infant, skipping a family that no longer fits.
DECIDE_OFFICER = Policy(Action.DECIDE, Resource.CHILD_FILE, scopes={Scope.REGION})


# Both bases define ``message`` and ``code``; ServiceError's (set last in __init__) are the ones that count.
class LegalStepRefused(ServiceError, ValidationError):  # type: ignore[misc]
    """A legal step refused, with a stable ``code`` (API problem code) and a Czech message citing the rule.

    A ``ServiceError`` (nrp.core.exceptions) that is also a Django ``ValidationError``: the guards run inside the
    older services (ranking, approach, court decision) whose screens and API views catch ``ValidationError``, so
    they show the message (and the API its code) without a change on their side.
    """

    def __init__(self, message, code: str, *, field: str | None = None, **details) -> None:
        ServiceError.__init__(self, message, code, field=field)
        self.details = details
