"""A tamper-proof trail (issue 11, item 6): the application's database role cannot rewrite the audit trail or
a stored ranking, whatever session setting it uses; the owner cannot change a stored ranking by a bulk UPDATE.

The roles are created on the test server inside the test's transaction (CREATE ROLE is transactional in
PostgreSQL), so nothing is left behind. The test connection is the owner (it ran the migrations).
"""

from __future__ import annotations

import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from nrp.audit.models import AuditAction, AuditEvent
from nrp.audit.services import audit_record
from nrp.core.dbroles import grant_app_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def app_role():
    role = f"nrp_app_test_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
    grant_app_role(role)
    return role


def as_role(role: str, sql: str, params=None):
    """Run ``sql`` as ``role`` in a savepoint; the error (if any) is returned, the transaction stays usable."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL ROLE {role}")
            cursor.execute(sql, params)
            # deferred constraint triggers fire at commit; make them fire now, still inside the savepoint
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("RESET ROLE")
    except DatabaseError as exc:
        return exc
    return None


@pytest.fixture
def event(officer, household):
    return audit_record(
        actor=officer,
        action=AuditAction.READ,
        obj=household,
        household=household,
        region=household.residence_orp.region,
    )


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET reason = 'přepsáno' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
        "UPDATE audit_auditevent SET household_id = NULL WHERE id = %s",
        "UPDATE audit_auditevent SET actor_id = NULL WHERE id = %s",
        "UPDATE audit_auditevent SET region_id = NULL WHERE id = %s",
    ],
)
def test_the_application_role_cannot_rewrite_the_trail(app_role, event, sql):
    assert as_role(app_role, sql, [event.pk]) is not None
    assert AuditEvent.objects.filter(pk=event.pk, reason="", household__isnull=False, actor__isnull=False).exists()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET reason = 'přepsáno' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
        "UPDATE audit_auditevent SET household_id = NULL WHERE id = %s",
    ],
)
def test_the_maintenance_setting_does_nothing_for_the_application_role(app_role, event, sql):
    assert as_role(app_role, "SET LOCAL nrp.audit_maintenance = 'on'; " + sql, [event.pk]) is not None
    assert AuditEvent.objects.filter(pk=event.pk, household__isnull=False).exists()


def test_the_application_role_cannot_truncate_the_trail(app_role, event):
    assert as_role(app_role, "TRUNCATE audit_auditevent") is not None
    assert as_role(app_role, "TRUNCATE matching_rankingrun CASCADE") is not None
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_application_role_still_reads_and_appends(app_role, event):
    assert as_role(app_role, "SELECT count(*) FROM audit_auditevent") is None
    insert = (
        "INSERT INTO audit_auditevent (at, actor_label, action, object_type, object_id, reason, details) "
        "VALUES (now(), 'x', 'read', 'core.household', '1', '', '{}')"
    )
    assert as_role(app_role, insert) is None


def test_nulling_a_key_of_a_row_that_still_exists_is_refused_even_for_the_owner(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET household_id = NULL WHERE id = %s", [event.pk])
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_deleting_a_household_still_nulls_its_key_in_the_trail(event, household):
    from nrp.core.models import Household

    with transaction.atomic(), connection.cursor() as cursor:
        Household.objects.filter(pk=household.pk).delete()
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    event.refresh_from_db()
    assert event.household_id is None


@pytest.fixture
def ranking(officer, household):
    """A stored ranking with one row of each kind, written directly (INSERT is what stays allowed)."""
    from django.utils import timezone

    from matching.models import RULES, RankedEntry, RankingExclusion, RankingRun
    from nrp.core.choices import Role
    from tests.factories import orp, user_with_role
    from tests.security import route_matrix as matrix

    world = matrix.World({"officer": officer, "ospod": None, "other_officer": None})
    world.personas["ospod"] = user_with_role(Role.OSPOD, orp=orp("Brno"))
    case = matrix._child_case_in(world, "Brno", officer)
    run = RankingRun.objects.create(
        child_case=case,
        region=case.region,
        scope="regional",
        created_by=officer,
        ranked_on=timezone.localdate(),
        weights={},
        inputs={},
        exclusions={},
        considered_count=1,
        eligible_count=1,
    )
    RankedEntry.objects.create(run=run, rank=1, entry_id=1, region_id=1, total=1.0, waited_days=1, family={})
    RankingExclusion.objects.create(run=run, rule=RULES[0], count=1, entry_ids=[1])
    return run


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE matching_rankingrun SET eligible_count = eligible_count + 1 WHERE id = %s",
        "DELETE FROM matching_rankingrun WHERE id = %s",
        "UPDATE matching_rankedentry SET total = total + 1 WHERE run_id = %s",
        "DELETE FROM matching_rankingexclusion WHERE run_id = %s",
    ],
)
def test_a_stored_ranking_is_immutable_in_the_database_for_the_owner_too(ranking, sql):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [ranking.pk])


def test_the_application_role_cannot_change_a_stored_ranking_even_in_maintenance_mode(app_role, ranking):
    sql = "SET LOCAL nrp.audit_maintenance = 'on'; UPDATE matching_rankingrun SET eligible_count = 0 WHERE id = %s"
    assert as_role(app_role, sql, [ranking.pk]) is not None
