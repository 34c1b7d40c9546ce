""" "Můj den" of a regional officer: children, families approached, conferences."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nrp.core import czech
from nrp.core.choices import Role
from nrp.core.dashboard.common import DETAIL_ROWS, WEEK, DayItem, DayLine, _day

# --- Regional officer: children, families approached, conferences --------------------------------------------------


def officer_items(user, *, today: date) -> list[DayItem]:
    from workflows.child_mediation import selectors as children
    from workflows.child_mediation.models import ApproachStatus, CaseConference, ChildCaseStatus, ConferenceStatus

    register = reverse("child_mediation:list")
    cases = children.case_list_for_officer(officer=user, today=today)

    proposed = cases.filter(status=ChildCaseStatus.PROPOSED)
    proposed_count = proposed.count()
    proposed_rows = list(proposed.order_by("proposed_at", "pk")[:DETAIL_ROWS])

    waiting = cases.filter(
        status__in=[ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL], registered_on__isnull=False
    ).order_by("registered_on", "pk")
    waiting_count = waiting.count()
    waiting_rows = list(waiting[:DETAIL_ROWS])

    approaches = (
        # Only approaches whose notice was delivered have a deadline (drafts are on /deti/vyrozumeni/).
        children.open_approaches_for_officer(officer=user)
        .filter(status=ApproachStatus.OPEN, deadline__isnull=False)
        .order_by("deadline", "pk")
    )
    approaches_count = approaches.count()
    approach_rows = list(approaches[:DETAIL_ROWS])
    first_deadline = approach_rows[0].deadline if approach_rows else None
    late = first_deadline is not None and first_deadline <= today + timedelta(days=WEEK)

    conferences = CaseConference.objects.filter(
        case__region_id__in=user.region_ids(Role.OFFICER), status=ConferenceStatus.PREPARED
    ).select_related("case")
    now = timezone.now()
    upcoming = conferences.filter(scheduled_at__gte=now).order_by("scheduled_at", "pk")
    upcoming_count = upcoming.count()
    upcoming_rows = list(upcoming[:DETAIL_ROWS])
    minutes_due = conferences.filter(scheduled_at__lt=now).order_by("scheduled_at", "pk")
    minutes_count = minutes_due.count()
    minutes_rows = list(minutes_due[:DETAIL_ROWS])

    def case_url(case) -> str:
        return reverse("child_mediation:detail", args=[case.pk])

    def conference_line(conference) -> DayLine:
        when = _day(timezone.localtime(conference.scheduled_at).date())
        return DayLine(
            f"{conference.case.reference} · {when}", reverse("child_mediation:conference", args=[conference.pk])
        )

    return [
        DayItem(
            "children_proposed",
            proposed_count,
            ngettext("dítě navržené k zařazení do evidence", "dětí navržených k zařazení do evidence", proposed_count),
            f"{register}?status={ChildCaseStatus.PROPOSED}",
            "" if proposed_count else "quiet",
            [DayLine(c.reference, case_url(c)) for c in proposed_rows],
        ),
        DayItem(
            "children_waiting_longest",
            waiting_count,
            ngettext("dítě čeká na rodinu", "dětí čeká na rodinu", waiting_count),
            register,
            "" if waiting_count else "quiet",
            [
                DayLine(
                    _("%(ref)s · čeká %(days)s")
                    % {"ref": c.reference, "days": czech.days((today - c.registered_on).days)},
                    case_url(c),
                )
                for c in waiting_rows
                if c.registered_on is not None  # the query asks for it
            ],
        ),
        DayItem(
            "answers_due",
            approaches_count,
            ngettext("rodina má odpovědět na oslovení", "rodin má odpovědět na oslovení", approaches_count),
            case_url(approach_rows[0].case) if approach_rows else register,
            ("danger" if late else "warn") if approaches_count else "quiet",
            [
                DayLine(
                    _("%(ref)s · odpověď do %(date)s") % {"ref": a.case.reference, "date": _day(a.deadline)},
                    case_url(a.case),
                )
                for a in approach_rows
                if a.deadline is not None  # the query asks for it
            ],
        ),
        DayItem(
            "conferences_upcoming",
            upcoming_count,
            ngettext("případová konference v plánu", "případových konferencí v plánu", upcoming_count),
            reverse("child_mediation:conference", args=[upcoming_rows[0].pk]) if upcoming_rows else register,
            "" if upcoming_count else "quiet",
            [conference_line(c) for c in upcoming_rows],
        ),
        DayItem(
            "minutes_due",
            minutes_count,
            ngettext("konference bez podepsaného zápisu", "konferencí bez podepsaného zápisu", minutes_count),
            reverse("child_mediation:conference", args=[minutes_rows[0].pk]) if minutes_rows else register,
            "warn" if minutes_count else "quiet",
            [conference_line(c) for c in minutes_rows],
        ),
    ]
