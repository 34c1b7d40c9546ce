"""Forms of the sign-up, the invitation and opening a case (the security engineer's sign-up code)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Sex
from nrp.core.forms import CzechModelChoiceField
from nrp.core.models import Orp
from workflows.applicant_journey.forms.common import (
    BIRTH_DATE_IMPOSSIBLE,
    BIRTH_DATE_TOO_YOUNG,
    CONSENT_REQUIRED,
    care_types_field,
    date_field,
)


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
    residence_orp = CzechModelChoiceField(
        label=_("Obec s rozšířenou působností trvalého pobytu"), queryset=Orp.objects.all()
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
    residence_orp = CzechModelChoiceField(label=_("ORP trvalého pobytu"), queryset=Orp.objects.all())
    care_types = care_types_field(_("Zájem o formy péče"))

    def __init__(self, *args, region_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        if region_ids:
            # The guide's caseload lives in the guide's region: offer only its ORP.
            self.fields["residence_orp"].queryset = Orp.objects.filter(region_id__in=list(region_ids))


class InvitePartnerForm(forms.Form):
    first_name = forms.CharField(label=_("Jméno"), max_length=100)
    last_name = forms.CharField(label=_("Příjmení"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
