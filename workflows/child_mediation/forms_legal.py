"""Forms of the legal steps' screens (``views/legal*``); the services re-check every rule."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import OrganisationKind
from nrp.core.models import Organisation, Orp
from workflows.child_mediation.legal.vocabulary import (
    INDICATION_CHOICES,
    AssessmentKind,
    BreakdownInitiator,
    BreakdownReason,
    ConsentDecision,
    EvidenceKind,
    HearingMethod,
    Parent,
    ProceedingKind,
)
from workflows.child_mediation.models import ChildCase


def choose(form: forms.Form, name: str) -> forms.ModelChoiceField:
    """A model choice field of ``form`` (to narrow its queryset per user)."""
    return cast(forms.ModelChoiceField, form.fields[name])


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class ChildViewForm(forms.Form):
    heard_on = forms.DateField(label=_("Dítě vyslechnuto dne"), widget=DATE)
    heard_by = forms.CharField(label=_("Kdo dítě vyslechl (jméno, role)"), max_length=300)
    method = forms.ChoiceField(label=_("Jak bylo dítě vyslechnuto"), choices=HearingMethod.choices)
    circumstances = forms.CharField(label=_("Okolnosti (kde, kdo byl přítomen)"), widget=TEXT, required=False)
    words = forms.CharField(
        label=_("Názor dítěte jeho slovy"),
        widget=forms.Textarea,
        help_text=_("Slovy, která dítě použilo; u malého dítěte, co bylo pozorováno."),
    )


class AssessmentIndicationForm(forms.Form):
    reason = forms.ChoiceField(label=_("Důvod k posouzení"), choices=INDICATION_CHOICES)
    note = forms.CharField(label=_("Co k posouzení vede"), widget=TEXT)


class ChildAssessmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Druh posouzení"), choices=AssessmentKind.choices)
    assessed_on = forms.DateField(label=_("Posouzeno dne"), widget=DATE)
    assessor = forms.CharField(label=_("Kdo posoudil (jméno, odbornost, pracoviště)"), max_length=300)
    conclusions = forms.CharField(label=_("Závěry pro výběr rodiny"), widget=forms.Textarea)
    recommendations = forms.CharField(label=_("Doporučení"), widget=TEXT, required=False)


class AdoptionConsentForm(forms.Form):
    decision = forms.ChoiceField(label=_("Vyjádření dítěte k osvojení"), choices=ConsentDecision.choices)
    given_on = forms.DateField(label=_("Dne"), widget=DATE)
    how = forms.CharField(label=_("Před kým a jak se dítě vyjádřilo"), widget=TEXT)


class ReadinessWaiverForm(forms.Form):
    reason = forms.CharField(
        label=_("Důvod"),
        widget=TEXT,
        help_text=_("Proč u malého dítěte nelze názor zjistit a posouzení není potřeba (co bylo pozorováno)."),
    )


class LegalEvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Doklad"), choices=EvidenceKind.choices)
    parent = forms.ChoiceField(label=_("Rodič"), choices=Parent.choices)
    act_date = forms.DateField(
        label=_("Datum"), widget=DATE, help_text=_("Souhlasu, rozhodnutí, úmrtí nebo zápisu v matrice.")
    )
    final_on = forms.DateField(label=_("Právní moc rozhodnutí"), widget=DATE, required=False)
    document = forms.CharField(label=_("Doklad (spisová značka, číslo listu)"), max_length=200)
    note = forms.CharField(label=_("Poznámka"), widget=TEXT, required=False)


class EvidenceWithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Pozbylo účinku dne"), widget=DATE)
    reason = forms.CharField(label=_("Proč (odvolaný souhlas, zrušené rozhodnutí)"), widget=TEXT)


class SkipForm(forms.Form):
    note = forms.CharField(
        label=_("Potvrzení a poznámka"),
        widget=TEXT,
        help_text=_("Proč rodinu přeskočit (např. s rodinou ověřeno, že profil odpovídá její situaci)."),
    )


class CourtProceedingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Řízení"), choices=ProceedingKind.choices)
    filed_on = forms.DateField(label=_("Návrh podán dne"), widget=DATE)
    court = forms.CharField(label=_("Soud"), max_length=200)
    court_reference = forms.CharField(label=_("Spisová značka"), max_length=100, required=False)
    case = forms.ModelChoiceField(
        label=_("Případ dítěte v evidenci"), queryset=ChildCase.objects.none(), required=False
    )
    orp = forms.ModelChoiceField(label=_("ORP"), queryset=Orp.objects.none(), required=False)
    child_label = forms.CharField(
        label=_("Dítě, které ještě není v evidenci (vaše značka)"),
        max_length=200,
        required=False,
        help_text=_("Jen u dítěte, které dosud nebylo navrženo; jinak vyberte případ."),
    )

    def __init__(self, *args, cases=None, orps=None, **kwargs):
        super().__init__(*args, **kwargs)
        choose(self, "case").queryset = cases if cases is not None else ChildCase.objects.none()
        choose(self, "orp").queryset = orps if orps is not None else Orp.objects.none()
        if orps is not None and orps.count() == 1:
            self.fields["orp"].initial = orps.first()


class FileSentForm(forms.Form):
    sent_on = forms.DateField(label=_("Spis odeslán dne"), widget=DATE)
    case = forms.ModelChoiceField(label=_("Případ dítěte"), queryset=ChildCase.objects.none(), required=False)

    def __init__(self, *args, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        choose(self, "case").queryset = cases if cases is not None else ChildCase.objects.none()


class AdoptionPetitionForm(forms.Form):
    filed_on = forms.DateField(label=_("Návrh na osvojení podán dne"), widget=DATE)
    court = forms.CharField(label=_("Soud"), max_length=200)


class AdoptionDecisionForm(forms.Form):
    decided_on = forms.DateField(label=_("Soud rozhodl o osvojení dne"), widget=DATE)
    final_on = forms.DateField(label=_("Právní moc"), widget=DATE)


class FosterAgreementForm(forms.Form):
    signed_on = forms.DateField(label=_("Dohoda uzavřena dne"), widget=DATE)
    organisation = forms.ModelChoiceField(
        label=_("Doprovázející organizace"), queryset=Organisation.objects.none(), required=False
    )
    other_party = forms.CharField(label=_("Jiná strana dohody (ORP, krajský úřad)"), max_length=200, required=False)
    late_reason = forms.CharField(
        label=_("Proč po lhůtě"), widget=TEXT, required=False, help_text=_("Povinné, je-li dohoda uzavřena po lhůtě.")
    )

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = Organisation.objects.filter(kind=OrganisationKind.ACCOMPANYING)
        choose(self, "organisation").queryset = orgs.filter(region=region) if region is not None else orgs


class BreakdownForm(forms.Form):
    ended_on = forms.DateField(label=_("Svěření skončilo dne"), widget=DATE)
    reasons = forms.MultipleChoiceField(
        label=_("Důvody"), choices=BreakdownReason.choices, widget=forms.CheckboxSelectMultiple
    )
    initiated_by = forms.ChoiceField(label=_("Z podnětu"), choices=BreakdownInitiator.choices)
    note = forms.CharField(label=_("Popis"), widget=forms.Textarea)
