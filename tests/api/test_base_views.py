"""The base classes every app's apis.py builds on: atomic writes, 500 as a problem, scoped 404, strict input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import path
from rest_framework import serializers
from rest_framework.response import Response

from nrp.api.concurrency import ETagMixin, check_if_match, etag_for
from nrp.api.permissions import PolicyPermission
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedObjectMixin
from nrp.core.access import Action, Resource
from nrp.core.models import User
from nrp.core.selectors import household_get_for_user
from tests.api.conftest import assert_problem

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.test_base_views")]


class WriteThenFailApi(ApiView):
    """Writes, then fails validation: the write must not survive."""

    class InputSerializer(StrictSerializer):
        last_name = serializers.CharField()

    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        User.objects.filter(pk=request.user.pk).update(last_name=data.validated_data["last_name"])
        raise serializers.ValidationError({"last_name": "refused after the write"})


class WriteThenCrashApi(ApiView):
    def post(self, request):
        User.objects.filter(pk=request.user.pk).update(last_name="crash")
        raise RuntimeError("boom")


class WriteOkApi(ApiView):
    def post(self, request):
        User.objects.filter(pk=request.user.pk).update(last_name="ok")
        return Response({"ok": True}, status=201)


class HouseholdStampApi(ETagMixin, ScopedObjectMixin, ApiView):
    """A conditional write on a scoped object (the pattern of the second round's endpoints)."""

    def select_object(self, *, user, pk):
        return household_get_for_user(user=user, household_id=pk)

    def patch(self, request, pk):
        household = self.get_scoped_object(for_update=True)
        check_if_match(request, {"id": household.pk, "created_at": household.created_at})
        household.created_at = household.created_at + timedelta(seconds=1)
        household.save(update_fields=["created_at"])
        return self.etag_response({"id": household.pk, "created_at": household.created_at})


class OfficersOnlyApi(ApiView):
    permission_classes = [PolicyPermission]
    policy = (Action.READ, Resource.CHILD_FILE)  # OSPOD and regional officers

    def get(self, request):
        return Response({"ok": True})


urlpatterns = [
    path("api/test/officers/", OfficersOnlyApi.as_view()),
    path("api/test/households/<int:pk>/", HouseholdStampApi.as_view()),
    path("api/test/fail/", WriteThenFailApi.as_view()),
    path("api/test/crash/", WriteThenCrashApi.as_view()),
    path("api/test/ok/", WriteOkApi.as_view()),
]


def test_a_write_followed_by_an_error_is_rolled_back(api, applicant):
    response = api(applicant).post("/api/test/fail/", {"last_name": "Half"})
    assert_problem(response, 400, "validation_error")
    applicant.refresh_from_db()
    assert applicant.last_name == "Malá"


def test_an_unexpected_exception_is_a_500_problem_and_rolled_back(api, applicant):
    response = api(applicant).post("/api/test/crash/", {})
    body = assert_problem(response, 500, "server_error")
    assert "boom" not in body["detail"]
    applicant.refresh_from_db()
    assert applicant.last_name == "Malá"


def test_a_successful_write_is_kept(api, applicant):
    assert api(applicant).post("/api/test/ok/", {}).status_code == 201
    applicant.refresh_from_db()
    assert applicant.last_name == "ok"


def test_strict_serializer_lists_every_unknown_key(api, applicant):
    body = assert_problem(api(applicant).post("/api/test/fail/", {"last_name": "x", "a": 1, "b": 2}), 400)
    assert body["code"] == "unknown_field"
    assert sorted(e["field"] for e in body["errors"]) == ["a", "b"]


def test_scoped_conditional_write_answers_404_428_412_and_200(api, guide, other_guide, household):
    url = f"/api/test/households/{household.pk}/"
    current = etag_for({"id": household.pk, "created_at": household.created_at})
    assert_problem(api(other_guide).patch(url, {}, headers={"If-Match": current}), 404, "not_found")
    program = api(guide)
    assert_problem(program.patch(url, {}), 428, "precondition_required")
    assert_problem(program.patch(url, {}, headers={"If-Match": '"stale"'}), 412, "precondition_failed")
    response = program.patch(url, {}, headers={"If-Match": current})
    assert response.status_code == 200
    assert response["ETag"] != current
    assert_problem(program.patch(url, {}, headers={"If-Match": current}), 412, "precondition_failed")


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("officer", True), ("ospod_worker", True), ("guide", False), ("applicant", False), ("administrator", False)],
)
def test_role_gate_answers_403_with_a_code(request, api, persona, allowed):
    response = api(request.getfixturevalue(persona)).get("/api/test/officers/")
    if allowed:
        assert response.status_code == 200
    else:
        body = assert_problem(response, 403, "role_required")
        assert "Pracovník krajského úřadu" in body["detail"]
