"""The application under §23a: the people it names (APPLICATION_CONTENTS), whether §23a(1) is met
(APPLICATION_ELIGIBILITY), the checklist that gates completeness and the hand-over (COMPLETENESS_GATE), and the
forwarding of an application filed at an ORP that is not competent (FORWARD_TO_COMPETENT)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from nrp import law
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.models import Orp, User
from workflows.applicant_journey.models import (
    CHECKLIST_DOCUMENT_KINDS,
    CLOSED_STAGES,
    CONSENTING_RELATIONS,
    HOUSEHOLD_DOCUMENT_KINDS,
    ORP_OBTAINS_KINDS,
    REQUIRED_DOCUMENT_KINDS,
    ApplicantJourney,
    ApplicationChoices,
    ApplicationForwarding,
    ApplicationPerson,
    DocumentKind,
    DocumentStatus,
    EventKind,
    JourneyDocument,
    JourneyStage,
    Message,
    Relation,
    StayKind,
)
from workflows.applicant_journey.services.assignment import owner_for_node
from workflows.applicant_journey.services.tasks import StepError, record_event
from workflows.applicant_journey.services.tasks import today as clock_today

# Messages (tests import them).
CHECKLIST_INCOMPLETE = _("Žádost není úplná (%(law)s). Chybí nebo není přijato: %(items)s.")
IDENTITY_MISSING = _("%(name)s: chybí %(fields)s")
CONSENT_MISSING = _("%(name)s: souhlas s přípravou (%(law)s)")
UMPOD_NOT_ANSWERED = law.message(
    _("volba nabídnutí ÚMPOD a mezinárodního osvojení (%(law)s)"), law="APPLICATION_CONTENTS"
)
NO_HABITUAL_RESIDENCE = _("%(name)s nemá obvyklé bydliště v České republice.")
NO_STAY = _("%(name)s nemá v České republice pobyt, se kterým lze žádat.")
STAY_TOO_SHORT = _("%(name)s pobývá v ČR přechodně teprve %(days)s dní, zákon vyžaduje nepřetržitě alespoň %(need)s.")
STAY_UNKNOWN = _("%(name)s: druh nebo délka pobytu nejsou uvedeny.")
ELIGIBLE = law.message(_("Podmínky %(law)s jsou splněny."), law="APPLICATION_ELIGIBILITY")
SAME_ORP = _("Žádost už je u tohoto ORP.")
FORWARD_TOO_LATE = _("Postoupit lze jen žádost před kontrolou úplnosti; později jde o přestěhování.")
FORWARD_REASON_REQUIRED = _("Uveďte, proč není toto ORP příslušné.")
FORWARD_NOTICE = _(
    "Vaše žádost byla %(date)s postoupena příslušnému úřadu: %(orp)s (%(law)s). Úřad je příslušný podle "
    "místa vašeho trvalého pobytu. Nic dalšího nemusíte dělat; důvod: %(reason)s"
)
DATE_IN_FUTURE = _("Datum nemůže být v budoucnosti.")

IDENTITY_FIELDS = ("birth_number", "born_on", "birth_place", "citizenship")


@dataclass
class Eligibility:
    """Whether §23a(1) is met for every applicant, and each reason why not (in Czech)."""

    met: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return str(ELIGIBLE) if self.met else " ".join(self.reasons)


def ensure_application(journey: ApplicantJourney) -> None:
    """The application's rows: one person per applicant (names copied from the household) and the choices."""
    for member in journey.household.members.all():
        ApplicationPerson.objects.get_or_create(
            journey=journey,
            member=member,
            defaults={
                "relation": Relation.APPLICANT,
                "first_name": member.first_name,
                "last_name": member.last_name,
                "born_on": member.date_of_birth,
            },
        )
    ApplicationChoices.objects.get_or_create(journey=journey)


def ensure_checklist(journey: ApplicantJourney, *, foreign_countries: dict[int, list[str]], already_fosters: bool):
    """Create the missing rows of the §23c checklist (existing rows and their versions are kept)."""
    members = list(journey.household.members.all())
    for kind in REQUIRED_DOCUMENT_KINDS:
        targets = [None] if kind in HOUSEHOLD_DOCUMENT_KINDS else members
        for member in targets:
            JourneyDocument.objects.get_or_create(journey=journey, member=member, kind=kind, country="")
    if already_fosters:
        JourneyDocument.objects.get_or_create(
            journey=journey, member=None, kind=DocumentKind.FOSTER_AGREEMENT_STATEMENT, country=""
        )
    by_id = {m.pk: m for m in members}
    for member_id, countries in foreign_countries.items():
        member = by_id.get(int(member_id))
        if member is None:
            continue
        for country in countries:
            if country.strip():
                JourneyDocument.objects.get_or_create(
                    journey=journey, member=member, kind=DocumentKind.CRIMINAL_RECORD, country=country.strip()[:60]
                )


def persons(journey: ApplicantJourney) -> list[ApplicationPerson]:
    return list(journey.application_persons.select_related("member"))


def eligibility(journey: ApplicantJourney, *, today: date | None = None) -> Eligibility:
    """APPLICATION_ELIGIBILITY (§23a(1)): habitual residence in Czechia and a stay the law accepts, per applicant."""
    today = today or clock_today()
    need = law.default("APPLICATION_ELIGIBILITY")
    reasons: list[str] = []
    for person in persons(journey):
        if person.relation != Relation.APPLICANT:
            continue
        name = {"name": person.full_name}
        if not person.habitual_residence_cz:
            reasons.append(str(NO_HABITUAL_RESIDENCE % name))
        if not person.stay_kind:
            reasons.append(str(STAY_UNKNOWN % name))
        elif person.stay_kind == StayKind.NONE:
            reasons.append(str(NO_STAY % name))
        elif person.stay_kind == StayKind.TEMPORARY:
            if person.stay_since is None:
                reasons.append(str(STAY_UNKNOWN % name))
            elif (today - person.stay_since).days < need:
                days = (today - person.stay_since).days
                reasons.append(str(STAY_TOO_SHORT % {**name, "days": days, "need": need}))
    if not any(p.relation == Relation.APPLICANT for p in persons(journey)):
        reasons.append(str(STAY_UNKNOWN % {"name": journey.household}))
    return Eligibility(met=not reasons, reasons=reasons)


def _identity_gaps(person: ApplicationPerson) -> list[str]:
    gaps = [str(ApplicationPerson._meta.get_field(f).verbose_name) for f in IDENTITY_FIELDS if not getattr(person, f)]
    if person.relation == Relation.APPLICANT and not person.stay_kind:
        gaps.append(str(ApplicationPerson._meta.get_field("stay_kind").verbose_name))
    return gaps


def particulars_gaps(journey: ApplicantJourney) -> list[str]:
    """What the application form itself still lacks (APPLICATION_CONTENTS): identity data, consents, choices."""
    items: list[str] = []
    for person in persons(journey):
        gaps = _identity_gaps(person)
        if gaps:
            items.append(str(IDENTITY_MISSING % {"name": person.full_name, "fields": ", ".join(gaps)}))
        if person.relation in CONSENTING_RELATIONS and person.preparation_consent_on is None:
            items.append(
                str(CONSENT_MISSING % {"name": person.full_name, "law": law.cite("APPLICATION_CONTENTS", "short")})
            )
    choices = ApplicationChoices.objects.filter(journey=journey).first()
    if choices is None or choices.umpod_offer_consent is None or choices.intercountry_only is None:
        items.append(str(UMPOD_NOT_ANSWERED))
    return items


def _document_label(document) -> str:
    who = document.member.full_name if document.member_id else gettext("domácnost")
    what = document.get_kind_display() + (f" – {document.country}" if document.country else "")
    return f"{who}: {what} ({document.get_status_display()})"


def outstanding_items(journey: ApplicantJourney, *, applicant_part: bool = False) -> list[str]:
    """COMPLETENESS_GATE: every checklist item per household member that is missing or not accepted.

    ``applicant_part``: only what the applicant must supply (documents missing or returned, the form's gaps), for
    the applicant's "doplněno"; the Czech extract the ORP obtains itself and documents waiting for review are not
    the applicant's to supply.
    """
    documents = journey.documents.filter(kind__in=CHECKLIST_DOCUMENT_KINDS).select_related("member")
    items = []
    for document in documents.order_by("member_id", "kind", "country"):
        if applicant_part:
            if document.kind in ORP_OBTAINS_KINDS or document.status not in (
                DocumentStatus.MISSING,
                DocumentStatus.REJECTED,
            ):
                continue
        elif document.status == DocumentStatus.ACCEPTED:
            continue
        items.append(_document_label(document))
    return items + particulars_gaps(journey)


def require_complete(journey: ApplicantJourney, *, field_name: str | None = None) -> None:
    """Refuse (400, code ``checklist_incomplete``) while any checklist item is missing or not accepted."""
    items = outstanding_items(journey)
    if items:
        raise StepError(
            CHECKLIST_INCOMPLETE % {"items": "; ".join(items), "law": law.cite("COMPLETENESS_GATE", "short")},
            "checklist_incomplete",
        )


PERSON_FIELDS = (
    "relation",
    "first_name",
    "last_name",
    "birth_surname",
    "birth_number",
    "born_on",
    "birth_place",
    "citizenship",
    "stay_kind",
    "stay_since",
    "habitual_residence_cz",
    "preparation_consent_on",
)


@transaction.atomic
def application_particulars_save(
    *,
    journey: ApplicantJourney,
    actor: User,
    members: dict[int, dict[str, Any]],
    others: list[dict[str, Any]] | None = None,
    choices: dict[str, Any] | None = None,
    today: date | None = None,
) -> ApplicantJourney:
    """Save the §23a(2) data: ``members`` maps a household member id to its fields; ``others`` replaces the other
    persons of the household (partner without an account, children, others); ``choices`` the ÚMPOD choices."""
    today = today or clock_today()
    if journey.stage in CLOSED_STAGES:
        raise StepError(gettext("Tato cesta žadatele je už ukončená."), "conflict")
    ensure_application(journey)
    by_member = {p.member_id: p for p in journey.application_persons.filter(member__isnull=False)}
    for member_id, data in members.items():
        person = by_member.get(int(member_id))
        if person is None:
            raise ValidationError({"members": _("Tento žadatel do domácnosti nepatří.")})
        _apply(person, {**data, "relation": Relation.APPLICANT}, today)
    if others is not None:
        journey.application_persons.filter(member__isnull=True).delete()
        for data in others:
            if data.get("relation") not in {Relation.PARTNER, Relation.CHILD, Relation.OTHER}:
                raise ValidationError({"others": _("Uveďte vztah osoby k domácnosti.")})
            _apply(ApplicationPerson(journey=journey), data, today)
    if choices:
        row = ApplicationChoices.objects.get(journey=journey)
        for name in ("umpod_offer_consent", "intercountry_only", "repeat_applicant"):
            if name in choices:
                setattr(row, name, choices[name])
        row.full_clean()
        row.save()
    record_event(journey, actor=actor, kind=EventKind.DOCUMENT, application=True)
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=journey, household=journey.household, region=journey.region
    )
    return journey


def _apply(person: ApplicationPerson, data: dict[str, Any], today: date) -> None:
    for name in PERSON_FIELDS:
        if name in data:
            value = data[name]
            setattr(person, name, "" if value is None and name not in _NULLABLE else value)
    for name in ("born_on", "stay_since", "preparation_consent_on"):
        value = getattr(person, name)
        if value is not None and value > today:
            raise ValidationError({name: DATE_IN_FUTURE})
    person.full_clean()
    person.save()


_NULLABLE = {"born_on", "stay_since", "preparation_consent_on"}


def _notify_applicants(journey: ApplicantJourney, *, actor: User, body: str, subject: str) -> None:
    """The notice to the applicant: a message on the journey and an e-mail to every applicant with an address."""
    Message.objects.create(journey=journey, author=actor, body=body)
    emails = [m.user.email if m.user_id else m.email for m in journey.household.members.select_related("user")]
    emails = [e for e in emails if e]
    if emails:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails)


@transaction.atomic
def application_forward(
    *,
    journey: ApplicantJourney,
    actor: User,
    to_orp: Orp,
    reason: str,
    forwarded_on: date | None = None,
    request=None,
    today: date | None = None,
) -> ApplicationForwarding:
    """FORWARD_TO_COMPETENT (SŘ §12): an application filed at an ORP that is not competent (the applicant's
    permanent residence is elsewhere, APPLICATION_ORP_RESIDENCE) is forwarded to the competent ORP, not refused.

    The household's ORP of residence changes, the open task goes to the new ORP (and region), and the applicant
    gets a notice (a message on the journey and an e-mail)."""
    today = today or clock_today()
    forwarded_on = forwarded_on or today
    journey = ApplicantJourney.objects.select_for_update().get(pk=journey.pk)
    if forwarded_on > today:
        raise ValidationError({"forwarded_on": DATE_IN_FUTURE})
    if journey.stage not in (JourneyStage.INTEREST, JourneyStage.APPLICATION, JourneyStage.INCOMPLETE):
        raise StepError(FORWARD_TOO_LATE, "conflict")
    if journey.application_complete_on is not None:
        raise StepError(FORWARD_TOO_LATE, "conflict")
    if not reason.strip():
        raise ValidationError({"reason": FORWARD_REASON_REQUIRED})
    household = journey.household
    from_orp = household.residence_orp
    if to_orp.pk == from_orp.pk:
        raise ValidationError({"to_orp": SAME_ORP})
    if journey.application_filed_on and forwarded_on < journey.application_filed_on:
        raise ValidationError({"forwarded_on": _("Postoupit nelze před podáním žádosti.")})
    household.residence_orp = to_orp
    household.save(update_fields=["residence_orp"])
    if journey.region_id != to_orp.region_id:
        journey.region = to_orp.region
        journey.save(update_fields=["region"])
    for task in Task.objects.filter(process_id=journey.pk, status__in=[STATUS.NEW, STATUS.ASSIGNED]):
        activation = task.flow_task.activation_class(task)
        activation.process = journey
        owner = owner_for_node(task.flow_task.name, activation)
        task.owner = owner
        task.status = STATUS.ASSIGNED if owner else STATUS.NEW
        task.save(update_fields=["owner", "status"])
    forwarding = ApplicationForwarding.objects.create(
        journey=journey,
        from_orp=from_orp,
        to_orp=to_orp,
        forwarded_on=forwarded_on,
        reason=reason.strip(),
        forwarded_by=actor,
    )
    body = str(
        FORWARD_NOTICE
        % {
            "date": forwarded_on.strftime("%d. %m. %Y"),
            "orp": to_orp.name,
            "reason": reason.strip(),
            "law": law.cite("FORWARD_TO_COMPETENT", "short"),
        }
    )
    _notify_applicants(
        journey, actor=actor, body=body, subject=gettext("Vaše žádost byla postoupena příslušnému úřadu")
    )
    record_event(
        journey,
        actor=actor,
        kind=EventKind.TRANSFERRED,
        note=body,
        rule="FORWARD_TO_COMPETENT",
        from_orp=from_orp.pk,
        to_orp=to_orp.pk,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=journey,
        household=household,
        region=from_orp.region,
        request=request,
        reason=reason.strip(),
        details={"forwarded_from": from_orp.pk, "forwarded_to": to_orp.pk},
    )
    return forwarding


def stay_days(person: ApplicationPerson, today: date | None = None) -> int | None:
    if person.stay_since is None:
        return None
    return ((today or clock_today()) - person.stay_since) // timedelta(days=1)
