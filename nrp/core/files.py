"""Uploaded files: safe names on the way in, safe responses on the way out.

Uploaded case documents are never executed nor rendered from the app's origin: they are served only by
an access-checked view through ``serve_protected_file``, always as a download (Content-Disposition:
attachment), with ``X-Content-Type-Options: nosniff`` and a sandboxing Content-Security-Policy, and only from
inside ``MEDIA_ROOT`` (a path that leaves it, by ``..`` or a symlink, is refused)::

    from nrp.core.files import serve_protected_file

    def document_download(request, journey_id, version_id):
        version = version_for_user_or_404(...)           # your access check first
        audit_read(actor=request.user, obj=version, ...)  # documents are sensitive reads
        return serve_protected_file(request, version.file.path, version.original_name, version.content_type)

``safe_filename`` turns any user-supplied name into a harmless one for storage or for the header.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404

# Content types we ever send for documents; anything else goes out as application/octet-stream.
ALLOWED_CONTENT_TYPES = {"application/pdf", "image/jpeg", "image/png", "application/json", "text/csv"}
SANDBOX_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"
PATH_OUTSIDE_MEDIA = "Soubor leží mimo úložiště dokumentů."


class UnsafePath(Http404):
    """A path outside MEDIA_ROOT: answered as 404, never served."""


def safe_filename(name: str, *, default: str = "dokument", max_length: int = 120) -> str:
    """A file name without directories, control characters, or characters that break headers or shells.

    ``../../etc/passwd`` -> ``passwd``; ``<script>.pdf`` -> ``script.pdf``; Czech letters are kept.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'[<>:"|?*;\'`$]', "", name).strip(" .")
    if not name:
        name = default
    stem, dot, ext = name.rpartition(".")
    if dot and len(ext) <= 10:
        stem = stem[: max_length - len(ext) - 1]
        return f"{stem}.{ext}" if stem else f"{default}.{ext}"
    return name[:max_length]


def resolve_inside_media(path: str | os.PathLike) -> Path:
    """The real path of ``path`` if it lies inside MEDIA_ROOT (symlinks resolved); else UnsafePath."""
    root = Path(settings.MEDIA_ROOT).resolve()
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = root / candidate
    real = candidate.resolve()
    if real != root and root not in real.parents:
        raise UnsafePath(PATH_OUTSIDE_MEDIA)
    if not real.is_file():
        raise Http404
    return real


def serve_protected_file(request, path, filename: str, content_type: str | None = None) -> FileResponse:
    """Send a stored document as a download. Call it only after the view's own access check."""
    real = resolve_inside_media(path)
    if content_type not in ALLOWED_CONTENT_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(
        real.open("rb"), as_attachment=True, filename=safe_filename(filename), content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
