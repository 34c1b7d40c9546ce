"""A body sent without Content-Length (``Transfer-Encoding: chunked``) is capped like any other: read block by block
and refused with 413 once past ``NRP_MAX_REQUEST_BYTES``, never held whole; a chunked upload within the cap is
stored like a normal one. The requests go through the whole middleware chain and the real upload view."""

from __future__ import annotations

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from nrp.core.choices import CareType
from nrp.core.middleware import RequestSizeLimitMiddleware
from tests.applicant_journey import walk
from workflows.applicant_journey import services
from workflows.applicant_journey.models import DocumentStatus

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CAP = 64 * 1024


class ChunkedBody:
    """The server's stream of a chunked body: ``prefix`` and then filler up to ``total`` bytes, counting reads."""

    def __init__(self, prefix: bytes = b"", total: int = 0):
        self.data = prefix
        self.total = max(total, len(prefix))
        self.sent = 0

    def read(self, size: int = -1) -> bytes:
        left = self.total - self.sent
        n = left if size is None or size < 0 else min(size, left)
        head = self.data[self.sent : self.sent + n]
        chunk = head + b"x" * (n - len(head))
        self.sent += n
        return chunk

    def readline(self, size: int = -1) -> bytes:  # pragma: no cover - the middleware reads blocks
        return self.read(size)


def send_chunked(client: Client, path: str, body: ChunkedBody, content_type: str):
    """POST ``body`` as a WSGI server passes a chunked request: no CONTENT_LENGTH, the body on ``wsgi.input``."""
    environ = client._base_environ(
        PATH_INFO=path,
        REQUEST_METHOD="POST",
        CONTENT_TYPE=content_type,
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": body},
    )
    environ.pop("CONTENT_LENGTH", None)
    return client.handler(environ)


@pytest.fixture
def upload(household, guide, ospod_worker, applicant, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"
    settings.NRP_MAX_REQUEST_BYTES = CAP
    journey = services.journey_open(household=household, actor=guide, care_types=[CareType.ADOPTION])
    walk.to_application(journey, guide)
    walk.file_application(journey, ospod_worker)
    document = journey.documents.filter(member__isnull=False).first()
    client = Client()
    client.force_login(applicant)
    return client, reverse("applicant_journey:document_upload", args=[journey.pk, document.pk]), document


def pdf_form() -> bytes:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("zprava.pdf", PDF, content_type="application/pdf")})


def test_an_oversized_chunked_upload_is_refused_after_reading_at_most_the_cap(upload):
    client, url, document = upload
    body = ChunkedBody(pdf_form(), total=200 * 1024 * 1024)
    response = send_chunked(client, url, body, MULTIPART_CONTENT)
    assert response.status_code == 413
    assert response["Connection"] == "close"
    assert body.sent <= CAP + RequestSizeLimitMiddleware.BLOCK  # 200 MB sent, not even a megabyte read
    document.refresh_from_db()
    assert not document.versions.exists()


def test_an_oversized_chunked_api_request_gets_a_problem_body(client, settings):
    settings.NRP_MAX_REQUEST_BYTES = CAP
    body = ChunkedBody(b'{"name": "', total=10 * CAP)
    response = send_chunked(client, "/api/v1/tokens/", body, "application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")
    assert body.sent <= CAP + RequestSizeLimitMiddleware.BLOCK


def test_a_chunked_upload_within_the_cap_is_stored(upload):
    client, url, document = upload
    form = pdf_form()
    response = send_chunked(client, url, ChunkedBody(form, total=len(form)), MULTIPART_CONTENT)
    assert response.status_code == 302, response.content[:300]
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED
    assert document.versions.get().content_type == "application/pdf"
