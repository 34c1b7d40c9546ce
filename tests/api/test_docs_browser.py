"""/api/docs/ in real Chromium: Swagger UI renders the schema under our CSP, with no CSP violation."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chromium_page(live_server):
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Chromium is not installed (Debian package 'chromium')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page
        browser.close()


def test_swagger_ui_renders_the_schema_without_csp_violations(chromium_page):
    messages: list[str] = []
    chromium_page.on("console", lambda message: messages.append(message.text))
    chromium_page.on("pageerror", lambda error: messages.append(str(error)))
    chromium_page.goto("/api/docs/")
    chromium_page.locator(".swagger-ui .info .title").wait_for()
    assert "NRP API" in chromium_page.locator(".swagger-ui .info .title").inner_text()
    chromium_page.locator("text=/api/v1/households/").first.wait_for()
    assert not [m for m in messages if "Content Security Policy" in m or "Refused to" in m], messages
