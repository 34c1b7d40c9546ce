"""Czech labels of the vocabulary codes, for the engine's own Czech sentences (the engine cannot import Django).

They mirror the TextChoices labels in ``nrp.core.choices``; a test keeps them equal.
"""

from __future__ import annotations

from collections.abc import Iterable

LABELS_CS: dict[str, dict[str, str]] = {
    "care_type": {
        "ADOPTION": "osvojení",
        "FOSTER": "pěstounská péče",
        "FOSTER_TEMP": "pěstounská péče na přechodnou dobu",
        "GUARDIAN": "poručenství s osobní péčí",
    },
    "legal_status": {"free": "právně volné", "not_free": "právně nevolné"},
    "sex": {"F": "žena", "M": "muž"},
    # A child's sex in a reason: "dívka", "chlapec" (never "žena", "muž").
    "child_sex": {"F": "dívka", "M": "chlapec"},
    "health_need": {
        "physical": "tělesné postižení",
        "intellectual": "mentální postižení",
        "sensory": "smyslové postižení",
        "chronic": "chronické onemocnění",
        "delay": "opožděný vývoj",
        "behavioural": "poruchy chování",
        "prenatal": "prenatální expozice alkoholu či drogám",
        "infectious": "infekční onemocnění (hepatitida, HIV)",
    },
    "ethnicity": {"majority": "majoritní", "roma": "romské", "other": "jiné"},
    "contact": {"none": "bez kontaktu", "supervised": "asistovaný kontakt", "regular": "pravidelný kontakt"},
    "status": {
        "active": "v evidenci",
        "paused": "zprostředkování přerušeno",
        "removed": "vyřazen z evidence",
        "withdrawn": "žádost vzata zpět",
        "placed": "dítě svěřeno",
    },
    "wish": {
        "other_children": "vyrůstat s dalšími dětmi",
        "only_child": "být v rodině jediným dítětem",
        "near_home": "zůstat blízko domova",
    },
}

# Which vocabulary each reason parameter holds (the Django adapter uses the same map with gettext labels).
PARAM_VOCABULARY: dict[str, str] = {
    "care_types": "care_type",
    "legal_statuses": "legal_status",
    "sexes": "child_sex",
    "needs": "health_need",
    "known": "health_need",
    "unknown": "health_need",
    "ethnicities": "ethnicity",
    "contact": "contact",
    "status": "status",
    "met": "wish",
    "unmet": "wish",
}

# Reason parameters that count something, with the unit they count (rendered "1 rok", "4 roky", "5 let"; the
# Django adapter renders the same units through ``nrp.core.czech`` in the active language).
PARAM_UNITS: dict[str, str] = {
    "ages": "years",
    "age_max": "years",
    "days": "days",
    "count": "children",
    "size": "children",
    "others": "families",
}

EMPTY_LIST_CS = "–"


def label_list_cs(vocabulary: str, codes: Iterable[str]) -> str:
    labels = LABELS_CS[vocabulary]
    items = [labels.get(code, code) for code in codes]
    return ", ".join(items) if items else EMPTY_LIST_CS
