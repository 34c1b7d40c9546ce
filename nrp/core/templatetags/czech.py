"""Template filters for Czech that reads right (``{% load czech %}``); the helpers live in ``nrp/core/czech.py``."""

from __future__ import annotations

from django import template

from nrp.core import czech

register = template.Library()


@register.filter
def years(value) -> str:
    """``{{ child.age|years }}`` → "1 rok", "3 roky", "5 let"."""
    return "" if value in (None, "") else czech.years(int(value))


@register.filter
def days(value) -> str:
    """``{{ n|days }}`` → "1 den", "3 dny", "5 dní"."""
    return "" if value in (None, "") else czech.days(int(value))


@register.filter
def months(value) -> str:
    return "" if value in (None, "") else czech.months(int(value))


@register.filter
def families(value) -> str:
    return "" if value in (None, "") else czech.families(int(value))


@register.filter
def child_sex(value) -> str:
    """``{{ child.sex|child_sex }}`` → "dívka" / "chlapec" (never "(žena)" for a girl)."""
    return czech.child_sex_word(value)


@register.filter
def around_month(value) -> str:
    """``{{ step.date|around_month }}`` → "kolem února 2027"."""
    return czech.around_month(value)


@register.filter
def month_year(value) -> str:
    return czech.month_year(value)


@register.filter
def czech_sorted(value, attribute: str = ""):
    """``{% for orp in orps|czech_sorted:"name" %}``: Czech alphabetical order."""
    if attribute:
        return czech.czech_sorted(value, key=lambda item: getattr(item, attribute))
    return czech.czech_sorted(value)


@register.filter
def care_types(codes) -> str:
    """``{{ journey.care_types|care_types }}`` → "Osvojení, Pěstounská péče" (never FOSTER, FOSTER_TEMP)."""
    from nrp.core.choices import CareType

    labels = []
    for code in codes or []:
        try:
            labels.append(str(CareType(code).label))
        except ValueError:
            labels.append(str(code))
    return ", ".join(labels)


@register.simple_tag
def access_log(events, viewer):
    """The applicant's "Kdo nahlížel do mého spisu" in words a parent understands: who, in what role, what, when.

    One query for the roles of everyone on the page (not one per row).
    """
    from nrp.core.access_log import access_log_rows

    return access_log_rows(list(events), viewer=viewer)


@register.filter
def field_error_count(form) -> int:
    """How many fields of ``form`` have an error (non-field errors are not counted)."""
    errors = getattr(form, "errors", None) or {}
    return sum(1 for name in errors if name != "__all__")


@register.filter
def suitable_of(n, total) -> str:
    """``{{ run.eligible_count|suitable_of:run.considered_count }}`` → "1 vhodná rodina z 5"."""
    return czech.suitable_families_of(int(n or 0), int(total or 0))
