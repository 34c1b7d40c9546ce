""" "Můj den" of the ministry and of an administrator."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nrp.core.choices import Role
from nrp.core.dashboard.common import DETAIL_ROWS, WEEK, DayItem, DayLine

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
