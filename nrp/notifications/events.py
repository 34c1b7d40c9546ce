"""Who is told about what: the services where events happen call these (ids and references only, no names of
children; the text may go out by e-mail).

- a new message on a journey: the family when staff wrote, the guide and the worker handling the case's step
  when the family wrote (never the author);
- a document uploaded by the family: the worker handling the step (else the ORP's OSPOD workers) and the guide;
- a document reviewed: the family;
- an approach with a child (§24 written notice): the family and their guide;
- the decision on the application and the entry in the register: the family and their guide;
- deadlines: the daily reminders (``services/reminders.py``, the children register's ``notify.py``).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext, override

from nrp.core.models import User
from nrp.notifications.models import NotificationKind
from nrp.notifications.services import Recipient, notify


def _family(household) -> list[User]:
    return [m.user for m in household.members.select_related("user") if m.user is not None]


def _handler(journey) -> User | None:
    """The staff member owning the journey's open step (None when the step is the family's or unassigned)."""
    from workflows.applicant_journey.selectors import open_task_for_journey

    task = open_task_for_journey(journey=journey)
    owner = task.owner if task is not None else None
    return owner if owner is not None and owner.is_staff_role else None


def _portal(anchor: str = "") -> str:
    return reverse("applicant_journey:portal") + anchor


def _staff_url(journey, anchor: str = "") -> str:
    return reverse("applicant_journey:detail", args=[journey.pk]) + anchor


def message_sent(message) -> None:
    journey = message.journey
    family = _family(journey.household)
    from_family = message.author in family
    recipients: list[Recipient] = [] if from_family else [Recipient(u, _portal("#zpravy")) for u in family]
    recipients += [
        Recipient(u, _staff_url(journey, "#zpravy")) for u in (journey.household.guide, _handler(journey)) if u
    ]
    with override("cs"):
        title = gettext("Nová zpráva k případu č. %(id)s") % {"id": journey.pk}
    notify(
        recipients=recipients,
        kind=NotificationKind.MESSAGE,
        key=f"message:{message.pk}",
        title=title,
        exclude=message.author,
    )


def document_uploaded(version, actor) -> None:
    from workflows.applicant_journey.services.assignment import ospod_workers_of

    document = version.document
    journey = document.journey
    if actor not in _family(journey.household):
        return  # a worker filing a paper document for the family reviews it themselves
    handler = _handler(journey)
    reviewers = [handler] if handler else list(ospod_workers_of(journey.household.residence_orp_id))
    with override("cs"):
        title = gettext("Dokument ke kontrole: %(kind)s (případ č. %(id)s)") % {
            "kind": document.get_kind_display(),
            "id": journey.pk,
        }
    notify(
        recipients=[*reviewers, journey.household.guide],
        kind=NotificationKind.DOCUMENT_TO_REVIEW,
        key=f"document_upload:{version.pk}",
        title=title,
        url=_staff_url(journey, "#dokumenty"),
        exclude=actor,
    )


def document_reviewed(document, *, actor, event_id: int) -> None:
    journey = document.journey
    with override("cs"):
        if document.status == "accepted":
            title = gettext("Dokument „%(kind)s“ byl přijat.") % {"kind": document.get_kind_display()}
        else:
            title = gettext("Dokument „%(kind)s“ byl vrácen k opravě; důvod najdete v přehledu dokumentů.") % {
                "kind": document.get_kind_display()
            }
    notify(
        recipients=_family(journey.household),
        kind=NotificationKind.DOCUMENT_REVIEWED,
        key=f"document_review:{event_id}",
        title=title,
        url=reverse("applicant_journey:my_documents"),
        exclude=actor,
    )


def approach_started(approach) -> None:
    household = approach.entry.household
    deadline = approach.deadline.strftime("%d. %m. %Y")
    with override("cs"):
        family_title = gettext(
            "Krajský úřad vás písemně vyrozuměl o výběru dítěte. Návrh soudu můžete podat do %(d)s."
        ) % {"d": deadline}
        guide_title = gettext("Rodina z vašeho případu byla oslovena s dítětem (lhůta do %(d)s).") % {"d": deadline}
    key = f"approach:{approach.pk}"
    notify(recipients=_family(household), kind=NotificationKind.APPROACH, key=key, title=family_title, url=_portal())
    if household.guide is not None:
        url = reverse("applicant_journey:caseload")
        notify(recipients=[household.guide], kind=NotificationKind.APPROACH, key=key, title=guide_title, url=url)


def decision_recorded(journey, *, actor) -> None:
    with override("cs"):
        title = gettext("Krajský úřad rozhodl o žádosti (případ č. %(id)s): %(outcome)s.") % {
            "id": journey.pk,
            "outcome": journey.get_decision_outcome_display(),
        }
    key = f"decision:{journey.pk}:{journey.decision_date}:{journey.decision_outcome}"
    family = [Recipient(u, _portal()) for u in _family(journey.household)]
    guide = journey.household.guide
    notify(
        recipients=[*family, Recipient(guide, _staff_url(journey)) if guide else None],
        kind=NotificationKind.DECISION,
        key=key,
        title=title,
        exclude=actor,
    )


def registered(entry, journey) -> None:
    with override("cs"):
        title = gettext("Rodina z případu č. %(id)s je zapsána v evidenci žadatelů.") % {"id": journey.pk}
    family = [Recipient(u, _portal()) for u in _family(journey.household)]
    guide = journey.household.guide
    notify(
        recipients=[*family, Recipient(guide, _staff_url(journey)) if guide else None],
        kind=NotificationKind.DECISION,
        key=f"registered:{entry.pk}:{entry.effective_date}",
        title=title,
    )


def deadline_reminded(*, user: User, key: str, title: str, url: str) -> None:
    notify(recipients=[user], kind=NotificationKind.DEADLINE, key=f"deadline:{key}", title=title, url=url)
