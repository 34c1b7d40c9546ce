"""Two people complete the same task at the same moment: one wins, the other is told, nothing is written twice."""

from __future__ import annotations

import threading
import time
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from viewflow.workflow.models import Task

from nrp.core.choices import CareType, Role
from tests.factories import orp, user_with_role
from workflows.applicant_journey import services
from workflows.applicant_journey.models import EventKind, JourneyEvent
from workflows.applicant_journey.services import tasks as task_services
from workflows.applicant_journey.services.tasks import TASK_ALREADY_DONE, TASK_LOCKED, open_task

from . import walk

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_ospod_workers_completing_one_task_at_once(client, household, guide, ospod_worker):
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_application(journey, guide)
    colleague = user_with_role(Role.OSPOD, orp=orp("Brno"))
    task = open_task(journey, "file_application")
    # The colleague covers the same task (e.g. opened it before it was assigned): both may execute it.
    Task.objects.filter(pk=task.pk).update(owner=None, status="NEW")
    url = reverse("applicant_journey:task", args=[journey.pk, task.pk])
    today = timezone.localdate().isoformat()
    data = {
        "filed_on": today,
        "care_types": ["ADOPTION"],
        "age_min": 0,
        "age_max": 5,
        "sexes": ["F", "M"],
        "max_children": 1,
        "ethnicities_accepted": ["majority"],
        "legal_statuses": ["free"],
        "contact_willingness": "none",
        "children_in_household": 0,
    }

    first_inside = threading.Event()
    second_blocked = threading.Event()
    real_record_event = task_services.record_event
    real_sleep = time.sleep

    def record_event_holding_the_lock(*args, **kwargs):
        # The winner holds the process lock until the other request has tried and been refused the lock.
        if not first_inside.is_set():
            first_inside.set()
            second_blocked.wait(timeout=10)
        return real_record_event(*args, **kwargs)

    def lock_backoff(seconds):
        second_blocked.set()
        real_sleep(min(seconds, 0.05))

    results = {}

    def post(user, name):
        c = type(client)()
        c.force_login(user)
        response = c.post(url, data, HTTP_ACCEPT_LANGUAGE="cs")
        results[name] = (
            response.status_code,
            [str(m) for m in get_messages(response.wsgi_request)],
            response.get("Location", ""),
        )
        connection.close()

    with (
        mock.patch.object(task_services, "record_event", record_event_holding_the_lock),
        mock.patch("viewflow.workflow.lock.time.sleep", lock_backoff),
    ):
        threads = [
            threading.Thread(target=post, args=(ospod_worker, "a")),
            threading.Thread(target=post, args=(colleague, "b")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)

    assert second_blocked.is_set(), "the two requests did not overlap"
    statuses = [r[0] for r in results.values()]
    assert statuses == [302, 302]
    texts = [" ".join(r[1]) for r in results.values()]
    with translation.override("cs"):
        refusals = (str(TASK_ALREADY_DONE), str(TASK_LOCKED))
    losers = [t for t in texts if any(r in t for r in refusals)]
    winners = [t for t in texts if "je hotový" in t]
    assert len(losers) == 1 and len(winners) == 1, results
    assert JourneyEvent.objects.filter(journey=journey, kind=EventKind.STEP, step="file_application").count() == 1
    assert Task.objects.filter(process_id=journey.pk, flow_task_type="HUMAN").count() == 3  # meeting, filing, check
