"""Every route of the project, for every persona, answers as the authorization matrix says.

The matrix is tests/security/route_matrix.py. A route without an entry fails
``test_every_route_has_an_entry_in_the_matrix`` with its name, so nothing new ships unprotected.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security import route_matrix as matrix
from tests.security.conftest import PERSONA_FIXTURES  # noqa: F401 - re-exported
from tests.security.otp import otp_verify_session

pytestmark = pytest.mark.django_db


def _kwargs_of(pattern) -> set[str]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters:
        return set(converters)
    regex = getattr(pattern.pattern, "regex", None)
    return set(regex.groupindex) if regex is not None else set()


def project_routes() -> dict[str, set[str]]:
    """Every route of nrp.urls: ``namespace:name`` (or the pattern, when unnamed) -> its URL kwargs."""
    found: dict[str, set[str]] = {}

    def walk(resolver, namespace: str, prefix: str, inherited: set[str]):
        for entry in resolver.url_patterns:
            kwargs = inherited | _kwargs_of(entry)
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry, ns, prefix + str(entry.pattern), kwargs)
            elif isinstance(entry, URLPattern):
                key = f"{namespace}{entry.name}" if entry.name else prefix + str(entry.pattern)
                found.setdefault(key, kwargs)

    walk(get_resolver(), "", "/", set())
    return found


def classify(response) -> str:
    status = response.status_code
    if 200 <= status < 300:
        return matrix.OK
    if status in (301, 302, 303, 307, 308):
        location = response["Location"].split("?")[0]
        if location in (reverse(settings.LOGIN_URL), reverse("admin:login")):
            return matrix.LOGIN
        if location == reverse("audit:exceptional_access"):
            return matrix.REASON
        if location in (reverse("two_factor_verify"), reverse("two_factor_setup")):
            return matrix.TWO_FACTOR
        return matrix.OK
    return {401: matrix.UNAUTHORIZED, 403: matrix.FORBIDDEN, 404: matrix.NOT_FOUND, 405: matrix.METHOD}.get(
        status, str(status)
    )


def matches(expected: str, got: str) -> bool:
    if expected == matrix.DENIED:
        return got in (matrix.FORBIDDEN, matrix.NOT_FOUND)
    return expected == got


def test_every_route_has_an_entry_in_the_matrix():
    missing = sorted(name for name, kwargs in project_routes().items() if matrix.cases_for(name, kwargs) is None)
    assert not missing, (
        "These routes have no entry in tests/security/route_matrix.py (add who may reach them): " + ", ".join(missing)
    )


def test_every_entry_names_a_real_route_and_every_persona():
    routes = project_routes()
    stale = sorted(set(matrix.ROUTES) - set(routes))
    assert not stale, f"entries for routes that no longer exist: {stale}"
    for name, cases in matrix.ROUTES.items():
        for case in cases:
            assert set(case.expect) == set(matrix.PERSONAS), name
            assert set(case.expect.values()) <= matrix.OUTCOMES, name


def run_matrix(world: matrix.World, persona: str) -> list[str]:
    failures = []
    user = world.personas.get(persona)
    for name, pattern_kwargs in sorted(project_routes().items()):
        cases = matrix.cases_for(name, pattern_kwargs)
        if cases is None:
            continue
        for case in cases:
            # The matrix is about authorization: the anonymous persona alone makes more API requests than the
            # per-minute throttle allows, so the counters start from zero for each request.
            cache.clear()
            client = Client()
            if user is not None:
                client.force_login(user)
                otp_verify_session(client, user) if user.is_staff_role or user.is_staff else None
            url = name
            try:
                url = matrix.case_url(world, name, case)
                data = case.data(world) if case.data else {}
                response = getattr(client, case.method)(url, data)
                got = classify(response)
            except Exception as exc:  # noqa: BLE001 - a crash is a finding, reported with the rest
                got = f"exception {type(exc).__name__}: {exc}"[:200]
            if not matches(case.expect[persona], got):
                failures.append(
                    f"{name} [{case.label}] {case.method.upper()} {url}: expected {case.expect[persona]}, got {got}"
                )
    return failures


@pytest.mark.parametrize("persona", matrix.PERSONAS)
def test_every_route_answers_each_persona_as_the_matrix_says(world, persona):
    failures = run_matrix(world, persona)
    assert not failures, f"{persona}:\n" + "\n".join(failures)
