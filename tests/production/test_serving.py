"""Production settings serve for real: collectstatic, then gunicorn in a subprocess, then HTTP.

``check --deploy`` only reads settings; this test builds the static files with the production storage into a
temporary folder and starts gunicorn with ``NRP_ENV=production`` on a free loopback port against the test
database, then asks for what a visitor and a program would: the login page, a static file, a missing page
and an API error, each with the production headers.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.core.test_settings import PRODUCTION_ENV, current_database_url

ROOT = Path(settings.BASE_DIR)
HOST = "nrp.example.cz"

pytestmark = pytest.mark.django_db


def production_env(static_root: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "NRP_TEST_DB_NAME"}
    }
    env.update(PRODUCTION_ENV)
    env.update(
        {
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": current_database_url(),
            "NRP_STATIC_ROOT": str(static_root),
            # The gzip/brotli copies cost a minute of CPU and change nothing that is served here.
            "NRP_STATIC_COMPRESS": "false",
            "DJANGO_SETTINGS_MODULE": "nrp.settings",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, headers: dict | None = None):
    """GET over HTTP as a client behind the TLS proxy would arrive (X-Forwarded-Proto: https)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback only
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=production_env(root),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert (root / "staticfiles.json").exists()
    return root


@pytest.fixture
def server(static_root, django_db_setup):
    port = free_port()
    env = production_env(static_root)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "nrp.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped: {process.stdout.read()[-4000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not open its port within 60 s")
        yield port
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        assert "Traceback" not in (output or ""), output[-4000:]


def assert_production_headers(headers: dict) -> None:
    lowered = {k.lower(): v for k, v in headers.items()}
    assert "max-age=31536000" in lowered.get("strict-transport-security", "")
    assert "default-src 'self'" in lowered.get("content-security-policy", "")
    assert lowered.get("x-content-type-options") == "nosniff"
    assert lowered.get("x-frame-options") == "DENY"


def test_collectstatic_tolerates_viewflow_missing_fonts_and_hashes_our_css(static_root):
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    assert manifest["css/nrp.css"] != "css/nrp.css"
    assert any(name.startswith("viewflow/") for name in manifest)


def test_production_server_serves_pages_static_files_404_and_api_problems(server):
    port = server

    status, headers, body = fetch(port, "/prihlaseni/")
    assert status == 200, body[:2000]
    assert_production_headers(headers)
    page = body.decode()
    assert "/static/css/nrp." in page  # the hashed name from the manifest

    css_path = page.split('href="/static/css/nrp.', 1)[1].split('"', 1)[0]
    status, headers, body = fetch(port, "/static/css/nrp." + css_path)
    assert status == 200
    assert b"{" in body
    assert "immutable" in headers.get("Cache-Control", "") or "max-age" in headers.get("Cache-Control", "")

    status, headers, body = fetch(port, "/tato-stranka-neexistuje/")
    assert status == 404, body[:2000]
    assert_production_headers(headers)

    status, headers, body = fetch(port, "/api/v1/children/")
    assert status == 401
    assert headers.get("Content-Type", "").startswith("application/problem+json")
    assert json.loads(body)["status"] == 401
    assert_production_headers(headers)


def test_production_redirects_plain_http_to_https(server):
    request = urllib.request.Request(f"http://127.0.0.1:{server}/prihlaseni/", headers={"Host": HOST})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=20)
    assert error.value.code == 301
    assert error.value.headers["Location"].startswith("https://")
