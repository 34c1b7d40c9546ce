"""Lock-out behind the reverse proxy: the client address from NRP_TRUSTED_PROXIES, axes keyed on username +
address, and a per-account limit that slows but never blocks (issue 11, item 7)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from nrp.core import client as client_module
from nrp.core.client import client_ip
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def login(client, email, password, forwarded_for):
    return client.post(
        reverse("login"),
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", PROXY),  # no proxy configured: the header is the client's own claim, ignored
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the leftmost entry was written by the client
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (1, "not-an-address", PROXY),
        (1, "", PROXY),
    ],
)
def test_client_address_comes_from_the_configured_number_of_proxies(settings, proxies, forwarded, expected):
    settings.NRP_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_failures_of_one_client_behind_the_proxy_do_not_lock_the_owner_out(client, applicant, settings):
    settings.NRP_TRUSTED_PROXIES = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, applicant.email, "spatne-heslo", "198.51.100.66")
    assert login(client, applicant.email, PASSWORD, "198.51.100.66").status_code == 429  # the attacker is locked
    owner = login(client, applicant.email, PASSWORD, "203.0.113.10")  # the owner, same proxy, own address
    assert owner.status_code == 302


def test_a_spoofed_forwarded_for_does_not_escape_the_lockout(client, applicant, settings):
    settings.NRP_TRUSTED_PROXIES = 1
    for i in range(settings.AXES_FAILURE_LIMIT):
        # the attacker varies what they claim; the proxy appends the real address last
        login(client, applicant.email, "spatne-heslo", f"192.0.2.{i}, 198.51.100.66")
    assert login(client, applicant.email, PASSWORD, "192.0.2.200, 198.51.100.66").status_code == 429


def test_many_failures_from_many_addresses_slow_the_account_but_never_block_it(
    client, applicant, settings, monkeypatch
):
    settings.NRP_TRUSTED_PROXIES = 1
    settings.NRP_ACCOUNT_SLOWDOWN_AFTER = 6
    delays = []
    monkeypatch.setattr(client_module, "slow_down", delays.append)
    for i in range(8):  # below the per-address limit everywhere, above the per-account one
        login(client, applicant.email, "spatne-heslo", f"198.51.100.{i}")
    assert delays == [settings.NRP_ACCOUNT_SLOWDOWN_SECONDS] * 2  # attempts 7 and 8 waited
    response = login(client, applicant.email, PASSWORD, "203.0.113.10")
    assert response.status_code == 302  # slowed, not refused
    assert len(delays) == 3
    delays.clear()
    client.logout()
    login(client, applicant.email, PASSWORD, "203.0.113.10")
    assert delays == []  # a successful login clears the account's count
