"""/hledat/: staff search by name or reference within their scope; what was shown is audited as a read."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from nrp.audit.lists import audit_list_read
from nrp.core.web import AuthenticatedHttpRequest, policy_required
from nrp.search import selectors
from nrp.search.permissions import SEARCH

QUERY_PARAM = "q"


@policy_required(SEARCH)
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    query = request.GET.get(QUERY_PARAM, "")
    results = selectors.search(user=request.user, query=query)
    # Names on the screen are a read of identity: each listed household, and one event naming the children's cases.
    audit_list_read(
        actor=request.user,
        objects=results.journeys,
        object_type="applicant_journey.applicantjourney",
        request=request,
        household_of=lambda j: j.household_id,
        region_of=lambda j: j.region_id,
        listing="search",
    )
    audit_list_read(
        actor=request.user,
        objects=results.cases,
        object_type="child_mediation.childcase",
        request=request,
        region_of=lambda c: c.region_id,
        listing="search",
    )
    return render(
        request,
        "search/results.html",
        {
            "title": _("Hledání"),
            "results": results,
            "searched": bool(results.query),
            "too_short": bool(results.query) and len(results.query) < selectors.MIN_LENGTH and not results.count,
            "limit": selectors.LIMIT,
        },
    )
