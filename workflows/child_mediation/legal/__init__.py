"""The legal steps on the child's side of mediation (issue 14): what must be on file before a family is sought, the
evidence behind "legally free", the court proceedings that prompt the child's file, the re-check of a family at
the moment of approach, and life after the court's decision.

Records here are append-only history (the newest counts), each with who recorded it and when; the services in
``services/readiness.py``, ``services/court.py`` and ``services/aftercare.py`` write them and audit every write.
Who may do what is declared once in ``policies`` (``Policy`` of ``nrp.core.access``).

Citations render from ``nrp.law`` by rule id (the rules of these steps are in ``nrp/law/children.py``: CHILD_VIEW,
CHILD_ASSESSMENT, CHILD_CONSENT_12, INFANT_WAIVER, LEGALLY_FREE, CONSENT_REVOCATION, COURT_PETITION_CHILD_FILE,
INSTITUTIONAL_CARE_SEARCH, SELECTION, PRE_ADOPTION_CARE, FOSTER_AGREEMENT, PLACEMENT_KEEPS_REGISTER).

One module a part: ``citations``, ``policies`` (and ``LegalStepRefused``), ``vocabulary``, ``file_records``
(before matching, legal evidence), ``proceedings`` (court, tasks), ``skips`` (at approach), ``aftercare_records``.
The package names its models here: the ``workflows/child_mediation/models`` package imports them so Django
registers them.
"""

from workflows.child_mediation.legal.aftercare_records import FosterAgreement, PlacementBreakdown, PreAdoptiveCare
from workflows.child_mediation.legal.file_records import (
    AdoptionConsent,
    AssessmentIndication,
    ChildAssessment,
    ChildView,
    LegalFreedomEvidence,
    ReadinessWaiver,
)
from workflows.child_mediation.legal.proceedings import CourtProceeding, LegalTask
from workflows.child_mediation.legal.skips import ApproachSkip

__all__ = [
    "AdoptionConsent",
    "ApproachSkip",
    "AssessmentIndication",
    "ChildAssessment",
    "ChildView",
    "CourtProceeding",
    "FosterAgreement",
    "LegalFreedomEvidence",
    "LegalTask",
    "PlacementBreakdown",
    "PreAdoptiveCare",
    "ReadinessWaiver",
]
