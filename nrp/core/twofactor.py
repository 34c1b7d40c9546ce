"""Two-factor authentication (TOTP, django-otp) for staff roles.

Staff handle special-category data of other people (children's files, assessments, criminal records), so
a password alone is not enough: after the password, a staff user must enter a code from an authenticator
app (TOTP, RFC 6238), or one of their one-time backup codes. ``SecondFactorMiddleware`` sends an
unverified staff session here and nowhere else.

A user without a confirmed device enrols on first login (``two_factor_setup``); a user who already has one
must verify with it first, so a stolen password cannot enrol a new device.
"""

from __future__ import annotations

import base64
import io
from base64 import b32encode

import django_otp
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Messages (tests import them).
INVALID_CODE = _("Neplatný nebo již použitý kód. Zkontrolujte čas v telefonu a zadejte nový kód.")
THROTTLED = _("Příliš mnoho chybných kódů. Počkejte prosím chvíli a zkuste to znovu.")
VERIFIED = _("Druhé ověření proběhlo úspěšně.")
BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup"


def requires_second_factor(user) -> bool:
    """Staff roles (anything but an applicant), superusers and admin-site users must use a second factor."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff_role or user.is_staff)


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Ověřovací kód"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text=_("Šestimístný kód z aplikace v telefonu, nebo jeden z vašich záložních kódů."),
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "").strip()


def safe_next(request, default: str = "home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    from django.urls import reverse

    return reverse(default)


def qr_data_uri(text: str) -> str:
    """The QR code of ``text`` as a data: URI (an <img>, allowed by our CSP; no inline script or style)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def create_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with a fresh set and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    user = request.user
    if not has_confirmed_device(user):
        return redirect(_with_next("two_factor_setup", request))
    if user.is_verified():
        return redirect(safe_next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = all(not d.verify_is_allowed()[0] for d in devices_for_user(user, confirmed=True))
        device = None if throttled else _verify_any_device(user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            # A new privilege level: a new session key (session fixation).
            request.session.cycle_key()
            messages.success(request, VERIFIED)
            return redirect(safe_next(request))
        form.add_error("token", THROTTLED if throttled else INVALID_CODE)
    return render(
        request,
        "security/two_factor_verify.html",
        {"form": form, "next": request.GET.get("next", ""), "title": _("Druhé ověření")},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    user = request.user
    if has_confirmed_device(user):
        # Enrolling another device needs the existing one: a stolen password alone must not be enough.
        return redirect(_with_next("two_factor_verify", request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if device.verify_token(form.cleaned_data["token"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = create_backup_codes(user)
                django_otp.login(request, device)
                request.session.cycle_key()
                return render(
                    request,
                    "security/two_factor_backup_codes.html",
                    {"codes": codes, "next": safe_next(request), "title": _("Záložní kódy")},
                )
        form.add_error("token", INVALID_CODE)
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "security/two_factor_setup.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr": qr_data_uri(device.config_url),
            "next": request.GET.get("next", ""),
            "title": _("Nastavení dvoufázového ověření"),
        },
    )


def _verify_any_device(user, token: str):
    for device in devices_for_user(user, confirmed=True):
        verified = django_otp.verify_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    return None


def _with_next(url_name: str, request) -> str:
    from urllib.parse import urlencode

    from django.urls import reverse

    target = request.GET.get("next")
    return reverse(url_name) + (f"?{urlencode({'next': target})}" if target else "")


# Demo: every demo staff account gets an authenticator with this one published key (synthetic data only).
DEMO_TOTP_KEY = "6e72702d64656d6f2d746f74702d323032362121"  # hex of b"nrp-demo-totp-2026!!"


def demo_totp_secret() -> str:
    from binascii import unhexlify

    return b32encode(unhexlify(DEMO_TOTP_KEY)).decode()


def demo_totp_code() -> str:
    import time
    from binascii import unhexlify

    from django_otp.oath import TOTP

    totp = TOTP(unhexlify(DEMO_TOTP_KEY))
    totp.time = time.time()
    return f"{totp.token():06d}"


def seed_demo_second_factor(ctx) -> None:
    """seed_demo step: a TOTP device with the published demo key for every demo staff account."""
    from nrp.core.demo import DEMO_DOMAIN
    from nrp.core.models import User

    for user in User.objects.filter(email__endswith="@" + DEMO_DOMAIN).prefetch_related("role_assignments"):
        if not requires_second_factor(user):
            continue
        device = TOTPDevice.objects.filter(user=user, name=TOTP_DEVICE_NAME).first()
        if device is None:
            TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True)
    ctx.log(
        str(_("Druhé ověření zaměstnanců (TOTP klíč)")),
        demo_totp_secret(),
        "kód: make totp",
    )
