"""Forms of the journey's task screens (one per human step; ``workflows/applicant_journey/steps.py`` pairs each
with its service). ``service_kwargs()`` gives the step service's keyword arguments; the task screen and the API
use the same form, so their Czech messages are the same."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nrp.core.models import Region
from workflows.applicant_journey.forms.common import (
    APPEAL_DATE_REQUIRED,
    MEDIATED_CHOICES,
    WAIVER_DATE_REQUIRED,
    PastDateMixin,
    ProfileFieldsMixin,
    care_types_field,
    date_field,
)
from workflows.applicant_journey.models import (
    AppealOutcome,
    AssessmentConclusion,
    AssessmentKind,
    CompletenessOutcome,
    CourseSession,
    DecisionOutcome,
    OpinionConclusion,
)


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
    # ORP_OPINION: the ORP's opinion goes with the file (with the home-visit record).
    opinion_conclusion = forms.ChoiceField(
        label=_("Stanovisko ORP – závěr"), choices=OpinionConclusion.choices, widget=forms.RadioSelect
    )
    opinion_text = forms.CharField(label=_("Stanovisko ORP – odůvodnění"), widget=forms.Textarea(attrs={"rows": 5}))

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
            from workflows.applicant_journey.services.elsewhere import performing_regions

            regions = {journey.region_id} | performing_regions(journey, course=True)
            self.fields["session"].queryset = CourseSession.objects.filter(region_id__in=regions)
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
    past_dates = ("appeal_filed_on", "appeal_waived_on")
    appealed = forms.ChoiceField(
        label=_("Bylo podáno odvolání?"),
        choices=[
            ("no", _("Ne – rozhodnutí nabylo právní moci")),
            ("yes", _("Ano – odvolání podáno")),
            # APPEAL_WAIVER (SŘ §81(2)): final on the day the waiver reached the office.
            ("waived", _("Žadatel se odvolání vzdal")),
        ],
        widget=forms.RadioSelect,
    )
    appeal_filed_on = date_field(_("Odvolání podáno dne"), required=False)
    appeal_waived_on = date_field(_("Vzdání se odvolání doručeno dne"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("appealed") == "yes" and not cleaned.get("appeal_filed_on"):
            self.add_error("appeal_filed_on", APPEAL_DATE_REQUIRED)
        if cleaned.get("appealed") == "waived" and not cleaned.get("appeal_waived_on"):
            self.add_error("appeal_waived_on", WAIVER_DATE_REQUIRED)
        return cleaned

    def service_kwargs(self):
        d = self.cleaned_data
        return {
            "appeal_filed_on": d["appeal_filed_on"] if d["appealed"] == "yes" else None,
            "appeal_waived_on": d["appeal_waived_on"] if d["appealed"] == "waived" else None,
        }


class AppealOutcomeForm(PastDateMixin, forms.Form):
    past_dates = ("decided_on", "delivered_on")
    outcome = forms.ChoiceField(label=_("Výsledek odvolání"), choices=AppealOutcome.choices, widget=forms.RadioSelect)
    decided_on = date_field(_("Rozhodnuto dne"))
    # APPEAL_OUTCOME_EFFECT: the ministry's decision takes effect on delivery (not needed when returned).
    delivered_on = date_field(_("Rozhodnutí o odvolání doručeno dne"), required=False)
    reasons = forms.CharField(label=_("Odůvodnění odvolacího orgánu"), widget=forms.Textarea(attrs={"rows": 4}))

    def service_kwargs(self):
        return dict(self.cleaned_data)
