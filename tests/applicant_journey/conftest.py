"""Uploaded documents of these tests go to a temporary MEDIA_ROOT (never the developer's var/documents)."""

import pytest


@pytest.fixture(autouse=True)
def document_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT
