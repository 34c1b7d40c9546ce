"""Web hardening: CSP without inline scripts, frame denial, nosniff, production cookies; uploaded files are
only ever downloaded from inside the document store, never rendered or executed from our origin."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from nrp.core.files import SANDBOX_CSP, UnsafePath, safe_filename, serve_protected_file

pytestmark = pytest.mark.django_db


def test_pages_carry_a_csp_without_inline_scripts_and_refuse_framing(client, officer):
    client.force_login(officer)
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_contains_an_inline_script():
    offenders = []
    for root in [
        settings.BASE_DIR / "templates",
        *sorted(settings.BASE_DIR.glob("*/templates")),
        *sorted(settings.BASE_DIR.glob("*/*/templates")),
    ]:
        for path in root.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            for chunk in text.split("<script")[1:]:
                tag = chunk.split(">", 1)[0]
                if "src=" not in tag and "nonce" not in tag and 'type="application/json"' not in tag:
                    offenders.append(str(path.relative_to(settings.BASE_DIR)))
            if " onclick=" in text or " onload=" in text or "javascript:" in text:
                offenders.append(str(path.relative_to(settings.BASE_DIR)))
    assert not offenders, offenders


def test_production_mode_turns_on_secure_cookies_hsts_and_ssl_redirect():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(
        NRP_ENV="production",
        SECRET_KEY="s" * 60,
        ALLOWED_HOSTS="nrp.example.cz",
        DATABASE_URL="postgresql://nrp@db.invalid/nrp",
    )
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='nrp.settings';"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000,"
        " s.SESSION_COOKIE_HTTPONLY, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["True", "True", "True", "True", "True", "False"], result.stderr


@pytest.fixture
def media(tmp_path, settings):
    root = tmp_path / "documents"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


def test_a_stored_document_is_sent_as_a_sandboxed_download(media):
    (media / "a.pdf").write_bytes(b"%PDF-1.4 <script>alert(1)</script>")
    request = RequestFactory().get("/")
    response = serve_protected_file(request, media / "a.pdf", 'zprava <b>"x"</b>.pdf', "application/pdf")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "<" not in response["Content-Disposition"] and '"x"' not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_CSP
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_html_upload_is_never_served_as_html(media):
    (media / "x.html").write_bytes(b"<script>alert(document.cookie)</script>")
    response = serve_protected_file(RequestFactory().get("/"), media / "x.html", "x.html", "text/html")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("path", ["../secret.txt", "../../etc/passwd", "/etc/passwd", "sub/../../secret.txt"])
def test_paths_outside_the_document_store_are_refused(media, path):
    (media.parent / "secret.txt").write_text("tajné")
    with pytest.raises(UnsafePath):
        serve_protected_file(RequestFactory().get("/"), path, "secret.txt")


def test_a_symlink_out_of_the_document_store_is_refused(media):
    (media.parent / "secret.txt").write_text("tajné")
    (media / "link.pdf").symlink_to(media.parent / "secret.txt")
    with pytest.raises(UnsafePath):
        serve_protected_file(RequestFactory().get("/"), media / "link.pdf", "link.pdf")


@pytest.mark.parametrize(
    "name, safe",
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("<script>alert(1)</script>.pdf", "script.pdf"),
        ("x<img src=x onerror=alert(1)>.pdf", "ximg src=x onerror=alert(1).pdf"),
        ("výpis z rejstříku trestů.pdf", "výpis z rejstříku trestů.pdf"),
        ("evil\r\nSet-Cookie: x=1.pdf", "evilSet-Cookie x=1.pdf"),
        ("...", "dokument"),
        ("", "dokument"),
    ],
)
def test_file_names_are_neutralised(name, safe):
    assert safe_filename(name) == safe
