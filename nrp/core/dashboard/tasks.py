""" "Můj den": viewflow tasks of the applicant journey in the user's inbox and queue."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nrp.core.dashboard.common import DETAIL_ROWS, WEEK, DayItem, DayLine, _day

# --- Tasks (viewflow tasks of the applicant journey in the user's inbox and queue) ------------------------------------


def task_items(user, *, today: date) -> list[DayItem]:
    from workflows.applicant_journey.selectors import tasks_for_user

    tasks = tasks_for_user(user=user)
    everything = tasks["inbox"] + tasks["queue"]
    overdue = sorted((t for t in everything if t.overdue), key=lambda t: t.due_on)
    soon = sorted((t for t in everything if t.due_on and today <= t.due_on <= today + timedelta(days=WEEK)),
                  key=lambda t: t.due_on)  # fmt: skip
    url = reverse("applicant_journey:tasks")
    items = [
        DayItem(
            "tasks_overdue",
            len(overdue),
            ngettext("úkol po termínu", "úkolů po termínu", len(overdue)),
            url,
            "danger" if overdue else "quiet",
            [_task_line(t) for t in overdue[:DETAIL_ROWS]],
        ),
        DayItem(
            "tasks_mine",
            len(tasks["inbox"]),
            ngettext("úkol čeká na vás", "úkolů čeká na vás", len(tasks["inbox"])),
            url,
            "" if tasks["inbox"] else "quiet",
            [_task_line(t) for t in tasks["inbox"][:DETAIL_ROWS]],
        ),
        DayItem(
            "tasks_queue",
            len(tasks["queue"]),
            ngettext("nepřidělený úkol k převzetí", "nepřidělených úkolů k převzetí", len(tasks["queue"])),
            url,
            "" if tasks["queue"] else "quiet",
            [_task_line(t) for t in tasks["queue"][:DETAIL_ROWS]],
        ),
        DayItem(
            "tasks_this_week",
            len(soon),
            ngettext("termín úkolu tento týden", "termínů úkolů tento týden", len(soon)),
            url,
            "warn" if soon else "quiet",
            [_task_line(t) for t in soon[:DETAIL_ROWS]],
        ),
    ]
    return items


def _task_line(task) -> DayLine:
    title = str(getattr(task.flow_task, "task_title", "") or _("úkol"))
    journey = getattr(task, "journey", None)
    who = str(journey.household) if journey is not None else ""
    due = _("do %(date)s") % {"date": _day(task.due_on)} if task.due_on else ""
    text = " · ".join(part for part in (title, who, due) if part)
    url = reverse("applicant_journey:task", args=[task.process_id, task.pk]) if journey is not None else ""
    return DayLine(text, url)
