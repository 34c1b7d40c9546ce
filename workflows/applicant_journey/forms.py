"""Forms of the journey's task screens and actions. Labels and messages in plain Czech."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import MEDIATED_CARE_TYPES, CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Sex
from nrp.core.models import Orp, Region
from workflows.applicant_journey.models import (
    AppealOutcome,
    AssessmentConclusion,
    AssessmentKind,
    CompletenessOutcome,
    CourseSession,
    DecisionOutcome,
    DocumentStatus,
)

DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")
BIRTH_DATE_TOO_YOUNG = _("Žadatel musí být zletilý (alespoň 18 let).")
BIRTH_DATE_IMPOSSIBLE = _("Zkontrolujte prosím datum narození.")
CONSENT_REQUIRED = _("Bez souhlasu se zpracováním osobních údajů nemůžeme vaši žádost vést.")
APPEAL_DATE_REQUIRED = _("Zadejte datum, kdy bylo odvolání podáno.")

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
    preferred_regions = forms.ModelMultipleChoiceField(
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


class InformationMeetingForm(PastDateMixin, forms.Form):
    past_dates = ("met_on",)
    met_on = date_field(_("Datum informační schůzky"))
    care_types = care_types_field(_("O jakou formu péče mají zájem"))
    note = forms.CharField(label=_("Poznámka"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def service_kwargs(self):
        d = self.cleaned_data
        return {"met_on": d["met_on"], "care_types": d["care_types"], "note": d["note"]}


class FileApplicationForm(PastDateMixin, ProfileFieldsMixin):
    past_dates = ("filed_on",)
    filed_on = date_field(_("Datum podání žádosti"))
    care_types = care_types_field(_("Žádost o zařazení pro formy péče"))
    already_fosters = forms.BooleanField(
        label=_("Rodina už pečuje o svěřené dítě (dohoda o výkonu PP)"), required=False
    )

    field_order = ["filed_on", "care_types", "already_fosters"]

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(journey.household.members.all()) if journey else []
        for member in self.members:
            self.fields[f"countries_{member.pk}"] = forms.CharField(
                label=_("%(name)s: země, kde žil(a) déle než 3 měsíce") % {"name": member.full_name},
                help_text=_("Oddělte čárkou. Z každé země je potřeba výpis z rejstříku trestů; český si vyžádá ORP."),
                required=False,
            )
        if journey and journey.care_types:
            self.fields["care_types"].initial = journey.care_types

    def service_kwargs(self):
        d = self.cleaned_data
        countries = {
            m.pk: [c.strip() for c in d.get(f"countries_{m.pk}", "").split(",") if c.strip()] for m in self.members
        }
        return {
            "filed_on": d["filed_on"],
            "care_types": d["care_types"],
            "already_fosters": d["already_fosters"],
            "foreign_countries": countries,
            "profile": self.profile_data(),
        }


class CheckApplicationForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Výsledek kontroly"), choices=CompletenessOutcome.choices, widget=forms.RadioSelect
    )
    missing_items = forms.CharField(
        label=_("Co chybí (každou položku na nový řádek)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    reasons = forms.CharField(
        label=_("Důvody zamítnutí / proč se nezprostředkovává"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def service_kwargs(self):
        d = self.cleaned_data
        return {
            "outcome": d["outcome"],
            "missing_items": [line for line in d["missing_items"].splitlines() if line.strip()],
            "reasons": d["reasons"],
        }


class CompleteApplicationForm(forms.Form):
    note = forms.CharField(label=_("Co jste doplnili"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def service_kwargs(self):
        return {"note": self.cleaned_data["note"]}


class SocialInvestigationForm(PastDateMixin, forms.Form):
    past_dates = ("visited_on",)
    visited_on = date_field(_("Datum sociálního šetření"))
    notes = forms.CharField(label=_("Záznam z návštěvy v domácnosti"), widget=forms.Textarea(attrs={"rows": 6}))

    def service_kwargs(self):
        return dict(self.cleaned_data)


class HandoverForm(PastDateMixin, forms.Form):
    past_dates = ("sent_on",)
    sent_on = date_field(_("Datum odeslání spisu krajskému úřadu"))

    def service_kwargs(self):
        return dict(self.cleaned_data)


class AssignAssessmentForm(forms.Form):
    assessor = forms.ModelChoiceField(label=_("Posuzovatel"), queryset=None)

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        from workflows.applicant_journey.services.assignment import assessors_of

        self.fields["assessor"].queryset = assessors_of(journey.region_id) if journey else Region.objects.none()

    def service_kwargs(self):
        return {"assessor": self.cleaned_data["assessor"]}


class ExpertAssessmentForm(PastDateMixin, forms.Form):
    past_dates = ("done_on",)
    done_on = date_field(_("Posouzení dokončeno dne"))

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(journey.household.members.all()) if journey else []
        self.parts = [(f"psych_{m.pk}", AssessmentKind.PSYCHOLOGICAL, m.pk, m.full_name) for m in self.members]
        self.parts += [
            ("social", AssessmentKind.SOCIAL, None, AssessmentKind.SOCIAL.label),
            ("health", AssessmentKind.HEALTH, None, AssessmentKind.HEALTH.label),
        ]
        for key, kind, _member_id, who in self.parts:
            title = (
                _("Psychologické posouzení: %(name)s") % {"name": who}
                if kind == AssessmentKind.PSYCHOLOGICAL
                else str(who).capitalize()
            )
            self.fields[f"{key}_conclusion"] = forms.ChoiceField(
                label=_("%(title)s – závěr") % {"title": title}, choices=AssessmentConclusion.choices
            )
            self.fields[f"{key}_summary"] = forms.CharField(
                label=_("%(title)s – shrnutí") % {"title": title}, widget=forms.Textarea(attrs={"rows": 3})
            )

    def service_kwargs(self):
        d = self.cleaned_data
        parts = [
            {
                "member_id": member_id,
                "kind": kind,
                "conclusion": d[f"{key}_conclusion"],
                "summary": d[f"{key}_summary"],
            }
            for key, kind, member_id, _who in self.parts
        ]
        return {"parts": parts, "done_on": d["done_on"]}


class PreparationForm(PastDateMixin, forms.Form):
    past_dates = ("completed_on",)
    completed_on = date_field(_("Příprava dokončena dne"))

    def service_kwargs(self):
        return dict(self.cleaned_data)


class AttendanceForm(forms.Form):
    session = forms.ModelChoiceField(label=_("Setkání přípravy"), queryset=CourseSession.objects.none())
    member = forms.ChoiceField(label=_("Žadatel"))
    hours = forms.DecimalField(label=_("Odučeno hodin"), min_value=0, max_value=24, decimal_places=1)

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        if journey:
            self.fields["session"].queryset = CourseSession.objects.filter(region_id=journey.region_id)
            self.fields["member"].choices = [(m.pk, m.full_name) for m in journey.household.members.all()]


class FileInspectionForm(PastDateMixin, forms.Form):
    past_dates = ("offered_on", "inspected_on")
    offered_on = date_field(_("Seznámení s podklady nabídnuto dne"))
    inspected_on = date_field(_("Žadatelé se s podklady seznámili dne"), required=False)

    def service_kwargs(self):
        return dict(self.cleaned_data)


class DecisionForm(PastDateMixin, ProfileFieldsMixin):
    past_dates = ("decision_date", "delivered_on")
    outcome = forms.ChoiceField(label=_("Rozhodnutí"), choices=DecisionOutcome.choices, widget=forms.RadioSelect)
    decision_date = date_field(_("Datum rozhodnutí"))
    delivered_on = date_field(_("Datum doručení"))
    reasons = forms.CharField(label=_("Odůvodnění"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    approved_care_types = forms.MultipleChoiceField(
        label=_("Schválené formy péče"), choices=MEDIATED_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )

    field_order = ["outcome", "decision_date", "delivered_on", "reasons", "approved_care_types"]

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        if journey is not None and not self.is_bound:
            for name, value in (journey.profile_data or {}).items():
                if name in self.fields:
                    self.fields[name].initial = value
            self.fields["approved_care_types"].initial = journey.care_types

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == DecisionOutcome.REJECTED and not (cleaned.get("reasons") or "").strip():
            self.add_error("reasons", _("Rozhodnutí musí obsahovat odůvodnění."))
        if cleaned.get("outcome") == DecisionOutcome.APPROVED and not cleaned.get("approved_care_types"):
            self.add_error("approved_care_types", _("Vyberte alespoň jednu formu péče."))
        return cleaned

    def service_kwargs(self):
        d = self.cleaned_data
        return {
            "outcome": d["outcome"],
            "decision_date": d["decision_date"],
            "delivered_on": d["delivered_on"],
            "reasons": d["reasons"],
            "approved_care_types": d["approved_care_types"],
            "profile": self.profile_data(),
        }


class FinalityForm(PastDateMixin, forms.Form):
    past_dates = ("appeal_filed_on",)
    appealed = forms.ChoiceField(
        label=_("Bylo podáno odvolání?"),
        choices=[("no", _("Ne – rozhodnutí nabylo právní moci")), ("yes", _("Ano – odvolání podáno"))],
        widget=forms.RadioSelect,
    )
    appeal_filed_on = date_field(_("Odvolání podáno dne"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("appealed") == "yes" and not cleaned.get("appeal_filed_on"):
            self.add_error("appeal_filed_on", APPEAL_DATE_REQUIRED)
        return cleaned

    def service_kwargs(self):
        d = self.cleaned_data
        return {"appeal_filed_on": d["appeal_filed_on"] if d["appealed"] == "yes" else None}


class AppealOutcomeForm(PastDateMixin, forms.Form):
    past_dates = ("decided_on",)
    outcome = forms.ChoiceField(label=_("Výsledek odvolání"), choices=AppealOutcome.choices, widget=forms.RadioSelect)
    decided_on = date_field(_("Rozhodnuto dne"))
    reasons = forms.CharField(label=_("Odůvodnění odvolacího orgánu"), widget=forms.Textarea(attrs={"rows": 4}))

    def service_kwargs(self):
        return dict(self.cleaned_data)


STEP_FORMS = {
    "information_meeting": InformationMeetingForm,
    "file_application": FileApplicationForm,
    "check_application": CheckApplicationForm,
    "complete_application": CompleteApplicationForm,
    "social_investigation": SocialInvestigationForm,
    "handover": HandoverForm,
    "assign_assessment": AssignAssessmentForm,
    "expert_assessment": ExpertAssessmentForm,
    "preparation": PreparationForm,
    "file_inspection": FileInspectionForm,
    "decision": DecisionForm,
    "finality": FinalityForm,
    "appeal_outcome": AppealOutcomeForm,
}
# Forms whose constructor needs the journey.
JOURNEY_FORMS = {FileApplicationForm, AssignAssessmentForm, ExpertAssessmentForm, DecisionForm}


# --- Actions outside the task sequence ------------------------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Důvod"), widget=forms.Textarea(attrs={"rows": 3}))


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label=_("Poznámka"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class TransferForm(forms.Form):
    new_orp = forms.ModelChoiceField(label=_("Nové ORP trvalého pobytu"), queryset=Orp.objects.order_by("name"))
    reason = forms.CharField(label=_("Důvod"), widget=forms.Textarea(attrs={"rows": 3}))


class ChangeReportForm(PastDateMixin, forms.Form):
    past_dates = ("occurred_on",)
    occurred_on = date_field(_("Kdy ke změně došlo"))
    description = forms.CharField(label=_("Co se změnilo"), widget=forms.Textarea(attrs={"rows": 4}))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Zpráva"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Poznámka"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    remind_on = date_field(_("Připomenout dne"), required=False)


class DocumentUploadForm(forms.Form):
    file = forms.FileField(label=_("Soubor (PDF, JPEG nebo PNG)"))


class DocumentReviewForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Výsledek kontroly"),
        choices=[(DocumentStatus.ACCEPTED, DocumentStatus.ACCEPTED.label), (DocumentStatus.REJECTED, _("vrátit"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Důvod vrácení"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == DocumentStatus.REJECTED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Uveďte, proč dokument vracíte."))
        return cleaned


def validate_birth_date(value: date) -> None:
    today = timezone.localdate()
    if value > today or value.year < today.year - 110:
        raise ValidationError(BIRTH_DATE_IMPOSSIBLE)
    eighteen = date(value.year + 18, value.month, 28 if (value.month, value.day) == (2, 29) else value.day)
    if eighteen > today:
        raise ValidationError(BIRTH_DATE_TOO_YOUNG)


class SignUpForm(forms.Form):
    """Online registration of a prospective applicant (zájemce)."""

    first_name = forms.CharField(label=_("Jméno"), max_length=100)
    last_name = forms.CharField(label=_("Příjmení"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    date_of_birth = date_field(_("Datum narození"))
    sex = forms.ChoiceField(label=_("Pohlaví"), choices=Sex.choices)
    residence_orp = forms.ModelChoiceField(
        label=_("Obec s rozšířenou působností trvalého pobytu"), queryset=Orp.objects.order_by("name")
    )
    care_types = care_types_field(_("O jakou formu péče máte zájem"))
    with_partner = forms.BooleanField(label=_("Žádáme jako pár (partnera pozveme e-mailem)"), required=False)
    partner_email = forms.EmailField(label=_("E-mail partnera / partnerky"), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Doprovázející organizace (nepovinné)"),
        queryset=None,
        required=False,
        help_text=_("Když žádnou nevyberete, přidělíme vám průvodce z vašeho kraje."),
    )
    password = forms.CharField(label=_("Heslo"), widget=forms.PasswordInput, min_length=12)
    consent = forms.BooleanField(
        label=_(
            "Souhlasím se zpracováním osobních údajů za účelem zprostředkování náhradní rodinné péče "
            "(vedení mého případu průvodcem, OSPOD a krajským úřadem)."
        ),
        error_messages={"required": CONSENT_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from nrp.core.models import Organisation

        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        validate_birth_date(value)
        return value

    def clean_password(self):
        from django.contrib.auth.password_validation import validate_password

        value = self.cleaned_data["password"]
        validate_password(value)
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("with_partner") and not cleaned.get("partner_email"):
            self.add_error("partner_email", _("Zadejte e-mail partnera, nebo zrušte volbu páru."))
        return cleaned


class AcceptInvitationForm(forms.Form):
    date_of_birth = date_field(_("Datum narození"))
    sex = forms.ChoiceField(label=_("Pohlaví"), choices=Sex.choices)
    password = forms.CharField(label=_("Heslo"), widget=forms.PasswordInput, min_length=12)
    consent = SignUpForm.base_fields["consent"]

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        validate_birth_date(value)
        return value


class GuideOpenCaseForm(forms.Form):
    """A guide opens a case after a phone call or an information meeting and invites the person by e-mail."""

    first_name = forms.CharField(label=_("Jméno"), max_length=100)
    last_name = forms.CharField(label=_("Příjmení"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    residence_orp = forms.ModelChoiceField(label=_("ORP trvalého pobytu"), queryset=Orp.objects.order_by("name"))
    care_types = care_types_field(_("Zájem o formy péče"))


class InvitePartnerForm(forms.Form):
    first_name = forms.CharField(label=_("Jméno"), max_length=100)
    last_name = forms.CharField(label=_("Příjmení"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))


class ForeignRecordForm(forms.Form):
    """An applicant lived abroad for more than 3 months (§21(5): an extract from that country is required)."""

    member = forms.ChoiceField(label=_("Kdo"))
    country = forms.CharField(label=_("Země, kde žil(a) déle než 3 měsíce"), max_length=60)

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        if journey:
            self.fields["member"].choices = [(m.pk, m.full_name) for m in journey.household.members.all()]
