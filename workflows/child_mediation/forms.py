"""Forms of the children register screens (validation messages in Czech; services re-check the rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.core.choices import MEDIATED_CARE_TYPES, CareType, ContactLevel, HealthNeed, HouseholdPosition
from nrp.core.forms import CzechModelChoiceField
from nrp.core.models import Orp, User
from workflows.child_mediation.forms_approach_order import ApproachOrderField
from workflows.child_mediation.models import Child, ChildCase, ClosureReason, ParticipantRole

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MAX_CHILDREN_IN_GROUP = 8
MEDIATED_CHOICES = [(c.value, c.label) for c in MEDIATED_CARE_TYPES]


class CaseProposalForm(forms.Form):
    """The child's file sent by OSPOD (spisová dokumentace dítěte), without the children themselves."""

    orp = CzechModelChoiceField(label=_("ORP dítěte"), queryset=Orp.objects.none())
    care_types_sought = forms.MultipleChoiceField(
        label=_("Hledaná forma péče"), choices=MEDIATED_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    contact_plan = forms.ChoiceField(label=_("Kontakt s biologickou rodinou"), choices=ContactLevel.choices)
    birth_family_orp = CzechModelChoiceField(
        label=_("Kde žije biologická rodina (ORP)"),
        queryset=Orp.objects.all(),
        required=False,
        help_text=_("Povinné, je-li plánován kontakt: bližší rodina je pro kontakt výhodnější."),
    )
    wishes = forms.CharField(label=_("Přání dítěte jeho vlastními slovy"), widget=forms.Textarea, required=False)
    wishes_how_heard = forms.CharField(
        label=_("Jak bylo dítě vyslechnuto"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    household_position = forms.ChoiceField(
        label=_("Postavení mezi dětmi v rodině"),
        choices=HouseholdPosition.choices,
        required=False,
        help_text=_(
            "Jen pokud spis žádá, aby dítě bylo v rodině jediným nebo nejmladším dítětem; párování pak zohlední "
            "děti, které už v domácnosti žijí."
        ),
    )
    siblings_separation_reason = forms.CharField(
        label=_("Důvod odděleného umístění sourozenců"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Sourozenci se umisťují společně; vyplňte jen tehdy, pokud spis uvádí, proč ne."),
    )
    notes = forms.CharField(label=_("Poznámky"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, orps=None, **kwargs):
        super().__init__(*args, **kwargs)
        orp_field = self.fields["orp"]
        assert isinstance(orp_field, forms.ModelChoiceField)
        orp_field.queryset = orps if orps is not None else Orp.objects.none()
        if orps is not None and orps.count() == 1:
            self.fields["orp"].initial = orps.first()


class ChildForm(forms.ModelForm):
    health_needs = forms.MultipleChoiceField(
        label=_("Zdravotní a vývojové potřeby"),
        choices=HealthNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Child
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "sex",
            "legal_status",
            "health_needs",
            "health_notes",
            "ethnicity",
        ]
        widgets = {"date_of_birth": DATE, "health_notes": forms.Textarea(attrs={"rows": 3})}


ChildFormSet = forms.formset_factory(ChildForm, extra=0, min_num=1, validate_min=True, max_num=MAX_CHILDREN_IN_GROUP)


class RegisterForm(forms.Form):
    registered_on = forms.DateField(label=_("Datum zařazení do evidence dětí"), widget=DATE)


class StaffChoiceField(forms.ModelMultipleChoiceField):
    """Staff of the child's case, each labelled with the role they take at the conference."""

    case: ChildCase | None = None

    def label_from_instance(self, obj: User) -> str:
        from workflows.child_mediation.services.conference_invitations import participant_role

        name = obj.get_full_name() or obj.email
        return f"{name} ({ParticipantRole(participant_role(obj, self.case)).label})" if self.case else name


class ConferenceForm(forms.Form):
    scheduled_at = forms.DateTimeField(label=_("Termín konference"), widget=DATETIME)
    place = forms.CharField(
        label=_("Místo konání"), max_length=200, help_text=_("Adresa nebo místnost; uvede se v pozvánce.")
    )
    shortlist_size = forms.IntegerField(label=_("Počet rodin v užším výběru (N)"), min_value=1, max_value=20, initial=5)
    staff = StaffChoiceField(
        label=_("Pozvaní pracovníci"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Dostanou e-mailem pozvánku s položkou do kalendáře (bez údajů o dítěti)."),
    )
    officer_name = forms.CharField(
        label=_("Pracovník krajského úřadu (není-li mezi pozvanými)"), max_length=200, required=False
    )
    ospod_name = forms.CharField(label=_("Pracovník OSPOD dítěte"), max_length=200, required=False)
    psychologist_name = forms.CharField(label=_("Psycholog"), max_length=200, required=False)
    carer_name = forms.CharField(label=_("Současný pečovatel dítěte"), max_length=200, required=False)
    guide_name = forms.CharField(label=_("Průvodce (je-li to namístě)"), max_length=200, required=False)
    other_names = forms.CharField(
        label=_("Další účastníci mimo systém (každý na nový řádek)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, case: ChildCase | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case is not None:
            from workflows.child_mediation.services.conference_invitations import eligible_staff

            staff = self.fields["staff"]
            assert isinstance(staff, StaffChoiceField)
            staff.queryset = eligible_staff(case)
            staff.case = case

    def participants(self) -> list[tuple[str, str]]:
        d = self.cleaned_data
        rows = [
            (ParticipantRole.OFFICER, d.get("officer_name", "")),
            (ParticipantRole.OSPOD, d.get("ospod_name", "")),
            (ParticipantRole.PSYCHOLOGIST, d.get("psychologist_name", "")),
            (ParticipantRole.CARER, d.get("carer_name", "")),
            (ParticipantRole.GUIDE, d.get("guide_name", "")),
        ]
        rows += [(ParticipantRole.OTHER, line) for line in d.get("other_names", "").splitlines()]
        return [(role, name.strip()) for role, name in rows if name and name.strip()]


class MinutesForm(forms.Form):
    attendance = forms.CharField(label=_("Přítomni (docházka)"), widget=forms.Textarea(attrs={"rows": 3}))
    discussion = forms.CharField(label=_("Shrnutí diskuse"), widget=forms.Textarea)
    wishes_considered = forms.CharField(
        label=_("Jak byla zohledněna přání dítěte"), widget=forms.Textarea(attrs={"rows": 3})
    )
    approach_order = ApproachOrderField(
        label=_("Pořadí rodin k oslovení"),
        help_text=_(
            "Zaškrtněte rodiny z užšího výběru, které se mají oslovit, a tlačítky výš / níž určete pořadí oslovení."
        ),
    )
    reasoning = forms.CharField(label=_("Zdůvodnění pořadí"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, shortlist: list[dict[str, Any]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approach_order"].widget.rows = list(shortlist or [])


class NoticeForm(forms.Form):
    # Empty: a draft of the written notice is prepared for sending (views/notices.py); a date: the notice was
    # handed over in person that day and the window runs from it.
    notified_on = forms.DateField(
        label=law.message(_("Vyrozumění předáno osobně dne (%(law)s)"), law="SELECTION"),
        help_text=_("Nevyplňujte, pokud vyrozumění teprve odešlete: připraví se návrh dopisu k odeslání."),
        widget=DATE,
        required=False,
    )


class AnswerForm(forms.Form):
    accepted = forms.TypedChoiceField(
        label=_("Odpověď rodiny"),
        choices=[("1", _("přijímá – podá návrh soudu")), ("0", _("odmítá"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    answered_on = forms.DateField(label=_("Datum odpovědi"), widget=DATE)
    reason = forms.CharField(
        label=_("Důvod (u odmítnutí povinný)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    # Accepted: the court the family petitioned and the day (checked against the notice: services.notices).
    court = forms.CharField(label=_("Soud, u něhož rodina podala návrh"), max_length=200, required=False)
    filed_on = forms.DateField(label=_("Návrh podán dne"), widget=DATE, required=False)


class ExtensionForm(forms.Form):
    days = forms.IntegerField(
        label=_("Prodloužit o (dní)"),
        min_value=1,
        help_text=law.message(_("Nejvýše o 30 dní, jen jednou (%(law)s)."), law="SELECTION_EXTENSION"),
    )
    reason = forms.CharField(label=_("Důvod prodloužení"), widget=forms.Textarea(attrs={"rows": 3}))


class CourtDecisionForm(forms.Form):
    care_type = forms.ChoiceField(label=_("Forma péče"), choices=MEDIATED_CHOICES)
    court_decision_date = forms.DateField(label=_("Datum rozhodnutí soudu"), widget=DATE)
    effective_date = forms.DateField(label=_("Datum právní moci"), widget=DATE)
    pre_adoption_care_start = forms.DateField(
        label=_("Počátek péče před osvojením"),
        widget=DATE,
        required=False,
        help_text=law.message(
            _("U osvojení povinné: soud rozhodne nejdříve po 6 měsících péče (%(law)s)."), law="PRE_ADOPTION_CARE"
        ),
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            care_type = self.fields["care_type"]
            assert isinstance(care_type, forms.ChoiceField)
            care_type.choices = [(t, CareType(t).label) for t in case.care_types_sought]


class AgreementForm(forms.Form):
    signed_on = forms.DateField(
        label=law.message(_("Dohoda o výkonu pěstounské péče uzavřena dne (%(law)s)"), law="FOSTER_AGREEMENT"),
        widget=DATE,
    )


class ClosureForm(forms.Form):
    reason = forms.ChoiceField(label=_("Důvod uzavření"), choices=ClosureReason.choices)
    note = forms.CharField(label=_("Zdůvodnění"), widget=forms.Textarea(attrs={"rows": 4}))
    closed_on = forms.DateField(label=_("Datum uzavření"), widget=DATE)
    confirm = forms.BooleanField(
        label=_("Potvrzuji uzavření případu; otevřená oslovení rodin budou zrušena."), required=True
    )


class RegisterFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Stav"), required=False)
    flag = forms.ChoiceField(
        label=_("Příznak"),
        required=False,
        choices=[
            ("", _("otevřené případy")),
            ("national", _("celostátní hledání")),
            ("intercountry_due", _("ÚMPOD: do 6 měsíců / nabídnuto")),
            ("intercountry", _("nabídnuto ÚMPOD")),
            ("all", _("všechny včetně uzavřených")),
        ],
    )
    care_type = forms.ChoiceField(
        label=_("Forma péče"), required=False, choices=[("", _("všechny")), *MEDIATED_CHOICES]
    )

    def __init__(self, *args, **kwargs):
        from workflows.child_mediation.models import ChildCaseStatus

        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = [("", _("všechny")), *ChildCaseStatus.choices]
