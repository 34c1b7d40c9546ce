"""Screens of the children register and mediation: thin views that call selectors and services."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms import MultipleChoiceField
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nrp.audit.models import AuditAction
from nrp.audit.services import audit_read, audit_record
from nrp.core.choices import Role
from nrp.core.models import Orp
from workflows.child_mediation import deadlines, forms, permissions, selectors, services
from workflows.child_mediation.models import ApproachStatus, ChildCaseStatus

PAGE_SIZE = 25


def officer_required(view):
    """Only regional officers (403 for every other role); the case scope is checked by the selectors (404)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.has_role(Role.OFFICER):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def register_role_required(view):
    """Officers and OSPOD workers; guides, assessors, applicants and administrators get 403 (§19a)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not permissions.may_use_children_register(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# ------------------------------------------------------------------------------------------------------------------
# Register and detail
# ------------------------------------------------------------------------------------------------------------------


@register_role_required
def case_list(request):
    """The officer's children register (filters, flags), or the OSPOD worker's own children."""
    user = request.user
    today = timezone.localdate()
    filter_form = forms.RegisterFilterForm(request.GET or None)
    if user.has_role(Role.OFFICER):
        data = filter_form.cleaned_data if filter_form.is_valid() else {}
        qs = selectors.case_list_for_officer(
            officer=user,
            status=data.get("status", ""),
            flag=data.get("flag", ""),
            care_type=data.get("care_type", ""),
            today=today,
        )
        mode = "officer"
    else:
        qs = selectors.case_list_for_ospod(ospod=user)
        mode = "ospod"
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("strana"))
    rows = [_row(case, user, today) for case in page.object_list]
    query = request.GET.copy()
    query.pop("strana", None)
    return render(
        request,
        "child_mediation/case_list.html",
        {
            "title": _("Evidence dětí"),
            "page": page,
            "rows": rows,
            "mode": mode,
            "filter_form": filter_form,
            "query": query.urlencode(),
            "can_propose": user.has_role(Role.OSPOD),
        },
    )


def _row(case, user, today) -> dict:
    flags = getattr(case, "flags", None)
    due = deadlines.intercountry_due(case.registered_on) if case.registered_on else None
    return {
        "case": case,
        "profile": selectors.anonymised_profile(case, today=today, with_wishes=False),
        "days_waiting": selectors.days_waiting(case, today),
        "national": bool(flags and flags.national_since),
        "intercountry": bool(flags and flags.intercountry_flagged_on),
        "intercountry_soon": bool(due and not (flags and flags.intercountry_flagged_on) and (due - today).days <= 30),
    }


@officer_required
def national_list(request):
    """The national pool (celostátní hledání): every officer, anonymised unless it is their own region."""
    today = timezone.localdate()
    qs = selectors.national_queue(officer=request.user)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("strana"))
    rows = [
        {
            "case": case,
            "profile": selectors.anonymised_profile(case, today=today, with_wishes=False),
            "own": permissions.is_region_officer(request.user, case),
            "since": case.flags.national_since if hasattr(case, "flags") else None,
        }
        for case in page.object_list
    ]
    return render(
        request, "child_mediation/national_list.html", {"title": _("Celostátní hledání"), "page": page, "rows": rows}
    )


@register_role_required
def case_detail(request, pk: int):
    case, access = selectors.case_get_for_user(user=request.user, case_id=pk)
    today = timezone.localdate()
    context = {
        "title": case.reference,
        "case": case,
        "access": access,
        "profile": selectors.anonymised_profile(case, today=today),
    }
    if access == permissions.Access.ANONYMOUS:
        # Outside the region even the child's own words stay home: they may name people or places.
        context["profile"] = selectors.anonymised_profile(case, today=today, with_wishes=False)
        audit_read(actor=request.user, obj=case, request=request, region=case.region, view="anonymised")
        return render(request, "child_mediation/case_anonymous.html", context)
    audit_read(actor=request.user, obj=case, request=request, region=case.region, view=access)
    flags = getattr(case, "flags", None)
    context.update(
        {
            "children": list(case.children.all()),
            "flags": flags,
            "manage": access == permissions.Access.MANAGE,
            "conferences": case.conferences.prefetch_related("participants", "minutes"),
            "approaches": case.approaches.select_related("entry__household").order_by("pk"),
            "placement": getattr(case, "placement", None),
            "days_waiting": selectors.days_waiting(case, today),
            "escalation_due": deadlines.escalation_due(case.region, case.registered_on) if case.registered_on else None,
            "intercountry_due": deadlines.intercountry_due(case.registered_on) if case.registered_on else None,
            "register_form": forms.RegisterForm(initial={"registered_on": today}),
            "notice_form": forms.NoticeForm(initial={"notified_on": today}),
            "rankings": selectors.rankings_for_case(user=request.user, case=case) if access == "manage" else [],
            "today": today,
            "open_statuses": [ApproachStatus.OPEN],
            "searching": case.status in (ChildCaseStatus.WAITING, ChildCaseStatus.NATIONAL),
        }
    )
    return render(request, "child_mediation/case_detail.html", context)


# ------------------------------------------------------------------------------------------------------------------
# OSPOD proposes a child (or a sibling group)
# ------------------------------------------------------------------------------------------------------------------


@login_required
def case_propose(request):
    if not request.user.has_role(Role.OSPOD):
        raise PermissionDenied
    orps = Orp.objects.filter(pk__in=request.user.orp_ids(Role.OSPOD)).order_by("name")
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
        if form.is_valid() and formset.is_valid():
            children = [f.cleaned_data for f in formset.forms if f.cleaned_data]
            data = form.cleaned_data
            try:
                case = services.case_propose(
                    proposed_by=request.user,
                    orp=data["orp"],
                    care_types_sought=data["care_types_sought"],
                    children=children,
                    contact_plan=data["contact_plan"],
                    birth_family_orp=data["birth_family_orp"],
                    wishes=data["wishes"],
                    wishes_how_heard=data["wishes_how_heard"],
                    siblings_separation_reason=data["siblings_separation_reason"],
                    notes=data["notes"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Dítě bylo navrženo krajskému úřadu (%(ref)s).") % {"ref": case.reference})
                return redirect("child_mediation:detail", pk=case.pk)
    else:
        form = forms.CaseProposalForm(orps=orps)
        formset = forms.ChildFormSet(prefix="children", initial=[{}] * count)
    return render(
        request,
        "child_mediation/case_propose.html",
        {
            "title": _("Navrhnout dítě do evidence"),
            "form": form,
            "formset": formset,
        },
    )


def _proposal_forms_with_one_more_child(data, orps):
    def value(name, multi):
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


# ------------------------------------------------------------------------------------------------------------------
# Officer actions on a case
# ------------------------------------------------------------------------------------------------------------------


@officer_required
@require_POST
def case_register(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    form = forms.RegisterForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Zadejte platné datum zařazení."))
        return redirect("child_mediation:detail", pk=case.pk)
    try:
        services.case_register(case=case, officer=request.user, registered_on=form.cleaned_data["registered_on"])
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(request, _("Dítě bylo zařazeno do evidence dětí."))
    return redirect("child_mediation:detail", pk=case.pk)


@officer_required
@require_POST
def case_escalate(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    try:
        services.case_escalate_national(case=case, actor=request.user)
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(request, _("Případ byl předán do celostátního hledání."))
    return redirect("child_mediation:detail", pk=case.pk)


@officer_required
@require_POST
def case_ranking(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    try:
        ranking = services.case_run_ranking(child_case=case, actor=request.user)
    except ValidationError as exc:
        _flash_errors(request, exc)
        return redirect("child_mediation:detail", pk=case.pk)
    messages.success(request, _("Pořadí rodin bylo spočítáno a uloženo."))
    return redirect(selectors.ranking_url(ranking) or f"{_detail_url(case)}#parovani")


def _detail_url(case) -> str:
    from django.urls import reverse

    return reverse("child_mediation:detail", args=[case.pk])


@officer_required
def conference_prepare(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    ranking = selectors.latest_ranking(user=request.user, case=case)
    if request.method == "POST":
        form = forms.ConferenceForm(request.POST)
        if form.is_valid():
            try:
                conference = services.conference_prepare(
                    case=case,
                    officer=request.user,
                    scheduled_at=form.cleaned_data["scheduled_at"],
                    shortlist_size=form.cleaned_data["shortlist_size"],
                    participants=form.participants(),
                    ranking=ranking,
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Případová konference je připravena."))
                return redirect("child_mediation:conference", pk=conference.pk)
    else:
        form = forms.ConferenceForm(initial={"officer_name": request.user.get_full_name(), "shortlist_size": 5})
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


@officer_required
def conference_detail(request, pk: int):
    conference = selectors.conference_get_for_officer(officer=request.user, conference_id=pk)
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


@officer_required
def conference_pdf(request, pk: int):
    conference = selectors.conference_get_for_officer(officer=request.user, conference_id=pk)
    from workflows.child_mediation.pdf import conference_pack_pdf

    pdf = conference_pack_pdf(conference)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=conference,
        region=conference.case.region,
        request=request,
        details={"case": conference.case.reference, "document": "conference_pack"},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="konference-{conference.case.reference}.pdf"'
    return response


@officer_required
def minutes_edit(request, pk: int):
    conference = selectors.conference_get_for_officer(officer=request.user, conference_id=pk)
    audit_read(actor=request.user, obj=conference, request=request, region=conference.case.region, view="minutes")
    latest = conference.minutes.order_by("-version").first()
    if latest is not None and latest.is_signed:
        messages.error(request, _("Podepsaný zápis nelze měnit; opravu zapište jako novou verzi."))
        return redirect("child_mediation:conference", pk=conference.pk)
    if request.method == "POST":
        form = forms.MinutesForm(request.POST)
        if form.is_valid():
            try:
                services.minutes_save(conference=conference, author=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Zápis byl uložen (koncept)."))
                return redirect("child_mediation:conference", pk=conference.pk)
    else:
        initial = {"approach_order": ", ".join(str(i) for i in conference.shortlist_entry_ids)}
        if latest is not None:
            initial = {
                "attendance": latest.attendance,
                "discussion": latest.discussion,
                "wishes_considered": latest.wishes_considered,
                "approach_order": ", ".join(str(i) for i in latest.approach_order),
                "reasoning": latest.reasoning,
            }
        else:
            initial["attendance"] = "\n".join(str(p) for p in conference.participants.all())
        form = forms.MinutesForm(initial=initial)
    return render(
        request,
        "child_mediation/minutes_edit.html",
        {
            "title": _("Zápis z případové konference"),
            "conference": conference,
            "case": conference.case,
            "form": form,
            "shortlist": selectors.shortlist_rows(conference),
            "wishes": conference.case.wishes,
        },
    )


@officer_required
@require_POST
def minutes_sign(request, pk: int):
    minutes = selectors.minutes_get_for_officer(officer=request.user, minutes_id=pk)
    try:
        services.minutes_sign_off(minutes=minutes, officer=request.user)
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(request, _("Zápis byl podepsán a je jen pro čtení."))
    return redirect("child_mediation:conference", pk=minutes.conference_id)


@officer_required
@require_POST
def minutes_correct(request, pk: int):
    minutes = selectors.minutes_get_for_officer(officer=request.user, minutes_id=pk)
    try:
        services.minutes_new_version(minutes=minutes, author=request.user)
    except ValidationError as exc:
        _flash_errors(request, exc)
        return redirect("child_mediation:conference", pk=minutes.conference_id)
    return redirect("child_mediation:minutes", pk=minutes.conference_id)


@officer_required
@require_POST
def approach_start(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    form = forms.NoticeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Zadejte platné datum písemného vyrozumění."))
        return redirect("child_mediation:detail", pk=case.pk)
    try:
        approach = services.approach_start_next(
            case=case, officer=request.user, notified_on=form.cleaned_data["notified_on"]
        )
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        if approach is None:
            messages.error(request, _("Na seznamu konference už není žádná rodina, kterou lze oslovit."))
        else:
            messages.success(
                request,
                _("Rodina č. %(entry)s byla oslovena; lhůta k podání návrhu soudu: %(deadline)s.")
                % {"entry": approach.entry_id, "deadline": approach.deadline.strftime("%d. %m. %Y")},
            )
    return redirect("child_mediation:detail", pk=case.pk)


@officer_required
def approach_answer(request, pk: int):
    approach = selectors.approach_get_for_officer(officer=request.user, approach_id=pk)
    if request.method == "POST":
        form = forms.AnswerForm(request.POST)
        if form.is_valid():
            try:
                nxt = services.approach_record_answer(
                    approach=approach,
                    actor=request.user,
                    accepted=form.cleaned_data["accepted"],
                    reason=form.cleaned_data["reason"],
                    answered_on=form.cleaned_data["answered_on"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Odpověď rodiny byla zaznamenána."))
                if nxt is not None:
                    messages.success(
                        request, _("Oslovena další rodina v pořadí (č. %(entry)s).") % {"entry": nxt.entry_id}
                    )
                return redirect("child_mediation:detail", pk=approach.case_id)
    else:
        form = forms.AnswerForm(initial={"answered_on": timezone.localdate()})
    return render(
        request,
        "child_mediation/approach_form.html",
        {"title": _("Odpověď oslovené rodiny"), "approach": approach, "case": approach.case, "form": form},
    )


@officer_required
def approach_extend(request, pk: int):
    approach = selectors.approach_get_for_officer(officer=request.user, approach_id=pk)
    if request.method == "POST":
        form = forms.ExtensionForm(request.POST)
        if form.is_valid():
            try:
                services.approach_extend(
                    approach=approach,
                    officer=request.user,
                    days=form.cleaned_data["days"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Lhůta byla prodloužena."))
                return redirect("child_mediation:detail", pk=approach.case_id)
    else:
        form = forms.ExtensionForm()
    return render(
        request,
        "child_mediation/approach_form.html",
        {"title": _("Prodloužení lhůty (§24 odst. 3)"), "approach": approach, "case": approach.case, "form": form},
    )


@officer_required
def court_decision(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    if request.method == "POST":
        form = forms.CourtDecisionForm(request.POST, case=case)
        if form.is_valid():
            try:
                services.court_decision_record(case=case, officer=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Rozhodnutí soudu bylo zaznamenáno."))
                return redirect("child_mediation:detail", pk=case.pk)
    else:
        form = forms.CourtDecisionForm(case=case)
    return render(
        request,
        "child_mediation/simple_form.html",
        {"title": _("Rozhodnutí soudu o svěření"), "case": case, "form": form, "submit": _("Zaznamenat")},
    )


@officer_required
def foster_agreement(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    placement = getattr(case, "placement", None)
    if placement is None:
        raise PermissionDenied
    if request.method == "POST":
        form = forms.AgreementForm(request.POST)
        if form.is_valid():
            try:
                services.foster_agreement_record(
                    placement=placement, officer=request.user, signed_on=form.cleaned_data["signed_on"]
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Dohoda o výkonu pěstounské péče byla zaznamenána."))
                return redirect("child_mediation:detail", pk=case.pk)
    else:
        form = forms.AgreementForm(initial={"signed_on": timezone.localdate()})
    return render(
        request,
        "child_mediation/simple_form.html",
        {"title": _("Dohoda o výkonu pěstounské péče (§47b)"), "case": case, "form": form, "submit": _("Uložit")},
    )


@officer_required
def case_close(request, pk: int):
    case = selectors.case_get_for_officer(officer=request.user, case_id=pk)
    if request.method == "POST":
        form = forms.ClosureForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.case_close(
                    case=case,
                    officer=request.user,
                    reason=data["reason"],
                    note=data["note"],
                    closed_on=data["closed_on"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Případ byl uzavřen."))
                return redirect("child_mediation:detail", pk=case.pk)
    else:
        form = forms.ClosureForm(initial={"closed_on": timezone.localdate()})
    return render(
        request,
        "child_mediation/simple_form.html",
        {"title": _("Uzavření případu"), "case": case, "form": form, "submit": _("Uzavřít případ"), "danger": True},
    )


# Home-page panels -------------------------------------------------------------------------------------------------


def officer_panel_context(request) -> dict:
    user = request.user
    qs = selectors.case_list_for_officer(officer=user)
    return {
        "proposed": qs.filter(status=ChildCaseStatus.PROPOSED).count(),
        "waiting": qs.filter(status__in=[ChildCaseStatus.WAITING, ChildCaseStatus.APPROACHING]).count(),
        "national": qs.filter(status=ChildCaseStatus.NATIONAL).count(),
        "open_approaches": selectors.open_approaches_for_officer(officer=user).count(),
        "reminders": list(selectors.reminders_for_user(user=user, limit=5)),
        "tasks": selectors.mediation_tasks_for_officer(officer=user).count(),
    }


def ospod_panel_context(request) -> dict:
    user = request.user
    qs = selectors.case_list_for_ospod(ospod=user)
    return {
        "count": qs.filter(~Q(status__in=[ChildCaseStatus.PLACED, ChildCaseStatus.CLOSED])).count(),
        "reminders": list(selectors.reminders_for_user(user=user, limit=5)),
    }
