from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

INVALID_LOGIN = _("Neplatný e-mail nebo heslo. Zkontrolujte, zda nemáte zapnutý Caps Lock.")


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": INVALID_LOGIN,
        "inactive": _("Tento účet je zablokovaný."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()
