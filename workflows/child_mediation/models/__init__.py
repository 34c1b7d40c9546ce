"""Children register (evidence dětí) and mediation models, one module a resource; import them from here.

``cases`` (the child's case, its children, the region's settings, the case's flags), ``conferences`` (case
conferences, participants, minutes), ``approaches`` (approaches of families, the court's placement), ``reminders``
and ``process`` (the viewflow process). The legal steps (``legal/``) and the notice of the §24 selection
(``models_notices.py``) keep their models where they are; they are imported at the end so Django registers them.
"""

from workflows.child_mediation.models.approaches import ACTIVE_APPROACH_STATUSES, Approach, ApproachStatus, Placement
from workflows.child_mediation.models.cases import (
    ADOPTION_NEEDS_FREE_CHILD,
    CONTACT_NEEDS_LOCATION,
    NO_CARE_TYPE_SOUGHT,
    CaseFlags,
    Child,
    ChildCase,
    ChildCaseStatus,
    ClosureReason,
    RegionMediationSettings,
)
from workflows.child_mediation.models.conferences import (
    MINUTES_SIGNED_READ_ONLY,
    CaseConference,
    ConferenceMinutes,
    ConferenceParticipant,
    ConferenceStatus,
    ParticipantRole,
)
from workflows.child_mediation.models.process import ChildMediationProcess
from workflows.child_mediation.models.reminders import CaseReminder, ReminderKind

__all__ = [
    "ACTIVE_APPROACH_STATUSES",
    "ADOPTION_NEEDS_FREE_CHILD",
    "CONTACT_NEEDS_LOCATION",
    "MINUTES_SIGNED_READ_ONLY",
    "NO_CARE_TYPE_SOUGHT",
    "Approach",
    "ApproachStatus",
    "CaseConference",
    "CaseFlags",
    "CaseReminder",
    "Child",
    "ChildCase",
    "ChildCaseStatus",
    "ChildMediationProcess",
    "ClosureReason",
    "ConferenceMinutes",
    "ConferenceParticipant",
    "ConferenceStatus",
    "ParticipantRole",
    "Placement",
    "RegionMediationSettings",
    "ReminderKind",
]

# The legal steps on the child's side (issue 14) keep their models in a module of their own.
from workflows.child_mediation.legal import *  # noqa: E402, F401, F403

# The written notice of the §24 selection, the family's meetings and answers (issue 14, item 7).
from workflows.child_mediation.models_notices import *  # noqa: E402, F401, F403
