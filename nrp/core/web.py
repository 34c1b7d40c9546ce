"""Plumbing shared by every app's screens (``views``): the one role decorator, the one out-of-scope answer, the
one "POST -> service -> message -> redirect" helper, service errors on forms, and pagination.

A typical screen::

    from nrp.core.web import out_of_scope, paginate, policy_required, submit

    @policy_required(permissions.READ_JOURNEY)             # anonymous: login; a role without it: audited 403
    def document_review(request: HttpRequest, journey_id: int, document_id: int) -> HttpResponse:
        journey = selectors.journey_get_for_user(user=request.user, journey_id=journey_id)
        if journey is None:
            out_of_scope(request, object_type="applicant_journey.applicantjourney", object_id=journey_id)
        form = forms.DocumentReviewForm(request.POST or None)
        done = submit(
            request, form,
            lambda data: documents.document_review(document=document, actor=request.user, **data),
            success=_("Kontrola dokumentu uložena."),
            redirect_to=reverse("applicant_journey:detail", args=[journey.pk]),
        )
        return done or render(request, "applicant_journey/document_review.html", {"form": form})

Lists use ``page = paginate(request, queryset)`` and the shared template::

    {% include "includes/pagination.html" with page=page query=query %}

with ``query = query_without_page(request)`` (the current filters, so the page links keep them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme

from nrp.core.access import Policy, PolicyLike, as_policy
from nrp.core.exceptions import ServiceError
from nrp.core.models import User

if TYPE_CHECKING:
    from nrp.core.models import User

    class AuthenticatedHttpRequest(HttpRequest):
        """A request of a signed-in user (what ``policy_required`` lets through): ``request.user`` is a ``User``."""

        user: User

else:
    AuthenticatedHttpRequest = HttpRequest

PAGE_SIZE = 25
PAGE_PARAM = "strana"

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


# --- Refusals -------------------------------------------------------------------------------------------------------


def user_of(request: Any) -> User:
    """The signed-in user of a request (Django's or DRF's), typed. Every view that calls it has passed its
    role gate; an anonymous user reaching it anyway is refused rather than treated as somebody."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def deny(
    request: HttpRequest,
    *,
    reason: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: Any = None,
    status: int = 403,
    **audit: Any,
) -> NoReturn:
    """Refuse: record DENIED in the audit trail (a security signal; ids only), then 403 (or 404 with ``status``).

    ``obj`` is the object refused (its household and region go to the audit trail when it has them); without it
    ``object_type``/``object_id`` name what was asked for (the page's path by default).
    """
    from nrp.audit.models import AuditAction
    from nrp.audit.services import audit_record

    if obj is None and object_type is None:
        object_type, object_id = "page", request.path
    audit_record(
        actor=request.user,
        action=AuditAction.DENIED,
        obj=obj,
        object_type=object_type,
        object_id=object_id,
        household=audit.pop("household", getattr(obj, "household", None)),
        region=audit.pop("region", getattr(obj, "region", None)),
        request=request,
        reason=reason,
        details=audit.pop("details", None),
    )
    if status == 404:
        raise Http404
    raise PermissionDenied


def out_of_scope(
    request: HttpRequest, *, object_type: str, object_id: Any, reason: str = "scope", **audit: Any
) -> NoReturn:
    """The one answer to an object outside the user's scope: audited DENIED, then 404 (existence does not leak).

    ``out_of_scope(request, object_type="applicant_journey.applicantjourney", object_id=journey_id)``
    """
    deny(request, reason=reason, object_type=object_type, object_id=object_id, status=404, **audit)


def policy_required(
    policy: PolicyLike, *, on_object: bool = False, object_type: str = "page"
) -> Callable[[View], View]:
    """The one role decorator: anonymous users go to the login page; users whose roles cannot meet ``policy``
    get 403, recorded as DENIED (reason "role"). The policy is kept on the view (``view.policy``) so the
    declared-policy test can read it.

    ``on_object=True``: the policy is checked on the object the view loads (a scope selector or
    ``policy.allows(user, obj)``, with ``out_of_scope`` for a miss), not by role first, so that an object out
    of scope answers 404 to every role alike.

    ``@policy_required(Policy(Action.READ, Resource.CHILD_FILE))`` or ``@policy_required((Action.READ, ...))``
    """
    required: Policy = as_policy(policy)

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not on_object and not required.allows(request.user):
                deny(request, reason="role", object_type=object_type, object_id=request.path)
            return view(request, *args, **kwargs)

        wrapped.policy = required  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


# --- Service errors on forms, and the POST -> service -> message -> redirect helper ---------------------------------


def add_service_errors(form: Any, exc: ServiceError | ValidationError) -> None:
    """Put a service's refusal on the form: field errors on their fields (unknown fields and ``__all__`` on the
    form itself), a ``ServiceError`` on its ``field`` or the form."""
    if isinstance(exc, ServiceError):
        form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        return
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            for error in errors:
                message = error.message % error.params if error.params else error.message
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def submit(
    request: HttpRequest,
    form: Any,
    call: Callable[[dict[str, Any]], Any],
    *,
    success: str | Promise | Callable[[Any], str | Promise | None],
    redirect_to: str | Callable[[Any], str],
    conflict_redirect: bool = True,
) -> HttpResponse | None:
    """POST -> service -> message -> redirect. Returns the redirect when the service ran, None to render the form.

    On a POST with a valid form: ``call(form.cleaned_data)`` runs the service. Its refusals:
    - field validation (Django ``ValidationError``, a 400 ``ServiceError``): errors on the form, None;
    - 403 (``ForbiddenError``): ``PermissionDenied``;
    - 409 (``ConflictError``: done by someone else, locked): the message, then the redirect (the form is moot),
      unless ``conflict_redirect=False`` puts it on the form.
    ``success`` (a message, or a function of the service's result giving one or None) is flashed, then the
    redirect to ``redirect_to`` (a URL, or a function of the result giving one).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    from nrp.core.onetime import run_once

    # A form with {% form_once %} runs its service once per token: a double submit shows the first result.
    return run_once(
        request,
        lambda: _submit_valid(request, form, call, success, redirect_to, conflict_redirect=conflict_redirect),
    )


def _submit_valid(
    request: HttpRequest,
    form: Any,
    call: Callable[[dict[str, Any]], Any],
    success: str | Promise | Callable[[Any], str | Promise | None],
    redirect_to: str | Callable[[Any], str],
    *,
    conflict_redirect: bool,
) -> HttpResponse | None:
    try:
        result = call(form.cleaned_data)
    except ServiceError as exc:
        if exc.http_status == 403:
            raise PermissionDenied(str(exc.message)) from exc
        if exc.http_status == 409 and conflict_redirect:
            messages.error(request, str(exc.message))
            return redirect(redirect_to(None) if callable(redirect_to) else redirect_to)
        add_service_errors(form, exc)
        return None
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    message = success(result) if callable(success) else success
    if message:
        messages.success(request, str(message))
    return redirect(redirect_to(result) if callable(redirect_to) else redirect_to)


def safe_next(request: HttpRequest) -> str | None:
    """The posted ``next`` address, only when it points back into this site (no open redirect)."""
    target = request.POST.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


# --- Pagination ----------------------------------------------------------------------------------------------------


def paginate(request: HttpRequest, items: Any, *, per_page: int = PAGE_SIZE) -> Page:
    """The requested page (``?strana=``) of ``items``; out-of-range and garbage page numbers give a valid page."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAM))


def query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string without the page number, for ``includes/pagination.html``."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return query.urlencode()
