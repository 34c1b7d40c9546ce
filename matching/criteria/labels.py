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
    "sexes": "sex",
    "needs": "health_need",
    "known": "health_need",
    "unknown": "health_need",
    "ethnicities": "ethnicity",
    "contact": "contact",
    "status": "status",
    "met": "wish",
    "unmet": "wish",
}

EMPTY_LIST_CS = "–"


def label_list_cs(vocabulary: str, codes: Iterable[str]) -> str:
    labels = LABELS_CS[vocabulary]
    items = [labels.get(code, code) for code in codes]
    return ", ".join(items) if items else EMPTY_LIST_CS
