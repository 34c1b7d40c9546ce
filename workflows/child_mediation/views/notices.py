"""The officers' screens of the written notice (§24 SELECTION): the notices to send or to confirm as delivered, one
notice with its PDF letter, sending through a recorded channel, the day of delivery (the window runs from it:
SELECTION_NOTICE_30_DAYS, DELIVERY), the family's meetings and its answers."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.web import paginate, query_without_page, submit
from workflows.child_mediation import forms_notices, permissions, scoped
from workflows.child_mediation.models import Approach, ApproachStatus
from workflows.child_mediation.models_notices import ApproachNotice, NoticeStatus
from workflows.child_mediation.selectors import CASE_REGION, in_scope
from workflows.child_mediation.services import notices
from workflows.child_mediation.views.common import AuthenticatedRequest, conference_role_required


def notice_url(approach: Approach | int) -> str:
    return reverse("child_mediation:notice", args=[approach.pk if isinstance(approach, Approach) else approach])


@conference_role_required
def notice_list(request: AuthenticatedRequest) -> HttpResponse:
    """Notices of the officer's region still to send (drafts) or whose delivery is not yet recorded."""
    queryset = in_scope(
        ApproachNotice.objects.filter(
            approach__status=ApproachStatus.OPEN, status__in=(NoticeStatus.DRAFT, NoticeStatus.SENT)
        ),
        request.user,
        permissions.READ_CONFERENCES,
        CASE_REGION.under("approach__case"),
    ).select_related("approach__case", "approach__entry__household")
    page = paginate(request, queryset.order_by("status", "prepared_at", "pk"))
    return render(
        request,
        "child_mediation/notice_list.html",
        {"page": page, "query": query_without_page(request)},
    )


@conference_role_required
def notice_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = scoped.approach_for_officer(request, pk)
    notice = notices.notice_for(approach)
    today = timezone.localdate()
    return render(
        request,
        "child_mediation/notice_detail.html",
        {
            "approach": approach,
            "case": approach.case,
            "notice": notice,
            "send_form": forms_notices.NoticeSendForm(initial={"sent_on": today}),
            "delivery_form": forms_notices.NoticeDeliveryForm(initial={"delivered_on": today}),
            "meeting_form": forms_notices.MeetingForm(),
            "meetings": approach.meetings.all(),
            "answers": approach.answers.select_related("answered_by"),
            "open": approach.status == ApproachStatus.OPEN,
        },
    )


@conference_role_required
def notice_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = scoped.approach_for_officer(request, pk)
    notice = notices.notice_for(approach)
    from workflows.child_mediation.pdf_notice import notice_pdf as render_pdf

    pdf = render_pdf(notice)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=notice,
        region=approach.case.region,
        request=request,
        details={"case": approach.case.reference, "document": "selection_notice", "status": notice.status},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vyrozumeni-{approach.case.reference}-{approach.pk}.pdf"'
    return response


def _form_page(request, approach: Approach, form, title: str) -> HttpResponse:
    return render(
        request,
        "child_mediation/approach_form.html",
        {"title": title, "approach": approach, "case": approach.case, "form": form},
    )


@conference_role_required
@require_POST
def notice_send(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = scoped.approach_for_officer(request, pk)
    notice = notices.notice_for(approach)
    form = forms_notices.NoticeSendForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: notices.notice_send(
            notice=notice,
            officer=request.user,
            channel=data["channel"],
            sent_on=data["sent_on"],
            reference=data["reference"],
        ),
        success=_("Odeslání vyrozumění bylo zaznamenáno."),
        redirect_to=notice_url(approach),
    )
    return done or _form_page(request, approach, form, _("Odeslání písemného vyrozumění"))


@conference_role_required
@require_POST
def notice_delivery(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = scoped.approach_for_officer(request, pk)
    notice = notices.notice_for(approach)
    form = forms_notices.NoticeDeliveryForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: notices.notice_record_delivery(
            notice=notice, officer=request.user, delivered_on=data["delivered_on"]
        ),
        success=_("Doručení bylo zaznamenáno; lhůta k podání návrhu soudu běží ode dne doručení."),
        redirect_to=notice_url(approach),
    )
    return done or _form_page(request, approach, form, _("Doručení písemného vyrozumění"))


@conference_role_required
@require_POST
def meeting_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    approach = scoped.approach_for_officer(request, pk)
    form = forms_notices.MeetingForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: notices.meeting_add(approach=approach, officer=request.user, **data),
        success=_("Schůzka byla naplánována; rodina ji uvidí na svém portálu."),
        redirect_to=notice_url(approach),
    )
    return done or _form_page(request, approach, form, _("Schůzka s rodinou"))
