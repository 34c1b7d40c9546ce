"""/api/v1/children/{id}/conferences/ and /api/v1/conferences/{id}/: case conferences (případové konference)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from nrp.api.apis.refs import UserRefSerializer
from nrp.api.permissions import PolicyPermission
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.services import audit_read
from nrp.core.models import User
from workflows.child_mediation import permissions, scoped, selectors, services
from workflows.child_mediation.apis.common import (
    CaseRefSerializer,
    InputMixin,
    OutputModelSerializer,
    call_service,
    officer_case,
    refuse,
)
from workflows.child_mediation.models import CaseConference, ConferenceMinutes, ParticipantRole
from workflows.child_mediation.scoped import user_of

MSG_RANKING_NOT_FOUND = _("Pořadí nenalezeno.")


class ParticipantSerializer(serializers.Serializer):
    # A participant (ConferenceParticipant) in the request and in the representation.
    # Not "role": that name belongs to the user roles (RoleEnum) in the schema.
    participant_role = serializers.ChoiceField(choices=ParticipantRole.choices, source="role")
    name = serializers.CharField(max_length=200, help_text=_("Jméno a instituce / Name and institution."))


class ShortlistListSerializer(serializers.ListSerializer):
    """The stored snapshot, with the defaults of older snapshots (rank = position, no score, no reasons)."""

    def to_representation(self, data: Any) -> list[Any]:
        rows = [
            {
                "rank": row.get("rank", index),
                "entry_id": row["entry_id"],
                "score": row.get("score", 0),
                "reasons": [str(reason) for reason in row.get("reasons", [])],
                "contributions": row.get("contributions", {}),
            }
            for index, row in enumerate(data, start=1)
        ]
        return super().to_representation(rows)


class ShortlistRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    entry_id = serializers.IntegerField(help_text=_("Záznam v evidenci žadatelů / Applicant register entry."))
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField(), help_text=_("Důvody česky / Reasons (Czech)."))
    contributions = serializers.DictField(child=serializers.FloatField(), help_text=_("Příspěvky kritérií."))

    class Meta:
        list_serializer_class = ShortlistListSerializer


class MinutesSummarySerializer(OutputModelSerializer):
    class Meta:
        model = ConferenceMinutes
        fields = ["id", "version", "created_at", "signed_off_at"]


class ConferenceOutputSerializer(OutputModelSerializer):
    case = CaseRefSerializer()
    ranking_id = serializers.IntegerField(allow_null=True, help_text=_("Uložené pořadí / Stored ranking."))
    participants = ParticipantSerializer(many=True)
    shortlist = ShortlistRowSerializer(many=True, help_text=_("Užší výběr s důvody / Shortlist with reasons."))
    # ConferenceMinutes.Meta.ordering: the newest version first.
    minutes = MinutesSummarySerializer(many=True, help_text=_("Verze zápisu, nejnovější první / Minutes versions."))
    prepared_by = UserRefSerializer()

    class Meta:
        model = CaseConference
        fields = [
            "id",
            "case",
            "scheduled_at",
            "status",
            "shortlist_size",
            "place",
            "ranking_id",
            "national",
            "participants",
            "shortlist",
            "minutes",
            "prepared_by",
            "created_at",
        ]
        extra_kwargs = {"scheduled_at": {"help_text": _("Termín konání / Date and time.")}}


def conference_data(conference: CaseConference) -> dict[str, Any]:
    return ConferenceOutputSerializer(conference).data


class ConferencePrepareInput(StrictSerializer):
    class Meta:
        ref_name = "ConferencePrepare"

    scheduled_at = serializers.DateTimeField()
    shortlist_size = serializers.IntegerField(min_value=1, max_value=20, default=5)
    ranking_id = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text=_("Uložené pořadí; bez něj poslední / Stored ranking; default the latest."),
    )
    participants = ParticipantSerializer(many=True, min_length=1, max_length=30)  # type: ignore[call-arg]
    place = serializers.CharField(
        max_length=200, required=False, default="", allow_blank=True, help_text=_("Místo konání / Place.")
    )
    staff_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        required=False,
        default=list,
        max_length=30,
        help_text=_(
            "Pozvaní pracovníci případu (id uživatelů); dostanou e-mail s pozvánkou a ICS. / Invited staff of the "
            "case (user ids); each gets an e-mail invitation with an ICS entry."
        ),
    )


def invited_staff(ids: list[int]) -> list[User]:
    """Users by id; an unknown id is refused like a user outside the case (the service checks the case)."""
    users = {u.pk: u for u in User.objects.filter(pk__in=ids)}
    if len(users) != len(set(ids)):
        from workflows.child_mediation.services.conferences import PARTICIPANT_NOT_ELIGIBLE

        raise refuse("staff_ids", PARTICIPANT_NOT_ELIGIBLE, "participant_not_eligible")
    return [users[i] for i in dict.fromkeys(ids)]


@extend_schema(tags=["conferences"])
class ConferenceListApi(InputMixin, ScopedListApi):
    """Případové konference dítěte; příprava nové. / The child's case conferences; prepare a new one."""

    InputSerializer = ConferencePrepareInput
    OutputSerializer = ConferenceOutputSerializer
    permission_classes = [PolicyPermission]
    policy = {"POST": permissions.MANAGE_CONFERENCES, "*": permissions.READ_CONFERENCES}
    ordering_fields = ["id", "scheduled_at", "created_at"]
    ordering = ["-scheduled_at", "-id"]

    def get_queryset(self) -> QuerySet[CaseConference]:
        if getattr(self, "swagger_fake_view", False):
            return CaseConference.objects.none()
        case = officer_case(self.request, self.kwargs["pk"])
        return CaseConference.objects.filter(case=case).select_related("case", "prepared_by")

    @extend_schema(summary="Případové konference dítěte / The child's case conferences")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Připravit případovou konferenci / Prepare a case conference",
        description="Termín, účastníci a užší výběr z uloženého pořadí rodin. / Date, participants and the shortlist "
        "taken from a stored ranking.",
        request=ConferencePrepareInput,
        responses={201: ConferenceOutputSerializer},
        filters=False,
    )
    def post(self, request: Request, pk: int) -> Response:
        case = officer_case(request, pk)
        data = self.validated(request)
        if "ranking_id" in data:
            from matching.selectors import ranking_get_for_user

            ranking = ranking_get_for_user(user=user_of(request), ranking_id=data["ranking_id"])
            if ranking is None:
                raise refuse("ranking_id", MSG_RANKING_NOT_FOUND, "not_found")
        else:
            ranking = selectors.latest_ranking(user=user_of(request), case=case)
        conference = call_service(
            services.conference_prepare,
            case=case,
            officer=user_of(request),
            scheduled_at=data["scheduled_at"],
            shortlist_size=data["shortlist_size"],
            participants=[(p["role"], p["name"]) for p in data["participants"]],  # source="role"
            ranking=ranking,
            staff=invited_staff(data["staff_ids"]),
            place=data["place"],
        )
        return Response(conference_data(conference), status=status.HTTP_201_CREATED)


@extend_schema(tags=["conferences"])
class ConferenceDetailApi(ApiView):
    """Jedna konference (účastníci, užší výběr, verze zápisu); čtení se audituje. / One conference; audited."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_CONFERENCES

    @extend_schema(summary="Případová konference / Case conference", responses={200: ConferenceOutputSerializer})
    def get(self, request: Request, pk: int) -> Response:
        conference = scoped.conference_for_officer(request, pk, channel="api")
        audit_read(
            actor=user_of(request), obj=conference, request=request, region=conference.case.region, channel="api"
        )
        return Response(conference_data(conference))
