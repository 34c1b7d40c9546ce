"""What the journey's forms share: date inputs, past dates, care types, the acceptance profile, messages."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import MEDIATED_CARE_TYPES, CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex
from nrp.core.forms import CzechModelMultipleChoiceField
from nrp.core.models import Region

DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
BIRTH_DATE_TOO_YOUNG = _("Žadatel musí být zletilý (alespoň 18 let).")
BIRTH_DATE_IMPOSSIBLE = _("Zkontrolujte prosím datum narození.")
CONSENT_REQUIRED = _("Bez souhlasu se zpracováním osobních údajů nemůžeme vaši žádost vést.")
APPEAL_DATE_REQUIRED = _("Zadejte datum, kdy bylo odvolání podáno.")
WAIVER_DATE_REQUIRED = _("Zadejte datum, kdy úřadu došlo vzdání se odvolání.")

MEDIATED_CHOICES = [(c.value, c.label) for c in CareType if c in MEDIATED_CARE_TYPES]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text)


class PastDateMixin:
    """Dates of things that already happened cannot lie in the future."""

    past_dates: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        for name in self.past_dates:
            value = cleaned.get(name)
            if isinstance(value, date) and value > today:
                self.add_error(name, DATE_IN_FUTURE)
        return cleaned


CARE_TYPES_LABEL = _("Formy péče")


def care_types_field(label=CARE_TYPES_LABEL):
    return forms.MultipleChoiceField(label=label, choices=MEDIATED_CHOICES, widget=forms.CheckboxSelectMultiple)


class ProfileFieldsMixin(forms.Form):
    """The acceptance profile (profil přijatelného dítěte): which children the family can take."""

    age_min = forms.IntegerField(label=_("Věk dítěte od (let)"), min_value=0, max_value=17, initial=0)
    age_max = forms.IntegerField(label=_("Věk dítěte do (let)"), min_value=0, max_value=17, initial=6)
    sexes = forms.MultipleChoiceField(
        label=_("Pohlaví dítěte"), choices=Sex.choices, widget=forms.CheckboxSelectMultiple, initial=["F", "M"]
    )
    max_children = forms.IntegerField(label=_("Kolik dětí najednou"), min_value=1, max_value=6, initial=1)
    accepts_siblings = forms.BooleanField(label=_("Přijmou sourozeneckou skupinu"), required=False)
    health_needs_accepted = forms.MultipleChoiceField(
        label=_("Přijatelné zdravotní potřeby a postižení"),
        choices=HealthNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    health_needs_experience = forms.MultipleChoiceField(
        label=_("S čím mají zkušenost"), choices=HealthNeed.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    ethnicities_accepted = forms.MultipleChoiceField(
        label=_("Přijatelné etnikum"),
        choices=Ethnicity.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[e.value for e in Ethnicity],
    )
    legal_statuses = forms.MultipleChoiceField(
        label=_("Právní postavení dítěte"),
        choices=LegalStatus.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[LegalStatus.FREE],
    )
    contact_willingness = forms.ChoiceField(
        label=_("Ochota ke kontaktu s biologickou rodinou"),
        choices=ContactLevel.choices,
        initial=ContactLevel.SUPERVISED,
    )
    accepts_other_regions = forms.BooleanField(label=_("Přijmou i dítě z jiného kraje"), required=False, initial=True)
    preferred_regions = CzechModelMultipleChoiceField(
        label=_("Preferované kraje"), queryset=Region.objects.all(), required=False
    )
    children_in_household = forms.IntegerField(label=_("Dětí již v domácnosti"), min_value=0, max_value=15, initial=0)

    PROFILE_FIELDS = (
        "age_min",
        "age_max",
        "sexes",
        "max_children",
        "accepts_siblings",
        "health_needs_accepted",
        "health_needs_experience",
        "ethnicities_accepted",
        "legal_statuses",
        "contact_willingness",
        "accepts_other_regions",
        "children_in_household",
    )

    def clean(self):
        cleaned = super().clean()
        lo, hi = cleaned.get("age_min"), cleaned.get("age_max")
        if lo is not None and hi is not None and lo > hi:
            self.add_error("age_min", _("Nejnižší věk dítěte nesmí být vyšší než nejvyšší věk."))
        return cleaned

    def profile_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.PROFILE_FIELDS}
        data["preferred_regions"] = [r.pk for r in self.cleaned_data.get("preferred_regions") or []]
        return data
