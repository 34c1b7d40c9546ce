"""What the journey's screens share: the journey in scope (else the audited 404), refusals on a journey."""

from __future__ import annotations

from typing import Any, NoReturn

from django.core.exceptions import ValidationError

from nrp.core.exceptions import ServiceError
from nrp.core.web import AuthenticatedHttpRequest, add_service_errors, deny, out_of_scope
from workflows.applicant_journey import selectors
from workflows.applicant_journey.models import ApplicantJourney

JOURNEY_TYPE = "applicant_journey.applicantjourney"
PAGE_TYPE = "applicant_journey.page"


def journey_or_404(request: AuthenticatedHttpRequest, journey_id: int) -> ApplicantJourney:
    """The journey if the user's scope reaches it; else the audited out-of-scope 404."""
    journey = selectors.journey_get_for_user(user=request.user, journey_id=journey_id)
    if journey is None:
        out_of_scope(request, object_type=JOURNEY_TYPE, object_id=journey_id)
    return journey


def deny_on(request: AuthenticatedHttpRequest, journey: ApplicantJourney, *, reason: str) -> NoReturn:
    """403 for a journey the user sees but may not do this on (audited with its household and region)."""
    deny(request, reason=reason, obj=journey)


# Kept for views_signup (the sign-up code) until it declares policies itself.
_journey_or_404 = journey_or_404


def _errors_to_form(form: Any, exc: ValidationError | ServiceError) -> None:
    add_service_errors(form, exc)


def _require_role(request: AuthenticatedHttpRequest, *roles: str) -> None:
    if not any(request.user.has_role(r) for r in roles):
        deny(request, reason="role", object_type=PAGE_TYPE, object_id=request.path)
