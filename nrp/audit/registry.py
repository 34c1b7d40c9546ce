"""Change audit: every create, update and delete of case data becomes an AuditEvent, from model signals.

Apps list their case-data models once (``register_audited_model``); every model of the apps in
``AUDITED_APPS`` is registered automatically when Django starts, so a new model is audited without anyone
remembering to. Updates record the names of the changed fields, never their values: values would put a
child's name or a diagnosis into the trail (this is why we do not use django-auditlog or
django-simple-history, which store values; see SECURITY.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from nrp.audit import context
from nrp.audit.models import AuditAction

# Apps whose every model is case data.
AUDITED_APPS = ("applicant_journey", "child_mediation", "matching")
# Single case-data models of other apps.
AUDITED_MODELS = ("core.household", "core.householdmember", "core.roleassignment")
# Never audited automatically (technical or audit-internal).
NOT_AUDITED = {"audit.auditevent"}


@dataclass(frozen=True)
class AuditSpec:
    household: Callable | None = None
    region: Callable | None = None


_SPECS: dict[type[models.Model], AuditSpec] = {}


def _attr_path(obj, *paths: str):
    for path in paths:
        value = obj
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except Exception:  # noqa: BLE001 - a missing relation just means "not linked"
            value = None
        if value is not None:
            return value
    return None


def default_household(obj):
    from nrp.core.models import Household

    if isinstance(obj, Household):
        return obj
    found = _attr_path(obj, "household", "entry.household", "journey.household", "process.household")
    return found if isinstance(found, Household) else None


def default_region(obj):
    from nrp.core.models import Region

    found = _attr_path(obj, "region", "case.region", "household.residence_orp.region", "residence_orp.region")
    return found if isinstance(found, Region) else None


def register_audited_model(model: type[models.Model], *, household: Callable | None = None, region=None) -> None:
    """Audit every create, update and delete of ``model``; ``household``/``region`` map an instance to its case."""
    label = model._meta.label_lower
    if label in NOT_AUDITED or model._meta.abstract or model._meta.proxy:
        return
    _SPECS[model] = AuditSpec(household=household, region=region)
    uid = f"nrp-audit-{label}"
    pre_save.connect(_remember_old, sender=model, dispatch_uid=uid + "-pre")
    post_save.connect(_saved, sender=model, dispatch_uid=uid + "-save")
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid + "-delete")


def audited_models() -> list[type[models.Model]]:
    return list(_SPECS)


# Households being deleted right now: events of their cascade must not point at them (the FK would dangle).
_DELETING_HOUSEHOLDS: set[int] = set()


def _household_deleting(sender, instance, **kwargs):
    _DELETING_HOUSEHOLDS.add(instance.pk)


def _household_deleted(sender, instance, **kwargs):
    _DELETING_HOUSEHOLDS.discard(instance.pk)


def register_default_models() -> None:
    from nrp.core.models import Household

    pre_delete.connect(_household_deleting, sender=Household, dispatch_uid="nrp-audit-household-deleting")

    for config in apps.get_app_configs():
        if config.label in AUDITED_APPS:
            for model in config.get_models():
                if model not in _SPECS:
                    register_audited_model(model)
    for label in AUDITED_MODELS:
        model = apps.get_model(label)
        if model not in _SPECS:
            register_audited_model(model)


def _case_of(instance):
    spec = _SPECS.get(type(instance)) or AuditSpec()
    household = (spec.household or default_household)(instance)
    region = (spec.region or default_region)(instance)
    if region is None and household is not None:
        region = household.residence_orp.region
    return household, region


def _remember_old(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or instance._state.adding:
        return
    old = sender._default_manager.filter(pk=instance.pk).values().first()
    instance._audit_old_values = old


def _changed_fields(instance, update_fields) -> list[str]:
    if update_fields:
        return sorted(update_fields)
    old = getattr(instance, "_audit_old_values", None) or {}
    changed = []
    for field in instance._meta.concrete_fields:
        if field.attname in old and old[field.attname] != getattr(instance, field.attname):
            changed.append(field.name)
    return changed


def _saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if created:
        _write(AuditAction.CREATE, instance, {})
    else:
        fields = _changed_fields(instance, update_fields)
        if fields:
            _write(AuditAction.UPDATE, instance, {"fields": fields})
    instance._audit_old_values = None


def _deleted(sender, instance, **kwargs):
    _write(AuditAction.DELETE, instance, {})
    if sender._meta.label_lower == "core.household":
        _household_deleted(sender, instance)


def _write(action, instance, details: dict) -> None:
    from nrp.audit.services import audit_record

    household, region = _case_of(instance)
    if household is not None and (household.pk is None or household.pk in _DELETING_HOUSEHOLDS):
        details = {**details, "household_id": household.pk}
        household = None
    ctx = context.current()
    audit_record(
        actor=ctx.actor if ctx else None,
        action=action,
        obj=instance,
        household=household if household is not None and household.pk else None,
        region=region,
        request=ctx.request if ctx else None,
        reason=ctx.reason if ctx else "",
        details={"source": "model", **details},
    )
