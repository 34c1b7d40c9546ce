"""More than one app server: shared caches through Redis, scheduled commands done once, sessions not written on
every request while the idle expiry still works."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from nrp.core import locks
from nrp.core.sessions import REFRESHED_KEY

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)


def _redis_running() -> bool:
    try:
        socket.create_connection(REDIS, 0.5).close()
    except OSError:
        return False
    return True


# --- shared cache ------------------------------------------------------------------------------------------------
CACHE_PROBE = """
import sys, django
django.setup()
from django.core.cache import caches
cache = caches["default"]
print(type(cache).__name__)
if sys.argv[1] == "set":
    cache.set("multi-server-probe", "seen by the other server", 60)
else:
    print(cache.get("multi-server-probe"))
"""


@pytest.mark.skipif(not _redis_running(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_url_two_processes_share_one_cache():
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/15", "DJANGO_SETTINGS_MODULE": "nrp.settings_test"}

    def server(*args):
        done = subprocess.run(
            [sys.executable, "-c", CACHE_PROBE, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert server("set")[0] == "RedisCache"
    assert " ".join(server("get")[1:]) == "seen by the other server"


def test_without_redis_url_the_cache_is_in_process(settings):
    assert "REDIS_URL" in os.environ or settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


# --- scheduled commands -------------------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_an_advisory_lock_is_held_by_one_connection_at_a_time():
    seen = []

    def other_server():
        with locks.advisory_lock("probe") as acquired:
            seen.append(acquired)
        connection.close()

    with locks.advisory_lock("probe") as acquired:
        assert acquired
        thread = threading.Thread(target=other_server)
        thread.start()
        thread.join()
    assert seen == [False]
    with locks.advisory_lock("probe") as again:
        assert again


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("command", "work"),
    [
        ("mediation_tick", "workflows.child_mediation.management.commands.mediation_tick.mediation_tick"),
        (
            "send_journey_reminders",
            "workflows.applicant_journey.management.commands.send_journey_reminders.reminders_send",
        ),
        ("stats_snapshot", "nrp.stats.management.commands.stats_snapshot.stats_refresh"),
        ("weekly_access_digest", "nrp.audit.management.commands.weekly_access_digest.weekly_access_digest"),
    ],
)
def test_two_servers_running_a_scheduled_command_at_once_do_the_work_once(command, work, monkeypatch):
    started, release, calls = threading.Event(), threading.Event(), []

    def slow_work(**kwargs):
        calls.append(kwargs)
        started.set()
        release.wait(10)
        if command == "mediation_tick":
            return {"lapsed": 0, "escalated": 0, "intercountry": 0, "agreement_reminders": 0}
        if command == "stats_snapshot":
            return {"snapshot_rows": 0, "aggregates": 0}
        return type("Result", (), {"sent": 0, "skipped": 0, "regions": 0, "emails": 0, "events": 0})()

    monkeypatch.setattr(work, slow_work)
    outputs = {}

    def server(name):
        from io import StringIO

        out = StringIO()
        call_command(command, stdout=out)
        outputs[name] = out.getvalue()
        connection.close()

    first = threading.Thread(target=server, args=("first",))
    first.start()
    assert started.wait(10)
    server("second")  # starts while the first still works
    release.set()
    first.join()
    assert len(calls) == 1
    assert "zámek" in outputs["second"] and "zámek" not in outputs["first"]


# --- sessions ----------------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_page_view_does_not_write_the_session_every_time(client, applicant, django_assert_max_num_queries):
    client.force_login(applicant)
    client.get(reverse("account_security"))  # the first view refreshes the expiry
    key = client.session.session_key
    before = Session.objects.get(session_key=key).expire_date
    client.get(reverse("account_security"))
    assert Session.objects.get(session_key=key).expire_date == before


@pytest.mark.django_db
def test_an_active_session_keeps_sliding_and_an_idle_one_expires(client, applicant, settings):
    client.force_login(applicant)
    session = client.session
    session[REFRESHED_KEY] = 0  # last refreshed long ago
    session.save()
    Session.objects.filter(session_key=session.session_key).update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get(reverse("account_security")).status_code == 200
    expiry = Session.objects.get(session_key=session.session_key).expire_date
    assert expiry > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 120)
    Session.objects.filter(session_key=session.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("account_security"))["Location"].startswith(reverse("login"))
