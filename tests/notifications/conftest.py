import pytest


@pytest.fixture(autouse=True)
def document_storage(settings, tmp_path):
    """Uploaded documents go to a temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT
