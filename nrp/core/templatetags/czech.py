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
