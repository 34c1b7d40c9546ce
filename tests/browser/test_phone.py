"""On a phone (390 px): the header folds into a Menu button, and a guide's caseload reads as cards."""

from __future__ import annotations

import pytest

from tests.product.test_my_day import add_families

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_phone_header_folds_into_a_menu_that_opens_and_closes(page, login_as, officer):
    page.set_viewport_size({"width": 390, "height": 800})
    login_as(officer)
    menu = page.get_by_role("button", name="Menu")
    children = page.get_by_role("navigation", name="Hlavní navigace").get_by_role("link", name="Evidence dětí")
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    assert not children.is_visible()  # the header takes one line, not a third of the screen
    assert page.locator(".site-header").bounding_box()["height"] < 80
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true" and children.is_visible()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false" and not children.is_visible()
    # On a desktop the navigation is always there and the button is not.
    page.set_viewport_size({"width": 1366, "height": 800})
    assert children.is_visible() and not menu.is_visible()


def test_the_caseload_becomes_cards_with_named_values_on_a_phone(
    page, login_as, guide, organisation, ospod_worker, officer
):
    add_families(2, guide=guide, organisation=organisation, ospod_worker=ospod_worker, officer=officer)
    page.set_viewport_size({"width": 390, "height": 800})
    login_as(guide)
    page.goto("/zadatele/pruvodce/")
    table = page.locator("main table").first
    assert table.locator("thead").evaluate("e => e.getBoundingClientRect().right <= 0")  # kept for screen readers
    first_row = table.locator("tbody tr").first
    days = first_row.locator('td[data-label="Dní ve fázi"]')
    assert days.is_visible()
    # The column's name is shown before the value inside the card (CSS ::before from data-label).
    before = days.evaluate("e => getComputedStyle(e, '::before').content")
    assert "Dní ve fázi" in before
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
