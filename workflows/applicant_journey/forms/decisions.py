"""Forms of decisions (issue, delivery, appeal, waiver, forwarding, appellate outcome, finality), the file
inspection and life in the register (pause request, complex case, review of a reported change)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.applicant_journey.forms.common import PastDateMixin, date_field
from workflows.applicant_journey.models import AppealOutcome, DeliveryMethod

TEXT = forms.Textarea(attrs={"rows": 4})


def delivery_method_field(required=True):
    return forms.ChoiceField(
        label=_("Způsob doručení"),
        choices=([] if required else [("", "—")]) + list(DeliveryMethod.choices),
        required=required,
    )


class DecisionIssueForm(PastDateMixin, forms.Form):
    """The KÚ's decision to remove a family from the register (REGISTER_REMOVAL)."""

    past_dates = ("issued_on", "delivered_on")
    issued_on = date_field(_("Datum vydání rozhodnutí"))
    reasons = forms.CharField(label=_("Odůvodnění"), widget=TEXT)
    delivery_method = delivery_method_field(required=False)
    delivered_on = date_field(_("Doručeno dne (je-li již doručeno)"), required=False)


class PauseDecisionForm(DecisionIssueForm):
    """The KÚ's decision to pause selection on its own initiative (SELECTION_PAUSE)."""

    pause_until = date_field(_("Přerušit do (nepovinné)"), required=False)


class PauseRequestForm(forms.Form):
    reason = forms.CharField(label=_("Proč žádáte o přerušení"), widget=TEXT)
    until = date_field(_("Do kdy má přerušení trvat"))


class InspectionNoticeForm(PastDateMixin, forms.Form):
    past_dates = ("sent_on",)
    sent_on = date_field(_("Výzva odeslána dne"))


class InspectionRecordForm(PastDateMixin, forms.Form):
    past_dates = ("inspected_on",)
    inspected_on = date_field(_("Žadatel nahlédl do spisu dne"))
    inspected_items = forms.CharField(label=_("Do kterých podkladů nahlédl"), widget=TEXT)
    statement = forms.CharField(label=_("Vyjádření žadatele"), widget=TEXT, required=False)
    statement_final = forms.BooleanField(
        label=_("Žadatel se vyjádřil s konečnou platností (rozhodnout lze před koncem lhůty)"), required=False
    )


class ComplexCaseForm(forms.Form):
    reason = forms.CharField(label=_("Proč jde o zvlášť složitý případ"), widget=TEXT)


class ChangeReviewForm(forms.Form):
    conclusion = forms.CharField(label=_("Závěr posouzení změny"), widget=TEXT)


class DeliverForm(PastDateMixin, forms.Form):
    past_dates = ("delivered_on",)
    delivery_method = delivery_method_field()
    delivered_on = date_field(_("Doručeno dne"))


class AppealForm(PastDateMixin, forms.Form):
    past_dates = ("filed_on",)
    filed_on = date_field(_("Odvolání podáno dne"))


class WaiveForm(PastDateMixin, forms.Form):
    past_dates = ("waived_on",)
    waived_on = date_field(_("Vzdání se odvolání došlo úřadu dne"))


class ForwardForm(PastDateMixin, forms.Form):
    past_dates = ("forwarded_on",)
    forwarded_on = date_field(_("Postoupeno odvolacímu orgánu dne"))


class AppealOutcomeForm(PastDateMixin, forms.Form):
    past_dates = ("delivered_on",)
    outcome = forms.ChoiceField(label=_("Výsledek odvolání"), choices=AppealOutcome.choices)
    delivered_on = date_field(_("Rozhodnutí o odvolání doručeno dne"))


class FinalizeForm(forms.Form):
    """Nothing to fill in: the finality date follows from the delivery and the appeal period."""
