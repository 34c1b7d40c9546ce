"""Notifications: the events of a case reach the right people once, in the app (unread badge) and by e-mail
as each person chose; only the recipient sees or marks a notification (screens and API)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from nrp.core.choices import CareType
from nrp.notifications import events
from nrp.notifications.models import Notification, NotificationKind
from tests.api.conftest import TokenClient
from tests.security.otp import otp_verify_session
from workflows.applicant_journey import services
from workflows.applicant_journey.selectors import task_due_on
from workflows.applicant_journey.services.communication import message_send
from workflows.applicant_journey.services.tasks import open_task

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def journey(household, guide):
    return services.journey_open(household=household, actor=guide, care_types=[CareType.FOSTER])


def unread_badge(client) -> str:
    """The number on the header's notification link ("0" when there is none)."""
    page = client.get(reverse("notifications:list")).content.decode()
    link = re.search(r'class="notification-badge".*?</a>', page, re.S)
    assert link, "no notification link in the header"
    count = re.search(r"(\d+)</span></a>", link.group(0))
    return count.group(1) if count else "0"


def test_a_familys_message_notifies_the_guide_with_an_unread_badge_not_the_author(client, journey, applicant, guide):
    client.force_login(applicant)
    client.post(reverse("applicant_journey:message", args=[journey.pk]), {"body": "Dobrý den, mám dotaz."})
    assert not Notification.objects.filter(recipient=applicant).exists()
    client.force_login(guide)
    page = client.get(reverse("notifications:list")).content.decode()
    assert f"Nová zpráva k případu č. {journey.pk}" in page
    assert unread_badge(client) == "1"


def test_a_guides_message_notifies_both_applicants(journey, guide, applicant, partner):
    message_send(journey=journey, author=guide, body="Posílám termín schůzky.")
    assert set(Notification.objects.filter(kind=NotificationKind.MESSAGE).values_list("recipient", flat=True)) == {
        applicant.pk,
        partner.pk,
    }


def test_the_same_event_twice_makes_one_notification(journey, guide, applicant):
    message = message_send(journey=journey, author=guide, body="Ahoj")
    events.message_sent(message)
    events.message_sent(message)
    assert Notification.objects.filter(recipient=applicant, key=f"message:{message.pk}").count() == 1


def test_a_document_from_the_family_is_to_review_and_its_review_reaches_the_family(
    client, journey, applicant, guide, ospod_worker
):
    document = journey.documents.create(kind="health", member=journey.household.members.first())
    client.force_login(applicant)
    upload = SimpleUploadedFile("zprava.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("applicant_journey:document_upload", args=[journey.pk, document.pk]), {"file": upload}
    )
    assert response.status_code == 302
    to_review = Notification.objects.filter(kind=NotificationKind.DOCUMENT_TO_REVIEW)
    assert {n.recipient for n in to_review} >= {guide}
    assert applicant not in {n.recipient for n in to_review}

    # Review belongs to the authority (AUTHORITY_ACTS): the OSPOD worker, never the guide.
    client.force_login(ospod_worker)
    otp_verify_session(client, ospod_worker)
    client.post(
        reverse("applicant_journey:document_review", args=[journey.pk, document.pk]),
        {"status": "rejected", "reason": "Chybí razítko lékaře."},
    )
    result = Notification.objects.get(recipient=applicant, kind=NotificationKind.DOCUMENT_REVIEWED)
    assert "vrácen k opravě" in result.title
    assert "razítko" not in result.title  # the reason stays in the app (the title may go out by e-mail)
    assert result.url == reverse("applicant_journey:my_documents")


def test_opening_a_notification_marks_it_read_and_leads_to_its_page(client, journey, guide, applicant):
    message_send(journey=journey, author=guide, body="Ahoj")
    notification = Notification.objects.get(recipient=applicant)
    client.force_login(applicant)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response.url == reverse("applicant_journey:portal") + "#zpravy"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert unread_badge(client) == "0"


def test_mark_all_read_clears_the_badge(client, journey, guide, applicant):
    message_send(journey=journey, author=guide, body="Jedna")
    message_send(journey=journey, author=guide, body="Dvě")
    client.force_login(applicant)
    assert unread_badge(client) == "2"
    client.post(reverse("notifications:read_all"))
    assert unread_badge(client) == "0"
    assert "Všechno máte přečtené" in client.get(reverse("notifications:list"), {"neprectene": "1"}).content.decode()


def test_only_the_recipient_sees_or_marks_a_notification(client, journey, guide, applicant, partner, officer):
    message_send(journey=journey, author=guide, body="Ahoj")
    mine = Notification.objects.get(recipient=applicant)
    for intruder in (partner, officer):
        client.force_login(intruder)
        assert client.get(reverse("notifications:open", args=[mine.pk])).status_code == 404
        assert client.post(reverse("notifications:read", args=[mine.pk])).status_code == 404
        assert mine.title not in client.get(reverse("notifications:list")).content.decode() or intruder == partner
    mine.refresh_from_db()
    assert mine.read_at is None


def test_email_follows_the_preferences_and_names_no_one(
    client, journey, guide, applicant, partner, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    response = client.post(reverse("notifications:settings"), {"email_kinds": [NotificationKind.DECISION]})
    assert response.status_code == 302
    page = client.get(reverse("notifications:settings")).content.decode()
    checked = set(re.findall(r'<input type="checkbox" name="email_kinds" value="(\w+)"[^>]*checked', page))
    assert checked == {NotificationKind.DECISION}
    with django_capture_on_commit_callbacks(execute=True):
        message_send(journey=journey, author=guide, body="Ahoj, pane Nováku")
    assert [m.to for m in mail.outbox] == [[partner.email]]  # the applicant switched messages off, the partner not
    email = mail.outbox[0]
    assert f"případu č. {journey.pk}" in email.subject
    assert "Nováku" not in email.body and partner.last_name not in email.body
    assert Notification.objects.filter(recipient=applicant).exists()  # still in the app


def test_deadline_reminders_are_notifications_once_and_respect_the_email_choice(journey, guide, ospod_worker):
    from nrp.notifications.services import preferences_update
    from tests.applicant_journey import walk

    walk.to_application(journey, guide)
    preferences_update(user=ospod_worker, email_kinds=[])
    day = (task_due_on(open_task(journey)) - timedelta(days=2)).isoformat()
    call_command("send_journey_reminders", "--date", day)
    call_command("send_journey_reminders", "--date", day)
    deadlines = Notification.objects.filter(kind=NotificationKind.DEADLINE)
    assert sorted(n.recipient_id for n in deadlines) == sorted([guide.pk, ospod_worker.pk])
    assert [m.to for m in mail.outbox] == [[guide.email]]


def test_an_approach_tells_the_family_and_their_guide(officer, ospod_worker):
    from tests.child_mediation.conftest import held_conference, make_entry, propose
    from workflows.child_mediation import services as child_services

    entries = [make_entry()]
    family = entries[0].household
    case = child_services.case_register(case=propose(ospod_worker), officer=officer, registered_on=None)
    held_conference(case, officer, entries)
    child_services.approach_start_next(case=case, officer=officer)
    notified = Notification.objects.filter(kind=NotificationKind.APPROACH)
    members = {m.user_id for m in family.members.all() if m.user_id}
    assert members and members <= {n.recipient_id for n in notified}
    assert all(case.children.first().first_name not in n.title for n in notified)


# --- API ------------------------------------------------------------------------------------------------------


def test_api_lists_only_my_notifications_and_marks_them_read(journey, guide, applicant, partner):
    message_send(journey=journey, author=guide, body="Ahoj")
    mine = Notification.objects.get(recipient=applicant)
    response = TokenClient(applicant).get("/api/v1/notifications/", {"unread": "true"})
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
    assert TokenClient(partner).post(f"/api/v1/notifications/{mine.pk}/read/").status_code == 404
    response = TokenClient(applicant).post(f"/api/v1/notifications/{mine.pk}/read/")
    assert response.status_code == 200 and response.json()["read_at"] is not None
    assert TokenClient(applicant).get("/api/v1/notifications/", {"unread": "true"}).json()["results"] == []


def test_api_mark_all_read_counts_and_anonymous_is_refused(journey, guide, applicant):
    message_send(journey=journey, author=guide, body="Jedna")
    message_send(journey=journey, author=guide, body="Dvě")
    assert TokenClient(applicant).post("/api/v1/notifications/read-all/").json() == {"marked": 2}
    assert TokenClient(None).get("/api/v1/notifications/").status_code == 401
