"""Two officers approaching families for the same child at once: exactly one approach (row lock + constraint)."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from nrp.core.choices import Role
from tests.factories import user_with_role
from workflows.child_mediation import services
from workflows.child_mediation.models import Approach, ApproachStatus

from .conftest import held_conference, make_entry, propose

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_officers_at_once_approach_only_one_family(ospod_worker, officer, jmk):
    colleague = user_with_role(Role.OFFICER, email="colleague@test.nrp.example", region=jmk)
    case = services.case_register(case=propose(ospod_worker), officer=officer)
    families = [make_entry() for _ in range(2)]
    held_conference(case, officer, families)

    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def approach(user):
        try:
            barrier.wait()
            services.approach_start_next(case=case, officer=user)
            outcomes.append("approached")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=approach, args=(u,)) for u in (officer, colleague)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert sorted(outcomes) == ["approached", "refused"]
    assert Approach.objects.filter(case=case, status=ApproachStatus.OPEN).count() == 1


def test_two_children_at_once_never_get_the_same_family(ospod_worker, officer, jmk):
    colleague = user_with_role(Role.OFFICER, email="colleague2@test.nrp.example", region=jmk)
    cases = [services.case_register(case=propose(ospod_worker), officer=officer) for _ in range(2)]
    families = [make_entry() for _ in range(2)]
    for case in cases:
        held_conference(case, officer, families)

    barrier = threading.Barrier(2)
    chosen: list[int] = []
    errors: list[Exception] = []

    def approach(case, user):
        try:
            barrier.wait()
            chosen.append(services.approach_start_next(case=case, officer=user).entry_id)
        except Exception as exc:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=approach, args=args) for args in zip(cases, (officer, colleague), strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert not errors
    assert sorted(chosen) == sorted(f.pk for f in families)
