"""Every screen and API view of child mediation declares its policy (the rule it follows is one search away)."""

from __future__ import annotations

from tests.security.test_access import _declared_policy, _routes

MODULES = ("workflows.child_mediation.views.", "workflows.child_mediation.apis.")


def test_every_child_mediation_view_and_api_view_declares_a_policy():
    checked, missing = 0, []
    for name, callback in _routes():
        if not str(getattr(callback, "__module__", "")).startswith(MODULES):
            continue
        checked += 1
        if _declared_policy(callback) is None:
            missing.append(f"{name} ({callback.__module__}.{callback.__name__})")
    assert checked >= 34, f"only {checked} views found: is the URL walk still right?"
    assert missing == [], "views without a declared policy:\n" + "\n".join(missing)
