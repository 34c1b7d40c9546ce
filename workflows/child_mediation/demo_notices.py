"""Demo seed: in the first region, a family approached for a waiting child (§24 SELECTION), its written notice sent
by post and delivered, a meeting with the child arranged, the family's answer awaited. The family's member is
listed among the demo logins, so its portal (/deti/moje-osloveni/) shows the approach. Idempotent; synthetic data.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nrp.core.choices import Role
from nrp.core.models import RoleAssignment
from workflows.applicant_journey.models import ApplicantRegisterEntry, RegisterStatus
from workflows.child_mediation import services
from workflows.child_mediation.models import Approach, ChildCase, ChildCaseStatus
from workflows.child_mediation.models_notices import ApproachNotice, NoticeStatus
from workflows.child_mediation.services import notices


def _first_member_email(entry: ApplicantRegisterEntry) -> str:
    member = entry.household.members.order_by("pk").first()
    return member.email if member else ""


def seed_approach_notice(ctx) -> None:
    from matching.services import ranking_run

    today = min(ctx.today, timezone.localdate())
    region = ctx.regions[0] if ctx.regions else None
    if region is None:
        return
    done = ApproachNotice.objects.filter(
        approach__case__region=region, status=NoticeStatus.DELIVERED, approach__status="open"
    ).first()
    if done is not None:
        ctx.log("oslovená rodina", _first_member_email(done.approach.entry), region.name)
        return
    assignment = RoleAssignment.objects.filter(role=Role.OFFICER, region=region).order_by("pk").first()
    if assignment is None:
        return
    officer = assignment.user
    waiting = ChildCase.objects.filter(region=region, status=ChildCaseStatus.WAITING).order_by("-registered_on", "pk")
    for case in waiting:
        if Approach.objects.filter(case=case).exists():
            continue
        try:
            with transaction.atomic():
                ranking = ranking_run(child_case=case, actor=officer, today=today)
                entries = [
                    row["entry_id"]
                    for row in list(ranking.results)[:1]
                    if ApplicantRegisterEntry.objects.filter(pk=row["entry_id"], status=RegisterStatus.ACTIVE).exists()
                ]
                if not entries:
                    raise ValidationError("no family")
                conference = services.conference_prepare(
                    case=case,
                    officer=officer,
                    scheduled_at=timezone.make_aware(datetime.combine(today - timedelta(days=14), time(10))),
                    shortlist_size=1,
                    participants=[("officer", str(officer)), ("ospod", "pracovnice OSPOD dítěte")],
                    ranking=ranking,
                )
                minutes = services.minutes_save(
                    conference=conference,
                    author=officer,
                    attendance="Všichni pozvaní.",
                    discussion="Rodina odpovídá potřebám dítěte.",
                    wishes_considered="Přání dítěte byla přečtena a zohledněna.",
                    approach_order=entries,
                    reasoning="Nejvyšší shoda s potřebami dítěte (demo).",
                )
                services.minutes_sign_off(minutes=minutes, officer=officer)
                approach = services.approach_start_next(case=case, officer=officer, draft=True)
                if approach is None:
                    raise ValidationError("no approach")
                notices.notice_send(
                    notice=approach.notice,
                    officer=officer,
                    channel="post",
                    sent_on=today - timedelta(days=6),
                    reference="RR 1234 5678 9CZ (demo)",
                )
                approach.notice.refresh_from_db()
                notices.notice_record_delivery(
                    notice=approach.notice, officer=officer, delivered_on=today - timedelta(days=4)
                )
                notices.meeting_add(
                    approach=approach,
                    officer=officer,
                    kind="child",
                    starts_at=timezone.make_aware(datetime.combine(today + timedelta(days=5), time(14))),
                    place="Krajský úřad, zasedací místnost 2",
                    note="Setkání s dítětem za přítomnosti jeho pěstounky.",
                )
        except ValidationError:
            continue
        ctx.log("oslovená rodina", _first_member_email(approach.entry), region.name)
        return
