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


class CzechOrderedChoiceIterator(forms.models.ModelChoiceIterator):
    """Model choices in Czech alphabetical order of their labels (Ú, Č, Ř, Š, Ž where a Czech reader looks)."""

    def __iter__(self):
        from nrp.core.czech import czech_sorted

        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in czech_sorted(self.queryset, key=self.field.label_from_instance):
            yield self.choice(obj)


class CzechModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` whose options are in Czech alphabetical order (ORP, regions, organisations)."""

    iterator = CzechOrderedChoiceIterator


class CzechModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = CzechOrderedChoiceIterator
