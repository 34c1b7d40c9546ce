"""The queue of legal tasks."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nrp.core.web import AuthenticatedHttpRequest as HttpRequest
from nrp.core.web import out_of_scope, policy_required
from workflows.child_mediation.legal import policies
from workflows.child_mediation.legal.proceedings import LegalTask
from workflows.child_mediation.services import legal_tasks
from workflows.child_mediation.views.legal_common import post_action

# --- tasks ----------------------------------------------------------------------------------------------------------


@policy_required(policies.READ_LEGAL)
def tasks(request: HttpRequest) -> HttpResponse:
    rows = legal_tasks.tasks_for_user(user=request.user, open_only=request.GET.get("vse") != "1")[:200]
    return render(
        request,
        "child_mediation/legal_tasks.html",
        {
            "title": _("Úkoly k dětem"),
            "tasks": rows,
            "all": request.GET.get("vse") == "1",
            "today": timezone.localdate(),
        },
    )


@policy_required(policies.READ_LEGAL)
@require_POST
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = LegalTask.objects.filter(pk=pk).first()
    if task is None or not legal_tasks.may_do(request.user, task):
        out_of_scope(request, object_type="child_mediation.legaltask", object_id=pk)
    return post_action(
        request,
        lambda: legal_tasks.task_done(task=task, actor=request.user),
        _("Úkol je splněn."),
        reverse("child_mediation:legal_tasks"),
    )
