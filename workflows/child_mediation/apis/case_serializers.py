"""The representation of a child's case, as its reader may see it (``access``).

Anonymised (an officer of another region, national search only): no ORP, names, dates of birth, the child's
words or notes; the identity fields are present and null, so that every reader gets the same shape.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nrp.api.apis.refs import OrpRefSerializer, RegionRefSerializer
from nrp.core.choices import CareType, Ethnicity, HealthNeed
from workflows.child_mediation import selectors
from workflows.child_mediation.apis.common import Access, OutputModelSerializer
from workflows.child_mediation.models import Child, ChildCase, ClosureReason

# Left out (null) unless the reader sees the identity. Outside the region even the child's own words stay home:
# they may name people or places.
IDENTITY_FIELDS = (
    "orp",
    "birth_family_orp",
    "identity",
    "wishes",
    "wishes_how_heard",
    "siblings_separation_reason",
    "notes",
    "intercountry_flagged_on",
    "closure_reason",
    "closed_on",
)


def _today(serializer: serializers.Serializer) -> date:
    return serializer.context.get("today") or timezone.localdate()


class AnonymousChildSerializer(OutputModelSerializer):
    """What anyone permitted may know of a child: no name, no date of birth, no notes."""

    age = serializers.SerializerMethodField(help_text=_("Věk v letech / Age in years."))
    health_needs = serializers.ListField(child=serializers.ChoiceField(choices=HealthNeed.choices))
    ethnicity = serializers.ChoiceField(
        choices=Ethnicity.choices, allow_null=True, help_text=_("Jen je-li uvedeno / Only where recorded.")
    )

    class Meta:
        model = Child
        fields = ["age", "sex", "legal_status", "health_needs", "ethnicity"]

    def get_age(self, child: Child) -> int:
        return child.age_on(_today(self))

    def to_representation(self, instance: Child) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["ethnicity"] = data["ethnicity"] or None
        return data


class ChildIdentitySerializer(OutputModelSerializer):
    """Identity of a child: only for the officers of the child's region and the child's OSPOD."""

    class Meta:
        model = Child
        fields = ["id", "first_name", "last_name", "date_of_birth", "health_notes"]


class ReaderAccessField(serializers.ChoiceField):
    """What the reader may see, from the serializer's context (``access``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Access.CHOICES, source="*", read_only=True, **kwargs)

    def to_representation(self, value: object) -> str:
        return str(self.parent.context["access"])


class ChildCaseOutputSerializer(OutputModelSerializer):
    # Context: ``access`` (what the reader may see, required) and ``today`` (for ages and days waiting).

    reference = serializers.CharField(help_text=_("Anonymní značka / Anonymous reference, e.g. JMK-2026-0007."))
    access = ReaderAccessField(help_text=_("Co smí čtenář vidět / What the reader may see."))
    region = RegionRefSerializer()
    orp = OrpRefSerializer(
        allow_null=True, help_text=_("ORP dítěte; anonymně null / The child's ORP; null if anonymised.")
    )
    care_types_sought = serializers.ListField(child=serializers.ChoiceField(choices=CareType.choices))
    birth_family_orp = OrpRefSerializer(
        allow_null=True, help_text=_("Bydliště biologické rodiny / Where the birth family lives (not anonymised).")
    )
    registered_on = serializers.DateField(allow_null=True, help_text=_("Zařazení do evidence / Entered the register."))
    days_waiting = serializers.SerializerMethodField(help_text=_("Dní v evidenci / Days in the register."))
    siblings_together = serializers.SerializerMethodField(
        help_text=_("Sourozenci umisťováni společně / Siblings together.")
    )
    children = AnonymousChildSerializer(many=True, help_text=_("Anonymizovaný profil dětí / Anonymised profile."))
    identity = ChildIdentitySerializer(
        source="children",
        many=True,
        allow_null=True,
        help_text=_("Totožnost dětí; jen kraj dítěte a OSPOD dítěte, jinak null / Identity; null if anonymised."),
    )
    wishes = serializers.CharField(
        allow_null=True, allow_blank=True, help_text=_("Přání dítěte jeho slovy / The child's wishes in own words.")
    )
    wishes_how_heard = serializers.CharField(allow_null=True, allow_blank=True)
    siblings_separation_reason = serializers.CharField(allow_null=True, allow_blank=True)
    notes = serializers.CharField(allow_null=True, allow_blank=True)
    national_since = serializers.DateField(
        source="flags.national_since", allow_null=True, help_text=_("Celostátní hledání od / National search.")
    )
    intercountry_flagged_on = serializers.DateField(
        source="flags.intercountry_flagged_on", allow_null=True, help_text=_("Nabídnuto ÚMPOD / Offered ÚMPOD.")
    )
    closure_reason = serializers.ChoiceField(
        source="flags.closure_reason", choices=ClosureReason.choices, allow_null=True
    )
    closed_on = serializers.DateField(source="flags.closed_on", allow_null=True)

    class Meta:
        model = ChildCase
        fields = [
            "id",
            "reference",
            "access",
            "status",
            "region",
            "orp",
            "care_types_sought",
            "contact_plan",
            "household_position",
            "birth_family_orp",
            "proposed_at",
            "registered_on",
            "days_waiting",
            "siblings_together",
            "children",
            "identity",
            "wishes",
            "wishes_how_heard",
            "siblings_separation_reason",
            "notes",
            "national_since",
            "intercountry_flagged_on",
            "closure_reason",
            "closed_on",
        ]

    def get_days_waiting(self, case: ChildCase) -> int | None:
        return selectors.days_waiting(case, _today(self))

    def get_siblings_together(self, case: ChildCase) -> bool:
        return len(case.children.all()) > 1 and not case.siblings_separation_reason

    def to_representation(self, instance: ChildCase) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["closure_reason"] = data["closure_reason"] or None
        if self.context["access"] not in Access.WITH_IDENTITY:
            data.update(dict.fromkeys(IDENTITY_FIELDS))
        return data


def case_data(case: ChildCase, access: str, *, today: date | None = None) -> dict[str, Any]:
    """The case as this reader may see it."""
    return ChildCaseOutputSerializer(case, context={"access": access, "today": today}).data
