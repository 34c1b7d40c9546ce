"""``{% load onetime %}{% form_once %}``: the hidden one-time token of a create form (nrp/core/onetime.py)."""

from django import template
from django.utils.html import format_html

from nrp.core.onetime import FIELD, new_token

register = template.Library()


@register.simple_tag
def form_once() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
