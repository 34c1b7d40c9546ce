""" "Můj den" of an applicant: where the journey stands and what comes next."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nrp.core.choices import Role
from nrp.core.dashboard.common import DETAIL_ROWS, WEEK, DayItem, DayLine, DaySection, _day

# --- Applicant --------------------------------------------------------------------------------------------------------


# What comes next, in a parent's words, for each stage of the journey.
def _next_step_text(stage: str) -> str:
    from workflows.applicant_journey.models import JourneyStage as S

    texts: dict[str, Any] = {
        S.INTEREST: _("Průvodce vás pozve na informační schůzku. Potom podáte žádost na OSPOD podle trvalého pobytu."),
        S.APPLICATION: _("OSPOD kontroluje, zda je vaše žádost úplná."),
        S.INCOMPLETE: _("Doplňte prosím chybějící doklady; OSPOD pak žádost zkontroluje znovu."),
        S.INVESTIGATION: _("Pracovník OSPOD se s vámi domluví na návštěvě u vás doma."),
        S.HANDOVER: _("OSPOD posílá váš spis krajskému úřadu."),
        S.ASSESSMENT: _("Krajský úřad vás pozve k odbornému posouzení."),
        S.PREPARATION: _("Účastníte se přípravného kurzu; termíny setkání najdete ve svém postupu."),
        S.INSPECTION: _("Můžete se seznámit s podklady, ze kterých krajský úřad při rozhodování vychází."),
        S.DECISION: _("Krajský úřad rozhoduje o zařazení do evidence žadatelů."),
        S.APPEAL_PERIOD: _("Běží lhůta pro odvolání; po ní rozhodnutí nabude právní moci."),
        S.APPEAL: _("O odvolání rozhoduje ministerstvo práce a sociálních věcí."),
        S.IN_REGISTER: _("Jste v evidenci žadatelů. Když se k některému dítěti budete hodit, krajský úřad vás osloví."),
        S.PAUSED: _("Zprostředkování je přerušeno. O obnovení můžete požádat krajský úřad."),
    }
    return texts.get(stage, "")


def applicant_section(user, *, today: date) -> DaySection:
    from workflows.applicant_journey import selectors as journeys
    from workflows.applicant_journey.models import (
        CLOSED_STAGES,
        DocumentStatus,
        JourneyDocument,
        JourneyStage,
        Message,
    )

    portal = reverse("applicant_journey:portal")
    journey = journeys.journey_for_applicant(user=user)
    if journey is None:
        return DaySection(
            role=Role.APPLICANT,
            title=_("Vaše cesta"),
            items=[],
            intro=_("Zatím nemáte založený případ. Průvodce vašeho kraje se vám ozve a případ s vámi založí."),
        )
    stage_label = JourneyStage(journey.stage).label
    if journey.stage in CLOSED_STAGES:
        intro = _("Vaše cesta skončila: %(stage)s.") % {"stage": stage_label}
    else:
        intro = _("Právě jste ve fázi „%(stage)s“. %(next)s") % {
            "stage": stage_label,
            "next": _next_step_text(journey.stage),
        }
    documents = JourneyDocument.objects.filter(journey=journey)
    missing = documents.filter(status=DocumentStatus.MISSING).count()
    returned = list(documents.filter(status=DocumentStatus.REJECTED).select_related("member")[: DETAIL_ROWS + 10])
    in_review = documents.filter(status=DocumentStatus.SUBMITTED).count()

    member_users = journey.household.members.exclude(user=None).values("user_id")
    last_own = (
        Message.objects.filter(journey=journey, author_id__in=member_users)
        .order_by("-created_at")
        .values("created_at")
        .first()
    )
    new_messages = Message.objects.filter(journey=journey).exclude(author_id__in=member_users)
    if last_own:
        new_messages = new_messages.filter(created_at__gt=last_own["created_at"])
    new_count = new_messages.count()

    items: list[DayItem] = []
    # A brand-new interested person has no documents to send yet: say what comes next instead of "nothing missing".
    if journey.stage != JourneyStage.INTEREST:
        items.append(
            DayItem(
                "documents_returned",
                len(returned),
                ngettext("dokument vrácen k opravě", "dokumentů vráceno k opravě", len(returned)),
                portal + "#dokumenty",
                "danger" if returned else "quiet",
                [
                    DayLine(
                        f"{d.get_kind_display()}"
                        + (f" ({d.member})" if d.member else "")
                        + (f": {d.rejection_reason}" if d.rejection_reason else ""),
                        portal + "#dokumenty",
                    )
                    for d in returned[:DETAIL_ROWS]
                ],
            )
        )
        items.append(
            DayItem(
                "documents_missing",
                missing,
                ngettext("doklad chybí", "dokladů chybí", missing),
                portal + "#dokumenty",
                "warn" if missing else "quiet",
            )
        )
        items.append(
            DayItem(
                "documents_in_review",
                in_review,
                ngettext("dokument čeká na kontrolu úřadem", "dokumentů čeká na kontrolu úřadem", in_review),
                portal + "#dokumenty",
                "quiet",
            )
        )
    items.append(
        DayItem(
            "messages_new",
            new_count,
            ngettext("nová zpráva", "nových zpráv", new_count),
            portal + "#zpravy",
            "warn" if new_count else "quiet",
        )
    )
    deadline_lines = []
    if journey.next_due_on and today <= journey.next_due_on <= today + timedelta(days=WEEK):
        deadline_lines.append(
            DayLine(_("%(stage)s · do %(date)s") % {"stage": stage_label, "date": _day(journey.next_due_on)}, portal)
        )
    if journey.stage == JourneyStage.PREPARATION:
        for session in journeys.upcoming_sessions(region_id=journey.region_id, today=today, limit=DETAIL_ROWS):
            start = timezone.localtime(session.starts_at).date()
            if start <= today + timedelta(days=WEEK):
                deadline_lines.append(DayLine(f"{session.title} · {_day(start)}", portal))
    items.append(
        DayItem(
            "applicant_this_week",
            len(deadline_lines),
            ngettext("termín tento týden", "termínů tento týden", len(deadline_lines)),
            portal,
            "warn" if deadline_lines else "quiet",
            deadline_lines,
        )
    )
    return DaySection(role=Role.APPLICANT, title=_("Vaše cesta"), items=items, intro=intro, intro_url=portal)
