"""Each demo role logs in in real Chromium and sees its own home page."""

import pytest

from nrp.core.choices import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    "persona, heading",
    [
        ("applicant", Role.APPLICANT.label),
        ("guide", Role.GUIDE.label),
        ("ospod_worker", Role.OSPOD.label),
        ("officer", Role.OFFICER.label),
        ("assessor", Role.ASSESSOR.label),
        ("administrator", Role.ADMIN.label),
    ],
)
def test_each_role_logs_in_and_sees_their_home(request, live_server, login_as, persona, heading):
    user = request.getfixturevalue(persona)
    page = login_as(user)
    assert page.url == live_server.url + "/"
    assert page.get_by_role("heading", name=str(heading)).is_visible()
    page.get_by_role("button", name="Odhlásit").click()
    assert page.get_by_role("heading", name="Přihlášení").is_visible()


def test_wrong_password_shows_the_message_in_the_browser(login_as, officer):
    page = login_as(officer, password="spatne")
    assert page.get_by_role("alert").first.inner_text().startswith("Neplatný e-mail nebo heslo")
