"""Life in the register (APPLICANT_REGISTER, APPLICANT_DUTIES, CHANGE_REPORT, SELECTION_PAUSE): pauses with
their period (requested by the applicant, decided by the KÚ, or while a placed child is in the family's care,
PLACEMENT_KEEPS_REGISTER), the days they take out of waiting time in matching, the ORP told of a pause or a
removal, and the KÚ's review task for each change the family reports."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.choices import Role
from nrp.core.models import RoleAssignment, User
from workflows.applicant_journey import deadlines
from workflows.applicant_journey.models import (
    ApplicantJourney,
    ApplicantRegisterEntry,
    ChangeReview,
    EventKind,
    JourneyEvent,
    PauseOrigin,
    RegisterPause,
    RegisterStatus,
)
from workflows.applicant_journey.services.tasks import StepError, record_event
from workflows.applicant_journey.services.tasks import today as clock_today

UNTIL_REQUIRED = _("Uveďte, do kdy má přerušení trvat.")
UNTIL_IN_PAST = _("Konec přerušení musí být v budoucnosti.")
NOT_YOUR_PAUSE = _(
    "Toto přerušení nevzniklo na vaši žádost (rozhodl o něm krajský úřad nebo je v péči dítě); obnovit je může "
    "jen krajský úřad."
)
CONCLUSION_REQUIRED = _("Zapište závěr posouzení změny.")
REVIEW_DONE = _("Tato změna už je posouzena.")
ORP_PAUSED = _("Zprostředkování rodiny bylo přerušeno (%(origin)s) od %(date)s.")
ORP_RESUMED = _("Zprostředkování rodiny bylo obnoveno %(date)s.")


def _day(value: date) -> str:
    return value.strftime("%d. %m. %Y")


def notify_orp(journey: ApplicantJourney, text) -> int:
    """Tell the OSPOD of the family's ORP of residence (an e-mail without the family's circumstances, and a line
    in the journey's history the OSPOD reads)."""
    orp_id = journey.household.residence_orp_id
    emails = sorted(
        set(
            RoleAssignment.objects.filter(active=True, role=Role.OSPOD, orp_id=orp_id).values_list(
                "user__email", flat=True
            )
        )
        - {""}
    )
    with translation.override("cs"):
        body = f"{text}\n\n" + gettext("Cesta žadatele č. %(id)s") % {"id": journey.pk}
        subject = gettext("NRP: změna v evidenci žadatelů")
        record_event(journey, actor=None, kind=EventKind.STEP, step="register", note=str(text), notified="orp")
    if not emails:
        return 0
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [e]) for e in emails], fail_silently=True)


def pause_opened(
    *, entry: ApplicantRegisterEntry, actor, origin: str, reason: str, started_on=None, until=None, decision=None
) -> RegisterPause:
    """Keep the pause that ``register_entry_pause`` just made (in its transaction) and tell the ORP."""
    started_on = started_on or clock_today()
    pause = RegisterPause.objects.create(
        entry=entry,
        origin=origin if origin in PauseOrigin.values else PauseOrigin.OFFICE,
        reason=reason,
        started_on=started_on,
        until=until,
        decision=decision,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    journey = _journey(entry)
    if journey is not None:
        notify_orp(journey, ORP_PAUSED % {"origin": pause.get_origin_display(), "date": _day(started_on)})
    return pause


def pause_closed(*, entry: ApplicantRegisterEntry, ended_on=None) -> None:
    ended_on = ended_on or clock_today()
    RegisterPause.objects.filter(entry=entry, ended_on__isnull=True).update(ended_on=ended_on)
    journey = _journey(entry)
    if journey is not None:
        notify_orp(journey, ORP_RESUMED % {"date": _day(ended_on)})


def _journey(entry: ApplicantRegisterEntry) -> ApplicantJourney | None:
    return ApplicantJourney.objects.filter(household_id=entry.household_id).order_by("-created").first()


def pause_start(*, entry, actor, origin, reason, started_on, until=None, decision=None, request=None):
    from workflows.applicant_journey.services.register import register_entry_pause

    return register_entry_pause(
        entry=entry,
        actor=actor,
        reason=reason,
        request=request,
        origin=origin,
        started_on=started_on,
        until=until,
        decision=decision,
    )


def pause_request(
    *, entry: ApplicantRegisterEntry, actor: User, reason: str, until: date | None, today=None, request=None
):
    """The applicant asks for a pause (SELECTION_PAUSE) with a reason and a period: from today until ``until``."""
    today = today or clock_today()
    if until is None:
        raise ValidationError({"until": UNTIL_REQUIRED})
    if until <= today:
        raise ValidationError({"until": UNTIL_IN_PAST})
    return pause_start(
        entry=entry,
        actor=actor,
        origin=PauseOrigin.APPLICANT,
        reason=reason,
        started_on=today,
        until=until,
        request=request,
    )


def pause_resume_by_applicant(*, entry: ApplicantRegisterEntry, actor: User, today=None, request=None):
    """The applicant ends a pause they asked for; a pause by decision or with a child in care stays with the KÚ."""
    from workflows.applicant_journey.services.register import register_entry_resume

    pause = RegisterPause.objects.filter(entry=entry, ended_on__isnull=True).first()
    if pause is not None and pause.origin != PauseOrigin.APPLICANT:
        raise StepError(NOT_YOUR_PAUSE, "forbidden")
    return register_entry_resume(entry=entry, actor=actor, request=request, ended_on=today)


def paused_days(entry_id: int, today: date) -> int:
    """Days of selection paused since the decision became final (not waiting time in matching)."""
    total = 0
    for pause in RegisterPause.objects.filter(entry_id=entry_id, started_on__lte=today):
        total += pause.days(today)
    return total


# --- changes of circumstances ------------------------------------------------------------------------------------
def change_review_open(*, journey: ApplicantJourney, event: JourneyEvent, reported_on: date) -> ChangeReview:
    """A reported change (CHANGE_REPORT) opens the KÚ's review task with a deadline (a regional setting)."""
    due = deadlines.due_date("change_review", start=reported_on, region_id=journey.region_id)
    return ChangeReview.objects.create(journey=journey, event=event, due_on=due)


@transaction.atomic
def change_review_close(*, review: ChangeReview, actor: User, conclusion: str, today=None, request=None):
    today = today or clock_today()
    review = ChangeReview.objects.select_for_update().get(pk=review.pk)
    if review.done_on is not None:
        raise StepError(REVIEW_DONE, "conflict")
    if not conclusion.strip():
        raise ValidationError({"conclusion": CONCLUSION_REQUIRED})
    review.done_on = today
    review.done_by = actor
    review.conclusion = conclusion.strip()
    review.save()
    record_event(
        review.journey,
        actor=actor,
        kind=EventKind.CHANGE_REPORTED,
        note=review.conclusion,
        review=review.pk,
        rule="CHANGE_REPORT",
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=review,
        household=review.journey.household,
        region=review.journey.region,
        request=request,
    )
    return review


def open_reviews(journey: ApplicantJourney):
    return journey.change_reviews.filter(done_on__isnull=True).select_related("event")


def duty_to_report_text() -> str:
    """The duty stated in the decision and on the portal (CHANGE_REPORT)."""
    return gettext(
        "Jste povinni do %(days)s dnů oznámit krajskému úřadu každou změnu skutečností rozhodných pro zařazení "
        "do evidence (např. změnu bydliště, rodinných poměrů, zdravotního stavu, těhotenství) (%(law)s)."
    ) % {"days": deadlines.rule_days("change_report"), "law": law.cite("CHANGE_REPORT", "short")}


ACTIVE_OR_PAUSED = Q(status__in=[RegisterStatus.ACTIVE, RegisterStatus.PAUSED])


def proceedings_context(journey: ApplicantJourney, entry: ApplicantRegisterEntry | None, *, staff: bool) -> dict:
    """What the case page and the portal show of the proceedings: decisions, the decision deadline (staff), the
    6–9-month target, the inspection notice, pauses, open change reviews (staff) and the duty to report changes."""
    from workflows.applicant_journey.services.decisions import decision_deadline_for, target_for

    decided = journey.decision_date is not None
    return {
        "decisions": list(journey.decisions.all()),
        "deadline": decision_deadline_for(journey) if staff and not decided else None,
        "deadline_law": law.cite("DECISION_DEADLINE", "short"),
        "complex": hasattr(journey, "complex_case"),
        "target": target_for(journey) if staff else None,
        "notice": journey.inspection_notices.order_by("-sent_on", "-pk").first(),
        "pauses": list(entry.pauses.all()) if entry is not None else [],
        "reviews": list(open_reviews(journey)) if staff else [],
        "duty": duty_to_report_text() if entry is not None or decided else "",
    }
