"""The README's tour in real Chromium, for every demo login, on a phone (390 px) and a desktop (1366 px).

On every page: it answers, it has content (a heading and text in <main>), nothing is wider than a phone's
screen, the browser reports no Content-Security-Policy violation, and axe-core (vendored in
tests/browser/vendor/) finds no serious or critical accessibility violation. Screenshots of every page at both
widths are kept in test-artifacts/screenshots/ (git-ignored) for a person to look at.

The demo is seeded once (``seed_demo --size small``) and every role walks its pages in one browser context:
one test, so that the seed (the slow part) runs once.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from tests.browser.tour import (
    AXE_SOURCE,
    SCREENSHOTS,
    PageProblems,
    axe_serious_violations,
    first_link,
    overflow_at,
)

# serialized_rollback: the reference data (regions, ORP) that an earlier transactional test flushed comes back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE, DESKTOP = 390, 1366


def _walk(context, login, who: str, pages: list) -> dict[str, list[str]]:
    """Visit ``pages`` (paths, or callables that find the path on the page before) at both widths."""
    page = context.new_page()
    page.set_default_timeout(20_000)
    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    if login:
        login(page)
    failures: dict[str, list[str]] = {}
    for index, step in enumerate(pages):
        path = step(page) if callable(step) else step
        for width in (DESKTOP, PHONE):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(path)
            page.wait_for_load_state("load")
            problems = PageProblems()
            if response is None or not response.ok:
                problems.add(f"HTTP {response.status if response else '—'}")
            main = page.locator("main")
            if not page.locator("main h1").count() or len(main.inner_text().strip()) < 80:
                problems.add("no heading or content in <main>")
            if width == PHONE and (wide := overflow_at(page, width)):
                problems.add(f"wider than the screen: {wide}")
            problems.extend(f"axe: {v}" for v in axe_serious_violations(page))
            problems.extend(f"CSP: {e}" for e in csp_errors)
            csp_errors.clear()
            slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
            page.screenshot(path=str(SCREENSHOTS / f"{who}-{index:02d}-{slug}-{width}.png"), full_page=True)
            if problems:
                failures[f"{who} {path} @{width}"] = problems.items
    page.close()
    return failures


def test_the_readme_tour_for_every_demo_role_is_readable_accessible_and_fits_a_phone(browser, live_server):
    call_command("seed_demo", "--size", "small")
    from nrp.core.models import User
    from tests.browser.conftest import login_page

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    journey_link = first_link(r"^/zadatele/\d+/$")
    child_link = first_link(r"^/deti/\d+/$")
    case_link = first_link(r"^/parovani/pripad/\d+/$")
    ranking_link = first_link(r"^/parovani/poradi/\d+/$")

    tour = {
        "navstevnik": (None, ["/", "/pristupnost/", "/zadatele/registrace/", "/prihlaseni/"]),
        "zadatel": ("zadatel", ["/", "/zadatele/moje-cesta/", "/audit/kdo-nahlizel-do-meho-spisu/"]),
        "pruvodce": ("pruvodce1.jmk", ["/", "/zadatele/ukoly/", "/zadatele/pruvodce/", journey_link]),
        "ospod": ("ospod.jmk", ["/", "/zadatele/ukoly/", "/zadatele/", journey_link, "/deti/", child_link]),
        "kraj": ("kraj.jmk", ["/", "/deti/", child_link, "/parovani/", case_link, ranking_link]),
        "posuzovatel": ("psycholog.jmk", ["/", "/zadatele/ukoly/"]),
        "spravce": ("admin", ["/", "/sprava/"]),
        "mpsv": ("mpsv", ["/", "/statistiky/"]),
    }
    failures: dict[str, list[str]] = {}
    for who, (login, pages) in tour.items():
        context = browser.new_context(base_url=live_server.url, locale="cs-CZ")
        context.add_init_script(script=AXE_SOURCE)  # through the DevTools protocol: the page's CSP stays on
        user = User.objects.get(email=f"{login}@demo.nrp.example") if login else None
        failures |= _walk(context, (lambda p, u=user: login_page(p, u, "nrp-demo-2026")) if user else None, who, pages)
        context.close()
    assert failures == {}
