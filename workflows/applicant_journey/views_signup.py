"""Sign-up (online registration with e-mail verification and consent), invitations, a guide opening a case."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Role
from nrp.core.client import client_ip
from workflows.applicant_journey import forms
from workflows.applicant_journey.models import Invitation
from workflows.applicant_journey.services import communication
from workflows.applicant_journey.services import signup as signup_service
from workflows.applicant_journey.views import _errors_to_form, _journey_or_404, _require_role


def signup(request):
    """The same answer whether the e-mail is registered or not (services/signup.py); nothing in the URL."""
    form = forms.SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = {
            "first_name": d["first_name"],
            "last_name": d["last_name"],
            "email": d["email"],
            "date_of_birth": d["date_of_birth"].isoformat(),
            "sex": d["sex"],
            "residence_orp": d["residence_orp"].pk,
            "care_types": d["care_types"],
            "partner_email": d["partner_email"] if d["with_partner"] else "",
            "organisation": d["organisation"].pk if d["organisation"] else None,
            "password_hash": make_password(d["password"]),
        }
        confirm = request.build_absolute_uri(reverse("applicant_journey:signup_confirm", args=["TOKEN"]))
        try:
            signup_service.signup_request(
                data=data,
                confirm_url=confirm.replace("TOKEN", "{token}"),
                login_url=request.build_absolute_uri(reverse("login")),
                reset_url=request.build_absolute_uri(reverse("password_reset")),
                client=client_ip(request),
            )
        except signup_service.SignupRefused as refused:
            return render(
                request,
                "applicant_journey/signup.html",
                {"title": _("Registrace zájemce o NRP"), "form": form, "refused": refused.message},
                status=429,
            )
        return redirect("applicant_journey:signup_sent")
    return render(request, "applicant_journey/signup.html", {"title": _("Registrace zájemce o NRP"), "form": form})


def signup_sent(request):
    return render(request, "applicant_journey/signup_sent.html", {"title": _("Zkontrolujte e-mail")})


def signup_confirm(request, token: str):
    if request.method != "POST":
        # A GET only shows a button: mail scanners that open links must not create accounts.
        return render(request, "applicant_journey/signup_confirm.html", {"title": _("Dokončení registrace")})
    try:
        journey = signup_service.signup_confirm(token=token, base_url=request.build_absolute_uri("/"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("applicant_journey:signup")
    user = journey.household.members.first().user
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Registrace je hotová. Vítejte!"))
    return redirect("applicant_journey:portal")


def invitation_accept(request, token: str):
    invitation = Invitation.objects.filter(token=token, accepted_at__isnull=True).select_related("household").first()
    if invitation is None:
        raise Http404
    form = forms.AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = communication.invitation_accept(
                invitation=invitation,
                password=form.cleaned_data["password"],
                date_of_birth=form.cleaned_data["date_of_birth"],
                sex=form.cleaned_data["sex"],
            )
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("applicant_journey:portal")
    return render(
        request,
        "applicant_journey/invitation.html",
        {"title": _("Připojení k případu"), "form": form, "invitation": invitation},
    )


@login_required
def guide_open_case(request):
    _require_role(request, Role.GUIDE)
    form = forms.GuideOpenCaseForm(request.POST or None, region_ids=request.user.region_ids(Role.GUIDE))
    if request.method == "POST" and form.is_valid():
        try:
            journey = communication.guide_open_case(
                guide=request.user, base_url=request.build_absolute_uri("/"), **form.cleaned_data
            )
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Případ založen a pozvánka odeslána."))
            return redirect("applicant_journey:detail", journey_id=journey.pk)
    return render(request, "applicant_journey/form_page.html", {"title": _("Nový případ"), "form": form})


@login_required
def invite_partner(request, journey_id: int):
    journey = _journey_or_404(request, journey_id)
    household = journey.household
    if not (household.guide_id == request.user.pk or household.members.filter(user=request.user).exists()):
        raise Http404
    form = forms.InvitePartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        communication.invitation_create(
            household=household, actor=request.user, base_url=request.build_absolute_uri("/"), **form.cleaned_data
        )
        messages.success(request, _("Pozvánka odeslána."))
        return redirect("applicant_journey:detail", journey_id=journey.pk)
    return render(request, "applicant_journey/form_page.html", {"title": _("Pozvat partnera"), "form": form})
