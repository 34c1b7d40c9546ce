"""Navigation for the base layout. Apps add links with ``register_nav_link``; views still check access."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import NoReverseMatch, reverse

_NAV_LINKS: list[tuple[str, str, Callable | None]] = []


def register_nav_link(url_name: str, label, visible: Callable | None = None) -> None:
    """Add a navigation entry shown when ``visible(user)`` is true (always, when None)."""
    _NAV_LINKS.append((url_name, label, visible))


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_links": []}
    links = []
    for url_name, label, visible in _NAV_LINKS:
        if visible is not None and not visible(user):
            continue
        try:
            links.append({"url": reverse(url_name), "label": label})
        except NoReverseMatch:
            # An app that registered a link but whose routes are not mounted: no broken page for everyone.
            continue
    return {"nav_links": links}
