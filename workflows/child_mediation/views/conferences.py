"""Case conferences (případové konference): preparation, the page, the PDF pack, minutes and their sign-off."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_read, audit_record
from nrp.core.web import submit
from workflows.child_mediation import forms, scoped, selectors, services
from workflows.child_mediation.forms_approach_order import moved
from workflows.child_mediation.models import CaseConference
from workflows.child_mediation.views.common import AuthenticatedRequest, act, conference_role_required


def conference_url(conference: CaseConference | int) -> str:
    return reverse("child_mediation:conference", args=[getattr(conference, "pk", conference)])


@conference_role_required
def conference_prepare(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = scoped.case_for_officer(request, pk)
    ranking = selectors.latest_ranking(user=request.user, case=case)
    if request.method == "POST":
        form = forms.ConferenceForm(request.POST, case=case)
    else:
        initial = {"shortlist_size": 5, "staff": [request.user.pk]}
        form = forms.ConferenceForm(initial=initial, case=case)
    done = submit(
        request,
        form,
        lambda data: services.conference_prepare(
            case=case,
            officer=request.user,
            scheduled_at=data["scheduled_at"],
            shortlist_size=data["shortlist_size"],
            participants=form.participants(),
            ranking=ranking,
            staff=list(data["staff"]),
            place=data["place"],
        ),
        success=_("Případová konference je připravena."),
        redirect_to=conference_url,
    )
    if done:
        return done
    preview = selectors.shortlist_preview(ranking, size=int(form["shortlist_size"].value() or 5)) if ranking else []
    return render(
        request,
        "child_mediation/conference_prepare.html",
        {
            "title": _("Příprava případové konference"),
            "case": case,
            "form": form,
            "ranking": ranking,
            "preview": preview,
            "profile": selectors.anonymised_profile(case),
        },
    )


@conference_role_required
def conference_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    conference = scoped.conference_for_officer(request, pk)
    case = conference.case
    audit_read(actor=request.user, obj=conference, request=request, region=case.region, case=case.reference)
    minutes = list(conference.minutes.order_by("-version"))
    return render(
        request,
        "child_mediation/conference_detail.html",
        {
            "title": _("Případová konference"),
            "conference": conference,
            "case": case,
            "profile": selectors.anonymised_profile(case),
            "shortlist": selectors.shortlist_rows(conference),
            "minutes": minutes,
            "latest": minutes[0] if minutes else None,
        },
    )


@conference_role_required
def conference_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    conference = scoped.conference_for_officer(request, pk)
    from workflows.child_mediation.pdf import cached_conference_pack_pdf

    pdf, version = cached_conference_pack_pdf(conference)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=conference,
        region=conference.case.region,
        request=request,
        details={"case": conference.case.reference, "document": "conference_pack", "version": version},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="konference-{conference.case.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@conference_role_required
def minutes_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    conference = scoped.conference_for_officer(request, pk)
    audit_read(actor=request.user, obj=conference, request=request, region=conference.case.region, view="minutes")
    latest = conference.minutes.order_by("-version").first()
    if latest is not None and latest.is_signed:
        messages.error(request, _("Podepsaný zápis nelze měnit; opravu zapište jako novou verzi."))
        return redirect(conference_url(conference))
    shortlist = selectors.shortlist_rows(conference)
    move = request.POST.get("move", "") if request.method == "POST" else ""
    if move:
        # An up/down button: the same form again with one family moved, nothing saved and no errors yet.
        initial: dict[str, Any] = {name: request.POST.get(name, "") for name in forms.MinutesForm.base_fields}
        initial["approach_order"] = moved(request.POST, move)
        form = forms.MinutesForm(initial=initial, shortlist=shortlist)
    elif request.method == "POST":
        form = forms.MinutesForm(request.POST, shortlist=shortlist)
    else:
        initial = {"approach_order": list(conference.shortlist_entry_ids)}
        if latest is not None:
            initial = {
                "attendance": latest.attendance,
                "discussion": latest.discussion,
                "wishes_considered": latest.wishes_considered,
                "approach_order": list(latest.approach_order),
                "reasoning": latest.reasoning,
            }
        else:
            initial["attendance"] = "\n".join(str(p) for p in conference.participants.all())
        form = forms.MinutesForm(initial=initial, shortlist=shortlist)
    done = submit(
        request,
        form,
        lambda data: services.minutes_save(conference=conference, author=request.user, **data),
        success=_("Zápis byl uložen (koncept)."),
        redirect_to=conference_url(conference),
    )
    return done or render(
        request,
        "child_mediation/minutes_edit.html",
        {
            "title": _("Zápis z případové konference"),
            "conference": conference,
            "case": conference.case,
            "form": form,
            "shortlist": shortlist,
            "wishes": conference.case.wishes,
        },
    )


@conference_role_required
@require_POST
def minutes_sign(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    minutes = scoped.minutes_for_officer(request, pk)
    return act(
        request,
        lambda: services.minutes_sign_off(minutes=minutes, officer=request.user),
        success=_("Zápis byl podepsán a je jen pro čtení."),
        redirect_to=conference_url(minutes.conference_id),
    )


@conference_role_required
@require_POST
def minutes_correct(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    minutes = scoped.minutes_for_officer(request, pk)
    return act(
        request,
        lambda: services.minutes_new_version(minutes=minutes, author=request.user),
        success=None,
        redirect_to=reverse("child_mediation:minutes", args=[minutes.conference_id]),
        refused_to=conference_url(minutes.conference_id),
    )
