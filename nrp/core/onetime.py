"""One-time form tokens: a double-clicked "create" makes one object and shows it (issue 11, item 8).

A create form carries ``{% form_once %}`` (a hidden random token, from ``nrp.core.templatetags.onetime``).
``run_once(request, action)`` lets only the first POST with a given token run ``action``: it claims the token
atomically in Django's cache (``cache.add``; shared by every app server with Redis); when ``action`` ends in a
redirect (the object was created) the redirect is remembered, and a second POST of the same token is sent to
the same place with a note instead of creating a second object. A form refused with errors releases the
token, so the corrected form can be sent again. POSTs without a token run as before.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

FIELD = "_form_once"
TTL_SECONDS = 60 * 60
PENDING = "pending"
ALREADY_SENT = _("Formulář už byl odeslán; zobrazujeme, co vzniklo napoprvé.")
STILL_RUNNING = _("Formulář se ještě zpracovává. Počkejte prosím chvíli a obnovte stránku.")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _cache_key(request, token: str) -> str:
    who = getattr(getattr(request, "user", None), "pk", None) or request.COOKIES.get("sessionid", "")
    return "nrp:once:" + hashlib.sha256(f"{who}|{request.path_info}|{token}".encode()).hexdigest()


def run_once(request, action: Callable[[], HttpResponse | None], *, wait_seconds: float = 5.0):
    token = request.POST.get(FIELD, "") if request.method == "POST" else ""
    if not token or len(token) > 100:
        return action()
    key = _cache_key(request, token)
    if not cache.add(key, PENDING, timeout=TTL_SECONDS):
        deadline = time.monotonic() + wait_seconds
        value = cache.get(key)
        while value == PENDING and time.monotonic() < deadline:
            time.sleep(0.1)
            value = cache.get(key)
        if value and value != PENDING:
            messages.info(request, str(ALREADY_SENT))
            return redirect(value)
        if value == PENDING:
            messages.warning(request, str(STILL_RUNNING))
            return redirect(request.get_full_path())
        # the first attempt failed and released the token: this one may run
        cache.add(key, PENDING, timeout=TTL_SECONDS)
    try:
        response = action()
    except BaseException:
        cache.delete(key)
        raise
    if response is not None and response.status_code in (301, 302, 303) and response.get("Location"):
        cache.set(key, response["Location"], timeout=TTL_SECONDS)
    else:
        cache.delete(key)
    return response
