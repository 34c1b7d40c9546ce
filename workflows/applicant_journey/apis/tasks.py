"""tasks/: my inbox and queue, one task with its form's fields, claim, complete (``task_complete``, as the screen)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from viewflow.workflow.models import Task

from nrp.api.permissions import PolicyPermission
from nrp.api.problems import Conflict, form_errors_to_api, service_errors
from nrp.api.views import ApiView, ScopedListApi
from nrp.core.models import User
from workflows.applicant_journey import permissions, selectors, services, steps
from workflows.applicant_journey.apis.common import (
    CONFLICT_RESPONSE,
    MSG_NO_FORM,
    MSG_UNKNOWN_FIELD,
    OwnTransactionMixin,
    _journey_or_404,
)
from workflows.applicant_journey.apis.representations import (
    JourneyDetailSerializer,
    TaskSerializer,
    journey_detail_data,
    task_row,
)
from workflows.applicant_journey.services.tasks import OPEN_STATUSES, TASK_ALREADY_DONE, task_complete


# --- tasks -----------------------------------------------------------------------------------------------------------
class TaskQuerySerializer(serializers.Serializer):
    box = serializers.ChoiceField(
        choices=[
            ("all", _("vše / all")),
            ("inbox", _("přidělené mně / assigned to me")),
            ("queue", _("k převzetí / unassigned in my scope")),
        ],
        required=False,
        default="all",
    )


def _task_in_scope(user: User, pk: int) -> Task:
    """An open or closed task of a journey the user may see; else 404."""
    from workflows.applicant_journey.flows import ApplicantJourneyFlow

    visible = selectors.journey_list_for_user(user=user).values("pk")
    task = (
        Task.objects.filter(pk=pk, process_id__in=visible, process__flow_class=ApplicantJourneyFlow)
        .select_related("owner")
        .first()
    )
    if task is None:
        raise NotFound()
    return task


@extend_schema(tags=["tasks"])
class TaskListApi(ScopedListApi):
    """Moje úkoly: přidělené mně (inbox) a k převzetí v mém rozsahu (queue). / My tasks and my queue."""

    OutputSerializer = TaskSerializer
    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Task.objects.none()
        query = TaskQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        box = query.validated_data["box"]
        tasks = selectors.tasks_for_user(user=self.request.user)
        if box == "inbox":
            return tasks["inbox"]
        if box == "queue":
            return tasks["queue"]
        return tasks["inbox"] + tasks["queue"]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([TaskSerializer(task_row(t, request.user)).data for t in page])

    @extend_schema(
        summary="Moje úkoly / My tasks",
        description="Otevřené kroky přidělené mně a nepřidělené kroky v mém rozsahu, které smím převzít. / Open steps "
        "assigned to me and unassigned ones in my scope that I may take.",
        parameters=[TaskQuerySerializer],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class FormFieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    required = serializers.BooleanField()
    type = serializers.CharField(help_text=_("Typ pole formuláře / Form field type, e.g. DateField."))
    choices = serializers.ListField(child=serializers.CharField(), allow_null=True)


class TaskDetailSerializer(TaskSerializer):
    fields = FormFieldSerializer(
        many=True, help_text=_("Pole pro tasks/{id}/complete/ (jako formulář kroku) / Fields the step's form takes.")
    )


def _step_form(task: Task, journey, data=None):
    """The step's own form (the screen's), or None for a node that is no human step."""
    step = steps.step_of(task)
    return step.form_for(journey, data) if step is not None else None


def form_fields(form) -> list[dict]:
    out = []
    for name, field in form.fields.items():
        choices = getattr(field, "choices", None)
        out.append(
            {
                "name": name,
                "label": str(field.label or name),
                "required": field.required,
                "type": type(field).__name__,
                "choices": [str(value) for value, _label in choices if value != ""] if choices is not None else None,
            }
        )
    return out


@extend_schema(tags=["tasks"])
class TaskDetailApi(ApiView):
    """Jeden úkol a pole jeho formuláře. / One task and the fields of its form."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(summary="Úkol / Task", responses={200: TaskDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        task = _task_in_scope(request.user, pk)
        journey = _journey_or_404(request, task.process_id)
        row = task_row(task, request.user)
        form = _step_form(task, journey)
        row["fields"] = form_fields(form) if form is not None else []
        return Response(TaskDetailSerializer(row).data)


@extend_schema(tags=["tasks"])
class TaskClaimApi(OwnTransactionMixin, ApiView):
    """Převzetí úkolu (z fronty, nebo od kolegy ve stejném rozsahu). / Take a task."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(
        summary="Převzít úkol / Claim a task",
        description="Úkol z mé fronty (nebo kolegy se stejným oprávněním) přidělí mně; hotový úkol 409; krok, který "
        "nesmím dělat, 403. / Assigns the task to me; a finished one is 409; a step I may not do is 403.",
        request=None,
        responses={200: TaskSerializer, **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int) -> Response:
        task = _task_in_scope(request.user, pk)
        with service_errors():
            task = services.task_take_over(task=task, actor=request.user)
        task = Task.objects.select_related("owner").get(pk=task.pk)
        return Response(TaskSerializer(task_row(task, request.user)).data)


@extend_schema(tags=["tasks"])
class TaskCompleteApi(OwnTransactionMixin, ApiView):
    """Dokončení kroku formulářem kroku a jeho službou (viewflow aktivace jako na obrazovce)."""

    permission_classes = [PolicyPermission]
    policy = permissions.READ_JOURNEY

    @extend_schema(
        summary="Dokončit úkol / Complete a task",
        description="Tělo jsou pole formuláře kroku (GET tasks/{id}/ je vypíše; data ISO, více hodnot jako pole). "
        "Chyby jsou stejné české zprávy jako na obrazovce. Úkol jiného uživatele 404; hotový úkol nebo souběžné "
        "dokončení 409. / The body holds the step form's fields (listed by GET tasks/{id}/). Errors are the "
        "screen's Czech messages. Another user's task 404; a finished task or a concurrent completion 409.",
        request={"application/json": OpenApiTypes.OBJECT},
        responses={200: JourneyDetailSerializer, **CONFLICT_RESPONSE},
    )
    def post(self, request: Request, pk: int) -> Response:
        task = _task_in_scope(request.user, pk)
        journey = _journey_or_404(request, task.process_id)
        # A start node (viewflow StartHandle) has no can_assign: nobody completes it here (404, not a 500).
        can_assign = getattr(task.flow_task, "can_assign", None)
        may_act = task.owner_id == request.user.pk or (
            task.owner_id is None and callable(can_assign) and can_assign(request.user, task)
        )
        if not may_act:
            raise NotFound()
        if task.status not in OPEN_STATUSES:
            raise Conflict(detail=str(TASK_ALREADY_DONE), code="already_done")
        data = request.data if isinstance(request.data, dict) else None
        if data is None:
            raise ValidationError({"non_field_errors": [ErrorDetail(str(_("Očekáván objekt JSON.")), code="invalid")]})
        form = _step_form(task, journey, data)
        if form is None:
            raise ValidationError({"non_field_errors": [ErrorDetail(str(MSG_NO_FORM), code="no_api_form")]})
        unknown = sorted(str(key) for key in data if key not in form.fields)
        if unknown:
            message = str(MSG_UNKNOWN_FIELD % {"allowed": ", ".join(form.fields)})
            raise ValidationError({key: [ErrorDetail(message, code="unknown_field")] for key in unknown})
        if not form.is_valid():
            raise form_errors_to_api(form)
        with service_errors():
            task_complete(journey=journey, task=task, actor=request.user, form=form)
        journey = selectors.journey_get_for_user(user=request.user, journey_id=journey.pk) or journey
        return Response(journey_detail_data(journey, request.user))
