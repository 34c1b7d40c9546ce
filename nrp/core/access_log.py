"""The applicant's access log ("Kdo nahlížel do mého spisu") in words a parent understands.

Who (a name, or "systém NRP" for automatic steps, or "vy"), in what role, what they did with which part of the
file, and when; never model names ("document version"), internal ids ("#5") or "system".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nrp.core.choices import Role

# What a part of the file is called for the family (audit object type → words).
PARTS = {
    "applicant_journey.applicantjourney": gettext_lazy("vaše žádost a její průběh"),
    "applicant_journey.journeydocument": gettext_lazy("doklad k žádosti"),
    "applicant_journey.documentversion": gettext_lazy("nahraný soubor dokladu"),
    "applicant_journey.journeyevent": gettext_lazy("historie vaší žádosti"),
    "applicant_journey.stagevisit": gettext_lazy("postup žádosti do další fáze"),
    "applicant_journey.courseattendance": gettext_lazy("docházka na přípravný kurz"),
    "applicant_journey.assessment": gettext_lazy("odborné posouzení"),
    "applicant_journey.message": gettext_lazy("zpráva"),
    "applicant_journey.casenote": gettext_lazy("poznámka průvodce"),
    "applicant_journey.applicantregisterentry": gettext_lazy("zápis v evidenci žadatelů"),
    "applicant_journey.acceptanceprofile": gettext_lazy("představa o dítěti, které můžete přijmout"),
    "applicant_journey.invitation": gettext_lazy("pozvánka partnera"),
    "core.household": gettext_lazy("údaje o vaší domácnosti"),
    "core.householdmember": gettext_lazy("osobní údaje žadatele"),
    "child_mediation.approach": gettext_lazy("oslovení k dítěti"),
    "matching.rankingrun": gettext_lazy("výběr vhodných rodin pro dítě"),
    "audit.household_trail": gettext_lazy("záznamy o nahlížení do spisu"),
}

# What was done (audit action → words).
DONE = {
    "read": gettext_lazy("nahlédnutí"),
    "create": gettext_lazy("založení"),
    "update": gettext_lazy("změna"),
    "delete": gettext_lazy("odstranění"),
    "export": gettext_lazy("stažení"),
    "task": gettext_lazy("krok řízení"),
    "denied": gettext_lazy("odmítnutý pokus o přístup"),
}

ROLE_WORDS: dict[str, Any] = {
    Role.APPLICANT: gettext_lazy("žadatel"),
    Role.GUIDE: gettext_lazy("průvodce"),
    Role.OSPOD: gettext_lazy("pracovník OSPOD"),
    Role.OFFICER: gettext_lazy("pracovník krajského úřadu"),
    Role.ASSESSOR: gettext_lazy("posuzovatel"),
    Role.ADMIN: gettext_lazy("správce systému"),
}


@dataclass
class AccessRow:
    at: datetime
    who: str
    role: str
    done: str
    part: str
    reason: str


def part_of_file(object_type: str) -> str:
    if object_type.startswith("admin:"):
        return _("správa systému")
    if object_type in PARTS:
        return str(PARTS[object_type])
    from django.apps import apps

    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return _("spis")


# A bulk read (nrp/audit/lists.py): the file was one row of a list someone opened, not opened itself.
LISTED = gettext_lazy("váš spis se objevil v seznamu, který si zobrazil(a)")


def access_log_rows(events: list, *, viewer) -> list[AccessRow]:
    from nrp.core.models import RoleAssignment

    actor_ids = {e.actor_id for e in events if e.actor_id}
    roles: dict[int, list[str]] = {}
    for user_id, role in RoleAssignment.objects.filter(user_id__in=actor_ids, active=True).values_list(
        "user_id", "role"
    ):
        roles.setdefault(user_id, []).append(role)
    order: list[str] = [Role.OFFICER, Role.OSPOD, Role.ASSESSOR, Role.GUIDE, Role.ADMIN, Role.APPLICANT]
    rows = []
    for e in events:
        if e.actor_id is None:
            who, role = _("systém NRP"), _("automaticky")
        elif e.actor_id == getattr(viewer, "pk", None):
            who, role = _("vy"), ""
        else:
            actor = e.actor
            who = (actor.get_full_name() or actor.email) if actor else e.actor_label
            held = sorted(roles.get(e.actor_id, []), key=lambda r: order.index(r) if r in order else 99)
            role = str(ROLE_WORDS.get(held[0], "")) if held else ""
        rows.append(
            AccessRow(
                at=e.at,
                who=who,
                role=role,
                done=str(LISTED if (e.details or {}).get("list") else DONE.get(e.action, e.get_action_display())),
                part=part_of_file(e.object_type),
                reason=e.reason,
            )
        )
    return rows
