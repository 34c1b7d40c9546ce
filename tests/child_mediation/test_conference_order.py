"""The approach order is picked from the conference shortlist: ordered checkboxes and up/down submit buttons."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from workflows.child_mediation import services
from workflows.child_mediation.forms_approach_order import ORDER_INVALID
from workflows.child_mediation.models import ConferenceMinutes
from workflows.child_mediation.services.conferences import ORDER_DUPLICATE, ORDER_EMPTY, ORDER_NOT_IN_SHORTLIST

from .conftest import make_entry, make_ready, ranking_for

pytestmark = pytest.mark.django_db

TEXTS = {"attendance": "Všichni", "discussion": "Diskuse", "wishes_considered": "Pes", "reasoning": "Zkušenost."}


@pytest.fixture
def conference(waiting_case, officer):
    entries = [make_entry() for _ in range(3)]
    make_ready(waiting_case, officer)
    return services.conference_prepare(
        case=waiting_case,
        officer=officer,
        scheduled_at=timezone.now(),
        shortlist_size=3,
        participants=[("officer", "Mgr. Jana Krajská")],
        ranking=ranking_for(waiting_case, entries),
    )


def rows(html: str) -> list[tuple[int, bool]]:
    """(record number, checked) of each checkbox of the approach order, in page order."""
    found = re.findall(r'<input type="checkbox" name="include" value="(\d+)"[^>]*?( checked)?>', html)
    return [(int(pk), bool(checked)) for pk, checked in found]


def test_the_form_lists_the_shortlist_in_order_all_included(client, officer, conference):
    client.force_login(officer)
    html = client.get(reverse("child_mediation:minutes", args=[conference.pk])).content.decode()
    ids = conference.shortlist_entry_ids
    assert rows(html) == [(i, True) for i in ids]
    # Submit buttons, not scripts: the order can be changed by keyboard without JavaScript.
    assert f'name="move" value="down:{ids[0]}"' in html and f'name="move" value="up:{ids[0]}"' not in html
    assert f'name="move" value="up:{ids[2]}"' in html and f'name="move" value="down:{ids[2]}"' not in html
    assert "<script" not in html.split('id="approach-order"')[1].split("</fieldset>")[0]
    assert f"Záznam č. {ids[0]} v evidenci žadatelů" in html


def test_moving_a_family_re_renders_without_saving_and_keeps_the_texts(client, officer, conference):
    client.force_login(officer)
    url = reverse("child_mediation:minutes", args=[conference.pk])
    a, b, c = conference.shortlist_entry_ids
    response = client.post(url, {**TEXTS, "order": [a, b, c], "include": [a, c], "move": f"down:{a}"})
    assert response.status_code == 200
    html = response.content.decode()
    assert rows(html) == [(b, False), (a, True), (c, True)]
    assert "Diskuse</textarea>" in html
    assert "Opravte prosím" not in html  # a move is not a submission: no errors yet
    assert not ConferenceMinutes.objects.exists()
    top = client.post(url, {**TEXTS, "order": [b, a, c], "include": [a, c], "move": f"up:{b}"})
    assert rows(top.content.decode())[0] == (b, False)  # the first stays first


def test_saving_keeps_the_checked_families_in_the_displayed_order(client, officer, conference):
    client.force_login(officer)
    url = reverse("child_mediation:minutes", args=[conference.pk])
    a, b, c = conference.shortlist_entry_ids
    response = client.post(url, {**TEXTS, "order": [c, a, b], "include": [a, c]})
    assert response.status_code == 302
    minutes = ConferenceMinutes.objects.get()
    assert minutes.approach_order == [c, a]
    again = client.get(url).content.decode()  # the draft shows the saved order, the rest unchecked below
    assert rows(again) == [(c, True), (a, True), (b, False)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda a, b, c, x: {"order": [a, b, c], "include": []}, ORDER_EMPTY),
        (lambda a, b, c, x: {"order": [a, b, c, x], "include": [a, x]}, ORDER_NOT_IN_SHORTLIST),
        (lambda a, b, c, x: {"order": [a, a, b], "include": [a]}, ORDER_DUPLICATE),
        (lambda a, b, c, x: {"order": [a, "abc"], "include": [a]}, ORDER_INVALID),
    ],
    ids=["none", "outside_shortlist", "duplicate", "garbage"],
)
def test_a_wrong_order_is_refused_in_czech(client, officer, conference, data, message):
    client.force_login(officer)
    outsider = make_entry()
    a, b, c = conference.shortlist_entry_ids
    response = client.post(
        reverse("child_mediation:minutes", args=[conference.pk]), {**TEXTS, **data(a, b, c, outsider.pk)}
    )
    assert response.status_code == 200
    assert str(message) in response.content.decode()
    assert not ConferenceMinutes.objects.exists()
