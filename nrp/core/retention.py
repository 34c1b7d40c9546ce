"""Retention: closed cases are anonymised, old records deleted, after a configurable period per record type.

A registry, like the export: each app registers the record types it owns::

    from nrp.core.retention import RetentionRule, register_retention_rule

    register_retention_rule(RetentionRule(
        name="child_case_closed", label="Uzavřené případy dětí", default_days=100 * 365, action="anonymise",
        candidates=lambda cutoff: ChildCase.objects.filter(closed_at__lt=cutoff, anonymised=False),
        apply=anonymise_child_case, basis="…",
    ))

Periods can be overridden per deployment: ``NRP_RETENTION_DAYS = {"household_closed": 3650}`` in settings
(or the ``NRP_RETENTION_DAYS`` environment variable as JSON). ``manage.py apply_retention --dry-run`` reports
what would happen; without ``--dry-run`` it does it, each rule in one transaction, and records it in the audit
trail.

Default periods are documented assumptions (SECURITY.md, "Retention"), to be replaced by the regional
office's filing and shredding plan (spisový a skartační plán): the law fixes no single period for the files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

ANONYMISE = "anonymise"
DELETE = "delete"
ANONYMISED_NAME = "Anonymizováno"


@dataclass(frozen=True)
class RetentionRule:
    name: str
    label: str
    default_days: int
    action: str  # ANONYMISE or DELETE
    # Records whose retention period ended before ``cutoff``.
    candidates: Callable[[datetime], Iterable]
    # Anonymise or delete one record.
    apply: Callable[[object], None]
    # Why this period (a legal reference or a stated assumption).
    basis: str = ""
    # Touches the append-only audit table (allowed only inside the retention transaction).
    audit_maintenance: bool = False


@dataclass
class RuleReport:
    rule: RetentionRule
    days: int
    cutoff: datetime
    ids: list


_RULES: dict[str, RetentionRule] = {}
# Providers of "this household's case closed at": household id -> datetime.
_CLOSURES: list[Callable[[], dict[int, datetime]]] = []


def register_retention_rule(rule: RetentionRule) -> None:
    _RULES[rule.name] = rule


def register_case_closure(provider: Callable[[], dict[int, datetime]]) -> None:
    """Tell retention when households' cases closed (withdrawn, rejected, removed, placed…)."""
    _CLOSURES.append(provider)


def retention_rules() -> dict[str, RetentionRule]:
    return dict(_RULES)


def retention_days(rule: RetentionRule) -> int:
    return int(getattr(settings, "NRP_RETENTION_DAYS", {}).get(rule.name, rule.default_days))


def run_retention(*, dry_run: bool, now: datetime | None = None, only: Iterable[str] | None = None) -> list[RuleReport]:
    now = now or timezone.now()
    reports = []
    for name, rule in _RULES.items():
        if only and name not in only:
            continue
        days = retention_days(rule)
        cutoff = now - timedelta(days=days)
        records = list(rule.candidates(cutoff))
        reports.append(RuleReport(rule=rule, days=days, cutoff=cutoff, ids=[getattr(r, "pk", r) for r in records]))
        if dry_run or not records:
            continue
        with transaction.atomic():
            if rule.audit_maintenance:
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL nrp.audit_maintenance = 'on'")
            for record in records:
                rule.apply(record)
            _record(rule, len(records))
    return reports


def _record(rule: RetentionRule, count: int) -> None:
    from nrp.audit.models import AuditAction
    from nrp.audit.services import audit_record

    audit_record(
        actor=None,
        action=AuditAction.DELETE if rule.action == DELETE else AuditAction.UPDATE,
        object_type="retention",
        object_id=rule.name,
        details={"rule": rule.name, "action": rule.action, "count": count, "days": retention_days(rule)},
    )


# --- core: closed households, their accounts, and the audit trail ---------------------------------------


# When a household's case closed is told by the apps that own the cases (one definition each, registered
# with ``register_case_closure``): the applicant journey's is ``workflows.applicant_journey.privacy.journey_closures``.


def closed_households(cutoff: datetime):
    from nrp.core.models import Household

    closed_at: dict[int, datetime] = {}
    for provider in _CLOSURES:
        for household_id, at in provider().items():
            closed_at[household_id] = max(at, closed_at.get(household_id, at))
    due = [pk for pk, at in closed_at.items() if at < cutoff]
    return Household.objects.filter(pk__in=due).exclude(members__first_name=ANONYMISED_NAME).distinct().order_by("pk")


def anonymise_user(user) -> None:
    """Keep the row (foreign keys, audit actor) but nothing that identifies the person; no login possible."""
    from nrp.audit.models import AuditEvent

    label = f"anonymizovany-{user.pk}@invalid"
    user.email = label
    user.first_name = user.last_name = user.phone = ""
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["email", "first_name", "last_name", "phone", "is_active", "password"])
    user.role_assignments.update(active=False)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL nrp.audit_maintenance = 'on'")
    AuditEvent.objects.filter(actor=user).update(actor_label=label)


def anonymise_household(household) -> None:
    for member in household.members.select_related("user"):
        member.first_name, member.last_name = ANONYMISED_NAME, ""
        member.email, member.sex, member.date_of_birth = "", "", None
        member.save(update_fields=["first_name", "last_name", "email", "sex", "date_of_birth"])
        if member.user is not None:
            anonymise_user(member.user)


register_retention_rule(
    RetentionRule(
        name="household_closed",
        label="Uzavřené případy žadatelů (domácnosti, členové, jejich účty)",
        default_days=10 * 365,
        action=ANONYMISE,
        candidates=closed_households,
        apply=anonymise_household,
        basis="Předpoklad: skartační lhůta spisové dokumentace žadatele 10 let od uzavření (dle skartačního "
        "plánu KÚ upravte v NRP_RETENTION_DAYS).",
        audit_maintenance=True,
    )
)


def inactive_accounts(cutoff: datetime):
    from django.db.models import Q

    from nrp.core.models import User

    return (
        User.objects.filter(is_active=True, household_membership__isnull=True, is_superuser=False)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .exclude(role_assignments__active=True, role_assignments__role__in=["guide", "ospod", "officer", "assessor"])
        .exclude(role_assignments__active=True, role_assignments__role="admin")
        .distinct()
        .order_by("pk")
    )


register_retention_rule(
    RetentionRule(
        name="inactive_account",
        label="Nepoužívané účty bez případu (zájemci, kteří nepodali žádost)",
        default_days=2 * 365,
        action=ANONYMISE,
        candidates=inactive_accounts,
        apply=anonymise_user,
        basis="Předpoklad: účet bez domácnosti a bez role zaměstnance se po 2 letech nečinnosti anonymizuje.",
        audit_maintenance=True,
    )
)


def old_audit_events(cutoff: datetime):
    from nrp.audit.models import AuditEvent

    return AuditEvent.objects.filter(at__lt=cutoff).exclude(object_type="retention").order_by("pk")


def delete_audit_event(event) -> None:
    from nrp.audit.models import AuditEvent

    AuditEvent.objects.filter(pk=event.pk).delete()


register_retention_rule(
    RetentionRule(
        name="audit_event",
        label="Záznamy auditní stopy",
        default_days=10 * 365,
        action=DELETE,
        candidates=old_audit_events,
        apply=delete_audit_event,
        basis="Předpoklad: auditní záznamy se uchovávají stejně dlouho jako spis (10 let), pak se mažou.",
        audit_maintenance=True,
    )
)
