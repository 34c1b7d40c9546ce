"""Demo seed helper of the applicant journey: the inspection before a negative decision (FILE_INSPECTION) in the
simulated walk (``demo.py``)."""

from __future__ import annotations

from workflows.applicant_journey.services.inspection import inspection_record


def let_decide(journey, actor, day) -> None:
    """Before a negative decision: the latest notice's period has run, or the applicant made a final statement
    (FILE_INSPECTION; short periods over public holidays would otherwise stop the simulated walk)."""
    notice = journey.inspection_notices.order_by("-sent_on", "-pk").first()
    if notice is not None and not notice.allows_decision_on(day):
        inspection_record(
            notice=notice,
            actor=actor,
            inspected_on=max(notice.sent_on, day),
            inspected_items="Celý spis.",
            statement="Nemáme co dodat.",
            statement_final=True,
            today=day,
        )
