"""The approached family's portal (§24 SELECTION): its approaches, the child's profile (after delivery what the
law lets it read), the meetings, the deadline, and its own answer. Every read is audited (``services.family``)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from nrp.core.web import out_of_scope, paginate, policy_required, query_without_page, submit
from workflows.child_mediation.forms_notices import FamilyAnswerForm
from workflows.child_mediation.services import family
from workflows.child_mediation.views.common import AuthenticatedRequest

family_required = policy_required(family.READ_OWN_APPROACH)


def _approach_or_404(request: AuthenticatedRequest, pk: int):
    approach = family.approach_for_family(request.user, pk)
    if approach is None:
        out_of_scope(request, object_type="child_mediation.approach", object_id=pk)
    return approach


@family_required
def family_approaches(request: AuthenticatedRequest) -> HttpResponse:
    page = paginate(request, family.approaches_for_family(request.user))
    return render(request, "child_mediation/family_list.html", {"page": page, "query": query_without_page(request)})


@family_required
def family_approach(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = _approach_or_404(request, pk)
    form = FamilyAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":

        def answered(following) -> str:
            return _("Vaše odpověď byla zaznamenána; krajský úřad ji uvidí.")

        done = submit(
            request,
            form,
            lambda data: family.family_answer(
                approach=approach,
                user=request.user,
                accepted=data["accepted"],
                court=data["court"],
                filed_on=data["filed_on"],
                reason=data["reason"],
            ),
            success=answered,
            redirect_to=reverse("child_mediation:family_approach", args=[approach.pk]),
        )
        if done:
            return done
    context = family.family_view(approach, user=request.user)
    return render(request, "child_mediation/family_detail.html", {**context, "form": form})
