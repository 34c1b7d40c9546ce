from django import forms
from django.utils.translation import gettext_lazy as _

from nrp.notifications.models import NotificationKind


class PreferencesForm(forms.Form):
    email_kinds = forms.MultipleChoiceField(
        label=_("Posílat mi e-mailem"),
        choices=NotificationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("V aplikaci uvidíte všechna oznámení; e-mailem jen ta, která zde zaškrtnete."),
    )
