"""The case's legal page: what is missing before matching, evidence, proceedings, tasks."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from nrp.audit.services import audit_read
from nrp.core.web import AuthenticatedHttpRequest as HttpRequest
from nrp.core.web import policy_required
from workflows.child_mediation import selectors_legal
from workflows.child_mediation.legal import citations, policies
from workflows.child_mediation.views.legal_common import case_or_404

# --- the case's legal page ------------------------------------------------------------------------------------------


@policy_required(policies.READ_LEGAL)
def case_legal(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk, policies.READ_LEGAL)
    manage = policies.RECORD_OFFICER.allows(request.user, case)
    summary = selectors_legal.case_legal(case, today=timezone.localdate(), with_next_family=manage)
    audit_read(actor=request.user, obj=case, request=request, region=case.region, view="legal")
    return render(
        request,
        "child_mediation/legal_case.html",
        {
            "title": _("Právní kroky: %(ref)s") % {"ref": case.reference},
            "case": case,
            "s": summary,
            "manage": manage,
            "may_record_view": policies.RECORD_VIEW.allows(request.user, case),
            "may_decide": policies.DECIDE_OFFICER.allows(request.user, case),
            "law": {rule_id: citations.cite(rule_id) for rule_id in citations.CITED_ON_SCREENS},
        },
    )
