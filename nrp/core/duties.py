"""Separation of duties for administrators (issue 11): nobody grants themselves a role or becomes someone else.

* **No self-grants.** In the admin an administrator cannot add, change or remove role assignments, staff or
  superuser flags, groups or permissions of their own account (the inline is read-only and a forged post is
  refused).
* **Case roles need a second administrator.** A role that opens children's and applicants' files (officer,
  OSPOD worker, assessor) given in the admin is saved *pending* (inactive); it takes effect only when another
  administrator, neither the one who asked nor the person concerned, confirms it (admin action on
  "přidělené role"). Model chosen over a "regional superuser": every region has two administrators in
  practice, and it needs no new role with broad rights.
* **Everything is recorded and told to the person.** Granting any staff role, confirming a case role,
  resetting another person's password and removing another person's second-factor device are written to the
  audit trail and e-mailed to the person concerned, so a take-over cannot stay unnoticed.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nrp.audit import context
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_record
from nrp.core.choices import Role
from nrp.core.models import RoleAssignment, User

logger = logging.getLogger("nrp.security")

# Roles that read children's and applicants' files: they take effect only after a second administrator confirms.
CASE_ROLES = frozenset({Role.OFFICER, Role.OSPOD, Role.ASSESSOR})
STAFF_ROLES = frozenset(set(Role) - {Role.APPLICANT})

SELF_GRANT_REFUSED = _("Role a oprávnění vlastního účtu nemůžete měnit; požádejte jiného správce.")
CONFIRM_OWN_REQUEST = _("Přidělení role, o které jste požádali vy (nebo které se týká vás), potvrzuje jiný správce.")
ROLE_PENDING = _("Role „%(role)s“ čeká na potvrzení druhým správcem.")

EVENT_GRANTED = "role_granted"
EVENT_REQUESTED = "role_grant_requested"
EVENT_CONFIRMED = "role_grant_confirmed"
EVENT_PASSWORD_RESET = "password_set_by_other"
EVENT_DEVICE_REMOVED = "second_factor_removed_by_other"


def acting_user() -> User | None:
    ctx = context.current()
    actor = ctx.actor if ctx is not None else None
    return actor if getattr(actor, "is_authenticated", False) else None


def tell_person(user: User, subject: str, body: str) -> None:
    """E-mail the person concerned (after the transaction commits: a rolled-back change sends nothing)."""
    if not user.email:
        return

    def send():
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])

    transaction.on_commit(send)


def refuse_self_grant(*, actor: User, target: User) -> None:
    if actor.pk == target.pk:
        raise PermissionDenied(SELF_GRANT_REFUSED)


def role_grant_request(*, assignment: RoleAssignment, actor: User, request=None) -> None:
    """A case role given in the admin waits (inactive) for a second administrator."""
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=assignment,
        request=request,
        details={"event": EVENT_REQUESTED, "role": assignment.role, "user": assignment.user_id},
    )


def role_grant_requested_by(assignment: RoleAssignment) -> int | None:
    from nrp.audit.models import AuditEvent

    event = (
        AuditEvent.objects.filter(
            object_type="core.roleassignment", object_id=str(assignment.pk), details__event=EVENT_REQUESTED
        )
        .order_by("-pk")
        .first()
    )
    return event.actor_id if event else None


@transaction.atomic
def role_grant_confirm(*, assignment: RoleAssignment, actor: User, request=None) -> RoleAssignment:
    """A second administrator confirms a pending case role; not the one who asked, not the person concerned."""
    requested_by = role_grant_requested_by(assignment)
    if actor.pk in {requested_by, assignment.user_id}:
        raise PermissionDenied(CONFIRM_OWN_REQUEST)
    assignment.active = True
    assignment.save(update_fields=["active"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=assignment,
        request=request,
        details={"event": EVENT_CONFIRMED, "role": assignment.role, "user": assignment.user_id},
    )
    notify_role_granted(assignment=assignment, actor=actor, request=request)
    return assignment


def notify_role_granted(*, assignment: RoleAssignment, actor: User | None, request=None) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=assignment,
        request=request,
        details={"event": EVENT_GRANTED, "role": assignment.role, "user": assignment.user_id},
    )
    tell_person(
        assignment.user,
        gettext("Byla vám přidělena role v systému NRP"),
        gettext(
            "Dobrý den,\n\nvašemu účtu v systému NRP byla přidělena role „%(role)s“ (%(scope)s). Pokud o tom nevíte, "
            "obraťte se prosím ihned na správce systému svého kraje.\n"
        )
        % {"role": assignment.get_role_display(), "scope": str(assignment)},
    )


def notify_admin_flags(*, user: User, actor: User, request=None) -> None:
    """Access to the admin site (is_staff / is_superuser) given to someone: recorded and told to them."""
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=user,
        request=request,
        details={"event": EVENT_GRANTED, "is_staff": user.is_staff, "is_superuser": user.is_superuser},
    )
    tell_person(
        user,
        gettext("Byl vám zpřístupněn správcovský web NRP"),
        gettext(
            "Dobrý den,\n\nvašemu účtu v systému NRP byl zpřístupněn správcovský web. Pokud o tom nevíte, obraťte "
            "se prosím ihned na správce systému svého kraje.\n"
        ),
    )


# --- Signals: whoever acts in a request (the audit context) on someone else's account --------------------------


@receiver(post_save, sender=User)
def password_set_by_someone_else(sender, instance: User, created: bool, **kwargs):
    if created or getattr(instance, "_password", None) is None:
        return
    actor = acting_user()
    if actor is None or actor.pk == instance.pk:
        return  # the person themselves (change form, reset link): nothing to tell
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=instance,
        details={"event": EVENT_PASSWORD_RESET, "user": instance.pk},
    )
    tell_person(
        instance,
        gettext("Heslo k vašemu účtu NRP změnil správce"),
        gettext(
            "Dobrý den,\n\nheslo k vašemu účtu v systému NRP nastavil správce systému. Pokud jste o to nežádali, "
            "obraťte se prosím ihned na správce svého kraje.\n"
        ),
    )


def _device_removed(sender, instance, **kwargs):
    actor = acting_user()
    owner = getattr(instance, "user", None)
    if actor is None or owner is None or actor.pk == owner.pk:
        return
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        object_type="otp.device",
        object_id=instance.pk,
        details={"event": EVENT_DEVICE_REMOVED, "user": owner.pk},
    )
    tell_person(
        owner,
        gettext("Správce zrušil druhý faktor vašeho účtu NRP"),
        gettext(
            "Dobrý den,\n\nsprávce systému odstranil zařízení pro dvoufázové ověření z vašeho účtu v systému NRP; "
            "při příštím přihlášení si nastavíte nové. Pokud jste o to nežádali, obraťte se prosím ihned na "
            "správce svého kraje.\n"
        ),
    )


def _connect_device_signals() -> None:
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (TOTPDevice, StaticDevice):
        post_delete.connect(_device_removed, sender=model, dispatch_uid=f"nrp-duties-{model.__name__}")


_connect_device_signals()
