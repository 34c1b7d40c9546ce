"""Idempotency-Key on API POSTs (issue 11, item 8): a retried create creates once and answers the same."""

from __future__ import annotations

import pytest

from nrp.api.models import ApiToken

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/tokens/"


def post(client, body, key):
    return client.post(TOKENS, body, content_type="application/json", headers={"Idempotency-Key": key})


def test_a_retried_post_with_the_same_key_creates_once_and_replays_the_answer(session_client, applicant):
    client = session_client(applicant)
    first = post(client, {"name": "skript"}, "5b0c1d6e-retry-0001")
    again = post(client, {"name": "skript"}, "5b0c1d6e-retry-0001")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert ApiToken.objects.filter(user=applicant).count() == 1


def test_the_same_key_with_another_body_is_refused(session_client, applicant):
    client = session_client(applicant)
    post(client, {"name": "skript"}, "5b0c1d6e-retry-0002")
    other = post(client, {"name": "jiný"}, "5b0c1d6e-retry-0002")
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert ApiToken.objects.filter(user=applicant).count() == 1


def test_another_caller_with_the_same_key_is_not_answered_from_someone_elses_request(
    session_client, applicant, partner
):
    post(session_client(applicant), {"name": "skript"}, "5b0c1d6e-retry-0003")
    theirs = post(session_client(partner), {"name": "skript"}, "5b0c1d6e-retry-0003")
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs
    assert ApiToken.objects.filter(user=partner).count() == 1


def test_posts_without_a_key_are_not_deduplicated(session_client, applicant):
    client = session_client(applicant)
    client.post(TOKENS, {"name": "a"}, content_type="application/json")
    client.post(TOKENS, {"name": "a"}, content_type="application/json")
    assert ApiToken.objects.filter(user=applicant).count() == 2


def test_a_malformed_key_is_a_problem(session_client, applicant):
    response = post(session_client(applicant), {"name": "a"}, "short")
    assert response.status_code == 400 and response.json()["code"] == "idempotency_key_invalid"
