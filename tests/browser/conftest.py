"""Real Chromium (Debian's package) driven by Playwright against Django's live server.

Playwright's own browser download does not work here, so the binary on PATH is passed as
``executable_path``. Where Chromium is missing the tests are skipped with the reason shown (``-ra``).
"""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        pytest.skip("Chromium is not installed (Debian package 'chromium'); run `make browser-deps` as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="cs-CZ")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def session_cookie(user, base_url: str) -> dict:
    """A browser cookie of a logged-in session of ``user`` (second factor passed for staff): for tests that are
    about pages, not about logging in."""
    from tests.conftest import SecondFactorClient

    client = SecondFactorClient()
    client.force_login(user)
    from django.conf import settings

    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": base_url}


def login_page(page, user, password):
    """Log ``user`` in on ``page`` through the real forms; staff also type the code their authenticator shows."""
    from nrp.core.twofactor import requires_second_factor
    from tests.security.otp import current_code, totp_device

    device = totp_device(user) if requires_second_factor(user) else None
    page.goto("/prihlaseni/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Heslo").fill(password)
    page.get_by_role("button", name="Přihlásit se").click()
    page.wait_for_load_state("networkidle")
    if device is not None and "/prihlaseni/overeni/" in page.url:
        page.get_by_label("Ověřovací kód").fill(current_code(device))
        page.get_by_role("button", name="Ověřit").click()
        page.wait_for_load_state("networkidle")
    return page


@pytest.fixture
def login_as(page):
    """Log ``user`` in through the real forms; staff also type the TOTP code their authenticator shows."""
    from tests.factories import PASSWORD

    def do(user, password=PASSWORD):
        return login_page(page, user, password)

    return do
