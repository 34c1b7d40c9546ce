"""Random acceptance profiles and care types of the demo's applicant families (the seed step is in demo.py)."""

from __future__ import annotations

from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex


def random_care_types(rng) -> list[str]:
    r = rng.random()
    if r < 0.40:
        return [CareType.ADOPTION]
    if r < 0.65:
        return [CareType.FOSTER]
    if r < 0.80:
        return [CareType.ADOPTION, CareType.FOSTER]
    return [CareType.FOSTER_TEMP]


def random_profile(rng, care_types: list[str], region, regions) -> dict:
    temp = care_types == [CareType.FOSTER_TEMP]
    adoption_only = care_types == [CareType.ADOPTION]
    if temp:
        age_min, age_max = 0, rng.choice([3, 6, 10, 17])
    else:
        age_min = rng.choice([0, 0, 0, 1, 2, 3, 4, 6, 8])
        age_max = min(17, age_min + rng.choice([2, 3, 4, 5, 7, 10]))
    sexes = rng.choice([[Sex.FEMALE, Sex.MALE]] * 6 + [[Sex.FEMALE]] * 2 + [[Sex.MALE]])
    max_children = rng.choice([1, 1, 1, 2, 2, 3])
    needs = list(HealthNeed.values)
    accepted = rng.sample(needs, k=rng.choice([0, 0, 1, 2, 3, 5]))
    experience = [n for n in accepted if rng.random() < 0.3]
    ethnicities = list(Ethnicity.values) if rng.random() < 0.7 else [Ethnicity.MAJORITY, Ethnicity.OTHER]
    if adoption_only:
        legal = [LegalStatus.FREE]
        contact = rng.choice([ContactLevel.NONE, ContactLevel.NONE, ContactLevel.SUPERVISED])
    else:
        legal = [LegalStatus.NOT_FREE, LegalStatus.FREE] if rng.random() < 0.7 else [LegalStatus.NOT_FREE]
        contact = rng.choice([ContactLevel.SUPERVISED, ContactLevel.REGULAR, ContactLevel.REGULAR])
    other_regions = rng.random() < 0.6
    preferred = [region.pk] + ([rng.choice(regions).pk] if other_regions and rng.random() < 0.4 else [])
    return {
        "age_min": age_min,
        "age_max": age_max,
        "sexes": sexes,
        "max_children": max_children,
        "accepts_siblings": max_children > 1 and rng.random() < 0.75,
        "health_needs_accepted": accepted,
        "health_needs_experience": experience,
        "ethnicities_accepted": ethnicities,
        "legal_statuses": legal,
        "contact_willingness": contact,
        "accepts_other_regions": other_regions,
        "preferred_regions": sorted(set(preferred)),
        "children_in_household": rng.choice([0, 0, 0, 1, 2]),
    }
