"""Forms of the §23a application (its people and choices), its forwarding, the hand-over's receipt, the course and
assessment in another region, and the withdrawal (with the written withdrawal when staff record it)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nrp.core.forms import CzechModelChoiceField
from nrp.core.models import Orp, Region
from workflows.applicant_journey.forms.common import PastDateMixin, date_field
from workflows.applicant_journey.models import (
    ApplicationChoices,
    AssessmentConclusion,
    AssessmentKind,
    Relation,
    StayKind,
)

YES_NO = [("", _("— neuvedeno —")), ("yes", _("ano")), ("no", _("ne"))]
PERSON_TEXT = ("birth_surname", "birth_number", "birth_place", "citizenship")
PERSON_DATES = ("born_on", "stay_since", "preparation_consent_on")
OTHER_ROWS = 3
CONSENT_LABEL = _("Souhlas s účastí na přípravě dne")


def _tri(value: str):
    return {"yes": True, "no": False}.get(value)


def _tri_initial(value) -> str:
    return {True: "yes", False: "no"}.get(value, "")


class ApplicationForm(forms.Form):
    """Per applicant: identity data, citizenship, kind and length of stay, habitual residence and the consent to
    the preparation; up to three other persons of the household; the two ÚMPOD choices (APPLICATION_CONTENTS)."""

    umpod_offer_consent = forms.ChoiceField(
        label=_("Souhlasíte s nabídnutím Úřadu pro mezinárodněprávní ochranu dětí po uplynutí zákonné doby?"),
        choices=YES_NO,
        required=False,
    )
    intercountry_only = forms.ChoiceField(
        label=_("Žádáte jen o zprostředkování mezinárodního osvojení?"), choices=YES_NO, required=False
    )
    repeat_applicant = forms.BooleanField(label=_("Žádáme opakovaně (už jsme v evidenci byli)"), required=False)

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = list(journey.application_persons.filter(member__isnull=False)) if journey else []
        for person in self.people:
            p = f"m{person.member_id}_"
            self.fields[p + "birth_surname"] = forms.CharField(label=_("Rodné příjmení"), required=False)
            self.fields[p + "birth_number"] = forms.CharField(label=_("Rodné číslo"), max_length=11, required=False)
            self.fields[p + "born_on"] = date_field(_("Datum narození"), required=False)
            self.fields[p + "birth_place"] = forms.CharField(label=_("Místo narození"), required=False)
            self.fields[p + "citizenship"] = forms.CharField(label=_("Státní občanství"), required=False)
            self.fields[p + "stay_kind"] = forms.ChoiceField(
                label=_("Druh pobytu v ČR"), choices=[("", "—"), *StayKind.choices], required=False
            )
            self.fields[p + "stay_since"] = date_field(
                _("V ČR nepřetržitě od"), required=False, help_text=_("U přechodného pobytu alespoň 365 dní.")
            )
            self.fields[p + "habitual_residence_cz"] = forms.BooleanField(
                label=_("Obvyklé bydliště v ČR"), required=False
            )
            self.fields[p + "preparation_consent_on"] = date_field(CONSENT_LABEL, required=False)
            for name in (*PERSON_TEXT, *PERSON_DATES, "stay_kind", "habitual_residence_cz"):
                self.fields[p + name].initial = getattr(person, name)
        others = list(journey.application_persons.filter(member__isnull=True)) if journey else []
        for i in range(OTHER_ROWS):
            p = f"o{i}_"
            other = others[i] if i < len(others) else None
            self.fields[p + "relation"] = forms.ChoiceField(
                label=_("Další osoba v domácnosti – vztah"),
                choices=[("", "—"), *[(v, lbl) for v, lbl in Relation.choices if v != Relation.APPLICANT]],
                required=False,
            )
            self.fields[p + "first_name"] = forms.CharField(label=_("Jméno"), required=False)
            self.fields[p + "last_name"] = forms.CharField(label=_("Příjmení"), required=False)
            self.fields[p + "born_on"] = date_field(_("Datum narození"), required=False)
            self.fields[p + "birth_number"] = forms.CharField(label=_("Rodné číslo"), max_length=11, required=False)
            self.fields[p + "birth_place"] = forms.CharField(label=_("Místo narození"), required=False)
            self.fields[p + "citizenship"] = forms.CharField(label=_("Státní občanství"), required=False)
            self.fields[p + "preparation_consent_on"] = date_field(
                _("Souhlas s přípravou dne (manžel či partner)"), required=False
            )
            if other is not None:
                for name in ("relation", "first_name", "last_name", "born_on", "birth_number", "birth_place"):
                    self.fields[p + name].initial = getattr(other, name)
                self.fields[p + "citizenship"].initial = other.citizenship
                self.fields[p + "preparation_consent_on"].initial = other.preparation_consent_on
        choices = ApplicationChoices.objects.filter(journey=journey).first() if journey else None
        if choices is not None:
            self.fields["umpod_offer_consent"].initial = _tri_initial(choices.umpod_offer_consent)
            self.fields["intercountry_only"].initial = _tri_initial(choices.intercountry_only)
            self.fields["repeat_applicant"].initial = choices.repeat_applicant

    def member_prefixes(self):
        return [(person, f"m{person.member_id}_") for person in self.people]

    def service_kwargs(self):
        d = self.cleaned_data
        members = {}
        for person in self.people:
            p = f"m{person.member_id}_"
            members[person.member_id] = {
                name: d.get(p + name) for name in (*PERSON_TEXT, *PERSON_DATES, "stay_kind", "habitual_residence_cz")
            }
        others = []
        for i in range(OTHER_ROWS):
            p = f"o{i}_"
            if not d.get(p + "relation") and not d.get(p + "first_name"):
                continue
            others.append(
                {
                    "relation": d.get(p + "relation"),
                    "first_name": d.get(p + "first_name") or "",
                    "last_name": d.get(p + "last_name") or "",
                    "born_on": d.get(p + "born_on"),
                    "birth_number": d.get(p + "birth_number") or "",
                    "birth_place": d.get(p + "birth_place") or "",
                    "citizenship": d.get(p + "citizenship") or "",
                    "preparation_consent_on": d.get(p + "preparation_consent_on"),
                }
            )
        choices = {
            "umpod_offer_consent": _tri(d.get("umpod_offer_consent", "")),
            "intercountry_only": _tri(d.get("intercountry_only", "")),
            "repeat_applicant": d.get("repeat_applicant", False),
        }
        return {"members": members, "others": others, "choices": choices}


class ForwardForm(PastDateMixin, forms.Form):
    past_dates = ("forwarded_on",)
    to_orp = CzechModelChoiceField(label=_("Příslušné ORP (podle trvalého pobytu)"), queryset=Orp.objects.all())
    forwarded_on = date_field(_("Postoupeno dne"))
    reason = forms.CharField(label=_("Proč toto ORP není příslušné"), widget=forms.Textarea(attrs={"rows": 3}))


class ReceiptForm(PastDateMixin, forms.Form):
    past_dates = ("received_on",)
    received_on = date_field(_("Spis převzat dne"))


class ElsewhereForm(forms.Form):
    performing_region = CzechModelChoiceField(label=_("Kraj, který přípravu provede"), queryset=Region.objects.all())
    course = forms.BooleanField(label=_("Příprava k přijetí dítěte"), required=False, initial=True)
    assessment = forms.BooleanField(label=_("Odborné posouzení"), required=False)


class ElsewhereAssessmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Část posouzení"), choices=AssessmentKind.choices)
    member = forms.ChoiceField(label=_("Žadatel (u psychologického posouzení)"), required=False)
    conclusion = forms.ChoiceField(label=_("Závěr"), choices=AssessmentConclusion.choices)
    summary = forms.CharField(label=_("Shrnutí"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        members = list(journey.household.members.all()) if journey else []
        self.fields["member"].choices = [("", "—"), *[(m.pk, m.full_name) for m in members]]


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Poznámka"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    document = forms.FileField(
        label=_("Písemné zpětvzetí žádosti (jen když je zapisuje úřad)"),
        required=False,
        help_text=_("PDF, JPEG nebo PNG, nejvýše 10 MB."),
    )
