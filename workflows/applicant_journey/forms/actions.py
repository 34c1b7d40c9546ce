"""Forms of the actions outside the task sequence: withdrawal, changes, transfer, register, messages, documents."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nrp.core.forms import CzechModelChoiceField
from nrp.core.models import Orp
from workflows.applicant_journey.forms.common import PastDateMixin, date_field
from workflows.applicant_journey.models import DocumentStatus


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Důvod"), widget=forms.Textarea(attrs={"rows": 3}))


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label=_("Poznámka"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class TransferForm(forms.Form):
    new_orp = CzechModelChoiceField(label=_("Nové ORP trvalého pobytu"), queryset=Orp.objects.all())
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


class ForeignRecordForm(forms.Form):
    """An applicant lived abroad for more than 3 months (CRIMINAL_RECORD_ABROAD, §23c: an extract from there)."""

    member = forms.ChoiceField(label=_("Kdo"))
    country = forms.CharField(label=_("Země, kde žil(a) déle než 3 měsíce"), max_length=60)

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        if journey:
            self.fields["member"].choices = [(m.pk, m.full_name) for m in journey.household.members.all()]
