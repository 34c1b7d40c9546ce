"""/api/v1/me/ (who am I, roles with scopes; PATCH own name and phone with If-Match) and /api/v1/tokens/."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from nrp.api.apis.refs import OrganisationRefSerializer, OrpRefSerializer, RegionRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.models import ApiToken
from nrp.api.permissions import IsInteractiveSession
from nrp.api.selectors import api_token_get_for_user, api_token_list_for_user, user_get_for_update
from nrp.api.serializers import StrictSerializer
from nrp.api.services import MAX_TOKEN_DAYS, api_token_create, api_token_revoke, user_profile_update
from nrp.api.throttling import ScopedThrottle
from nrp.api.views import ApiView, ScopedDetailApi, ScopedListApi
from nrp.core.choices import Role
from nrp.core.selectors import household_for_applicant
from nrp.core.web import user_of

MSG_PHONE = _("Zadejte telefon jen s číslicemi, mezerami a případně + na začátku (9 až 20 znaků).")
phone_validator = RegexValidator(r"^\+?[0-9 ]{9,20}$", MSG_PHONE, code="invalid_phone")


class RoleScopeSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices, help_text=_("Role / Role code."))
    role_label = serializers.CharField(source="get_role_display", help_text=_("Název role / Role name."))
    region = RegionRefSerializer(allow_null=True, help_text=_("Kraj, ve kterém role platí / Region scope."))
    orp = OrpRefSerializer(allow_null=True, help_text=_("ORP, ve které role platí / ORP scope."))
    organisation = OrganisationRefSerializer(allow_null=True, help_text=_("Organizace / Organisation scope."))


class MeOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    phone = serializers.CharField()
    full_name = serializers.CharField(source="get_full_name")
    is_staff_role = serializers.BooleanField(help_text=_("Pracovní role (vyžaduje 2FA) / Staff role (requires 2FA)."))
    roles = RoleScopeSerializer(many=True, source="active_roles")
    household_id = serializers.SerializerMethodField(
        help_text=_("Domácnost žadatele, je-li uživatel žadatelem / The applicant's household, if any.")
    )

    def get_household_id(self, user) -> int | None:
        household = household_for_applicant(user=user)
        return household.pk if household else None


class MeApi(ETagMixin, ApiView):
    """Who am I: identity, roles with their scopes; the user may change their own name and phone."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "MeUpdate"

        first_name = serializers.CharField(max_length=100, required=False, allow_blank=False)
        last_name = serializers.CharField(max_length=100, required=False, allow_blank=False)
        phone = serializers.CharField(max_length=30, required=False, allow_blank=True, validators=[phone_validator])

    OutputSerializer = MeOutputSerializer

    @extend_schema(
        operation_id="me_retrieve",
        summary="Kdo jsem / Who am I",
        responses={200: MeOutputSerializer},
        parameters=[ETAG_HEADER],
    )
    def get(self, request):
        return self.etag_response(self.OutputSerializer(request.user).data)

    @extend_schema(
        operation_id="me_update",
        summary="Změna vlastního jména a telefonu / Change own name and phone",
        description="Vyžaduje If-Match s ETag z GET /api/v1/me/ (jinak 428, zastaralý 412). / "
        "Requires If-Match with the ETag from GET (428 without, 412 when stale).",
        request=InputSerializer,
        responses={200: MeOutputSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def patch(self, request):
        user = user_get_for_update(user_id=request.user.pk)
        check_if_match(request, self.OutputSerializer(user).data)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = user_profile_update(user=user, **serializer.validated_data)
        return self.etag_response(self.OutputSerializer(user).data)


class TokenOutputSerializer(serializers.ModelSerializer):
    is_active = serializers.BooleanField(help_text=_("Platný (nevypršel, nezneplatněn) / Usable now."))

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at", "is_active"]
        read_only_fields = fields


class TokenCreatedSerializer(TokenOutputSerializer):
    token = serializers.CharField(
        help_text=_("Tajný token; zobrazí se jen teď / The secret; shown only now, store it safely.")
    )

    class Meta(TokenOutputSerializer.Meta):
        fields = [*TokenOutputSerializer.Meta.fields, "token"]
        read_only_fields = fields


class TokenListApi(ScopedListApi):
    """The user's own API tokens; a new one is created from a browser session (staff with 2FA)."""

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "TokenCreate"

        name = serializers.CharField(max_length=100, help_text=_("K čemu token slouží / What the token is for."))
        expires_in_days = serializers.IntegerField(
            min_value=1,
            max_value=MAX_TOKEN_DAYS,
            required=False,
            help_text=_(
                "Platnost ve dnech (1–365, pracovníci 1–30; výchozí 90, pracovníci 30). Token pracovníka také "
                "vyprší po 8 hodinách bez použití. / Validity in days (1–365, staff 1–30; default 90, staff 30). "
                "A staff token also lapses after 8 hours unused."
            ),
        )

    OutputSerializer = TokenOutputSerializer
    throttle_scope = "token_create"
    ordering_fields = ["created_at", "expires_at", "name"]
    ordering = ["-created_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no signed-in user
            return ApiToken.objects.none()
        return api_token_list_for_user(user=user_of(self.request))

    def get_permissions(self):
        permissions = list(super().get_permissions())
        if self.request.method == "POST":
            permissions.append(IsInteractiveSession())
        return permissions

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.request.method == "POST":
            throttles.append(ScopedThrottle())
        return throttles

    @extend_schema(summary="Vlastní tokeny API / Own API tokens")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Vytvořit token API / Create an API token",
        description="Jen z přihlášeného prohlížeče (ne tokenem); pracovníci s 2FA. Tajný token se vrátí jen "
        "jednou. / Only from a browser session (not with a token); staff must have passed 2FA. The secret is "
        "returned once.",
        request=InputSerializer,
        responses={201: TokenCreatedSerializer},
        filters=False,
    )
    def post(self, request, *args, **kwargs):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            issued = api_token_create(user=request.user, **serializer.validated_data)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        data = {**TokenOutputSerializer(issued.token).data, "token": issued.secret}
        return Response(data, status=status.HTTP_201_CREATED)


class TokenDetailApi(ScopedDetailApi):
    """One own token; DELETE revokes it (it stays listed with revoked_at). Another user's token is a 404."""

    OutputSerializer = TokenOutputSerializer

    def select_object(self, *, user, pk):
        return api_token_get_for_user(user=user, token_id=pk)

    @extend_schema(summary="Vlastní token API / Own API token")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Zneplatnit token / Revoke a token",
        responses={204: OpenApiResponse(description="Zneplatněn / Revoked.")},
    )
    def delete(self, request, *args, **kwargs):
        api_token_revoke(token=self.get_scoped_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
