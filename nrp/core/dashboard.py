""" "Můj den": what needs a person's attention now, per role, each with a count and a link.

Read-only selectors that take the acting user, like every app's ``selectors.py`` (and call them where they
exist: ``tasks_for_user``, ``case_list_for_officer``, ``open_approaches_for_officer`` …). Each item costs a
fixed number of queries whatever the amount of data (tests/product/test_my_day.py measures two sizes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nrp.core import czech
from nrp.core.choices import Role

# How many rows an item lists under its count (the rest is one click away).
DETAIL_ROWS = 3
WEEK = 7


@dataclass
class DayLine:
    text: str
    url: str = ""


@dataclass
class DayItem:
    """One thing to look at: "3 úkoly po termínu" with a link, and the first few rows."""

    key: str
    count: int
    label: str
    url: str
    tone: str = ""  # "danger" (late), "warn" (soon), "quiet" (for information), "" (to do)
    lines: list[DayLine] = field(default_factory=list)


@dataclass
class DaySection:
    role: str
    title: str
    items: list[DayItem]
    intro: str = ""
    intro_url: str = ""

    @property
    def busy(self) -> list[DayItem]:
        """Items with something to do, shown as cards."""
        return [i for i in self.items if i.count]

    @property
    def quiet(self) -> list[DayItem]:
        """Items with nothing waiting, shown in one line (still linked)."""
        return [i for i in self.items if not i.count]


def my_day(user, *, today: date | None = None) -> list[DaySection]:
    """The sections of the user's "Můj den", in the order of ``ROLE_ORDER`` of the home page."""
    today = today or timezone.localdate()
    sections: list[DaySection] = []
    staff_roles = [r for r in (Role.OFFICER, Role.OSPOD, Role.GUIDE, Role.ASSESSOR) if user.has_role(r)]
    if staff_roles:
        items = task_items(user, today=today)
        if any(user.has_role(r) for r in (Role.OFFICER, Role.OSPOD, Role.GUIDE)):
            items += family_items(user, today=today)
        if user.has_role(Role.OFFICER):
            items += officer_items(user, today=today)
        if user.has_role(Role.OSPOD):
            items += ospod_items(user, today=today)
        if user.has_role(Role.ASSESSOR):
            items += assessor_items(user, today=today)
        sections.append(DaySection(role=staff_roles[0], title=_("Co je dnes potřeba"), items=items))
    if user.has_role(Role.APPLICANT):
        sections.append(applicant_section(user, today=today))
    if user.has_role(Role.MINISTRY):
        sections.append(DaySection(role=Role.MINISTRY, title=str(Role.MINISTRY.label), items=ministry_items()))
    if user.has_role(Role.ADMIN) or user.is_superuser:
        sections.append(DaySection(role=Role.ADMIN, title=str(Role.ADMIN.label), items=admin_items(user, today=today)))
    return sections


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


def _day(value: date) -> str:
    from django.utils.formats import date_format

    return date_format(value, "j. E" if czech.is_czech() else "j F")


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
        children.open_approaches_for_officer(officer=user).filter(status=ApproachStatus.OPEN).order_by("deadline", "pk")
    )
    approaches_count = approaches.count()
    approach_rows = list(approaches[:DETAIL_ROWS])
    late = bool(approach_rows) and approach_rows[0].deadline <= today + timedelta(days=WEEK)

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


# --- Applicant --------------------------------------------------------------------------------------------------------


# What comes next, in a parent's words, for each stage of the journey.
def _next_step_text(stage: str) -> str:
    from workflows.applicant_journey.models import JourneyStage as S

    texts = {
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


# --- Administrator -----------------------------------------------------------------------------------------------


def ministry_items() -> list[DayItem]:
    """The ministry (MPSV) sees figures, never identities: children waiting in the national search, the statistics."""
    from workflows.child_mediation.models import ChildCase, ChildCaseStatus

    national = ChildCase.objects.filter(status=ChildCaseStatus.NATIONAL).count()
    waiting = ChildCase.objects.filter(status__in=[ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL]).count()
    stats_url = reverse("stats:dashboard")
    return [
        DayItem(
            key="national_search",
            count=national,
            label=ngettext("případ v celostátním hledání", "případů v celostátním hledání", national),
            url=stats_url,
            tone="warn",
        ),
        DayItem(
            key="waiting_children",
            count=waiting,
            label=ngettext(
                "případ dítěte čeká na rodinu (všechny kraje)", "případů dětí čeká na rodinu (všechny kraje)", waiting
            ),
            url=stats_url,
            tone="quiet",
        ),
        DayItem(key="yearly", count=0, label=_("Roční výkaz krajů"), url=reverse("stats:yearly"), tone="quiet"),
    ]


def admin_items(user, *, today: date) -> list[DayItem]:
    from axes.models import AccessAttempt
    from django.conf import settings
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from nrp.audit.models import AuditEvent
    from nrp.core.models import RoleAssignment, User

    active_role = RoleAssignment.objects.filter(user=OuterRef("pk"), active=True)
    without_role = User.objects.filter(is_active=True, is_superuser=False).exclude(Exists(active_role))
    without_count = without_role.count()
    without_rows = list(without_role.order_by("-date_joined")[:DETAIL_ROWS])

    staff_role = RoleAssignment.objects.filter(user=OuterRef("pk"), active=True).exclude(role=Role.APPLICANT)
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    no_second_factor = User.objects.filter(Exists(staff_role), is_active=True).exclude(Exists(confirmed)).count()

    cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
    locked = AccessAttempt.objects.filter(failures_since_start__gte=getattr(settings, "AXES_FAILURE_LIMIT", 5))
    if cooloff:
        locked = locked.filter(attempt_time__gte=timezone.now() - cooloff)
    locked_count = locked.count()

    since = timezone.now() - timedelta(days=WEEK)
    exceptional = AuditEvent.objects.filter(object_type="admin.exceptional_access", at__gte=since).count()

    def change_url(u) -> str:
        return reverse("admin:core_user_change", args=[u.pk])

    users_url = reverse("admin:core_user_changelist")
    return [
        DayItem(
            "accounts_without_role",
            without_count,
            ngettext("účet bez přidělené role", "účtů bez přidělené role", without_count),
            users_url,
            "warn" if without_count else "quiet",
            [DayLine(str(u), change_url(u)) for u in without_rows],
        ),
        DayItem(
            "staff_without_second_factor",
            no_second_factor,
            ngettext(
                "pracovník zatím nemá nastavené druhé ověření",
                "pracovníků zatím nemá nastavené druhé ověření",
                no_second_factor,
            ),
            users_url,
            "" if no_second_factor else "quiet",
        ),
        DayItem(
            "locked_accounts",
            locked_count,
            ngettext(
                "účet zablokovaný po chybných přihlášeních", "účtů zablokovaných po chybných přihlášeních", locked_count
            ),
            reverse("admin:axes_accessattempt_changelist"),
            "danger" if locked_count else "quiet",
        ),
        DayItem(
            "exceptional_access_week",
            exceptional,
            ngettext(
                "výjimečný přístup k obsahu případů za 7 dní",
                "výjimečných přístupů k obsahu případů za 7 dní",
                exceptional,
            ),
            reverse("admin:index"),
            "warn" if exceptional else "quiet",
        ),
    ]
