"""Input dataclasses of the matching engine: the child's case, a family's profile, the weights. Pure Python."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matching.types.vocabulary import (
    AGE_NEGATIVE,
    AGE_RANGE_IMPOSSIBLE,
    CAPACITY_IMPOSSIBLE,
    CARE_TYPES,
    CASE_WITHOUT_CHILDREN,
    CONTACT_NONE,
    CONTACT_ORDER,
    ETHNICITIES,
    HEALTH_NEEDS,
    HOUSEHOLD_ANY,
    HOUSEHOLD_POSITIONS,
    LEGAL_STATUSES,
    REGISTER_STATUSES,
    SEXES,
    UNKNOWN_VALUE,
    WEIGHT_OUT_OF_RANGE,
    WEIGHTS_ALL_ZERO,
    MatchingInputError,
    WishFlag,
    check_values,
)


@dataclass(frozen=True, slots=True)
class Location:
    """A point (the seat town of an ORP), degrees."""

    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class ChildProfile:
    """One child as matching sees it: anonymised (no name, no date of birth, only the age on the day)."""

    age: int
    sex: str
    legal_status: str
    health_needs: frozenset[str] = frozenset()
    # Empty when the file does not state it (then it is not a constraint).
    ethnicity: str = ""

    def __post_init__(self) -> None:
        if self.age < 0:
            raise MatchingInputError(UNKNOWN_VALUE.format(value=self.age, field="age"))
        check_values((self.sex,), SEXES, "sex")
        check_values((self.legal_status,), LEGAL_STATUSES, "legal_status")
        check_values(self.health_needs, HEALTH_NEEDS, "health_needs")
        if self.ethnicity:
            check_values((self.ethnicity,), ETHNICITIES, "ethnicity")


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """The unit of mediation: one child or a sibling group placed together (sourozenecká skupina)."""

    case_id: int
    region_id: int
    care_types_sought: frozenset[str]
    children: tuple[ChildProfile, ...]
    contact_plan: str = CONTACT_NONE
    # Where the birth family lives (ORP seat); needed for the distance criterion when contact is planned.
    birth_family_location: Location | None = None
    # The child's home ORP seat (for the "near home" wish).
    home_location: Location | None = None
    wishes: frozenset[str] = frozenset()
    # The child's file asks the child to be the only ("only") or the youngest ("youngest") child of the family;
    # empty: children already in the household are not weighed.
    household_position: str = HOUSEHOLD_ANY

    def __post_init__(self) -> None:
        if not self.children:
            raise MatchingInputError(CASE_WITHOUT_CHILDREN.format(case_id=self.case_id))
        check_values(self.care_types_sought, CARE_TYPES, "care_types_sought")
        check_values((self.household_position,), HOUSEHOLD_POSITIONS, "household_position")
        check_values((self.contact_plan,), CONTACT_ORDER, "contact_plan")
        check_values(self.wishes, WishFlag.ALL, "wishes")

    @property
    def group_size(self) -> int:
        return len(self.children)


@dataclass(frozen=True, slots=True)
class FamilyProfile:
    """An applicant register entry (záznam v evidenci žadatelů) with its acceptance profile, as matched."""

    entry_id: int
    region_id: int
    care_types: frozenset[str]
    status: str
    effective_date: date
    age_min: int
    age_max: int
    sexes: frozenset[str]
    max_children: int
    accepts_siblings: bool
    legal_statuses: frozenset[str]
    health_needs_accepted: frozenset[str] = frozenset()
    health_needs_experience: frozenset[str] = frozenset()
    ethnicities_accepted: frozenset[str] = frozenset()
    contact_willingness: str = CONTACT_NONE
    accepts_other_regions: bool = True
    children_in_household: int = 0
    location: Location | None = None
    # Days of paused selection since the decision became final (SELECTION_PAUSE): not waiting time.
    paused_days: int = 0

    def __post_init__(self) -> None:
        if self.age_min < 0 or self.age_max < 0:
            raise MatchingInputError(AGE_NEGATIVE.format(entry_id=self.entry_id))
        if self.age_min > self.age_max:
            raise MatchingInputError(
                AGE_RANGE_IMPOSSIBLE.format(entry_id=self.entry_id, age_min=self.age_min, age_max=self.age_max)
            )
        if self.max_children < 1:
            raise MatchingInputError(CAPACITY_IMPOSSIBLE.format(entry_id=self.entry_id, max_children=self.max_children))
        check_values(self.care_types, CARE_TYPES, "care_types")
        check_values((self.status,), REGISTER_STATUSES, "status")
        check_values(self.sexes, SEXES, "sexes")
        check_values(self.legal_statuses, LEGAL_STATUSES, "legal_statuses")
        check_values(self.health_needs_accepted, HEALTH_NEEDS, "health_needs_accepted")
        check_values(self.health_needs_experience, HEALTH_NEEDS, "health_needs_experience")
        check_values(self.ethnicities_accepted, ETHNICITIES, "ethnicities_accepted")
        check_values((self.contact_willingness,), CONTACT_ORDER, "contact_willingness")


@dataclass(frozen=True, slots=True)
class Weights:
    """Weight of each soft criterion, each 0–1. Defaults are the shipped regional defaults (docs in criteria/)."""

    age_preference: float = 1.0
    needs_experience: float = 0.8
    birth_family_distance: float = 1.0
    waiting_time: float = 0.6
    child_wishes: float = 0.8
    household_children: float = 0.4

    def __post_init__(self) -> None:
        total = 0.0
        for name in WEIGHT_FIELDS:
            value = getattr(self, name)
            if not (0.0 <= value <= 1.0):
                raise MatchingInputError(WEIGHT_OUT_OF_RANGE.format(criterion=name, value=value))
            total += value
        if total <= 0:
            raise MatchingInputError(WEIGHTS_ALL_ZERO)

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in WEIGHT_FIELDS}


WEIGHT_FIELDS = (
    "age_preference",
    "needs_experience",
    "birth_family_distance",
    "waiting_time",
    "child_wishes",
    "household_children",
)
