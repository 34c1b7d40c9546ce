"""Second-factor helpers for tests: a known TOTP device per staff user and the code it shows right now.

``otp_verify_session(client, user)`` marks a (test or API) client's session as having passed TOTP, as if
the user had typed the code; ``current_code(device)`` is what their authenticator app would show.
"""

from __future__ import annotations

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from nrp.core.twofactor import TOTP_DEVICE_NAME, requires_second_factor


def totp_device(user) -> TOTPDevice:
    """The user's confirmed authenticator device (created on first use)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=True)
    return device


def current_code(device: TOTPDevice) -> str:
    """A code the device accepts now: the current one, or the next step's when the current was used."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:  # the current code was used already (replay protection); tolerance is 1
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def otp_verify_session(client, user) -> None:
    """Mark the client's (already logged-in) session as verified with the user's TOTP device."""
    device = totp_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def otp_login(client, user) -> None:
    """Log ``user`` in on ``client``; staff also pass the second factor."""
    client.force_login(user)
    if requires_second_factor(user):
        otp_verify_session(client, user)
