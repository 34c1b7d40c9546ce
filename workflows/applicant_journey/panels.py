"""Home-page panels, navigation links and the demo seed step of the applicant journey."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Role


def applicant_panel(request) -> dict:
    from workflows.applicant_journey.selectors import journey_for_applicant

    return {"journey": journey_for_applicant(user=request.user)}


def guide_panel(request) -> dict:
    from django.conf import settings

    from workflows.applicant_journey.models import CLOSED_STAGES, ApplicantJourney

    qs = ApplicantJourney.objects.filter(household__guide=request.user).exclude(stage__in=CLOSED_STAGES)
    stuck_before = timezone.now() - timedelta(days=settings.NRP_STUCK_AFTER_DAYS)
    return {
        "open": qs.count(),
        "overdue": qs.filter(next_due_on__lt=timezone.localdate()).count(),
        "stuck": qs.filter(last_activity_at__lt=stuck_before).count(),
    }


def tasks_panel(request) -> dict:
    from workflows.applicant_journey.selectors import tasks_for_user

    tasks = tasks_for_user(user=request.user)
    return {
        "inbox": len(tasks["inbox"]),
        "queue": len(tasks["queue"]),
        "overdue": sum(1 for t in tasks["inbox"] if t.overdue),
    }


def register() -> None:
    from nrp.core.context_processors import register_nav_link
    from nrp.core.demo import register_seed_step
    from nrp.core.views import register_home_panel
    from workflows.applicant_journey import permissions
    from workflows.applicant_journey.demo import seed_journeys

    register_home_panel(Role.APPLICANT, "applicant_journey/panel_applicant.html", applicant_panel)
    register_home_panel(Role.GUIDE, "applicant_journey/panel_guide.html", guide_panel)
    for role in (Role.GUIDE, Role.OSPOD, Role.OFFICER, Role.ASSESSOR):
        register_home_panel(role, "applicant_journey/panel_tasks.html", tasks_panel)
    # The menu shows a link to whoever the page's policy lets in (permissions.py).
    register_nav_link("applicant_journey:portal", _("Můj postup"), permissions.OWN_JOURNEY.allows)
    register_nav_link("applicant_journey:my_documents", _("Moje dokumenty"), permissions.OWN_JOURNEY.allows)
    register_nav_link("applicant_journey:caseload", _("Moji žadatelé"), permissions.CASELOAD.allows)
    register_nav_link("applicant_journey:tasks", _("Úkoly"), permissions.STAFF_JOURNEYS.allows)
    register_nav_link("applicant_journey:list", _("Žadatelé"), permissions.JOURNEY_LIST_LINK.allows)
    register_seed_step("applicant_journey", seed_journeys)
