"""Forms of the written notice (§24 SELECTION), the family's meetings and the family's own answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nrp import law
from workflows.child_mediation.forms import DATE, DATETIME
from workflows.child_mediation.models_notices import MeetingKind, NoticeChannel


class NoticeSendForm(forms.Form):
    channel = forms.ChoiceField(label=_("Způsob doručení"), choices=NoticeChannel.choices, widget=forms.RadioSelect)
    sent_on = forms.DateField(label=_("Odesláno (předáno) dne"), widget=DATE)
    reference = forms.CharField(
        label=_("ID datové zprávy / číslo zásilky / kdo převzal"), max_length=100, required=False
    )


class NoticeDeliveryForm(forms.Form):
    delivered_on = forms.DateField(
        label=law.message(_("Doručeno dne (%(law)s)"), law="DELIVERY"),
        help_text=law.message(
            _("Od tohoto dne běží lhůta k podání návrhu soudu (%(law)s)."), law="SELECTION_NOTICE_30_DAYS"
        ),
        widget=DATE,
    )


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Druh schůzky"), choices=MeetingKind.choices)
    starts_at = forms.DateTimeField(label=_("Termín"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M"])
    place = forms.CharField(label=_("Místo"), max_length=200)
    note = forms.CharField(label=_("Poznámka pro rodinu"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class FamilyAnswerForm(forms.Form):
    accepted = forms.TypedChoiceField(
        label=_("Vaše odpověď"),
        choices=[("1", _("přijímáme – podali jsme návrh soudu")), ("0", _("odmítáme"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    court = forms.CharField(label=_("Soud, u něhož jste podali návrh"), max_length=200, required=False)
    filed_on = forms.DateField(label=_("Návrh podán dne"), widget=DATE, required=False)
    reason = forms.CharField(
        label=_("Důvod odmítnutí"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )
    confirm = forms.BooleanField(
        label=_("Rozumím, že odpověď nelze vzít zpět: odmítnutí ukončí oslovení pro toto dítě."), required=True
    )
