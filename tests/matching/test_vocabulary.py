"""The pure engine mirrors Django vocabularies and messages; these tests keep the copies equal."""

from __future__ import annotations

from django.utils import translation

from matching import reasons as django_reasons
from matching.criteria.czech import children_cs, days_cs, families_cs, years_cs
from matching.criteria.hard import RULES
from matching.criteria.labels import LABELS_CS
from matching.criteria.reasons import TEMPLATES_CS, format_param_cs, make_reason
from matching.criteria.soft import CRITERIA
from matching.models import WishFlagChoice
from matching.types import vocabulary
from nrp.core import czech
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, HouseholdPosition, LegalStatus, Sex
from workflows.applicant_journey.models import RegisterStatus

VOCABULARIES = {
    "care_type": CareType,
    "legal_status": LegalStatus,
    "sex": Sex,
    "health_need": HealthNeed,
    "ethnicity": Ethnicity,
    "contact": ContactLevel,
    "status": RegisterStatus,
    "wish": WishFlagChoice,
}


def test_engine_czech_labels_equal_the_django_choices():
    """Equal up to the capital letter (the engine's labels stand inside sentences)."""
    with translation.override("cs"):
        for name, choices in VOCABULARIES.items():
            assert LABELS_CS[name] == {value: _lower_first(str(label)) for value, label in choices.choices}, name


def test_engine_vocabularies_equal_the_django_choices():
    assert set(vocabulary.CARE_TYPES) == set(CareType.values)
    assert set(vocabulary.LEGAL_STATUSES) == set(LegalStatus.values)
    assert set(vocabulary.SEXES) == set(Sex.values)
    assert set(vocabulary.HEALTH_NEEDS) == set(HealthNeed.values)
    assert set(vocabulary.ETHNICITIES) == set(Ethnicity.values)
    assert list(vocabulary.CONTACT_ORDER) == list(ContactLevel.values)
    assert set(vocabulary.REGISTER_STATUSES) == set(RegisterStatus.values)
    assert set(vocabulary.WishFlag.ALL) == set(WishFlagChoice.values)


def test_django_reason_messages_are_the_engine_czech_templates():
    assert set(django_reasons.MESSAGES) == set(TEMPLATES_CS)
    with translation.override("cs"):
        for code, template in TEMPLATES_CS.items():
            assert str(django_reasons.MESSAGES[code]) == template, code


def test_every_reason_has_an_english_translation():
    with translation.override("en"):
        for code, message in django_reasons.MESSAGES.items():
            assert str(message) != TEMPLATES_CS[code], code


def test_every_rule_and_criterion_has_a_label():
    assert set(django_reasons.RULE_LABELS) == set(RULES)
    assert set(django_reasons.CRITERION_LABELS) == set(CRITERIA)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def test_engine_household_positions_equal_the_child_file_choices():
    assert set(vocabulary.HOUSEHOLD_POSITIONS) == set(HouseholdPosition.values)


def test_czech_plural_rule_numbers_read_right_in_the_engine_and_in_every_language():
    """Issue 14 item 10: "1 let", "4 let (muž)". The engine's pure Czech words equal nrp.core.czech's."""
    for n in (0, 1, 2, 4, 5, 11, 21, 22, 100):
        with translation.override("cs"):
            assert years_cs(n) == czech.years(n)
            assert days_cs(n) == czech.days(n)
            assert children_cs(n) == czech.children(n)
            assert families_cs(n) == czech.families(n)
    assert [years_cs(n) for n in (1, 4, 5)] == ["1 rok", "4 roky", "5 let"]
    assert [days_cs(n) for n in (1, 3, 5)] == ["1 den", "3 dny", "5 dní"]
    assert format_param_cs("sexes", ["F", "M"]) == "dívka, chlapec"
    reason = make_reason("age", ages=(1, 4, 5)).as_dict()
    with translation.override("cs"):
        assert django_reasons.render_reason(reason) == (
            "Věk dítěte (1 rok, 4 roky, 5 let) je mimo rozmezí, které rodina přijímá."
        )
        assert django_reasons.render_reason(make_reason("sex", sexes=("M",)).as_dict()).endswith("(chlapec).")
        assert "(1 den)" not in django_reasons.render_reason(make_reason("waiting.days", days=1).as_dict())
        assert "čeká v evidenci 1 den " in django_reasons.render_reason(make_reason("waiting.days", days=1).as_dict())
    with translation.override("en"):
        assert django_reasons.render_reason(reason) == (
            "The child's age (1 year, 4 years, 5 years) is outside the range the family accepts."
        )
        assert django_reasons.render_reason(make_reason("sex", sexes=("F",)).as_dict()).endswith("(girl).")
