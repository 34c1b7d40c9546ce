"""Citations in templates, rendered from ``nrp.law`` (``{% load law %}``).

``{% cite "APPEAL_PERIOD" %}`` → "§ 83 odst. 1 zákona č. 500/2004 Sb."; ``{% cite "SELECTION_PAUSE" "short" %}``
→ "§ 24a zákona o SPOD"; the filter form ``{{ "REGISTER_REMOVAL"|cite:"short" }}`` does the same inside
``blocktranslate`` arguments. An unknown rule id fails loudly (KeyError), never as an empty citation.
"""

from __future__ import annotations

from django import template

from nrp import law

register = template.Library()


@register.simple_tag(name="cite")
def cite_tag(rule_id: str, form: str = "full") -> str:
    return law.cite(rule_id, form)


@register.filter(name="cite")
def cite_filter(rule_id: str, form: str = "full") -> str:
    return law.cite(rule_id, form)
