"""Screens of the notifications: the list with unread ones first, open (marks read), mark read, settings."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from nrp.core.web import AuthenticatedHttpRequest, out_of_scope, paginate, policy_required, query_without_page, submit
from nrp.notifications import forms, selectors, services
from nrp.notifications.models import Notification
from nrp.notifications.permissions import READ_NOTIFICATIONS, WRITE_NOTIFICATIONS

UNREAD_PARAM = "neprectene"


def _own_or_404(request: AuthenticatedHttpRequest, notification_id: int) -> Notification:
    notification = selectors.notification_get_for_user(user=request.user, notification_id=notification_id)
    if notification is None:
        out_of_scope(request, object_type="notifications.notification", object_id=notification_id)
    return notification


@policy_required(READ_NOTIFICATIONS)
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    unread_only = request.GET.get(UNREAD_PARAM) == "1"
    items = selectors.notification_list_for_user(user=request.user, unread_only=unread_only)
    return render(
        request,
        "notifications/list.html",
        {
            "title": _("Oznámení"),
            "page": paginate(request, items),
            "query": query_without_page(request),
            "unread_only": unread_only,
            "unread": selectors.unread_count(user=request.user),
        },
    )


@policy_required(WRITE_NOTIFICATIONS, on_object=True)
def notification_open(request: AuthenticatedHttpRequest, notification_id: int) -> HttpResponse:
    """Follow the notification's link; opening it marks it read."""
    notification = _own_or_404(request, notification_id)
    services.notification_mark_read(notification=notification, user=request.user)
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("notifications:list")
    return redirect(target)


@require_POST
@policy_required(WRITE_NOTIFICATIONS, on_object=True)
def notification_read(request: AuthenticatedHttpRequest, notification_id: int) -> HttpResponse:
    notification = _own_or_404(request, notification_id)
    services.notification_mark_read(notification=notification, user=request.user)
    messages.success(request, _("Oznámení označeno jako přečtené."))
    return redirect("notifications:list")


@require_POST
@policy_required(WRITE_NOTIFICATIONS)
def notification_read_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = services.notification_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("Všechna oznámení jsou přečtená (označeno: %(count)d).") % {"count": count})
    else:
        messages.info(request, _("Žádné nepřečtené oznámení."))
    return redirect("notifications:list")


@policy_required(WRITE_NOTIFICATIONS)
def notification_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    current = selectors.email_kinds_for_user(user=request.user)
    form = forms.PreferencesForm(request.POST or None, initial={"email_kinds": current})
    done = submit(
        request,
        form,
        lambda data: services.preferences_update(user=request.user, email_kinds=data["email_kinds"]),
        success=_("Nastavení oznámení uloženo."),
        redirect_to=reverse("notifications:settings"),
    )
    return done or render(request, "notifications/settings.html", {"title": _("Nastavení oznámení"), "form": form})
