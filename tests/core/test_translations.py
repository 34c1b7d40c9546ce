"""The interface is Czech first with English available: every English catalogue entry is translated."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(
    p
    for p in Path(settings.BASE_DIR).glob("**/locale/en/LC_MESSAGES/django.po")
    if ".venv" not in p.parts and ".tools" not in p.parts
)


def test_english_catalogues_exist_for_the_project_and_its_apps():
    names = {p.relative_to(settings.BASE_DIR).parts[0] for p in CATALOGUES}
    assert {"locale", "nrp", "workflows", "matching"} <= names


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_english_entry_is_translated(path):
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert untranslated == [], f"{len(untranslated)} untranslated in {path}: {untranslated[:5]}"
