"""The approach sequence: written notice, the §24 window to ask the court and its extension (rules SELECTION,
SELECTION_NOTICE_30_DAYS, SELECTION_EXTENSION), decline → next family, lapse."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from workflows.child_mediation import deadlines, services
from workflows.child_mediation.models import Approach, ApproachStatus, ChildCaseStatus
from workflows.child_mediation.selectors import approached_entry_ids
from workflows.child_mediation.services import approaches as approach_services

from .conftest import held_conference, propose

pytestmark = pytest.mark.django_db


def test_approach_needs_signed_minutes(waiting_case, officer):
    with pytest.raises(ValidationError) as exc:
        services.approach_start_next(case=waiting_case, officer=officer)
    assert str(approach_services.NO_SIGNED_MINUTES) in exc.value.messages


def test_first_family_is_notified_with_30_day_court_deadline_selection_notice_30_days(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    notified = date(2026, 3, 2)  # + 30 days = Wednesday 1 April, a working day
    approach = services.approach_start_next(case=waiting_case, officer=officer, notified_on=notified)
    assert approach.entry == families[0]
    assert approach.position == 1
    assert approach.deadline == notified + timedelta(days=30)
    waiting_case.refresh_from_db()
    assert waiting_case.status == ChildCaseStatus.APPROACHING


def test_conference_order_not_ranking_order_decides(waiting_case, officer, families):
    held_conference(waiting_case, officer, families, order=[families[2].pk, families[0].pk])
    approach = services.approach_start_next(case=waiting_case, officer=officer)
    assert approach.entry == families[2]


def test_decline_closes_as_failed_match_and_approaches_next_family(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    first = services.approach_start_next(case=waiting_case, officer=officer)
    nxt = services.approach_record_answer(approach=first, actor=officer, accepted=False, reason="Necítí se na to.")
    first.refresh_from_db()
    assert first.status == ApproachStatus.DECLINED
    assert first.is_failed_match
    assert first.reason == "Necítí se na to."
    assert nxt.entry == families[1]
    assert nxt.position == 2
    assert nxt.status == ApproachStatus.OPEN


def test_decline_needs_reason(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    first = services.approach_start_next(case=waiting_case, officer=officer)
    with pytest.raises(ValidationError) as exc:
        services.approach_record_answer(approach=first, actor=officer, accepted=False, reason="  ")
    assert str(approach_services.FAILED_MATCH_NEEDS_REASON) in exc.value.messages


def test_list_exhausted_returns_child_to_search(waiting_case, officer, families):
    held_conference(waiting_case, officer, families[:1])
    first = services.approach_start_next(case=waiting_case, officer=officer)
    assert services.approach_record_answer(approach=first, actor=officer, accepted=False, reason="Ne.") is None
    waiting_case.refresh_from_db()
    assert waiting_case.status == ChildCaseStatus.WAITING


def test_accepted_approach_keeps_the_family_until_the_court(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    first = services.approach_start_next(case=waiting_case, officer=officer)
    services.approach_record_answer(approach=first, actor=officer, accepted=True)
    first.refresh_from_db()
    assert first.status == ApproachStatus.ACCEPTED
    assert families[0].pk in approached_entry_ids()


def test_extension_once_by_at_most_30_days_selection_extension(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    today = date(2026, 3, 2)
    approach = services.approach_start_next(case=waiting_case, officer=officer, notified_on=today)
    with pytest.raises(ValidationError) as exc:
        services.approach_extend(approach=approach, officer=officer, days=31, reason="Nemoc.", today=today)
    assert str(approach_services.EXTENSION_TOO_LONG) in exc.value.messages
    services.approach_extend(approach=approach, officer=officer, days=30, reason="Nemoc v rodině.", today=today)
    approach.refresh_from_db()
    # 60 days end on Friday 1 May 2026, a public holiday: the period ends on Monday 4 May (DEADLINE_COUNTING).
    assert today + timedelta(days=60) == date(2026, 5, 1)
    assert approach.deadline == date(2026, 5, 4)
    with pytest.raises(ValidationError) as exc:
        services.approach_extend(approach=approach, officer=officer, days=5, reason="Znovu.", today=today)
    assert str(approach_services.EXTENSION_ONLY_ONCE) in exc.value.messages


def test_extension_not_after_the_deadline_passed(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    notified = timezone.localdate() - timedelta(days=40)
    approach = services.approach_start_next(case=waiting_case, officer=officer, notified_on=notified)
    with pytest.raises(ValidationError) as exc:
        services.approach_extend(approach=approach, officer=officer, days=10, reason="Pozdě.")
    assert str(approach_services.EXTENSION_AFTER_DEADLINE) in exc.value.messages


def test_lapsed_court_request_deadline_closes_approach_and_moves_on_selection_notice_30_days(
    waiting_case, officer, families
):
    held_conference(waiting_case, officer, families)
    notified = date(2026, 10, 1)
    approach = services.approach_start_next(case=waiting_case, officer=officer, notified_on=notified)
    # The 30th day is Saturday 31 October: the last day is Monday 2 November (DEADLINE_COUNTING).
    last_day = date(2026, 11, 2)
    assert approach.deadline == last_day
    # On the last day of the period nothing lapses.
    assert services.mediation_tick(today=last_day)["lapsed"] == 0
    counts = services.mediation_tick(today=last_day + timedelta(days=1))
    assert counts["lapsed"] == 1
    approach.refresh_from_db()
    assert approach.status == ApproachStatus.LAPSED
    assert approach.reason == str(approach_services.LAPSED_REASON)
    nxt = Approach.objects.get(case=waiting_case, status=ApproachStatus.OPEN)
    assert nxt.entry == families[1]
    # SELECTION: the next family gets a draft notice only; no date is recorded in anyone's name until it is sent.
    assert nxt.notified_on is None and nxt.deadline is None
    assert nxt.notice.status == "draft" and nxt.notice.automatic and nxt.notice.prepared_by is None
    # Idempotent: the same day again changes nothing.
    assert services.mediation_tick(today=last_day + timedelta(days=1))["lapsed"] == 0


def test_extended_deadline_does_not_lapse_early(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    notified = date(2026, 3, 2)  # + 45 days = Thursday 16 April, a working day
    approach = services.approach_start_next(case=waiting_case, officer=officer, notified_on=notified)
    services.approach_extend(
        approach=approach, officer=officer, days=15, reason="Soud.", today=notified + timedelta(days=20)
    )
    assert services.mediation_tick(today=notified + timedelta(days=45))["lapsed"] == 0
    assert services.mediation_tick(today=notified + timedelta(days=46))["lapsed"] == 1


def test_family_approached_for_one_child_is_not_offered_for_another(ospod_worker, officer, families):
    first_case = services.case_register(case=propose(ospod_worker), officer=officer)
    second_case = services.case_register(case=propose(ospod_worker), officer=officer)
    held_conference(first_case, officer, families)
    held_conference(second_case, officer, families)
    a1 = services.approach_start_next(case=first_case, officer=officer)
    assert approached_entry_ids(exclude_case=second_case) == frozenset({families[0].pk})
    assert approached_entry_ids(exclude_case=first_case) == frozenset()
    a2 = services.approach_start_next(case=second_case, officer=officer)
    assert a1.entry == families[0]
    assert a2.entry == families[1]


def test_database_refuses_second_active_approach_for_one_child(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    first = services.approach_start_next(case=waiting_case, officer=officer)
    with pytest.raises(IntegrityError):
        Approach.objects.create(
            case=waiting_case,
            entry=families[1],
            notified_on=first.notified_on,
            deadline=first.deadline,
            created_by=officer,
        )


def test_second_start_while_one_is_open_is_refused(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    services.approach_start_next(case=waiting_case, officer=officer)
    with pytest.raises(ValidationError) as exc:
        services.approach_start_next(case=waiting_case, officer=officer)
    assert str(approach_services.APPROACH_ALREADY_ACTIVE) in exc.value.messages


def test_other_region_officer_cannot_approach(waiting_case, officer, other_officer, families):
    held_conference(waiting_case, officer, families)
    with pytest.raises(ValidationError):
        services.approach_start_next(case=waiting_case, officer=other_officer)


def test_removed_family_is_skipped(waiting_case, officer, families):
    from workflows.applicant_journey.models import RegisterStatus

    families[0].status = RegisterStatus.PAUSED
    families[0].save(update_fields=["status"])
    held_conference(waiting_case, officer, families)
    assert services.approach_start_next(case=waiting_case, officer=officer).entry == families[1]


def test_deadline_module_values():
    assert deadlines.court_request_deadline(date(2026, 1, 31)) == date(2026, 3, 2)
    assert deadlines.COURT_REQUEST_MAX_EXTENSION_DAYS == 30
    assert deadlines.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_family_leaving_the_register_cancels_its_approach_and_moves_on(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    first = services.approach_start_next(case=waiting_case, officer=officer)
    assert services.approaches_cancel_for_entry(entry=families[0]) == 1
    first.refresh_from_db()
    assert first.status == ApproachStatus.CANCELLED
    assert Approach.objects.get(case=waiting_case, status=ApproachStatus.OPEN).entry == families[1]


def test_accepted_approach_can_still_fail_and_the_next_family_follows(waiting_case, officer, families):
    held_conference(waiting_case, officer, families)
    first = services.approach_start_next(case=waiting_case, officer=officer)
    services.approach_record_answer(approach=first, actor=officer, accepted=True)
    nxt = services.approach_record_answer(approach=first, actor=officer, accepted=False, reason="Soud nesvěřil.")
    first.refresh_from_db()
    assert first.status == ApproachStatus.DECLINED
    assert nxt.entry == families[1]
