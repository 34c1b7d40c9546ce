"""Demo seed helpers for the §23a application and the course: the application's data and an accepted checklist
(so a walked journey passes COMPLETENESS_GATE as a real one would), one application forwarded to the competent ORP
(FORWARD_TO_COMPETENT), and the region's course sessions."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from nrp.core.models import Orp
from workflows.applicant_journey.models import (
    CHECKLIST_DOCUMENT_KINDS,
    ApplicationChoices,
    ApplicationPerson,
    CourseSession,
    DocumentStatus,
    StayKind,
)

PLACES = ["Brno", "Olomouc", "Ostrava", "Praha", "Zlín", "Jihlava", "Bratislava"]


def fill_application(journey, rng, day: date) -> None:
    """The §23a data of every applicant: Czech citizens with permanent residence (now and then an EU citizen),
    both consents to the preparation given on the filing day, the two ÚMPOD choices answered."""
    for person in ApplicationPerson.objects.filter(journey=journey, member__isnull=False):
        born = person.born_on or date(1975 + rng.randint(0, 20), rng.randint(1, 12), rng.randint(1, 28))
        eu = rng.random() < 0.05
        person.born_on = born
        person.birth_number = f"{born:%y%m%d}{rng.randint(1000, 9999)}"
        person.birth_place = rng.choice(PLACES)
        person.citizenship = "SK" if eu else "CZ"
        person.stay_kind = StayKind.EU_RIGHT if eu else StayKind.CITIZEN
        person.stay_since = day - timedelta(days=3000) if eu else None
        person.habitual_residence_cz = True
        person.preparation_consent_on = day
        person.save()
    ApplicationChoices.objects.filter(journey=journey).update(
        umpod_offer_consent=rng.random() < 0.4, intercountry_only=False
    )


def accept_checklist(journey) -> None:
    """Every checklist item accepted by the OSPOD (the demo keeps no files)."""
    journey.documents.filter(kind__in=CHECKLIST_DOCUMENT_KINDS).update(status=DocumentStatus.ACCEPTED)


def other_orp_of(orp: Orp) -> Orp:
    """A neighbouring ORP of the same region, where a forwarded application was first filed."""
    return Orp.objects.filter(region_id=orp.region_id).exclude(pk=orp.pk).order_by("name").first() or orp


def forward_application(household, journey, day: date, ensure_ospod, rng) -> None:
    """FORWARD_TO_COMPETENT: the application was filed at a neighbouring ORP, which forwards it to the ORP of the
    family's permanent residence (a message and an e-mail to the family)."""
    from workflows.applicant_journey.services.application import application_forward

    competent = household.residence_orp
    filed_at = other_orp_of(competent)
    if filed_at == competent:
        return
    household.residence_orp = filed_at
    household.save(update_fields=["residence_orp"])
    application_forward(
        journey=journey,
        actor=ensure_ospod(filed_at, rng),
        to_orp=competent,
        reason=f"Žadatelé mají trvalý pobyt v obvodu ORP {competent.name}.",
        forwarded_on=day,
        today=day,
    )


def past_sessions(region, day: date, needed: int) -> list[CourseSession]:
    """Weekly 8-hour sessions ending the week before ``day`` (for families whose course ran before the region's
    standing sessions); keyed by week, so families of the same weeks share them."""
    monday = day - timedelta(days=day.weekday())
    sessions = []
    for i in range(needed, 0, -1):
        starts = timezone.make_aware(datetime.combine(monday - timedelta(days=7 * i), time(9)))
        session, _created = CourseSession.objects.get_or_create(
            region=region,
            title="Příprava k přijetí dítěte",
            starts_at=starts,
            defaults={"hours": Decimal(8), "place": "Krajský úřad"},
        )
        sessions.append(session)
    return sessions


def ensure_sessions(region, today) -> list[CourseSession]:
    """Nine past 8-hour sessions (72 h, enough for short-term foster care) and four upcoming ones."""
    sessions = []
    topics = [
        "Potřeby dítěte v náhradní rodině",
        "Vztahová vazba a trauma",
        "Kontakt s biologickou rodinou",
        "Identita dítěte a jeho příběh",
        "Zdraví a vývoj dítěte",
        "Právní rámec NRP",
        "Sourozenci v péči",
        "Dítě z jiného etnika",
        "Přechodná pěstounská péče",
    ]
    for i, topic in enumerate(topics):
        starts = timezone.make_aware(datetime.combine(today - timedelta(days=400 - i * 14), time(9)))
        session, _ = CourseSession.objects.get_or_create(
            region=region, title=topic, starts_at=starts, defaults={"hours": Decimal(8), "place": "Krajský úřad"}
        )
        sessions.append(session)
    for i, topic in enumerate(topics[:4]):
        starts = timezone.make_aware(datetime.combine(today + timedelta(days=7 + i * 14), time(9)))
        CourseSession.objects.get_or_create(
            region=region, title=topic, starts_at=starts, defaults={"hours": Decimal(8), "place": "Krajský úřad"}
        )
    return sessions
