"""Services of child mediation: every write goes through here (views, flows, commands and the API call them)."""

from workflows.child_mediation.services.approaches import (  # noqa: F401
    approach_extend,
    approach_record_answer,
    approach_start_next,
    approaches_cancel_for_entry,
    approaches_lapse,
    cases_lock_for_entry,
)
from workflows.child_mediation.services.cases import (  # noqa: F401
    case_close,
    case_escalate_national,
    case_flag_intercountry,
    case_propose,
    case_register,
)
from workflows.child_mediation.services.conferences import (  # noqa: F401
    conference_prepare,
    minutes_new_version,
    minutes_save,
    minutes_sign_off,
)
from workflows.child_mediation.services.placement import (  # noqa: F401
    court_decision_record,
    foster_agreement_record,
)
from workflows.child_mediation.services.ranking import case_run_ranking  # noqa: F401
from workflows.child_mediation.services.ticks import mediation_tick  # noqa: F401
