""" "Můj den" of an OSPOD worker: the children of the ORP, reminders."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import ngettext

from nrp.core.choices import Role
from nrp.core.dashboard.common import DETAIL_ROWS, DayItem, DayLine

# --- OSPOD: the children of the ORP, reminders ----------------------------------------------------------------------


def ospod_items(user, *, today: date) -> list[DayItem]:
    from workflows.child_mediation import selectors as children
    from workflows.child_mediation.models import CaseReminder, ChildCaseStatus

    cases = children.case_list_for_ospod(ospod=user)
    proposed = cases.filter(status=ChildCaseStatus.PROPOSED)
    proposed_count = proposed.count()
    reminders = CaseReminder.objects.filter(
        for_ospod=True, done=False, case__orp_id__in=user.orp_ids(Role.OSPOD)
    ).select_related("case")
    reminders_count = reminders.count()
    reminder_rows = list(reminders.order_by("due_on", "pk")[:DETAIL_ROWS])
    register = reverse("child_mediation:list")
    return [
        DayItem(
            "children_proposed_ospod",
            proposed_count,
            ngettext(
                "navržené dítě čeká na zařazení krajem", "navržených dětí čeká na zařazení krajem", proposed_count
            ),
            register,
            "quiet",
            [DayLine(c.reference, reverse("child_mediation:detail", args=[c.pk])) for c in proposed[:DETAIL_ROWS]],
        ),
        DayItem(
            "child_reminders",
            reminders_count,
            ngettext("upozornění k dítěti vašeho ORP", "upozornění k dětem vašeho ORP", reminders_count),
            register,
            "warn" if reminders_count else "quiet",
            [
                DayLine(
                    f"{r.case.reference} · {r.get_kind_display()}", reverse("child_mediation:detail", args=[r.case_id])
                )
                for r in reminder_rows
            ],
        ),
    ]
