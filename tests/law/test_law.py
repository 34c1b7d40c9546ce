"""The legal-basis module (nrp/law): every rule has an id, a 2025 citation, a meaning, its source and confidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from nrp import law

ROOT = Path(settings.BASE_DIR)


def test_every_rule_has_an_id_citation_meaning_source_and_confidence():
    assert len(law.RULES) >= 40
    for rule_id, rule in law.RULES.items():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]+", rule_id)
        assert rule.id == rule_id
        assert str(rule.meaning) and rule.wording
        assert rule.confidence in set(law.Confidence)
        assert rule.act in law.ACTS.values()
        law.cite(rule_id)  # renders


def test_deadlines_carry_a_default_a_unit_and_whether_a_region_may_change_them():
    deadline_rules = [r for r in law.RULES.values() if r.has_default]
    assert deadline_rules
    for rule in deadline_rules:
        assert rule.default > 0 and rule.unit is not None
    # Statutory periods of správní řád are never regional settings.
    for rule_id in ("APPEAL_PERIOD", "DECISION_DEADLINE", "APPEAL_FORWARDING"):
        assert not law.rule(rule_id).region_may_change
    # The unconfirmed hand-over deadline is a regional setting with a default.
    assert law.rule("HANDOVER_PERIOD").region_may_change and law.default("HANDOVER_PERIOD") == 30


def test_confidence_follows_the_reading_of_the_2025_text():
    assert law.rule("APPLICATION_ELIGIBILITY").confidence == law.Confidence.READ  # §23a(1) was read
    assert law.rule("SELECTION_PAUSE").confidence == law.Confidence.TABLE_OF_CONTENTS
    assert law.rule("SELECTION_NOTICE_30_DAYS").confidence == law.Confidence.UNVERIFIED


def test_citations_use_the_2025_numbering():
    assert law.cite("APPEAL_PERIOD") == "§ 83 odst. 1 zákona č. 500/2004 Sb."
    assert law.cite("APPEAL_PERIOD", "short") == "§ 83 odst. 1 správního řádu"
    assert law.cite("SELECTION_PAUSE", "short") == "§ 24a zákona o SPOD"
    assert law.cite("REGISTER_REMOVAL") == "§ 23j zákona č. 359/1999 Sb."
    assert law.cite("APPLICATION_ELIGIBILITY", "bare") == "§ 23a odst. 1"
    assert law.cite("REGISTER_DECISION", "bare") == "§ 23d–23g"
    assert law.cite("APPLICATION_REFUSAL", "bare") == "§ 23a odst. 1 a § 23b"
    assert law.cite("REGISTER_LEAVE", "bare") == "§ 23i, § 23j a § 24"
    # A rule whose paragraph is not known in the 2025 text cites the act and nothing more.
    assert law.cite("COURSE_HOURS") == "zákon č. 359/1999 Sb., o sociálně-právní ochraně dětí"


def test_citations_in_english():
    with translation.override("en"):
        assert law.cite("APPEAL_PERIOD") == "§ 83(1) of Act No. 500/2004 Coll."
        assert law.cite("SELECTION_PAUSE", "short") == "§ 24a of the Child Protection Act"


def test_an_unknown_rule_id_fails_loudly():
    with pytest.raises(KeyError):
        law.cite("NO_SUCH_RULE")
    with pytest.raises(KeyError):
        law.message(_("%(law)s"), law="NO_SUCH_RULE")


def test_message_renders_the_citation_lazily_in_the_active_language():
    text = law.message(_("dříve %(old)s"), old="SELECTION_PAUSE")
    assert str(text) == "dříve § 24a zákona o SPOD"
    with translation.override("en"):
        assert str(text) == "formerly § 24a of the Child Protection Act"


def test_template_tag_and_filter_render_citations():
    template = Template('{% load law %}{% cite "APPEAL_PERIOD" %} | {{ "SELECTION_PAUSE"|cite:"short" }}')
    assert template.render(Context()) == "§ 83 odst. 1 zákona č. 500/2004 Sb. | § 24a zákona o SPOD"


CITED_IDS = re.compile(r"""(?:cite(?:_lazy)?\(\s*|\{%\s*cite\s+|\bdefault\(\s*|\brule\(\s*)["']([A-Z][A-Z0-9_]+)["']""")
MESSAGE_IDS = re.compile(r"""\b\w+=["']([A-Z][A-Z0-9_]{3,})["']""")


def test_every_rule_id_the_code_names_exists():
    named = set()
    for path in [*ROOT.glob("nrp/**/*.py"), *ROOT.glob("workflows/**/*.py"), *ROOT.glob("matching/**/*.py")]:
        if "/migrations/" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        named |= set(CITED_IDS.findall(text))
        if "law.message(" in text and path.parent.name != "law":
            named |= {i for i in MESSAGE_IDS.findall(text) if i in law.RULES or "_" in i}
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" not in path.parts:
            named |= set(CITED_IDS.findall(path.read_text(encoding="utf-8")))
    assert named, "the scan found no rule ids"
    assert sorted(named - set(law.RULES)) == []
