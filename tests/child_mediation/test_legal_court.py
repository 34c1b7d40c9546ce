"""The court petition (issue 14, item 2; COURT_PETITION_CHILD_FILE, §21): the OSPOD records proceedings that may
place the child outside the family; a task to send the child's file opens with its deadline; institutional-care
proceedings open the officers' task to ask the other regions again (INSTITUTIONAL_CARE_SEARCH)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from nrp.core.exceptions import ForbiddenError
from tests.api.conftest import assert_problem
from tests.factories import orp
from workflows.child_mediation.legal.policies import LegalStepRefused
from workflows.child_mediation.legal.proceedings import CourtProceeding, LegalTask
from workflows.child_mediation.legal.vocabulary import TaskKind
from workflows.child_mediation.services import court, legal_tasks

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_child_file_21_petition_opens_a_task_for_the_ospod_with_its_deadline(
    django_capture_on_commit_callbacks, ospod_worker
):
    filed = TODAY - timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        proceeding = court.court_proceeding_record(
            actor=ospod_worker,
            kind="interim",
            filed_on=filed,
            court="Městský soud v Brně",
            orp=orp("Brno"),
            child_label="OSPOD-BRNO-2026/17",
        )
    assert proceeding.file_due_on == filed + timedelta(days=30)
    task = LegalTask.objects.get(proceeding=proceeding)
    assert (task.kind, task.due_on, task.for_ospod, task.for_officer) == (
        TaskKind.SEND_CHILD_FILE,
        proceeding.file_due_on,
        True,
        False,
    )
    assert list(legal_tasks.tasks_for_user(user=ospod_worker)) == [task]
    assert [m.to for m in mail.outbox] == [[ospod_worker.email]]
    assert "OSPOD-BRNO" not in mail.outbox[0].body, "the e-mail names no child"


def test_child_file_21_sent_with_the_proposed_case_closes_the_task(ospod_worker, officer, waiting_case):
    proceeding = court.court_proceeding_record(
        actor=ospod_worker, kind="no_interest", filed_on=TODAY, court="OS Brno", orp=orp("Brno"), child_label="A. S."
    )
    with pytest.raises(LegalStepRefused) as exc:
        court.child_file_sent(proceeding=proceeding, actor=ospod_worker)
    assert exc.value.code == "case_required"
    court.child_file_sent(proceeding=proceeding, actor=ospod_worker, case=waiting_case)
    proceeding.refresh_from_db()
    assert proceeding.case == waiting_case and proceeding.file_sent_on == TODAY
    assert not legal_tasks.tasks_for_user(user=ospod_worker).exists()


def test_institutional_care_proceedings_reopen_the_search_in_other_regions(ospod_worker, officer, waiting_case):
    court.court_proceeding_record(
        actor=ospod_worker, kind="institutional", filed_on=TODAY, court="OS Brno", case=waiting_case
    )
    assert court.other_regions_to_reopen(waiting_case)
    task = LegalTask.objects.get(case=waiting_case, kind=TaskKind.ASK_OTHER_REGIONS)
    assert task.for_officer and task.due_on == TODAY
    assert task in legal_tasks.tasks_for_user(user=officer)
    legal_tasks.task_done(task=task, actor=officer)
    assert not court.other_regions_to_reopen(waiting_case)


def test_child_file_21_needs_a_case_or_the_child_and_not_a_future_date(ospod_worker):
    with pytest.raises(LegalStepRefused) as exc:
        court.court_proceeding_record(actor=ospod_worker, kind="interim", filed_on=TODAY, court="OS", orp=orp("Brno"))
    assert exc.value.code == "case_or_child_required"
    with pytest.raises(LegalStepRefused) as exc:
        court.court_proceeding_record(
            actor=ospod_worker,
            kind="interim",
            filed_on=TODAY + timedelta(days=1),
            court="OS",
            orp=orp("Brno"),
            child_label="X",
        )
    assert exc.value.code == "date_in_future"


def test_child_file_21_only_the_ospod_of_the_orp_or_the_regions_officer(guide, other_officer):
    for outsider in (guide, other_officer):
        with pytest.raises(ForbiddenError):
            court.court_proceeding_record(
                actor=outsider, kind="interim", filed_on=TODAY, court="OS", orp=orp("Brno"), child_label="X"
            )


def test_child_file_21_screen_records_proceedings_for_the_ospod_and_refuses_a_guide(client, ospod_worker, guide):
    data = {"kind": "interim", "filed_on": TODAY.isoformat(), "court": "OS Brno", "orp": orp("Brno").pk}
    client.force_login(guide)
    assert client.post(reverse("child_mediation:proceedings"), {**data, "child_label": "X"}).status_code == 403
    client.force_login(ospod_worker)
    response = client.post(reverse("child_mediation:proceedings"), {**data, "child_label": "OSPOD-17"})
    assert response.status_code == 302
    proceeding = CourtProceeding.objects.get()
    assert proceeding.recorded_by == ospod_worker
    tasks = client.get(reverse("child_mediation:legal_tasks"))
    assert "odeslat spis dítěte" in tasks.content.decode()


def test_child_file_21_api_for_the_ospod_and_the_task_done(api, ospod_worker, officer, other_officer, waiting_case):
    body = {"proceeding_kind": "institutional", "filed_on": TODAY.isoformat(), "court": "OS", "case": waiting_case.pk}
    assert_problem(api(other_officer).post("/api/v1/court-proceedings/", body), 404)
    response = api(ospod_worker).post("/api/v1/court-proceedings/", body)
    assert response.status_code == 201, response.content
    proceeding_id = response.json()["id"]
    officer_tasks = api(officer).get("/api/v1/legal-tasks/").json()
    assert [t["task_kind"] for t in officer_tasks] == ["other_regions"]
    sent = api(ospod_worker).post(f"/api/v1/court-proceedings/{proceeding_id}/child-file-sent/", {})
    assert sent.status_code == 200 and sent.json()["file_sent_on"] == TODAY.isoformat()
    task_id = officer_tasks[0]["id"]
    assert_problem(api(ospod_worker).post(f"/api/v1/legal-tasks/{task_id}/done/"), 404)
    assert api(officer).post(f"/api/v1/legal-tasks/{task_id}/done/").json()["done_on"] == TODAY.isoformat()
