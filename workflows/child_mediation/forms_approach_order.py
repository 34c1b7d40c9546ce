"""The approach order picked from the conference shortlist: ordered checkboxes with up/down buttons.

Works without JavaScript (our CSP forbids inline scripts): each shortlisted family is a row with a checkbox
``include`` (approach this family) and a hidden ``order`` input carrying the row's place; the up/down buttons are
submit buttons (``move=up:<id>`` / ``move=down:<id>``) that re-render the form with the rows swapped.
The field's value is the list of included record numbers in the displayed order; the service re-checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

ORDER_INVALID = _("Výběr rodin k oslovení je neplatný; načtěte prosím stránku znovu.")
ORDER_EMPTY = _("Uveďte alespoň jednu rodinu k oslovení.")  # the same sentence as the service's refusal


def _ints(values: Iterable[Any]) -> list[int]:
    out = []
    for v in values:
        try:
            out.append(int(v))
        except (TypeError, ValueError):
            continue
    return out


class ApproachOrderWidget(forms.Widget):
    template_name = "child_mediation/widgets/approach_order.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.rows: list[dict[str, Any]] = []

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, list[str]] | None:
        if "order" not in data and "include" not in data:
            return None
        return {"order": data.getlist("order"), "include": data.getlist("include")}

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False

    def ordered(self, value: Any) -> tuple[list[int], set[int]]:
        """(all shortlisted ids in the displayed order, the included ones) from an initial list or posted data."""
        shortlist = [row["entry_id"] for row in self.rows]
        if isinstance(value, Mapping):
            order, included = _ints(value.get("order") or []), set(_ints(value.get("include") or []))
        else:
            order = _ints(value or [])
            included = set(order)
        order = [i for i in dict.fromkeys(order) if i in shortlist]
        return order + [i for i in shortlist if i not in order], included

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        order, included = self.ordered(value)
        by_id = {row["entry_id"]: row for row in self.rows}
        context["widget"]["rows"] = [
            {**by_id[i], "included": i in included, "first": n == 0, "last": n == len(order) - 1}
            for n, i in enumerate(order)
        ]
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_0" if id_ else id_


class ApproachOrderField(forms.Field):
    widget = ApproachOrderWidget
    default_error_messages = {"required": ORDER_EMPTY}

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        if not isinstance(value, Mapping):
            return _ints(value)
        order, include = value.get("order") or [], value.get("include") or []
        if len(_ints(order)) != len(order) or len(_ints(include)) != len(include):
            raise forms.ValidationError(ORDER_INVALID, code="approach_order_invalid")
        included = set(_ints(include))
        # Duplicates and families outside the shortlist are the service's to refuse, with its own codes.
        return [i for i in _ints(order) if i in included] + [i for i in _ints(include) if i not in _ints(order)]


def moved(data: Any, move: str) -> dict[str, list[str]]:
    """The posted order with one family moved up or down (``up:<id>`` / ``down:<id>``)."""
    order = list(data.getlist("order"))
    direction, _sep, ident = move.partition(":")
    if ident in order and direction in ("up", "down"):
        i = order.index(ident)
        j = i - 1 if direction == "up" else i + 1
        if 0 <= j < len(order):
            order[i], order[j] = order[j], order[i]
    return {"order": order, "include": list(data.getlist("include"))}
