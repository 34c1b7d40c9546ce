"""Retention of children's files: closed or placed cases are anonymised, never deleted, so statistics survive.

Two rules, registered by ``ChildMediationConfig.ready`` with nrp/core/retention.py:

- ``child_case_adopted``: cases placed for adoption, 100 years after the placement took effect;
- ``child_case_closed``: every other placed or closed case, 30 years after the placement or the closure.

Both periods can be changed per deployment like every rule: ``NRP_RETENTION_DAYS = {"child_case_closed": ...}``.

The periods are ASSUMPTIONS and must be confirmed with the regional archive (spisový a skartační plán of the
regional office) before the job runs in production: an adoptee may ask for their file decades later, so do not
shorten them without the archive's opinion.

Anonymising keeps the case, its children's sex, legal status, health needs and ethnicity, the birth year (date of
birth becomes 1 January of that year), the region, ORP, care types, status and dates; it blanks names and every
free text about the child (wishes, notes, health notes, separation and closure reasons, and the free texts of the
legal steps: the child's view in their words, assessments, evidence notes, breakdown notes).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Q

from nrp.core.choices import CareType
from nrp.core.retention import ANONYMISE, ANONYMISED_NAME, RetentionRule, register_retention_rule

ADOPTION_DAYS = 100 * 365
OTHER_DAYS = 30 * 365
BASIS = (
    "Předpoklad: lhůtu je nutné potvrdit se spisovým a skartačním plánem kraje (archiv); případ se neruší, "
    "údaje o identitě dítěte se anonymizují, statistiky zůstávají."
)


def _not_anonymised():
    from workflows.child_mediation.models import ChildCase

    return ChildCase.objects.exclude(children__first_name=ANONYMISED_NAME)


def adopted_cases(cutoff: datetime):
    """Cases placed for adoption whose placement took effect before ``cutoff``."""
    from workflows.child_mediation.models import ChildCaseStatus

    return (
        _not_anonymised()
        .filter(
            status__in=[ChildCaseStatus.PLACED, ChildCaseStatus.CLOSED],
            placement__care_type=CareType.ADOPTION,
            placement__effective_date__lt=cutoff.date(),
        )
        .distinct()
        .order_by("pk")
    )


def closed_cases(cutoff: datetime):
    """Other placed or closed cases whose placement took effect, or which closed, before ``cutoff``."""
    from workflows.child_mediation.models import ChildCaseStatus

    day = cutoff.date()
    return (
        _not_anonymised()
        .filter(status__in=[ChildCaseStatus.PLACED, ChildCaseStatus.CLOSED])
        .exclude(placement__care_type=CareType.ADOPTION)
        # case_close always records the day; a case without one is left alone rather than guessed at
        .filter(Q(placement__effective_date__lt=day) | Q(placement__isnull=True, flags__closed_on__lt=day))
        .distinct()
        .order_by("pk")
    )


def anonymise_child_case(case) -> None:
    """Blank the child identity and free texts of ``case``; the case and its statistics stay."""
    from workflows.child_mediation.legal.aftercare_records import anonymise_legal_records
    from workflows.child_mediation.models import CaseFlags

    for child in case.children.all():
        child.first_name, child.last_name = ANONYMISED_NAME, ""
        child.date_of_birth = date(child.date_of_birth.year, 1, 1)
        child.health_notes = ""
        child.save(update_fields=["first_name", "last_name", "date_of_birth", "health_notes"])
    case.wishes = case.wishes_how_heard = case.notes = case.siblings_separation_reason = ""
    case.save(update_fields=["wishes", "wishes_how_heard", "notes", "siblings_separation_reason"])
    CaseFlags.objects.filter(case=case).update(closure_note="")
    # The legal steps' records (the child's words, assessments, evidence notes): their free texts too.
    anonymise_legal_records(case)


def register() -> None:
    register_retention_rule(
        RetentionRule(
            name="child_case_adopted",
            label="Případy dětí svěřených k osvojení (identita dítěte)",
            default_days=ADOPTION_DAYS,
            action=ANONYMISE,
            candidates=adopted_cases,
            apply=anonymise_child_case,
            basis=BASIS,
        )
    )
    register_retention_rule(
        RetentionRule(
            name="child_case_closed",
            label="Uzavřené a ukončené případy dětí (identita dítěte)",
            default_days=OTHER_DAYS,
            action=ANONYMISE,
            candidates=closed_cases,
            apply=anonymise_child_case,
            basis=BASIS,
        )
    )
