"""The rules of the application, its completeness, who may act and the course (nrp/law), as cited to people."""

from __future__ import annotations

from django.utils import translation

from nrp import law


def test_the_application_rules_cite_the_2025_numbering_with_their_confidence():
    assert law.cite("APPLICATION_CONTENTS", "bare") == "§ 23a odst. 2"
    assert law.rule("APPLICATION_CONTENTS").confidence == law.Confidence.READ
    assert law.cite("COMPLETENESS_GATE", "bare") == "§ 23b a § 23c"
    assert law.cite("ORP_OPINION", "short") == "§ 23b zákona o SPOD"
    assert law.cite("CRIMINAL_RECORD_CZ", "bare") == "§ 23c"
    for rule_id in ("COMPLETENESS_GATE", "ORP_OPINION", "CRIMINAL_RECORD_CZ", "AUTHORITY_ACTS"):
        assert law.rule(rule_id).confidence == law.Confidence.TABLE_OF_CONTENTS


def test_withdrawal_and_forwarding_are_rules_of_spravni_rad():
    assert law.cite("WITHDRAWAL") == "§ 45 odst. 4 a § 66 odst. 1 písm. a) zákona č. 500/2004 Sb."
    assert law.cite("FORWARD_TO_COMPETENT", "short") == "§ 12 správního řádu"
    with translation.override("en"):
        assert law.cite("WITHDRAWAL", "bare") == "§ 45(4) and § 66(1)(a)"


def test_the_shorter_repeat_course_is_a_regional_setting_without_a_statutory_paragraph():
    rule = law.rule("REPEAT_COURSE_HOURS")
    assert rule.region_may_change and rule.default == 16 and rule.unit == law.Unit.HOURS
    assert rule.confidence == law.Confidence.UNVERIFIED
    assert law.cite("REPEAT_COURSE_HOURS") == str(law.ACTS["359/1999"].title)


def test_the_eligibility_period_of_a_temporary_stay_comes_from_the_law():
    assert law.default("APPLICATION_ELIGIBILITY") == 365
