"""Forms of the matching screens."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from matching.models import MatchingWeights, RankingScope, WishFlagChoice
from matching.types.inputs import WEIGHT_FIELDS


class WeightsForm(forms.ModelForm):
    class Meta:
        model = MatchingWeights
        fields = list(WEIGHT_FIELDS)
        widgets = {name: forms.NumberInput(attrs={"step": "0.05", "min": "0", "max": "1"}) for name in WEIGHT_FIELDS}


class WishesForm(forms.Form):
    flags = forms.MultipleChoiceField(
        label=_("Co z přání dítěte lze porovnat s rodinou"),
        choices=WishFlagChoice.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Zaškrtněte jen to, co dítě samo jasně vyjádřilo. Jeho slova zůstávají ve spisu."),
    )


class RunForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Rozsah hledání"), choices=RankingScope.choices, initial=RankingScope.REGIONAL, widget=forms.RadioSelect
    )
