"""Tasks of the legal steps (``LegalTask``): opened by the services with a deadline, shown in the queue of the
region's officers and/or the child's OSPOD, e-mailed once, closed by whoever does them."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.audit.models import AuditAction
from nrp.core.choices import Role
from nrp.core.exceptions import ForbiddenError
from workflows.child_mediation.legal.proceedings import LegalTask
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services.common import audit

NOT_YOUR_TASK = _("Tento úkol patří jiným pracovníkům (krajský úřad kraje dítěte, OSPOD dítěte).")


def open_task(
    *,
    case: ChildCase | None = None,
    proceeding=None,
    kind: str,
    key: str = "",
    due_on: date | None = None,
    note: str = "",
    for_officer: bool = True,
    for_ospod: bool = False,
) -> tuple[LegalTask, bool]:
    """Open a task once (idempotent by case/proceeding, kind and key while it is open) and e-mail its people.

    Returns the task and whether it was opened now."""
    where = case if case is not None else proceeding
    existing = LegalTask.objects.filter(
        case=case, proceeding=proceeding, kind=kind, key=key, done_on__isnull=True
    ).first()
    if existing is not None:
        return existing, False
    task = LegalTask.objects.create(
        region_id=where.region_id,
        orp_id=where.orp_id,
        case=case,
        proceeding=proceeding,
        kind=kind,
        key=key,
        due_on=due_on,
        note=note,
        for_officer=for_officer,
        for_ospod=for_ospod,
    )
    transaction.on_commit(lambda: notify_task(task))
    return task, True


def close_tasks(*, actor, today: date, **where) -> int:
    """Close the open tasks matching ``where`` (the step they asked for was done)."""
    return LegalTask.objects.filter(done_on__isnull=True, **where).update(done_on=today, done_by=actor)


def may_do(user, task: LegalTask) -> bool:
    """The officers of the task's region (officer tasks) and the OSPOD of its ORP (OSPOD tasks)."""
    if not user.is_authenticated:
        return False
    officer = task.for_officer and task.region_id in user.region_ids(Role.OFFICER)
    ospod = task.for_ospod and task.orp_id in user.orp_ids(Role.OSPOD)
    return bool(officer or ospod)


def tasks_for_user(*, user, open_only: bool = True) -> QuerySet[LegalTask]:
    """The user's queue: officer tasks of their regions, OSPOD tasks of their ORPs."""
    scope = Q(for_officer=True, region_id__in=user.region_ids(Role.OFFICER)) | Q(
        for_ospod=True, orp_id__in=user.orp_ids(Role.OSPOD)
    )
    qs = LegalTask.objects.filter(scope).select_related("case", "proceeding")
    if open_only:
        qs = qs.filter(done_on__isnull=True)
    return qs.order_by("done_on", "due_on", "pk")


@transaction.atomic
def task_done(*, task: LegalTask, actor, today: date | None = None) -> LegalTask:
    task = LegalTask.objects.select_for_update().get(pk=task.pk)
    if actor is not None and not may_do(actor, task):
        raise ForbiddenError(NOT_YOUR_TASK, "not_your_task")
    if task.done_on is None:
        task.done_on = today or timezone.localdate()
        task.done_by = actor
        task.save(update_fields=["done_on", "done_by"])
        if task.case is not None:
            audit(actor, AuditAction.TASK, task, task.case, step="legal_task", kind=task.kind)
    return task


def notify_task(task: LegalTask) -> int:
    """One short e-mail per responsible person: the task and a link, never a child's identity."""
    from django.conf import settings
    from django.core.mail import send_mass_mail
    from django.urls import reverse
    from django.utils.translation import gettext, override

    from nrp.core.models import RoleAssignment
    from workflows.child_mediation.notify import _silenced

    if _silenced.get():
        return 0
    emails: set[str] = set()
    if task.for_officer:
        emails |= set(
            RoleAssignment.objects.filter(active=True, role=Role.OFFICER, region_id=task.region_id).values_list(
                "user__email", flat=True
            )
        )
    if task.for_ospod:
        emails |= set(
            RoleAssignment.objects.filter(active=True, role=Role.OSPOD, orp_id=task.orp_id).values_list(
                "user__email", flat=True
            )
        )
    to = sorted(e for e in emails if e)
    if not to:
        return 0
    with override("cs"):
        ref = task.case.reference if task.case is not None else gettext("řízení č. %(n)s") % {"n": task.proceeding_id}
        due = gettext(" Termín: %(d)s.") % {"d": task.due_on.strftime("%d. %m. %Y")} if task.due_on else ""
        subject = gettext("NRP: %(kind)s – %(ref)s") % {"kind": task.get_kind_display(), "ref": ref}
        body = gettext("%(kind)s (%(ref)s).%(due)s\n\nÚkoly: %(url)s") % {
            "kind": task.get_kind_display(),
            "ref": ref,
            "due": due,
            "url": reverse("child_mediation:legal_tasks"),
        }
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [e]) for e in to], fail_silently=True)
