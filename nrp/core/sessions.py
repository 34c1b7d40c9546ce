"""Sessions are not written on every request; the idle expiry still slides with activity.

``SESSION_SAVE_EVERY_REQUEST`` wrote the session row on every page (a write per request, the largest single
cost of a trivial view under load). Instead a signed-in session is saved when it changes and, at most once per
``SESSION_REFRESH_SECONDS`` (60 s), to move its expiry forward: a session idle for ``SESSION_COOKIE_AGE`` still
expires (within a minute of it), an active one does not.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REFRESHED_KEY = "_nrp_refreshed"


class SessionRefreshMiddleware:
    """Place right after ``SessionMiddleware``: marks an existing session modified once a minute at most."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.every = int(getattr(settings, "SESSION_REFRESH_SECONDS", 60))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # is_empty() does not load the session: anonymous visitors without one get none created here.
        if session is None or session.is_empty() or getattr(session, "_session_cache", None) is None:
            return response
        now = int(time.time())
        if now - int(session.get(REFRESHED_KEY, 0)) >= self.every:
            session[REFRESHED_KEY] = now  # modified: SessionMiddleware saves it with a new expiry
        return response
