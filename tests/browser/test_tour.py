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
import time
from collections import Counter

import pytest
from django.core.management import call_command

from tests.browser.conftest import session_cookie
from tests.browser.tour import (
    AXE_SOURCE,
    SCREENSHOTS,
    PageProblems,
    axe_serious_violations,
    first_link,
    overflow_at,
)
from tests.factories import ensure_reference_data

pytestmark = pytest.mark.django_db(transaction=True)

PHONE, DESKTOP = 390, 1366


SECONDS: Counter = Counter()  # where the tour's time goes, written next to the screenshots


def _timed(what: str, call, *args, **kwargs):
    start = time.monotonic()
    try:
        return call(*args, **kwargs)
    finally:
        SECONDS[what] += time.monotonic() - start


def _walk(context, who: str, pages: list) -> dict[str, list[str]]:
    """Visit ``pages`` (paths, or callables that find the path on the page before): each page is loaded once at
    the desktop width, checked, then narrowed to a phone's width (the layout follows by CSS) and checked again."""
    page = context.new_page()
    page.set_default_timeout(20_000)
    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    failures: dict[str, list[str]] = {}
    for index, step in enumerate(pages):
        path = step(page) if callable(step) else step
        page.set_viewport_size({"width": DESKTOP, "height": 900})
        response = _timed("load", page.goto, path)
        slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
        for width in (DESKTOP, PHONE):
            problems = PageProblems()
            if width == PHONE:
                page.set_viewport_size({"width": PHONE, "height": 900})
                if wide := overflow_at(page, width):
                    problems.add(f"wider than the screen: {wide}")
            elif response is None or not response.ok:
                problems.add(f"HTTP {response.status if response else '—'}")
            if not page.locator("main h1").count() or len(page.locator("main").inner_text().strip()) < 40:
                problems.add("no heading or content in <main>")
            problems.extend(f"axe: {v}" for v in _timed("axe", axe_serious_violations, page))
            problems.extend(f"CSP: {e}" for e in csp_errors)
            csp_errors.clear()
            shot = SCREENSHOTS / f"{who}-{index:02d}-{slug}-{width}.png"
            _timed("screenshot", page.screenshot, path=str(shot), full_page=True)
            if problems:
                failures[f"{who} {path} @{width}"] = problems.items
    page.close()
    return failures


def test_the_readme_tour_for_every_demo_role_is_readable_accessible_and_fits_a_phone(browser, live_server):
    ensure_reference_data()  # an earlier transactional test flushed the regions and ORP of the data migration
    _timed("seed_demo", call_command, "seed_demo", "--size", "small")
    from matching.models import RankingRun
    from nrp.core.models import User

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    journey_link = first_link(r"^/zadatele/\d+/$")
    child_link = first_link(r"^/deti/\d+/$")
    # The README's chain: a child's file, its rankings, a ranking with families and their reasons.
    run = RankingRun.objects.filter(region__code=116, ranked_entries__isnull=False).order_by("-pk").first()
    child, case, ranking = (
        f"/deti/{run.child_case_id}/",
        f"/parovani/pripad/{run.child_case_id}/",
        f"/parovani/poradi/{run.pk}/",
    )

    tour = {
        "navstevnik": (None, ["/", "/pristupnost/", "/zadatele/registrace/", "/prihlaseni/"]),
        "zadatel": ("zadatel", ["/", "/zadatele/moje-cesta/", "/audit/kdo-nahlizel-do-meho-spisu/"]),
        "pruvodce": ("pruvodce1.jmk", ["/", "/zadatele/ukoly/", "/zadatele/pruvodce/", journey_link]),
        "ospod": ("ospod.jmk", ["/", "/zadatele/ukoly/", "/zadatele/", journey_link, "/deti/", child_link]),
        "kraj": ("kraj.jmk", ["/", "/deti/", child, "/parovani/", case, ranking]),
        "posuzovatel": ("psycholog.jmk", ["/", "/zadatele/ukoly/"]),
        "spravce": ("admin", ["/", "/sprava/"]),
        "mpsv": ("mpsv", ["/", "/statistiky/"]),
    }
    failures: dict[str, list[str]] = {}
    for who, (login, pages) in tour.items():
        context = browser.new_context(base_url=live_server.url, locale="cs-CZ")
        context.add_init_script(script=AXE_SOURCE)  # through the DevTools protocol: the page's CSP stays on
        if login:  # a session as after the real login and second factor (tests/browser/test_login.py walks those)
            context.add_cookies([session_cookie(User.objects.get(email=f"{login}@demo.nrp.example"), live_server.url)])
        failures |= _walk(context, who, pages)
        context.close()
    report = "\n".join(f"{where}: {problem}" for where, problems in failures.items() for problem in problems)
    (SCREENSHOTS.parent / "tour-problems.txt").write_text(report + "\n")
    (SCREENSHOTS.parent / "tour-seconds.txt").write_text("".join(f"{k}: {v:.1f}\n" for k, v in SECONDS.items()))
    assert failures == {}, report
