"""The engine's vocabularies (mirrors of ``nrp.core.choices``; tests check they stay in sync), its input error
and its messages. Pure Python."""

from __future__ import annotations

# --- vocabularies (mirrors of nrp.core.choices / RegisterStatus; tests check they stay in sync) -------------
CARE_TYPES = ("ADOPTION", "FOSTER", "FOSTER_TEMP", "GUARDIAN")
ADOPTION = "ADOPTION"
LEGAL_FREE = "free"
LEGAL_STATUSES = ("free", "not_free")
SEXES = ("F", "M")
HEALTH_NEEDS = (
    "physical",
    "intellectual",
    "sensory",
    "chronic",
    "delay",
    "behavioural",
    "prenatal",
    "infectious",
)
ETHNICITIES = ("majority", "roma", "other")
CONTACT_ORDER = ("none", "supervised", "regular")
CONTACT_NONE = "none"
STATUS_ACTIVE = "active"
REGISTER_STATUSES = ("active", "paused", "removed", "withdrawn", "placed")


# What the child's file asks about other children in the family (ChildCase.household_position): nothing, to be the
# only child, or to be the youngest child. Children already in a household are weighed only when it asks.
HOUSEHOLD_ANY = ""
HOUSEHOLD_ONLY = "only"
HOUSEHOLD_YOUNGEST = "youngest"
HOUSEHOLD_POSITIONS = (HOUSEHOLD_ANY, HOUSEHOLD_ONLY, HOUSEHOLD_YOUNGEST)


class WishFlag:
    """Structured signals of the child's own wishes (přání dítěte) that matching can weigh.

    The child's words stay in the case file; the officer who heard the child records which of these few
    signals the wishes clearly express. Only what can be checked against a family's profile is a flag.
    """

    # "Chce vyrůstat s dalšími dětmi": a family with children already in the household fits.
    OTHER_CHILDREN = "other_children"
    # "Chce být v rodině jediným dítětem": a family without other children fits.
    ONLY_CHILD = "only_child"
    # "Chce zůstat blízko domova": a family living near the child's home ORP fits (distance between ORP seats).
    NEAR_HOME = "near_home"

    ALL = (OTHER_CHILDREN, ONLY_CHILD, NEAR_HOME)


# Error messages of input validation (tests import them). Czech, like every message shown to a person.
AGE_RANGE_IMPOSSIBLE = "Profil rodiny {entry_id}: nejnižší věk dítěte ({age_min}) je vyšší než nejvyšší ({age_max})."
CAPACITY_IMPOSSIBLE = "Profil rodiny {entry_id}: počet dětí najednou musí být alespoň 1 (zadáno {max_children})."
AGE_NEGATIVE = "Profil rodiny {entry_id}: věk dítěte nemůže být záporný."
CASE_WITHOUT_CHILDREN = "Případ {case_id}: chybí dítě – párovat lze jen případ s alespoň jedním dítětem."
UNKNOWN_VALUE = "Neznámá hodnota {value!r} v poli {field}."
WEIGHT_OUT_OF_RANGE = "Váha kritéria {criterion} musí být mezi 0 a 1 (zadáno {value})."
WEIGHTS_ALL_ZERO = "Alespoň jedno kritérium musí mít nenulovou váhu."


class MatchingInputError(ValueError):
    """Input the engine refuses (an impossible profile, an unknown vocabulary value)."""


def check_values(values, allowed, field_name: str) -> None:
    for value in values:
        if value not in allowed:
            raise MatchingInputError(UNKNOWN_VALUE.format(value=value, field=field_name))
