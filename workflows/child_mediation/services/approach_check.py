"""The re-check of a family at the moment of approach (SELECTION, §24): does the family still fit the child by
today's file and profile; skipping one that no longer fits, with a reason; the automatic approach stops."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from nrp.audit.models import AuditAction
from workflows.child_mediation.legal import policies
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.proceedings import LegalTask
from workflows.child_mediation.legal.skips import ApproachSkip
from workflows.child_mediation.legal.vocabulary import TaskKind
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services.common import audit, lock_case
from workflows.child_mediation.services.legal_tasks import open_task
from workflows.child_mediation.services.readiness import (
    APPROACH_STOPPED_NOTE,
    FAMILY_NO_LONGER_FITS,
    NO_PROFILE,
    SKIP_FITS,
    SKIP_NOT_NEXT,
    _today,
    care_types_open,
    check_actor,
    gaps,
    legal_status_sync,
    refuse,
    required_text,
)

# --- the re-check of a family at the moment of approach ---------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    fits: bool
    rule: str = ""
    reason: str = ""
    care_types: frozenset[str] = field(default_factory=frozenset)


def family_fit(*, case: ChildCase, entry, today: date) -> Fit:
    """The engine's hard rules for one family against today's file (ages today, the care types open today) and
    today's acceptance profile, built by the matching adapter. Nothing is stored."""
    from matching.adapter import profiles
    from matching.engine.pool import prepare_pool
    from matching.engine.ranking import rank
    from matching.types.vocabulary import MatchingInputError

    open_types = care_types_open(case, today=today)
    profile = dataclasses.replace(profiles.case_profile(case, today=today), care_types_sought=open_types)
    try:
        family = profiles.family_profile(entry)
    except (MatchingInputError, type(entry).profile.RelatedObjectDoesNotExist) as error:
        return Fit(False, "profile", str(error) if isinstance(error, MatchingInputError) else str(NO_PROFILE))
    result = rank(profile, prepare_pool([family], today=today))
    if result.ranked:
        return Fit(True, care_types=open_types)
    rule = result.exclusions[0][1]
    reason = result.rule_reasons.get(rule)
    text = getattr(reason, "text", None) or str(reason or rule)
    return Fit(False, rule, text, open_types)


def _unfit_error(entry, fit: Fit) -> LegalStepRefused:
    return LegalStepRefused(
        FAMILY_NO_LONGER_FITS % {"entry": entry.pk, "reason": fit.reason, "rule": fit.rule},
        "family_no_longer_fits",
        entry_id=entry.pk,
        rule=fit.rule,
    )


def approach_guard(*, case: ChildCase, entry, officer, on: date, automatic: bool = False) -> bool:
    """Called by ``approach_start_next`` before the notice: the child's file is ready and the family still fits.

    An officer's approach is refused (``LegalStepRefused``). The automatic next approach (after a decline or a
    lapse, possibly from cron) never raises: it stops, opens a task for the officers and returns False.
    """
    today = max(on, _today())
    legal_status_sync(case, today=today, actor=officer)
    found = gaps(case, today=today)
    error = refuse(found) if found else None
    if error is None:
        fit = family_fit(case=case, entry=entry, today=today)
        if not fit.fits:
            error = _unfit_error(entry, fit)
    if error is None:
        return True
    if not automatic:
        raise error
    open_task(
        case=case,
        kind=TaskKind.APPROACH_STOPPED,
        key=f"{entry.pk}:{error.code}",
        due_on=today,
        note=str(APPROACH_STOPPED_NOTE % {"why": error.message}),
    )
    return False


@transaction.atomic
def approach_skip_confirm(*, case: ChildCase, entry, officer, note: str, today: date | None = None) -> ApproachSkip:
    """The officer confirms skipping the next family of the signed list because it no longer fits (recorded).

    Only the family that is next on the list, and only when the re-check still finds it unfit: a family that fits
    is approached, not skipped.
    """
    from workflows.child_mediation.services.approaches import latest_signed_minutes, next_entry_to_approach

    case = lock_case(case)
    check_actor(policies.DECIDE_OFFICER, officer, case)
    note = required_text(note, "note")
    today = today or _today()
    minutes = latest_signed_minutes(case)
    found = next_entry_to_approach(case, minutes) if minutes else None
    if found is None or found[1].pk != entry.pk:
        raise LegalStepRefused(SKIP_NOT_NEXT, "not_next_family")
    fit = family_fit(case=case, entry=entry, today=today)
    if fit.fits:
        raise LegalStepRefused(SKIP_FITS, "family_fits")
    skip = ApproachSkip.objects.create(
        case=case, entry=entry, minutes=minutes, rule=fit.rule, reason=fit.reason, note=note, confirmed_by=officer
    )
    LegalTask.objects.filter(case=case, kind=TaskKind.APPROACH_STOPPED, done_on__isnull=True).update(
        done_on=today, done_by=officer
    )
    audit(officer, AuditAction.TASK, skip, case, step="approach_skip", entry=entry.pk, rule=fit.rule)
    return skip


def skipped_entry_ids(case: ChildCase) -> set[int]:
    return set(ApproachSkip.objects.filter(case=case).values_list("entry_id", flat=True))


def next_family_check(*, case: ChildCase, today: date | None = None) -> dict | None:
    """For the screens: the next family on the signed list and whether it fits today (nothing is written)."""
    from workflows.child_mediation.services.approaches import latest_signed_minutes, next_entry_to_approach

    minutes = latest_signed_minutes(case)
    if minutes is None:
        return None
    with transaction.atomic():
        found = next_entry_to_approach(case, minutes)
    if found is None:
        return None
    position, entry = found
    return {"position": position, "entry": entry, "fit": family_fit(case=case, entry=entry, today=today or _today())}
