"""The pure engine mirrors Django vocabularies and messages; these tests keep the copies equal."""

from __future__ import annotations

from django.utils import translation

from matching import reasons as django_reasons
from matching.criteria.hard import RULES
from matching.criteria.labels import LABELS_CS
from matching.criteria.reasons import TEMPLATES_CS
from matching.criteria.soft import CRITERIA
from matching.models import WishFlagChoice
from matching.types import vocabulary
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex
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
