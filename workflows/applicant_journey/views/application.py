"""Screens of the §23a application (its people, choices and the §23a(1) check), and of the course and assessment
a region performs for a family another region decides on (PREPARATION, EXPERT_ASSESSMENT)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nrp.audit.services import audit_read
from nrp.core.access import ObjectScope, object_scope
from nrp.core.web import AuthenticatedHttpRequest, deny, paginate, policy_required, submit
from workflows.applicant_journey import forms, permissions
from workflows.applicant_journey.models import PerformedElsewhere
from workflows.applicant_journey.services import application as app_services
from workflows.applicant_journey.services import elsewhere as elsewhere_services
from workflows.applicant_journey.views.common import PAGE_TYPE, deny_on, journey_or_404


@policy_required(permissions.READ_JOURNEY, on_object=True)
def application_edit(request: AuthenticatedHttpRequest, journey_id: int) -> HttpResponse:
    """The §23a data: the family fills it, the OSPOD corrects it; the offices see whether §23a(1) is met."""
    journey = journey_or_404(request, journey_id)
    where = object_scope(journey)
    may_edit = permissions.EDIT_APPLICATION.allows(request.user, where)
    if request.method == "POST" and not may_edit:
        deny_on(request, journey, reason="application edit")
    app_services.ensure_application(journey)
    form = forms.ApplicationForm(request.POST or None, journey=journey)
    done = submit(
        request,
        form,
        lambda _data: app_services.application_particulars_save(
            journey=journey, actor=request.user, **form.service_kwargs()
        ),
        success=_("Údaje žádosti uloženy."),
        redirect_to=reverse("applicant_journey:application", args=[journey.pk]),
    )
    if done is not None:
        return done
    audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
    show_check = permissions.CHECK_ELIGIBILITY.allows(request.user, where)
    return render(
        request,
        "applicant_journey/application.html",
        {
            "title": _("Žádost o zařazení do evidence žadatelů"),
            "journey": journey,
            "form": form,
            "may_edit": may_edit,
            "eligibility": app_services.eligibility(journey) if show_check else None,
            "gaps": app_services.outstanding_items(journey),
            "persons": app_services.persons(journey),
            "forwardings": journey.forwardings.select_related("from_orp", "to_orp"),
        },
    )


@policy_required(permissions.ELSEWHERE_LIST, object_type=PAGE_TYPE)
def elsewhere_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Families whose course or assessment another region's office arranged with the officer's region."""
    regions = request.user.region_ids("officer")
    rows = (
        PerformedElsewhere.objects.filter(performing_region_id__in=regions)
        .select_related("journey__region", "performing_region")
        .order_by("-arranged_at", "-pk")
    )
    return render(
        request,
        "applicant_journey/elsewhere_list.html",
        {"title": _("Příprava a posouzení pro jiné kraje"), "page": paginate(request, rows)},
    )


@policy_required(permissions.ELSEWHERE_LIST, object_type=PAGE_TYPE)
def elsewhere_detail(request: AuthenticatedHttpRequest, arrangement_id: int) -> HttpResponse:
    """The performing region records attendance and the assessment; only the family's names and hours are shown."""
    row = (
        PerformedElsewhere.objects.select_related("journey__household", "performing_region")
        .filter(pk=arrangement_id)
        .first()
    )
    if row is None:
        raise Http404
    here = ObjectScope(region_ids=frozenset({row.performing_region_id}))
    if not permissions.ELSEWHERE_LIST.allows(request.user, here):
        deny(request, reason="elsewhere", object_type=PAGE_TYPE, object_id=request.path)
    journey = row.journey
    attendance_form = forms.AttendanceForm(None, journey=journey)
    attendance_form.fields["session"].queryset = attendance_form.fields["session"].queryset.filter(
        region_id=row.performing_region_id
    )
    assessment_form = forms.ElsewhereAssessmentForm(None, journey=journey)
    if request.method == "POST":
        if request.POST.get("what") == "assessment" and row.assessment:
            assessment_form = forms.ElsewhereAssessmentForm(request.POST, journey=journey)
            done = submit(
                request,
                assessment_form,
                lambda d: elsewhere_services.elsewhere_assessment_record(
                    journey=journey,
                    actor=request.user,
                    region=row.performing_region,
                    member_id=int(d["member"]) if d.get("member") else None,
                    kind=d["kind"],
                    conclusion=d["conclusion"],
                    summary=d["summary"],
                ),
                success=_("Posouzení zapsáno; krajský úřad, který rozhoduje, ho vidí u žadatele."),
                redirect_to=request.path,
            )
        else:
            attendance_form = forms.AttendanceForm(request.POST, journey=journey)
            done = submit(
                request,
                attendance_form,
                lambda d: elsewhere_services.attendance_record(
                    journey=journey,
                    actor=request.user,
                    session=d["session"],
                    member_id=int(d["member"]),
                    hours=d["hours"],
                ),
                success=_("Docházka zapsána."),
                redirect_to=request.path,
            )
        if done is not None:
            return done
    audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
    hours = elsewhere_services.course_hours(journey)
    return render(
        request,
        "applicant_journey/elsewhere_detail.html",
        {
            "title": _("Příprava pro jiný kraj"),
            "row": row,
            "members": [(m, hours.get(m.pk, 0)) for m in journey.household.members.all()],
            "minimum": elsewhere_services.course_minimum_for(journey),
            "attendance_form": attendance_form,
            "assessment_form": assessment_form if row.assessment else None,
        },
    )
