"""Screens of the children register and mediation: thin views that call selectors and services.

One module per part of the work: ``register`` (the register, the national search, a child's file, home-page
panels), ``proposal`` (OSPOD proposes a child), ``case_actions`` (the regional office's decisions),
``conferences`` (conferences and minutes), ``approaches`` (approaching families); the legal steps on the child's
side: ``legal`` (the case's legal page), ``legal_records``, ``legal_court``, ``legal_after_court``, ``legal_tasks``
(``legal_common`` holds what they share); ``common`` holds the role gates and the one body of an action.
"""

from workflows.child_mediation.views.approaches import approach_answer, approach_extend, approach_start
from workflows.child_mediation.views.case_actions import (
    case_close,
    case_escalate,
    case_ranking,
    case_register,
    court_decision,
    foster_agreement,
)
from workflows.child_mediation.views.conferences import (
    conference_detail,
    conference_pdf,
    conference_prepare,
    minutes_correct,
    minutes_edit,
    minutes_sign,
)
from workflows.child_mediation.views.proposal import case_propose
from workflows.child_mediation.views.register import (
    case_detail,
    case_list,
    national_list,
    officer_panel_context,
    ospod_panel_context,
)

__all__ = [
    "approach_answer",
    "approach_extend",
    "approach_start",
    "case_close",
    "case_detail",
    "case_escalate",
    "case_list",
    "case_propose",
    "case_ranking",
    "case_register",
    "conference_detail",
    "conference_pdf",
    "conference_prepare",
    "court_decision",
    "foster_agreement",
    "minutes_correct",
    "minutes_edit",
    "minutes_sign",
    "national_list",
    "officer_panel_context",
    "ospod_panel_context",
]
