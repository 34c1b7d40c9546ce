"""The applicant's main tasks by keyboard alone (WCAG 2.1.1), in real Chromium: no mouse click anywhere.

Log in, skip to the content, read the guide's message and answer it, upload a missing document, open the task
waiting for them, fill in and submit its form. Every control is reached with Tab (the helper fails if
it cannot be), activated with Enter or Space, and shows where the focus is (a visible outline).
"""

from __future__ import annotations

import pytest

from nrp.core.choices import CareType
from tests.applicant_journey import walk
from tests.factories import PASSWORD
from workflows.applicant_journey import services
from workflows.applicant_journey.models.documents import DocumentStatus
from workflows.applicant_journey.services.communication import message_send
from workflows.applicant_journey.services.tasks import open_task

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const style = getComputedStyle(e);
  const label = e.labels && e.labels.length ? e.labels[0].innerText : "";
  return {name: (e.getAttribute("aria-label") || label || e.innerText || e.value || "").trim(),
          tag: e.tagName.toLowerCase(), type: e.type || "", outline: style.outlineStyle !== "none" &&
          parseFloat(style.outlineWidth) > 0};
}"""


def tab_to(page, name: str, *, tag: str | None = None, limit: int = 80) -> dict:
    """Press Tab until the focused control is called ``name`` (starts with it); it must show its focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused and focused["name"].startswith(name) and (tag is None or focused["tag"] == tag):
            assert focused["outline"], f"{name}: the keyboard focus is not visible"
            return focused
        seen.append(focused and focused["name"][:30])
    raise AssertionError(f"{name!r} cannot be reached with Tab; focus went through {seen}")


def activate(page, key: str = "Enter") -> None:
    """Press ``key`` on the focused link or button and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state("load")


def test_applicant_does_the_main_tasks_by_keyboard_alone(page, live_server, household, applicant, guide, ospod_worker):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    services.application_check(journey=journey, actor=ospod_worker, outcome="incomplete", missing_items=["Souhlasy"])
    message_send(journey=journey, author=guide, body="Dobrý den, pošlete prosím souhlasy.")
    document = journey.documents.filter(member__isnull=False, status=DocumentStatus.MISSING).first()
    assert document is not None

    page.set_default_timeout(30_000)  # a loaded CI machine: navigations by keyboard wait for the server
    # Log in: Tab into the e-mail field, type, Tab to the password, Enter submits.
    page.goto("/prihlaseni/")
    tab_to(page, "E-mail")
    page.keyboard.type(applicant.email)
    tab_to(page, "Heslo")
    page.keyboard.type(PASSWORD)
    activate(page)

    # The portal: the skip link is the first stop and moves past the header.
    page.goto("/zadatele/moje-cesta/")
    tab_to(page, "Přeskočit na obsah")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Read the guide's message and answer it.
    assert page.get_by_text("pošlete prosím souhlasy").is_visible()
    tab_to(page, "Zpráva", tag="textarea")
    page.keyboard.type("Dobrý den, souhlasy doneseme v pondělí.")
    tab_to(page, "Odeslat zprávu")
    activate(page)
    assert page.get_by_text("souhlasy doneseme v pondělí").is_visible()
    assert journey.messages.filter(author=applicant).count() == 1

    # Upload a missing document: the file chooser opens with Space on the file field.
    tab_to(page, "Nahrát")
    activate(page)
    focused = tab_to(page, "", tag="input")
    assert focused["type"] == "file"
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files({"name": "souhlas.pdf", "mimeType": "application/pdf", "buffer": PDF})
    tab_to(page, "Nahrát", tag="button")
    activate(page)
    assert journey.documents.filter(status=DocumentStatus.SUBMITTED).exists()

    # Open the task waiting for me, fill in its form, submit it (the rest of the application's checklist is
    # complete, as when the other documents were sent earlier: the step waits for it).
    walk.complete_checklist(journey)
    page.goto("/zadatele/moje-cesta/")
    tab_to(page, "Otevřít")
    activate(page)
    assert "/ukol/" in page.url
    tab_to(page, "", tag="textarea")
    page.keyboard.type("Souhlasy doneseme osobně.")
    tab_to(page, "Dokončit krok")
    activate(page)
    assert open_task(journey).flow_task.name == "check_application"
