"""Hard constraints (tvrdá kritéria): a family that breaks one is never shown as a match.

Each rule has a stable code. A family is reported under the FIRST rule it breaks, in the order of ``RULES``
(cheap register-state checks first, then the child's need, then the acceptance profile), so the counts per
rule add up to the number of excluded families.
"""

from __future__ import annotations


class HardRule:
    # The entry is paused (SELECTION_PAUSE, §24a), withdrawn, removed (REGISTER_REMOVAL, §23j) or placed: not matchable.
    REGISTER_STATUS = "register_status"
    # Právní moc not reached yet (effective_date in the future): matchable only from that date (§23i).
    NOT_YET_EFFECTIVE = "not_yet_effective"
    # Approached for another child right now (the child-mediation app passes these entry ids).
    CURRENTLY_APPROACHED = "currently_approached"
    # The child is from another region and the family accepts only children of its own region.
    OTHER_REGION = "other_region"
    # None of the care types sought for the child is approved for the family.
    CARE_TYPE = "care_type"
    # The common care types are not possible for the child's legal status (adoption only if legally free).
    LEGAL_STATUS_CARE_TYPE = "legal_status_care_type"
    # A child's legal status is not among the statuses the family accepts.
    LEGAL_STATUS = "legal_status"
    # A child's age (each child of a sibling group) is outside the family's age range.
    AGE = "age"
    # A child's sex is not accepted.
    SEX = "sex"
    # A child's health need is not among the needs the family accepts.
    HEALTH_NEEDS = "health_needs"
    # A child's recorded ethnicity is not accepted (not a constraint where the file does not state it).
    ETHNICITY = "ethnicity"
    # A sibling group (2+ children) and the family does not accept siblings.
    SIBLINGS = "siblings"
    # The group is larger than the number of children the family can take at once.
    CAPACITY = "capacity"
    # The planned contact with the birth family exceeds the family's willingness.
    CONTACT = "contact"


RULES: tuple[str, ...] = (
    HardRule.REGISTER_STATUS,
    HardRule.NOT_YET_EFFECTIVE,
    HardRule.CURRENTLY_APPROACHED,
    HardRule.OTHER_REGION,
    HardRule.CARE_TYPE,
    HardRule.LEGAL_STATUS_CARE_TYPE,
    HardRule.LEGAL_STATUS,
    HardRule.AGE,
    HardRule.SEX,
    HardRule.HEALTH_NEEDS,
    HardRule.ETHNICITY,
    HardRule.SIBLINGS,
    HardRule.CAPACITY,
    HardRule.CONTACT,
)
