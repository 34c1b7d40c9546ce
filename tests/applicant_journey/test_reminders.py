"""The reminder command: due and overdue tasks, owner and guide, never the same reminder twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from nrp.core.choices import CareType
from workflows.applicant_journey import services
from workflows.applicant_journey.selectors import task_due_on
from workflows.applicant_journey.services.tasks import open_task

from . import walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(household, guide, ospod_worker):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_application(journey, guide)
    return journey


def test_no_reminder_long_before_the_due_date(journey):
    due = task_due_on(open_task(journey))
    call_command("send_journey_reminders", "--date", (due - timedelta(days=10)).isoformat())
    assert mail.outbox == []


def test_due_reminder_goes_to_the_assignee_and_the_guide_once(journey, ospod_worker, guide):
    due = task_due_on(open_task(journey))
    day = (due - timedelta(days=2)).isoformat()
    call_command("send_journey_reminders", "--date", day)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ospod_worker.email, guide.email])
    assert all("Blíží se termín" in m.subject for m in mail.outbox)
    assert all("Malá" not in m.body and "Malý" not in m.body for m in mail.outbox)  # no names in e-mails
    call_command("send_journey_reminders", "--date", day)
    assert len(mail.outbox) == 2  # idempotent


def test_overdue_reminder_is_sent_once_after_the_due_reminder(journey, ospod_worker):
    due = task_due_on(open_task(journey))
    call_command("send_journey_reminders", "--date", (due - timedelta(days=1)).isoformat())
    call_command("send_journey_reminders", "--date", (due + timedelta(days=1)).isoformat())
    call_command("send_journey_reminders", "--date", (due + timedelta(days=5)).isoformat())
    subjects = [m.subject for m in mail.outbox if m.to == [ospod_worker.email]]
    assert len(subjects) == 2
    assert "Po termínu" in subjects[1]


def test_note_reminder_goes_to_its_author_once(journey, guide):
    from workflows.applicant_journey.services.communication import note_add

    note_add(journey=journey, author=guide, body="Zavolat", remind_on=walk.T0 + timedelta(days=1))
    call_command("send_journey_reminders", "--date", (walk.T0 + timedelta(days=1)).isoformat())
    call_command("send_journey_reminders", "--date", (walk.T0 + timedelta(days=2)).isoformat())
    assert [m.to for m in mail.outbox if "Připomínka" in m.subject] == [[guide.email]]
