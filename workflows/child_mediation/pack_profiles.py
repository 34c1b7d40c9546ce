"""The shortlisted families' anonymised profiles set against the child's needs, for the conference pack.

A family appears by its register number and region only (the pack leaves the office): what it is approved for
and what child it can accept, never names, addresses or household members.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from nrp.core.choices import CareType, ContactLevel, HealthNeed, LegalStatus
from nrp.core.czech import child_sex_word, years
from nrp.core.czech import children as czech_children
from workflows.child_mediation.selectors import AnonymousProfile


def _labels(enum: Any, values: Any) -> str:
    return ", ".join(str(enum(v).label) for v in values or []) or "—"


def _sexes(values: Any) -> str:
    return ", ".join(child_sex_word(v) for v in values or []) or "—"


def child_needs(profile: AnonymousProfile) -> dict[str, str]:
    children = profile.children
    needs = sorted({n for c in children for n in c.health_needs})
    return {
        "care": ", ".join(profile.care_types) or "—",
        "age": ", ".join(years(c.age) for c in children) or "—",
        "sex": _sexes(c.sex for c in children),
        "count": czech_children(len(children)) + (", " + _("sourozenci společně") if profile.siblings_together else ""),
        "health": ", ".join(needs) or _("bez zvláštních potřeb"),
        "legal": ", ".join(sorted({c.legal_status for c in children})) or "—",
        "contact": profile.contact_plan or "—",
    }


def family_profile(entry: Any) -> dict[str, str]:
    accepts = getattr(entry, "profile", None) if entry is not None else None
    if accepts is None:
        return {}
    count = _("až %(count)s") % {"count": czech_children(accepts.max_children)}
    return {
        "care": _labels(CareType, entry.care_types),
        "age": _("%(a)s až %(b)s") % {"a": years(accepts.age_min), "b": years(accepts.age_max)},
        "sex": _sexes(accepts.sexes),
        "count": count + (", " + _("přijme sourozence") if accepts.accepts_siblings else ""),
        "health": _labels(HealthNeed, accepts.health_needs_accepted)
        + (
            "; " + _("zkušenost: %(s)s") % {"s": _labels(HealthNeed, accepts.health_needs_experience)}
            if accepts.health_needs_experience
            else ""
        ),
        "legal": _labels(LegalStatus, accepts.legal_statuses),
        "contact": str(ContactLevel(accepts.contact_willingness).label) if accepts.contact_willingness else "—",
    }


def comparison_rows(child: dict[str, str], family: dict[str, str]) -> list[tuple[str, str, str]]:
    labels = {
        "care": _("Forma péče"),
        "age": _("Věk"),
        "sex": _("Pohlaví"),
        "count": _("Počet dětí"),
        "health": _("Zdravotní a vývojové potřeby"),
        "legal": _("Právní postavení"),
        "contact": _("Kontakt s biologickou rodinou"),
    }
    return [(label, child[key], family.get(key, "—")) for key, label in labels.items()]


def shortlist_profiles(shortlist: list[dict[str, Any]], profile: AnonymousProfile) -> list[dict[str, Any]]:
    """Each shortlisted family (by register number) with rows: what the child needs, what the family accepts."""
    from workflows.applicant_journey.models import ApplicantRegisterEntry

    ids = [row["entry_id"] for row in shortlist]
    entries = {
        e.pk: e
        for e in ApplicantRegisterEntry.objects.filter(pk__in=ids).select_related(
            "profile", "household__residence_orp__region"
        )
    }
    child = child_needs(profile)
    out = []
    for row in shortlist:
        entry = entries.get(row["entry_id"])
        region = entry.household.residence_orp.region.name if entry and entry.household.residence_orp_id else ""
        out.append({**row, "region": region, "rows": comparison_rows(child, family_profile(entry))})
    return out
