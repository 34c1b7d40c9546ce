""" "Můj den" of an assessor."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nrp.core.choices import Role
from nrp.core.dashboard.common import DETAIL_ROWS, DayItem, DayLine, _day

# --- Assessor ---------------------------------------------------------------------------------------------------------


def assessor_items(user, *, today: date) -> list[DayItem]:
    from workflows.applicant_journey.models import ApplicantJourney, JourneyStage

    assigned = ApplicantJourney.objects.filter(
        assessor=user, region_id__in=user.region_ids(Role.ASSESSOR), stage=JourneyStage.ASSESSMENT
    )
    count = assigned.count()
    rows = list(
        assigned.select_related("household")
        .prefetch_related("household__members")
        .order_by("next_due_on", "pk")[:DETAIL_ROWS]
    )
    return [
        DayItem(
            "assessments_assigned",
            count,
            ngettext("odborné posouzení vám přidělené", "odborných posouzení vám přidělených", count),
            reverse("applicant_journey:tasks"),
            "" if count else "quiet",
            [
                DayLine(
                    f"{j.household}"
                    + (f" · {_('do %(date)s') % {'date': _day(j.next_due_on)}}" if j.next_due_on else ""),
                    reverse("applicant_journey:detail", args=[j.pk]),
                )
                for j in rows
            ],
        )
    ]
