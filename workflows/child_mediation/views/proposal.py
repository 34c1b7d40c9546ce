"""OSPOD proposes a child (or a sibling group) to the regional office."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.forms import MultipleChoiceField
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _

from nrp.core.models import Orp
from nrp.core.web import submit
from workflows.child_mediation import forms, selectors, services
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services.cases import DuplicateChildError
from workflows.child_mediation.views.common import AuthenticatedRequest, detail_url, ospod_required


@ospod_required
def case_propose(request: AuthenticatedRequest) -> HttpResponse:
    orps = selectors.orps_for_proposal(user=request.user)
    duplicates: list[ChildCase] = []
    try:
        count = max(1, min(forms.MAX_CHILDREN_IN_GROUP, int(request.GET.get("deti", 1))))
    except ValueError:
        count = 1
    if request.method == "POST" and "add_child" in request.POST:
        # Another sibling: show the same data again, unvalidated, with one more empty child form.
        form, formset = _proposal_forms_with_one_more_child(request.POST, orps)
    elif request.method == "POST":
        form = forms.CaseProposalForm(request.POST, orps=orps)
        formset = forms.ChildFormSet(request.POST, prefix="children")
        if formset.is_valid():
            children = [f.cleaned_data for f in formset.forms if f.cleaned_data]
            confirmed = request.POST.get("confirm_duplicate") == "1"

            def propose(data: dict[str, Any]) -> Any:
                try:
                    return services.case_propose(
                        proposed_by=request.user, children=children, confirm_duplicate=confirmed, **data
                    )
                except DuplicateChildError as exc:
                    # The confirmation step: the form again, with the open case(s) of the same child shown.
                    duplicates.extend(exc.existing)
                    raise

            done = submit(
                request,
                form,
                propose,
                success=lambda case: _("Dítě bylo navrženo krajskému úřadu (%(ref)s).") % {"ref": case.reference},
                redirect_to=detail_url,
                conflict_redirect=False,
            )
            if done:
                return done
    else:
        form = forms.CaseProposalForm(orps=orps)
        formset = forms.ChildFormSet(prefix="children", initial=[{}] * count)
    return render(
        request,
        "child_mediation/case_propose.html",
        {"title": _("Navrhnout dítě do evidence"), "form": form, "formset": formset, "duplicates": duplicates},
    )


def _proposal_forms_with_one_more_child(data: QueryDict, orps: QuerySet[Orp]) -> tuple[forms.CaseProposalForm, Any]:
    def value(name: str, multi: bool) -> Any:
        return data.getlist(name) if multi else data.get(name, "")

    case_fields = forms.CaseProposalForm.base_fields
    case_initial = {name: value(name, isinstance(field, MultipleChoiceField)) for name, field in case_fields.items()}
    try:
        count = int(data.get("children-TOTAL_FORMS", 1))
    except ValueError:
        count = 1
    count = max(1, min(count, forms.MAX_CHILDREN_IN_GROUP))
    child_fields = forms.ChildForm.base_fields
    children = [
        {
            name: value(f"children-{i}-{name}", isinstance(field, MultipleChoiceField))
            for name, field in child_fields.items()
        }
        for i in range(count)
    ]
    if count < forms.MAX_CHILDREN_IN_GROUP:
        children.append({})
    return forms.CaseProposalForm(initial=case_initial, orps=orps), forms.ChildFormSet(
        prefix="children", initial=children
    )
