"""The base classes every app's apis.py builds on: atomic writes, 500 as a problem, scoped 404, strict input."""

from __future__ import annotations

import pytest
from django.urls import path
from rest_framework import serializers
from rest_framework.response import Response

from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView
from nrp.core.models import User
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


urlpatterns = [
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
