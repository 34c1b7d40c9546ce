"""Reason templates in Czech (%-style placeholders) and the function that renders one.

Each reason has a stable code; its parameters are numbers, dates (ISO strings) or vocabulary codes. The
Czech sentence is rendered here; the Django side renders the same code in the active language
(``matching/reasons.py``), with the same Czech template as its msgid.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from matching.criteria.czech import PARAM_UNITS_CS
from matching.criteria.labels import EMPTY_LIST_CS, LABELS_CS, PARAM_UNITS, PARAM_VOCABULARY, label_list_cs
from matching.types.results import Reason

TEMPLATES_CS: dict[str, str] = {
    # hard rules (why a family was left out)
    "register_status": "Rodina není v evidenci aktivní (zprostředkování přerušeno, vyřazena, žádost vzata zpět "
    "nebo už má svěřené dítě).",
    "not_yet_effective": "Rozhodnutí o zařazení rodiny zatím nenabylo právní moci.",
    "currently_approached": "Rodina je právě oslovena pro jiné dítě.",
    "other_region": "Dítě je z jiného kraje a rodina přijímá jen děti ze svého kraje.",
    "care_type": "Rodina nemá schválenou žádnou z hledaných forem péče (%(care_types)s).",
    "legal_status_care_type": (
        "Právní postavení dítěte neumožňuje formu péče, kterou rodina má schválenou "
        "(osvojení jen pro právně volné dítě)."
    ),
    "legal_status": "Rodina nepřijímá dítě s tímto právním postavením (%(legal_statuses)s).",
    "age": "Věk dítěte (%(ages)s) je mimo rozmezí, které rodina přijímá.",
    "sex": "Rodina nepřijímá dítě tohoto pohlaví (%(sexes)s).",
    "health_needs": "Rodina nepřijímá všechny zdravotní potřeby dítěte (%(needs)s).",
    "ethnicity": "Rodina nepřijímá dítě tohoto etnika (%(ethnicities)s).",
    "siblings": "Jde o sourozeneckou skupinu (%(size)s) a rodina sourozence nepřijímá.",
    "capacity": "Sourozenecká skupina (%(size)s) je větší, než kolik dětí rodina může přijmout najednou.",
    "contact": "Plánovaný kontakt s biologickou rodinou (%(contact)s) přesahuje ochotu rodiny ke kontaktu.",
    # soft criteria (why a family scored as it did)
    "age.inside": (
        "Věk dítěte (%(ages)s) je uvnitř rozmezí, které rodina přijímá (%(age_min)s–%(age_max)s); plná shoda."
    ),
    "age.upper_edge": (
        "Věk dítěte (%(ages)s) je na horní hranici rozmezí, které rodina přijímá (%(age_min)s–%(age_max)s); "
        "dítě z něj brzy vyroste."
    ),
    "experience.not_applicable": "Dítě nemá zaznamenané zvláštní zdravotní potřeby; zkušenost se neposuzuje.",
    "experience.full": "Rodina má zkušenost se všemi potřebami dítěte (%(needs)s).",
    "experience.partial": "Rodina má zkušenost s potřebami: %(known)s; bez zkušenosti: %(unknown)s.",
    "experience.none": "Rodina zatím nemá zkušenost s potřebami dítěte (%(needs)s), přijímá je však.",
    "distance.no_contact": "Kontakt s biologickou rodinou se neplánuje; vzdálenost se neposuzuje.",
    "distance.birth_unknown": "Bydliště biologické rodiny není zaznamenáno; vzdálenost se neposuzuje.",
    "distance.family_unknown": "Bydliště rodiny není známo; vzdálenost od biologické rodiny nelze posoudit.",
    "distance.km": (
        "Rodina bydlí asi %(km)s km od biologické rodiny (plánován %(contact)s); bližší rodina kontakt usnadní."
    ),
    "waiting.days": "Rodina čeká v evidenci %(days)s od právní moci rozhodnutí.",
    "waiting.tie": (
        "Rodina čeká v evidenci %(days)s od právní moci rozhodnutí. Celkové skóre má shodné s dalšími rodinami "
        "(%(others)s); pořadí mezi nimi určila doba čekání (déle čekající výše)."
    ),
    "waiting.tie_entry": (
        "Rodina čeká v evidenci %(days)s od právní moci rozhodnutí. Celkové skóre má shodné s dalšími rodinami "
        "(%(others)s); pořadí mezi nimi určila doba čekání (déle čekající výše), a kde byla stejná, nižší číslo "
        "záznamu v evidenci."
    ),
    "wishes.not_applicable": "Přání dítěte neobsahují signál, který lze porovnat s rodinou; neposuzují se.",
    "wishes.result": "Přání dítěte – rodina odpovídá: %(met)s; neodpovídá: %(unmet)s.",
    "household.not_applicable": (
        "Spis dítěte nežádá, aby bylo v rodině jediným ani nejmladším dítětem; děti v domácnosti se neposuzují."
    ),
    "household.only_fit": "Dítě má být v rodině jediným dítětem a v domácnosti nejsou další děti.",
    "household.only_unfit": "Dítě má být v rodině jediným dítětem, ale v domácnosti už žijí další děti (%(count)s).",
    "household.youngest_fit": "Dítě má být v rodině nejmladším dítětem a v domácnosti nejsou další děti.",
    "household.youngest_unknown": (
        "Dítě má být v rodině nejmladším dítětem; v domácnosti žijí další děti (%(count)s) a profil rodiny "
        "neuvádí jejich věk – ověřte jej."
    ),
}


def format_param_cs(name: str, value: Any) -> str:
    unit = PARAM_UNITS.get(name)
    if unit is not None:
        word = PARAM_UNITS_CS[unit]
        if isinstance(value, (list, tuple)):
            return ", ".join(word(int(v)) for v in value) if value else EMPTY_LIST_CS
        return word(int(value))
    vocabulary = PARAM_VOCABULARY.get(name)
    if vocabulary is not None:
        if isinstance(value, (list, tuple)):
            return label_list_cs(vocabulary, value)
        return LABELS_CS[vocabulary].get(value, value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def make_reason(code: str, **params: Any) -> Reason:
    """Build a reason: stable code, sorted parameters, and the Czech sentence (memoised: reasons repeat a lot)."""
    return _reason(code, tuple(sorted(params.items())))


@lru_cache(maxsize=65_536)
def _reason(code: str, params: tuple[tuple[str, Any], ...]) -> Reason:
    template = TEMPLATES_CS[code]
    text = template % {name: format_param_cs(name, value) for name, value in params} if params else template
    return Reason(code, params, text)
