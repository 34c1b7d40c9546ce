"""Two clients writing one resource at the same time with the same ETag: exactly one wins, the other gets 412."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from nrp.api.services import api_token_create
from nrp.core.choices import Role
from tests.factories import user_with_role


@pytest.mark.django_db(transaction=True)
def test_concurrent_patches_with_one_etag_let_exactly_one_through():
    from django.test import Client

    user = user_with_role(Role.APPLICANT, email="race@test.nrp.example")
    secret = api_token_create(user=user, name="race", expires_in_days=1).secret
    headers = {"Authorization": f"Bearer {secret}"}
    etag = Client().get("/api/v1/me/", headers=headers)["ETag"]
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def write(name: str) -> None:
        try:
            barrier.wait()
            response = Client().patch(
                "/api/v1/me/",
                {"first_name": name},
                content_type="application/json",
                headers={**headers, "If-Match": etag},
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("První", "Druhý")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200, 412]
