"""After PostgreSQL drops the app's connection (a restart of the server), the next request works again.

Connections are kept between requests (CONN_MAX_AGE); without a health check the first request after a restart
would reuse the dead connection and fail. ``make load-restart`` shows the same under load with a real restart.
"""

from __future__ import annotations

import time

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)


def _drop_the_apps_connection() -> None:
    """Terminate the backend of Django's connection from another connection, as a server restart does."""
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"}, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", (pid,))
        for _ in range(100):  # the backend ends shortly after the signal
            if not other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone():
                return
            time.sleep(0.05)
    raise AssertionError("the backend did not end")


def test_a_request_after_the_server_dropped_the_connection_succeeds(client, officer):
    client.force_login(officer)
    url = reverse("child_mediation:list")
    assert client.get(url).status_code == 200
    assert connection.settings_dict["CONN_MAX_AGE"] > 0  # the connection is kept for the next request
    kept = connection.connection
    _drop_the_apps_connection()
    close_old_connections()  # what Django does at the start of every request (the test client skips it)
    response = client.get(url)
    assert response.status_code == 200  # not the 503 "database unavailable" page
    assert connection.connection is not kept  # a new connection was opened
