"""The small holes of issue 11: request-size cap before the body is read, problem bodies for /api/ during a
database outage, ``make db-stop`` without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db.utils import OperationalError

ROOT = Path(settings.BASE_DIR)

pytestmark = pytest.mark.django_db


class ExplodingStream:
    """A request body that must never be read."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body was read")

    readline = read


def test_an_oversized_upload_is_refused_before_its_body_is_read(client, settings):
    from django.test import RequestFactory

    from nrp.core.middleware import RequestSizeLimitMiddleware

    settings.NRP_MAX_REQUEST_BYTES = 1024
    request = RequestFactory().post("/zadatele/", data=b"x", content_type="application/octet-stream")
    request.META["CONTENT_LENGTH"] = str(200 * 1024 * 1024)
    request.META["wsgi.input"] = ExplodingStream()
    request._stream = ExplodingStream()
    response = RequestSizeLimitMiddleware(lambda r: pytest.fail("the view ran"))(request)
    assert response.status_code == 413
    assert response["Connection"] == "close"


def test_an_oversized_api_request_gets_a_problem_body(client, settings):
    settings.NRP_MAX_REQUEST_BYTES = 1024
    response = client.post("/api/v1/tokens/", data="x" * 2048, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "payload_too_large"


def test_a_request_within_the_cap_passes(client):
    response = client.post("/api/v1/tokens/", data="{}", content_type="application/json")
    assert response.status_code == 401


def test_an_api_request_during_a_database_outage_gets_a_problem_body(client, monkeypatch, applicant):
    from nrp.api.apis import accounts

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    client.force_login(applicant)
    monkeypatch.setattr(accounts, "user_get_for_update", broken)
    response = client.patch("/api/v1/me/", data={"phone": "123456789"}, content_type="application/json")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "service_unavailable"
    assert response["Retry-After"] == "30"


def run_db_stop(pgdata: Path):
    env = {**os.environ, "NRP_PGDATA": str(pgdata)}
    return subprocess.run(
        [sys.executable, "scripts/db_stop.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_db_stop_without_a_server_says_so_without_a_traceback(tmp_path):
    result = run_db_stop(tmp_path / "missing")
    assert result.returncode == 0
    assert "není co zastavit" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_db_stop_with_a_stale_pid_file_says_the_server_is_not_running(tmp_path):
    (tmp_path / "postmaster.pid").write_text("999999\n")
    (tmp_path / "pgserver.json").write_text("{not json")  # what made the old target print a JSONDecodeError
    result = run_db_stop(tmp_path)
    assert result.returncode == 0
    assert "neběží" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_db_stop_stops_a_running_server(tmp_path):
    """A process standing in for the postmaster: SIGINT ends it and the command reports the stop."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / "postmaster.pid").write_text(f"{sleeper.pid}\n")
        import threading

        def remove_pid_file_when_stopped():
            sleeper.wait()
            (tmp_path / "postmaster.pid").unlink()

        threading.Thread(target=remove_pid_file_when_stopped, daemon=True).start()
        result = run_db_stop(tmp_path)
        assert result.returncode == 0, result.stdout
        assert "zastaven" in result.stdout
    finally:
        if sleeper.poll() is None:
            sleeper.kill()
