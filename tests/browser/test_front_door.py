"""The public front door in real Chromium, on a phone (390 px) and a desktop (1366 px); screenshots are kept."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.mark.parametrize("width", [390, 1366])
def test_front_door_leads_a_visitor_to_sign_up(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    assert page.get_by_role("heading", level=1).is_visible()
    sign_up = page.get_by_role("link", name="Chci se stát pěstounem / osvojitelem")
    assert sign_up.is_visible()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / f"front-door-{width}.png"), full_page=True)
    sign_up.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/zadatele/registrace/")


def test_front_door_shows_the_offices_of_the_chosen_region(page, jmk):
    page.goto("/")
    page.get_by_label("Váš kraj").select_option(label="Jihomoravský kraj")
    page.get_by_role("button", name="Zobrazit").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Krajský úřad Jihomoravského kraje").is_visible()
    names = page.locator("ul.columns li").all_inner_texts()
    assert names.index("Brno") < names.index("Břeclav") < names.index("Hodonín") < names.index("Šlapanice")


def test_my_day_on_a_phone_has_no_sideways_scrolling(page, login_as, officer):
    page.set_viewport_size({"width": 390, "height": 900})
    login_as(officer)
    assert page.get_by_role("heading", name="Co je dnes potřeba").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "my-day-officer-390.png"), full_page=True)
