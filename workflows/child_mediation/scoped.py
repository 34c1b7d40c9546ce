"""The object a request acts on, or the shared out-of-scope answer (audited DENIED, then 404).

Screens and API views both start here: ``case = scoped.case_for_officer(request, pk)``. The selectors decide
what is in scope; ``nrp.core.web.out_of_scope`` records the refused look (ids only) and answers 404, which the API
renders as its ``not_found`` problem. ``channel="api"`` marks the attempts made through the API in the trail.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from rest_framework.request import Request

from nrp.core.web import out_of_scope, user_of
from workflows.child_mediation import selectors
from workflows.child_mediation.models import Approach, CaseConference, ChildCase, ConferenceMinutes

AnyRequest = HttpRequest | Request


def _refuse(request: AnyRequest, object_type: str, object_id: int, channel: str | None) -> Any:
    details = {"channel": channel} if channel else None
    return out_of_scope(request, object_type=object_type, object_id=object_id, details=details)


def case_for_reader(request: AnyRequest, pk: int, *, channel: str | None = None) -> tuple[ChildCase, str]:
    """The case and what the user may see of it (``permissions.Access``)."""
    found = selectors.case_get_for_user(user=user_of(request), case_id=pk)
    return found if found is not None else _refuse(request, "child_mediation.childcase", pk, channel)


def case_for_officer(request: AnyRequest, pk: int, *, channel: str | None = None) -> ChildCase:
    """A case of the officer's region."""
    case = selectors.case_get_for_officer(officer=user_of(request), case_id=pk)
    return case if case is not None else _refuse(request, "child_mediation.childcase", pk, channel)


def conference_for_officer(request: AnyRequest, pk: int, *, channel: str | None = None) -> CaseConference:
    conference = selectors.conference_get_for_officer(officer=user_of(request), conference_id=pk)
    return conference if conference is not None else _refuse(request, "child_mediation.caseconference", pk, channel)


def minutes_for_officer(request: AnyRequest, pk: int, *, channel: str | None = None) -> ConferenceMinutes:
    minutes = selectors.minutes_get_for_officer(officer=user_of(request), minutes_id=pk)
    return minutes if minutes is not None else _refuse(request, "child_mediation.conferenceminutes", pk, channel)


def approach_for_officer(request: AnyRequest, pk: int, *, channel: str | None = None) -> Approach:
    approach = selectors.approach_get_for_officer(officer=user_of(request), approach_id=pk)
    return approach if approach is not None else _refuse(request, "child_mediation.approach", pk, channel)
