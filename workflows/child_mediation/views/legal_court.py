"""Screens of court proceedings and the child's file sent to the court."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nrp.core.choices import Role
from nrp.core.web import AuthenticatedHttpRequest as HttpRequest
from nrp.core.web import out_of_scope, policy_required, submit
from workflows.child_mediation import forms_legal as forms
from workflows.child_mediation import selectors_legal
from workflows.child_mediation.legal import citations, policies
from workflows.child_mediation.legal.proceedings import CourtProceeding
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services import court

# --- court proceedings and the child's file -------------------------------------------------------------------------


@policy_required(policies.RECORD_PROCEEDING)
def proceedings(request: HttpRequest) -> HttpResponse:
    """The user's proceedings (OSPOD: its ORP; officers: their region) and a new one (OSPOD, officer)."""
    from django.db.models import Q

    from nrp.core.models import Orp

    user = request.user
    cases = ChildCase.objects.filter(
        Q(orp_id__in=user.orp_ids(Role.OSPOD)) | Q(region_id__in=user.region_ids(Role.OFFICER))
    ).order_by("reference")
    orps = Orp.objects.filter(pk__in=user.orp_ids(Role.OSPOD)).order_by("name")
    form = forms.CourtProceedingForm(
        request.POST or None, cases=cases, orps=orps, initial={"filed_on": timezone.localdate()}
    )
    done = submit(
        request,
        form,
        lambda data: court.court_proceeding_record(actor=user, **data),
        success=lambda p: (
            _("Řízení zaznamenáno; spis dítěte je třeba odeslat do %(d)s.")
            % {"d": p.file_due_on.strftime("%d. %m. %Y")}
        ),
        redirect_to=reverse("child_mediation:proceedings"),
    )
    return done or render(
        request,
        "child_mediation/legal_proceedings.html",
        {
            "title": _("Soudní řízení a spis dítěte"),
            "form": form,
            "proceedings": selectors_legal.proceedings_for_user(user=user)[:100],
            "law": citations.cite("COURT_PETITION_CHILD_FILE"),
        },
    )


@policy_required(policies.RECORD_PROCEEDING)
def proceeding_file_sent(request: HttpRequest, pk: int) -> HttpResponse:
    proceeding = CourtProceeding.objects.filter(pk=pk).first()
    if proceeding is None or not policies.RECORD_PROCEEDING.allows(request.user, proceeding):
        out_of_scope(request, object_type="child_mediation.courtproceeding", object_id=pk)
    if proceeding.case_id:
        cases = ChildCase.objects.filter(pk=proceeding.case_id)
    else:
        cases = ChildCase.objects.filter(orp_id=proceeding.orp_id).order_by("reference")
    form = forms.FileSentForm(request.POST or None, cases=cases, initial={"sent_on": timezone.localdate()})
    done = submit(
        request,
        form,
        lambda data: court.child_file_sent(proceeding=proceeding, actor=request.user, **data),
        success=_("Odeslání spisu dítěte bylo zaznamenáno."),
        redirect_to=reverse("child_mediation:proceedings"),
    )
    return done or render(
        request,
        "child_mediation/legal_form.html",
        {
            "title": _("Spis dítěte odeslán"),
            "form": form,
            "submit": _("Uložit"),
            "back": reverse("child_mediation:proceedings"),
        },
    )
