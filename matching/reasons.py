"""Reasons and labels in the active language (the engine writes Czech; this renders the same code in any language).

The msgids are the engine's own Czech templates (``matching.criteria.reasons.TEMPLATES_CS``); a test keeps the
two equal, so a Czech reader sees exactly the engine's sentence and an English one its translation.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from matching.criteria.labels import PARAM_UNITS, PARAM_VOCABULARY
from matching.models import WishFlagChoice
from nrp.core import czech
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex
from workflows.applicant_journey.models import RegisterStatus

MESSAGES = {
    "register_status": _(
        "Rodina není v evidenci aktivní (zprostředkování přerušeno, vyřazena, "
        "žádost vzata zpět nebo už má svěřené dítě)."
    ),
    "not_yet_effective": _("Rozhodnutí o zařazení rodiny zatím nenabylo právní moci."),
    "currently_approached": _("Rodina je právě oslovena pro jiné dítě."),
    "other_region": _("Dítě je z jiného kraje a rodina přijímá jen děti ze svého kraje."),
    "care_type": _("Rodina nemá schválenou žádnou z hledaných forem péče (%(care_types)s)."),
    "legal_status_care_type": _(
        "Právní postavení dítěte neumožňuje formu péče, kterou rodina má "
        "schválenou (osvojení jen pro právně volné dítě)."
    ),
    "legal_status": _("Rodina nepřijímá dítě s tímto právním postavením (%(legal_statuses)s)."),
    "age": _("Věk dítěte (%(ages)s) je mimo rozmezí, které rodina přijímá."),
    "sex": _("Rodina nepřijímá dítě tohoto pohlaví (%(sexes)s)."),
    "health_needs": _("Rodina nepřijímá všechny zdravotní potřeby dítěte (%(needs)s)."),
    "ethnicity": _("Rodina nepřijímá dítě tohoto etnika (%(ethnicities)s)."),
    "siblings": _("Jde o sourozeneckou skupinu (%(size)s) a rodina sourozence nepřijímá."),
    "capacity": _("Sourozenecká skupina (%(size)s) je větší, než kolik dětí rodina může přijmout najednou."),
    "contact": _("Plánovaný kontakt s biologickou rodinou (%(contact)s) přesahuje ochotu rodiny ke kontaktu."),
    "age.inside": _(
        "Věk dítěte (%(ages)s) je uvnitř rozmezí, které rodina přijímá (%(age_min)s–%(age_max)s); plná shoda."
    ),
    "age.upper_edge": _(
        "Věk dítěte (%(ages)s) je na horní hranici rozmezí, které rodina přijímá (%(age_min)s–%(age_max)s); "
        "dítě z něj brzy vyroste."
    ),
    "experience.not_applicable": _("Dítě nemá zaznamenané zvláštní zdravotní potřeby; zkušenost se neposuzuje."),
    "experience.full": _("Rodina má zkušenost se všemi potřebami dítěte (%(needs)s)."),
    "experience.partial": _("Rodina má zkušenost s potřebami: %(known)s; bez zkušenosti: %(unknown)s."),
    "experience.none": _("Rodina zatím nemá zkušenost s potřebami dítěte (%(needs)s), přijímá je však."),
    "distance.no_contact": _("Kontakt s biologickou rodinou se neplánuje; vzdálenost se neposuzuje."),
    "distance.birth_unknown": _("Bydliště biologické rodiny není zaznamenáno; vzdálenost se neposuzuje."),
    "distance.family_unknown": _("Bydliště rodiny není známo; vzdálenost od biologické rodiny nelze posoudit."),
    "distance.km": _(
        "Rodina bydlí asi %(km)s km od biologické rodiny (plánován %(contact)s); bližší rodina kontakt usnadní."
    ),
    "waiting.days": _("Rodina čeká v evidenci %(days)s od právní moci rozhodnutí."),
    "waiting.tie": _(
        "Rodina čeká v evidenci %(days)s od právní moci rozhodnutí. Celkové skóre má shodné s dalšími rodinami "
        "(%(others)s); pořadí mezi nimi určila doba čekání (déle čekající výše)."
    ),
    "waiting.tie_entry": _(
        "Rodina čeká v evidenci %(days)s od právní moci rozhodnutí. Celkové skóre má shodné s dalšími rodinami "
        "(%(others)s); pořadí mezi nimi určila doba čekání (déle čekající výše), a kde byla stejná, nižší číslo "
        "záznamu v evidenci."
    ),
    "wishes.not_applicable": _("Přání dítěte neobsahují signál, který lze porovnat s rodinou; neposuzují se."),
    "wishes.result": _("Přání dítěte – rodina odpovídá: %(met)s; neodpovídá: %(unmet)s."),
    "household.not_applicable": _(
        "Spis dítěte nežádá, aby bylo v rodině jediným ani nejmladším dítětem; děti v domácnosti se neposuzují."
    ),
    "household.only_fit": _("Dítě má být v rodině jediným dítětem a v domácnosti nejsou další děti."),
    "household.only_unfit": _("Dítě má být v rodině jediným dítětem, ale v domácnosti už žijí další děti (%(count)s)."),
    "household.youngest_fit": _("Dítě má být v rodině nejmladším dítětem a v domácnosti nejsou další děti."),
    "household.youngest_unknown": _(
        "Dítě má být v rodině nejmladším dítětem; v domácnosti žijí další děti (%(count)s) a profil rodiny "
        "neuvádí jejich věk – ověřte jej."
    ),
}

CRITERION_LABELS = {
    "age_preference": _("Blízkost věku k představě rodiny"),
    "needs_experience": _("Zkušenost s potřebami dítěte"),
    "birth_family_distance": _("Vzdálenost od biologické rodiny"),
    "waiting_time": _("Doba čekání v evidenci"),
    "child_wishes": _("Přání dítěte"),
    "household_children": _("Děti již v domácnosti"),
}

RULE_LABELS = {
    "register_status": _("Není aktivní v evidenci"),
    "not_yet_effective": _("Rozhodnutí dosud bez právní moci"),
    "currently_approached": _("Právě oslovena pro jiné dítě"),
    "other_region": _("Nepřijímá dítě z jiného kraje"),
    "care_type": _("Nemá schválenou hledanou formu péče"),
    "legal_status_care_type": _("Právní postavení dítěte neumožňuje schválenou formu péče"),
    "legal_status": _("Nepřijímá právní postavení dítěte"),
    "age": _("Věk dítěte mimo rozmezí"),
    "sex": _("Nepřijímá pohlaví dítěte"),
    "health_needs": _("Nepřijímá zdravotní potřeby dítěte"),
    "ethnicity": _("Nepřijímá etnikum dítěte"),
    "siblings": _("Nepřijímá sourozence"),
    "capacity": _("Nedostatečná kapacita domácnosti"),
    "contact": _("Kontakt nad rámec ochoty rodiny"),
}

VOCABULARIES: dict[str, type[models.TextChoices]] = {
    "care_type": CareType,
    "legal_status": LegalStatus,
    "sex": Sex,
    "health_need": HealthNeed,
    "ethnicity": Ethnicity,
    "contact": ContactLevel,
    "status": RegisterStatus,
    "wish": WishFlagChoice,
}


# Counted parameters in the active language ("1 rok, 4 roky, 5 let"; "1 year, 5 years").
UNITS = {"years": czech.years, "days": czech.days, "children": czech.children, "families": czech.families}


def _label(vocabulary: str, code: str) -> str:
    if vocabulary == "child_sex":
        return czech.child_sex_word(code)
    choices = VOCABULARIES[vocabulary]
    try:
        label = str(choices(code).label)
    except ValueError:
        return code
    # Labels stand inside a sentence: "Osvojení" → "osvojení" (some vocabularies are capitalised for forms).
    return label[:1].lower() + label[1:]


def render_param(name: str, value: Any) -> str:
    unit = PARAM_UNITS.get(name)
    if unit is not None:
        word = UNITS[unit]
        if isinstance(value, (list, tuple)):
            return ", ".join(word(int(v)) for v in value) if value else "–"
        return word(int(value))
    vocabulary = PARAM_VOCABULARY.get(name)
    if isinstance(value, (list, tuple)):
        items = [_label(vocabulary, v) if vocabulary else str(v) for v in value]
        return ", ".join(items) if items else "–"
    if vocabulary:
        return _label(vocabulary, value)
    return str(value)


def render_reason(reason: dict[str, Any]) -> str:
    """A stored reason (``{"code", "params", "text"}``) as a sentence in the active language."""
    message = MESSAGES.get(reason.get("code", ""))
    if message is None:
        return reason.get("text", "")
    params = reason.get("params") or {}
    template = str(message)  # lazy: translated into the active language here
    if not params:
        return template
    return template % {name: render_param(name, value) for name, value in params.items()}
