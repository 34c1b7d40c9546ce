"""Online sign-up (registrace zájemce) without leaks.

* The answer is the same whether the e-mail is registered or not: a new address gets a verification link, the
  owner of an existing account gets a note that someone tried to register with it (and where to reset the
  password). Being registered would reveal that a person applies for foster care or adoption.
* The link carries an opaque random token (256 bits); the server keeps only its SHA-256 and the form's values
  (:class:`PendingSignup`), uses the link once and forgets it after 24 hours. No name, e-mail, birth date or
  password hash ever travels in a URL (and so in an access log).
* Limits per address and per client (Django's cache): past them nothing is sent, and the page still says
  "check your e-mail" for the address limit (it must not tell whether that address was tried before).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import Role
from nrp.core.client import hit_limit
from nrp.core.models import Household, HouseholdMember, Organisation, Orp, RoleAssignment, User
from workflows.applicant_journey.models import ApplicantJourney, EventKind, PendingSignup
from workflows.applicant_journey.services.assignment import guide_for_new_case
from workflows.applicant_journey.services.communication import CONSENT_PURPOSE, invitation_create
from workflows.applicant_journey.services.lifecycle import journey_open
from workflows.applicant_journey.services.tasks import record_event

LINK_INVALID = _("Odkaz není platný, už byl použit, nebo vypršel. Zaregistrujte se prosím znovu.")
TOO_MANY_FROM_CLIENT = _("Z vašeho připojení přišlo příliš mnoho registrací. Zkuste to prosím za hodinu.")

SIGNUP_LINK_HOURS = 24
# Verification e-mails to one address, and sign-ups from one client address, per hour (settings override).
SIGNUP_LIMIT_PER_EMAIL = 3
SIGNUP_LIMIT_PER_CLIENT = 10
SIGNUP_LIMIT_WINDOW = 60 * 60


class SignupRefused(Exception):
    """The client sent too many sign-ups; ``message`` is for the person."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def signup_request(*, data: dict, confirm_url: str, login_url: str, reset_url: str, client: str | None) -> None:
    """Step 1: keep the application server-side and e-mail an opaque link (or a note to an existing account).

    ``data`` holds the form's cleaned values (ids and strings; the password only as a hash). ``confirm_url``
    is the verification URL with ``{token}`` where the token goes. Raises :class:`SignupRefused` past the
    per-client limit; the per-address limit sends nothing and answers as usual.
    """
    per_client = getattr(settings, "NRP_SIGNUP_LIMIT_PER_CLIENT", SIGNUP_LIMIT_PER_CLIENT)
    per_email = getattr(settings, "NRP_SIGNUP_LIMIT_PER_EMAIL", SIGNUP_LIMIT_PER_EMAIL)
    if client and hit_limit("signup-client", client, limit=per_client, window_seconds=SIGNUP_LIMIT_WINDOW):
        raise SignupRefused(TOO_MANY_FROM_CLIENT)
    email = data["email"].strip().lower()
    if hit_limit("signup-email", email, limit=per_email, window_seconds=SIGNUP_LIMIT_WINDOW):
        return
    PendingSignup.objects.filter(expires_at__lt=timezone.now()).delete()
    if User.objects.filter(email__iexact=email).exists():
        send_mail(
            gettext("Pokus o registraci s vaším e-mailem"),
            gettext(
                "Dobrý den,\n\ns touto e-mailovou adresou se někdo pokusil znovu zaregistrovat v systému NRP. "
                "Účet s ní už máte; přihlásit se můžete na adrese\n%(login)s\n\nZapomenuté heslo si obnovíte zde:\n"
                "%(reset)s\n\nPokud jste to nebyli vy, zprávu prosím ignorujte; váš účet se nezměnil."
            )
            % {"login": login_url, "reset": reset_url},
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
        return
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    PendingSignup.objects.create(
        token_hash=token_hash(token),
        email=email,
        data={**data, "email": email},
        created_at=now,
        expires_at=now + timedelta(hours=SIGNUP_LINK_HOURS),
    )
    send_mail(
        gettext("Potvrďte prosím svou registraci"),
        gettext(
            "Dobrý den,\n\npro dokončení registrace v systému NRP otevřete tento odkaz (platí 24 hodin a jen "
            "jednou):\n%(link)s\n\nPokud jste se neregistrovali, zprávu prosím ignorujte."
        )
        % {"link": confirm_url.replace("{token}", token)},
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )


@transaction.atomic
def signup_confirm(*, token: str, base_url: str = "") -> ApplicantJourney:
    """Step 2: the verified e-mail creates the account, the household, the journey; a guide is assigned."""
    pending = (
        PendingSignup.objects.select_for_update()
        .filter(token_hash=token_hash(token), used_at__isnull=True, expires_at__gte=timezone.now())
        .first()
    )
    if pending is None:
        raise ValidationError(LINK_INVALID)
    data = pending.data
    pending.used_at = timezone.now()
    pending.data = {}
    pending.save(update_fields=["used_at", "data"])
    email = pending.email
    if User.objects.filter(email__iexact=email).exists():
        # Registered meanwhile (a second link, an invitation): the same answer as any used link.
        raise ValidationError(LINK_INVALID)
    orp = Orp.objects.select_related("region").get(pk=data["residence_orp"])
    organisation = (
        Organisation.objects.filter(pk=data.get("organisation")).first() if data.get("organisation") else None
    )
    guide = guide_for_new_case(region=orp.region, organisation=organisation)
    user = User.objects.create(email=email, first_name=data["first_name"], last_name=data["last_name"])
    user.password = data["password_hash"]
    user.save(update_fields=["password"])
    RoleAssignment.objects.create(user=user, role=Role.APPLICANT)
    household = Household.objects.create(
        residence_orp=orp,
        guide=guide,
        organisation=organisation
        or (guide.role_assignments.filter(role=Role.GUIDE).first().organisation if guide else None),
    )
    HouseholdMember.objects.create(
        household=household,
        user=user,
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=email,
        sex=data.get("sex", ""),
        date_of_birth=date.fromisoformat(data["date_of_birth"]),
    )
    journey = journey_open(household=household, actor=user, care_types=data.get("care_types") or [])
    record_event(
        journey,
        actor=user,
        kind=EventKind.OPENED,
        note=gettext("Souhlas se zpracováním osobních údajů"),
        consent_purpose=CONSENT_PURPOSE,
        consent_at=timezone.now().isoformat(),
        email_verified=True,
    )
    if data.get("partner_email"):
        invitation_create(
            household=household,
            actor=user,
            email=data["partner_email"],
            first_name="",
            last_name="",
            base_url=base_url,
        )
    return journey
