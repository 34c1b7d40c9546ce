""" "Můj den" put together: the sections of each of the person's roles, in order."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from nrp.core.choices import Role
from nrp.core.dashboard.admin import admin_items, ministry_items
from nrp.core.dashboard.applicant import applicant_section
from nrp.core.dashboard.assessor import assessor_items
from nrp.core.dashboard.common import DaySection
from nrp.core.dashboard.families import family_items
from nrp.core.dashboard.officer import officer_items
from nrp.core.dashboard.ospod import ospod_items
from nrp.core.dashboard.tasks import task_items


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
