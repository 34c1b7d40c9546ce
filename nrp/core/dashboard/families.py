""" "Můj den": families' messages waiting for an answer, documents to review, deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nrp.core.choices import Role
from nrp.core.dashboard.common import DETAIL_ROWS, WEEK, DayItem, DayLine, _day

# --- Families: messages waiting for an answer, documents to review, deadlines ----------------------------------------


def _review_scope(user) -> Q | None:
    """Journeys whose documents and messages the user handles (as the document review screen allows)."""
    q = Q(pk__in=[])
    any_scope = False
    if user.has_role(Role.GUIDE):
        q |= Q(household__guide=user)
        any_scope = True
    if orp_ids := user.orp_ids(Role.OSPOD):
        q |= Q(household__residence_orp_id__in=orp_ids)
        any_scope = True
    if region_ids := user.region_ids(Role.OFFICER):
        q |= Q(region_id__in=region_ids)
        any_scope = True
    return q if any_scope else None


def family_items(user, *, today: date) -> list[DayItem]:
    from nrp.core.models import HouseholdMember
    from workflows.applicant_journey.models import (
        CLOSED_STAGES,
        ApplicantJourney,
        DocumentStatus,
        JourneyDocument,
        Message,
    )

    scope = _review_scope(user)
    if scope is None:
        return []
    journeys = ApplicantJourney.objects.filter(scope).exclude(stage__in=CLOSED_STAGES)

    # A conversation waits for an answer when its last message came from the family.
    last_author = Message.objects.filter(journey=OuterRef("pk")).order_by("-created_at", "-pk").values("author_id")[:1]
    waiting = (
        journeys.annotate(last_author=Subquery(last_author))
        .filter(
            Exists(
                HouseholdMember.objects.filter(household_id=OuterRef("household_id"), user_id=OuterRef("last_author"))
            )
        )
        .order_by("pk")
    )
    waiting_count = waiting.count()
    waiting_rows = list(waiting.select_related("household").prefetch_related("household__members")[:DETAIL_ROWS])

    submitted = JourneyDocument.objects.filter(status=DocumentStatus.SUBMITTED, journey__in=journeys.values("pk"))
    documents_count = submitted.count()
    document_journeys = list(
        journeys.filter(pk__in=submitted.values("journey_id"))
        .select_related("household")
        .prefetch_related("household__members")
        .order_by("pk")[:DETAIL_ROWS]
    )

    week = journeys.filter(next_due_on__gte=today, next_due_on__lte=today + timedelta(days=WEEK))
    week_count = week.count()
    week_rows = list(
        week.select_related("household").prefetch_related("household__members").order_by("next_due_on")[:DETAIL_ROWS]
    )

    def detail(journey, anchor: str = "") -> str:
        return reverse("applicant_journey:detail", args=[journey.pk]) + anchor

    return [
        DayItem(
            "messages_waiting",
            waiting_count,
            ngettext("zpráva od rodiny čeká na odpověď", "zpráv od rodin čeká na odpověď", waiting_count),
            detail(waiting_rows[0], "#zpravy") if waiting_rows else _home_list(user),
            "warn" if waiting_count else "quiet",
            [DayLine(str(j.household), detail(j, "#zpravy")) for j in waiting_rows],
        ),
        DayItem(
            "documents_to_review",
            documents_count,
            ngettext("nový dokument ke kontrole", "nových dokumentů ke kontrole", documents_count),
            detail(document_journeys[0], "#dokumenty") if document_journeys else _home_list(user),
            "" if documents_count else "quiet",
            [DayLine(str(j.household), detail(j, "#dokumenty")) for j in document_journeys],
        ),
        DayItem(
            "family_deadlines_week",
            week_count,
            ngettext("termín žadatele tento týden", "termínů žadatelů tento týden", week_count),
            _home_list(user),
            "warn" if week_count else "quiet",
            [
                DayLine(f"{j.household} · {_('do %(date)s') % {'date': _day(j.next_due_on)}}", detail(j))
                for j in week_rows
            ],
        ),
    ]


def _home_list(user) -> str:
    if user.has_role(Role.GUIDE):
        return reverse("applicant_journey:caseload")
    return reverse("applicant_journey:list")
