"""Approaching families in the conference's order (§24, SELECTION): the written notice, the answer, the extension."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from nrp import law
from nrp.core.web import submit
from workflows.child_mediation import forms, scoped, services
from workflows.child_mediation.models import Approach
from workflows.child_mediation.views.common import AuthenticatedRequest, act, conference_role_required, detail_url

MSG_LIST_EXHAUSTED = gettext_lazy("Na seznamu konference už není žádná rodina, kterou lze oslovit.")


@conference_role_required
@require_POST
def approach_start(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    form = forms.NoticeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Zadejte platné datum písemného vyrozumění."))
        return redirect(detail_url(case))

    def start() -> Approach:
        notified_on = form.cleaned_data["notified_on"]
        approach = services.approach_start_next(
            case=case, officer=request.user, notified_on=notified_on, draft=notified_on is None
        )
        if approach is None:
            raise ValidationError(MSG_LIST_EXHAUSTED)
        return approach

    def started(approach: Approach) -> str:
        if approach.deadline is None:
            return _("Pro rodinu č. %(entry)s je připraven návrh písemného vyrozumění; odešlete jej.") % {
                "entry": approach.entry_id
            }
        return _("Rodina č. %(entry)s byla oslovena; lhůta k podání návrhu soudu: %(deadline)s.") % {
            "entry": approach.entry_id,
            "deadline": approach.deadline.strftime("%d. %m. %Y"),
        }

    return act(
        request,
        start,
        success=started,
        redirect_to=lambda approach: (
            reverse("child_mediation:notice", args=[approach.pk]) if approach else detail_url(case)
        ),
    )


@conference_role_required
def approach_answer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = scoped.approach_for_officer(request, pk)
    if request.method == "POST":
        form = forms.AnswerForm(request.POST)
    else:
        form = forms.AnswerForm(initial={"answered_on": timezone.localdate()})

    def answered(following: Approach | None) -> str | None:
        messages.success(request, _("Odpověď rodiny byla zaznamenána."))
        if following is None:
            return None
        return _("Oslovena další rodina v pořadí (č. %(entry)s).") % {"entry": following.entry_id}

    done = submit(
        request,
        form,
        lambda data: services.approach_record_answer(approach=approach, actor=request.user, **data),
        success=answered,
        redirect_to=detail_url(approach.case_id),
    )
    return done or render(
        request,
        "child_mediation/approach_form.html",
        {"title": _("Odpověď oslovené rodiny"), "approach": approach, "case": approach.case, "form": form},
    )


@conference_role_required
def approach_extend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = scoped.approach_for_officer(request, pk)
    form = forms.ExtensionForm(request.POST if request.method == "POST" else None)
    done = submit(
        request,
        form,
        lambda data: services.approach_extend(
            approach=approach, officer=request.user, days=data["days"], reason=data["reason"]
        ),
        success=_("Lhůta byla prodloužena."),
        redirect_to=detail_url(approach.case_id),
    )
    return done or render(
        request,
        "child_mediation/approach_form.html",
        {
            "title": law.message(_("Prodloužení lhůty (%(law)s)"), law="SELECTION_EXTENSION"),
            "approach": approach,
            "case": approach.case,
            "form": form,
        },
    )
