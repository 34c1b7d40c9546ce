"""REST API of the applicant journey: /api/v1/journeys/, caseload/, tasks/, documents/, register/.

Thin views over ``workflows.applicant_journey.selectors`` and ``services`` with the rules of the screens
(``views.py``):

- applicant: own journey, own tasks (completing the application), own documents and messages;
- guide: the journeys of the own caseload (``caseload/``), document checks, messages;
- OSPOD worker: journeys of residents of their ORP, the ORP's steps, document checks;
- regional officer (KÚ): journeys and the applicant register of their region;
- assessor: journeys assigned to them (their task); administrators: 403 everywhere here.

Out of scope answers 404 (existence is not revealed). A task is completed with the step's own form (the same
Czech messages as the screen) and the step's service, which runs the viewflow activation under the process lock:
of two completions at once one wins and the other gets 409. Reads of journeys, register entries and document
files are audited.
"""

from __future__ import annotations

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, ErrorDetail, NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from viewflow.workflow.models import Task

from nrp.api.apis.refs import OrpRefSerializer, RegionRefSerializer, UserRefSerializer
from nrp.api.concurrency import ETAG_HEADER, IF_MATCH_HEADER, ETagMixin, check_if_match
from nrp.api.filters import IdFilter
from nrp.api.permissions import HasAnyRole
from nrp.api.problems import PayloadTooLarge
from nrp.api.serializers import StrictSerializer
from nrp.api.views import ApiView, ScopedListApi
from nrp.audit.models import AuditAction
from nrp.audit.services import audit_read, audit_record
from nrp.core.choices import CareType, ContactLevel, Ethnicity, HealthNeed, LegalStatus, Role, Sex
from nrp.core.files import serve_protected_file
from workflows.applicant_journey import forms, selectors, services
from workflows.applicant_journey.models import (
    ApplicantJourney,
    ApplicantRegisterEntry,
    DocumentKind,
    DocumentStatus,
    DocumentVersion,
    JourneyDocument,
    JourneyStage,
    RegisterStatus,
)
from workflows.applicant_journey.services import communication, documents
from workflows.applicant_journey.services.documents import MAX_DOCUMENT_BYTES
from workflows.applicant_journey.services.tasks import OPEN_STATUSES, TASK_ALREADY_DONE

JOURNEY_ROLES = (Role.APPLICANT, Role.GUIDE, Role.OSPOD, Role.OFFICER, Role.ASSESSOR)
DOCUMENT_ROLES = (Role.APPLICANT, Role.GUIDE, Role.OSPOD, Role.OFFICER)
REVIEW_ROLES = (Role.GUIDE, Role.OSPOD, Role.OFFICER)
MESSAGE_ROLES = (Role.APPLICANT, Role.GUIDE, Role.OSPOD, Role.OFFICER)

MSG_NOT_YOUR_DOCUMENTS = _("K dokumentům této cesty nemáte přístup.")
MSG_NOT_A_REVIEWER = _("Dokumenty této cesty nemůžete kontrolovat.")
MSG_NO_FORM = _("Tento krok nelze dokončit přes API.")
MSG_TASK_CONFLICT = _("Krok nelze dokončit: někdo jiný jej právě dokončuje nebo už dokončil.")
MSG_UNKNOWN_FIELD = _("Neznámé pole; povolená pole jsou: %(allowed)s.")


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = MSG_TASK_CONFLICT
    default_code = "conflict"


class ProblemSchemaSerializer(serializers.Serializer):
    """Only for the schema: the shared ``Problem`` component (nrp.api.schema replaces it with the full one)."""

    class Meta:
        ref_name = "Problem"

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    code = serializers.CharField()


def problem_response(description) -> OpenApiResponse:
    return OpenApiResponse(response=ProblemSchemaSerializer, description=description)


CONFLICT_RESPONSE = {
    (409, "application/problem+json"): problem_response(
        _("Úkol už je hotový nebo jej právě dokončuje někdo jiný / Already done or being completed.")
    )
}


class OwnTransactionMixin:
    """For views whose one service runs the viewflow activation under ``flow.lock``: no outer transaction.

    viewflow's ``select_for_update_lock`` tries ``SELECT … FOR UPDATE NOWAIT`` and retries; inside an outer
    transaction (``AtomicWritesMixin``) the failed attempt would abort the whole request's transaction (500
    instead of 409). The lock's own ``transaction.atomic()`` is the step's transaction, as from the screens.
    """

    def dispatch(self, request, *args, **kwargs):
        return APIView.dispatch(self, request, *args, **kwargs)


def _role_gate(*roles):
    return [IsAuthenticated, HasAnyRole(*roles)]


def _journey_or_404(request, pk: int) -> ApplicantJourney:
    journey = selectors.journey_get_for_user(user=request.user, journey_id=pk)
    if journey is None:
        # As on the screens: a refused look at a journey is a security signal (ids only). A refused write is
        # rolled back with the rest of its request.
        audit_record(
            actor=request.user,
            action=AuditAction.DENIED,
            object_type="applicant_journey.applicantjourney",
            object_id=pk,
            request=request,
            reason="scope",
            details={"channel": "api"},
        )
        raise NotFound()
    return journey


def _is_member(user, journey) -> bool:
    return journey.household.members.filter(user=user).exists()


def may_handle_documents(user, journey) -> bool:
    """Same rule as the screens (views._may_handle_documents): the family, its guide, the ORP, the region."""
    return (
        _is_member(user, journey)
        or journey.household.guide_id == user.pk
        or journey.household.residence_orp_id in user.orp_ids(Role.OSPOD)
        or journey.region_id in user.region_ids(Role.OFFICER)
    )


def may_review_documents(user, journey) -> bool:
    """Same rule as the screens (views._may_review_documents): the guide, the ORP's OSPOD, the region's KÚ."""
    return (
        journey.household.guide_id == user.pk
        or journey.household.residence_orp_id in user.orp_ids(Role.OSPOD)
        or journey.region_id in user.region_ids(Role.OFFICER)
    )


def service_errors_to_drf(exc: DjangoValidationError) -> ValidationError:
    """A service's Django ValidationError as a 400 problem (``__all__`` becomes non_field_errors)."""

    def details(errors):
        out = []
        for error in errors:
            message = str(error.message % error.params) if error.params else str(error.message)
            out.append(ErrorDetail(message, code=error.code or "invalid"))
        return out

    if hasattr(exc, "error_dict"):
        return ValidationError(
            {("non_field_errors" if f == "__all__" else f): details(e) for f, e in exc.error_dict.items()}
        )
    return ValidationError({"non_field_errors": details(exc.error_list)})


def form_errors_to_drf(form) -> ValidationError:
    """The form's own (Czech) messages as a 400 problem, field by field."""
    detail = {}
    for field, errors in form.errors.as_data().items():
        name = "non_field_errors" if field == "__all__" else field
        detail[name] = [
            ErrorDetail(str(e.message % e.params) if e.params else str(e.message), code=e.code or "invalid")
            for e in errors
        ]
    return ValidationError(detail)


def step_error_to_drf(exc: services.StepError) -> APIException:
    if exc.code in ("already_done", "locked", "conflict"):
        return Conflict(detail=str(exc.message), code=exc.code)
    if exc.code == "forbidden":
        return PermissionDenied(detail=str(exc.message), code="task_not_yours")
    return ValidationError({"non_field_errors": [ErrorDetail(str(exc.message), code=exc.code)]})


# --- representations ---------------------------------------------------------------------------------------------
class MemberRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField(help_text=_("Jméno žadatele / Applicant's name."))


class JourneyListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    stage = serializers.ChoiceField(choices=JourneyStage.choices, help_text=_("Fáze cesty / Stage."))
    stage_entered_at = serializers.DateTimeField()
    days_in_stage = serializers.IntegerField(help_text=_("Dní ve fázi / Days in the stage."))
    next_due_on = serializers.DateField(allow_null=True, help_text=_("Nejbližší termín / Next deadline."))
    overdue = serializers.BooleanField(help_text=_("Termín uplynul / Deadline passed."))
    care_types = serializers.ListField(child=serializers.ChoiceField(choices=CareType.choices))
    region = RegionRefSerializer()
    residence_orp = OrpRefSerializer(help_text=_("ORP trvalého pobytu / ORP of permanent residence."))
    guide = UserRefSerializer(allow_null=True, help_text=_("Průvodce / Guide."))
    members = MemberRefSerializer(many=True, help_text=_("Žadatelé / Applicants."))
    closed = serializers.BooleanField(help_text=_("Cesta skončila / The journey has ended."))
    created = serializers.DateTimeField()


def journey_row(journey: ApplicantJourney, *, today=None) -> dict:
    today = today or timezone.localdate()
    household = journey.household
    return {
        "id": journey.pk,
        "stage": journey.stage,
        "stage_entered_at": journey.stage_entered_at,
        "days_in_stage": journey.days_in_stage,
        "next_due_on": journey.next_due_on,
        "overdue": bool(journey.next_due_on and journey.next_due_on < today and not journey.is_closed),
        "care_types": list(journey.care_types),
        "region": journey.region,
        "residence_orp": household.residence_orp,
        "guide": household.guide,
        "members": [{"id": m.pk, "full_name": m.full_name} for m in household.members.all()],
        "closed": journey.is_closed,
        "created": journey.created,
    }


class StageEstimateSerializer(serializers.Serializer):
    days = serializers.IntegerField(help_text=_("Odhad trvání ve dnech / Estimated days."))
    source = serializers.ChoiceField(
        choices=[("history", _("medián kraje / region's median")), ("deadline", _("lhůta / deadline"))]
    )
    sample = serializers.IntegerField(help_text=_("Počet případů v odhadu / Cases behind the median."))


class ProgressStepSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=JourneyStage.choices)
    label = serializers.CharField()
    state = serializers.ChoiceField(
        choices=[("done", _("hotovo / done")), ("current", _("právě běží / current")), ("next", _("čeká / next"))]
    )
    date = serializers.DateField(
        allow_null=True,
        help_text=_("Hotovo: dokončeno; právě: od; čeká: očekávaný začátek / Done on; current since; expected start."),
    )
    handler = serializers.CharField(allow_blank=True, help_text=_("Kdo krok právě vyřizuje / Who handles it."))
    estimate = StageEstimateSerializer(allow_null=True)
    due_on = serializers.DateField(allow_null=True, help_text=_("Termín kroku / The step's deadline."))


class TaskSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    journey_id = serializers.IntegerField()
    node = serializers.CharField(help_text=_("Krok procesu / Process step, e.g. check_application."))
    title = serializers.CharField()
    status = serializers.CharField(help_text=_("Stav úkolu (viewflow) / Task status."))
    owner = UserRefSerializer(allow_null=True, help_text=_("Komu je přidělen / Assignee."))
    due_on = serializers.DateField(allow_null=True)
    overdue = serializers.BooleanField()
    mine = serializers.BooleanField(help_text=_("Přidělen mně / Assigned to me."))
    api_form = serializers.BooleanField(
        help_text=_("Lze dokončit přes tasks/{id}/complete/ / Can be completed through the API.")
    )
    created = serializers.DateTimeField()


def task_row(task: Task, user) -> dict:
    due = selectors.task_due_on(task)
    return {
        "id": task.pk,
        "journey_id": task.process_id,
        "node": task.flow_task.name,
        "title": str(task.flow_task.task_title),
        "status": task.status,
        "owner": task.owner,
        "due_on": due,
        "overdue": bool(due and due < timezone.localdate()),
        "mine": task.owner_id == user.pk,
        "api_form": task.flow_task.name in forms.STEP_FORMS,
        "created": task.created,
    }


class MissingDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    member = MemberRefSerializer(allow_null=True, help_text=_("Za koho; null = za domácnost / Whose; null: household."))
    country = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    rejection_reason = serializers.CharField(allow_blank=True)


class JourneyDetailSerializer(JourneyListItemSerializer):
    progress = ProgressStepSerializer(many=True, help_text=_("Ukazatel postupu / The progress tracker."))
    open_task = TaskSerializer(allow_null=True, help_text=_("Právě otevřený krok / The open step."))
    missing_items = serializers.ListField(
        child=serializers.CharField(), help_text=_("Co chybí podle OSPOD / What the OSPOD listed as missing.")
    )
    missing_documents = MissingDocumentSerializer(many=True, help_text=_("Chybějící a vrácené dokumenty."))
    appeal_deadline = serializers.DateField(
        allow_null=True, help_text=_("Poslední den pro odvolání (15 dnů od doručení) / Last day to appeal.")
    )
    effective_date = serializers.DateField(allow_null=True, help_text=_("Právní moc / Decision final on."))
    register_entry_id = serializers.IntegerField(allow_null=True, help_text=_("Záznam v evidenci / Register entry."))


def _member_ref(member):
    return {"id": member.pk, "full_name": member.full_name} if member else None


def journey_detail_data(journey: ApplicantJourney, user) -> dict:
    from workflows.applicant_journey import deadlines

    row = journey_row(journey)
    task = selectors.open_task_for_journey(journey=journey)
    steps = selectors.progress_for_journey(journey=journey)
    entry = ApplicantRegisterEntry.objects.filter(household_id=journey.household_id).only("pk").first()
    row.update(
        {
            "progress": [
                {
                    "stage": s.stage,
                    "label": str(s.label),
                    "state": s.state,
                    "date": s.date,
                    "handler": s.handler,
                    "estimate": (
                        {"days": s.estimate.days, "source": s.estimate.source, "sample": s.estimate.sample}
                        if s.estimate
                        else None
                    ),
                    "due_on": s.due_on,
                }
                for s in steps
            ],
            "open_task": task_row(task, user) if task else None,
            "missing_items": list(journey.missing_items or []),
            "missing_documents": [
                {
                    "id": d.pk,
                    "kind": d.kind,
                    "member": _member_ref(d.member),
                    "country": d.country,
                    "status": d.status,
                    "rejection_reason": d.rejection_reason,
                }
                for d in selectors.missing_documents(journey=journey)
            ],
            "appeal_deadline": (
                deadlines.appeal_deadline(journey.decision_delivered_on) if journey.decision_delivered_on else None
            ),
            "effective_date": journey.effective_date,
            "register_entry_id": entry.pk if entry else None,
        }
    )
    return JourneyDetailSerializer(row).data


# --- journeys ------------------------------------------------------------------------------------------------------
class JourneyFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(choices=JourneyStage.choices, help_text=_("Fáze / Stage."))
    region = IdFilter(field_name="region_id", help_text=_("ID kraje / Region id."))
    residence_orp = IdFilter(field_name="household__residence_orp_id", help_text=_("ID ORP pobytu / ORP id."))
    household = IdFilter(field_name="household_id", help_text=_("ID domácnosti / Household id."))

    class Meta:
        model = ApplicantJourney
        fields = ["stage", "region", "residence_orp", "household"]


@extend_schema(tags=["journeys"])
class JourneyListApi(ScopedListApi):
    """Cesty žadatelů v rozsahu uživatele. / Applicant journeys in the user's scope."""

    OutputSerializer = JourneyListItemSerializer
    permission_classes = _role_gate(*JOURNEY_ROLES)
    filterset_class = JourneyFilter
    ordering_fields = ["id", "created", "stage_entered_at", "next_due_on", "stage"]
    ordering = ["-created", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ApplicantJourney.objects.none()
        return selectors.journey_list_for_user(user=self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        today = timezone.localdate()
        return self.get_paginated_response([JourneyListItemSerializer(journey_row(j, today=today)).data for j in page])

    @extend_schema(
        summary="Cesty žadatelů / Applicant journeys",
        description="Žadatel: jen svou cestu; průvodce: svůj caseload; OSPOD: obyvatele své ORP; krajský úřad: svůj "
        "kraj; posuzovatel: přidělené; administrátor 403. / Applicant: own; guide: caseload; OSPOD: their ORP; "
        "officer: their region; assessor: assigned; administrator 403.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["journeys"])
class JourneyDetailApi(ApiView):
    """Jedna cesta: fáze, postup s daty a odhady, termíny, chybějící dokumenty; čtení se audituje."""

    permission_classes = _role_gate(*JOURNEY_ROLES)

    @extend_schema(
        summary="Cesta žadatele / Applicant journey",
        description="Mimo rozsah 404. Čtení se zapisuje do auditu. / Out of scope 404. The read is audited.",
        responses={200: JourneyDetailSerializer},
    )
    def get(self, request, pk):
        journey = _journey_or_404(request, pk)
        audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
        return Response(journey_detail_data(journey, request.user))


@extend_schema(tags=["journeys"])
class MyJourneyApi(ApiView):
    """Žadatel: moje cesta. / The applicant's own journey."""

    permission_classes = _role_gate(Role.APPLICANT)

    @extend_schema(
        summary="Moje cesta / My journey",
        description="Jen pro žadatele; bez cesty 404. / Applicants only; 404 when there is none.",
        responses={
            200: JourneyDetailSerializer,
            (404, "application/problem+json"): problem_response(_("Žadatel zatím nemá cestu / No journey yet.")),
        },
    )
    def get(self, request):
        journey = selectors.journey_for_applicant(user=request.user)
        if journey is None:
            raise NotFound()
        audit_read(actor=request.user, obj=journey, request=request, household=journey.household, region=journey.region)
        return Response(journey_detail_data(journey, request.user))


# --- caseload --------------------------------------------------------------------------------------------------------
class CaseloadRowSerializer(JourneyListItemSerializer):
    stuck = serializers.BooleanField(
        help_text=_("Bez pohybu déle než NRP_STUCK_AFTER_DAYS / No activity for longer than the stuck limit.")
    )
    last_activity_at = serializers.DateTimeField()


class CaseloadQuerySerializer(serializers.Serializer):
    stage = serializers.ChoiceField(
        choices=JourneyStage.choices, required=False, help_text=_("Jen tato fáze (i ukončené) / Only this stage.")
    )
    overdue = serializers.BooleanField(required=False, default=False, help_text=_("Jen po termínu / Only overdue."))
    stuck = serializers.BooleanField(required=False, default=False, help_text=_("Jen bez pohybu / Only stuck."))
    order = serializers.ChoiceField(
        choices=[
            ("due", _("nejbližší termín / next deadline")),
            ("stage", _("fáze / stage")),
            ("days", _("nejdéle ve fázi / longest in stage")),
            ("newest", _("nejnovější / newest")),
        ],
        required=False,
        default="due",
    )


@extend_schema(tags=["journeys"])
class CaseloadApi(ScopedListApi):
    """Průvodce: moji zájemci a žadatelé. / The guide's caseload."""

    OutputSerializer = CaseloadRowSerializer
    permission_classes = _role_gate(Role.GUIDE)
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ApplicantJourney.objects.none()
        query = CaseloadQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        return selectors.caseload_for_guide(
            guide=self.request.user,
            stage=data.get("stage") or None,
            overdue=data["overdue"] or None,
            stuck=data["stuck"] or None,
            order=data["order"],
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        selectors.decorate_caseload_rows(page)
        today = timezone.localdate()
        rows = []
        for journey in page:
            row = journey_row(journey, today=today)
            row.update({"overdue": journey.is_overdue, "stuck": journey.is_stuck})
            row["last_activity_at"] = journey.last_activity_at
            rows.append(CaseloadRowSerializer(row).data)
        return self.get_paginated_response(rows)

    @extend_schema(
        summary="Caseload průvodce / The guide's caseload",
        description="Fáze, dny ve fázi, nejbližší termín, příznaky po termínu a bez pohybu; ukončené cesty jen při "
        "filtru fáze. / Stage, days in stage, next deadline, overdue and stuck flags; ended journeys only when "
        "filtered by their stage.",
        parameters=[CaseloadQuerySerializer],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


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


def _task_in_scope(user, pk: int) -> Task:
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
    permission_classes = _role_gate(*JOURNEY_ROLES)
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

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([TaskSerializer(task_row(t, request.user)).data for t in page])

    @extend_schema(
        summary="Moje úkoly / My tasks",
        description="Otevřené kroky přidělené mně a nepřidělené kroky v mém rozsahu, které smím převzít. / Open steps "
        "assigned to me and unassigned ones in my scope that I may take.",
        parameters=[TaskQuerySerializer],
    )
    def get(self, request, *args, **kwargs):
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
    form_class = forms.STEP_FORMS.get(task.flow_task.name)
    if form_class is None:
        return None
    kwargs = {"journey": journey} if form_class in forms.JOURNEY_FORMS else {}
    return form_class(data, **kwargs)


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

    permission_classes = _role_gate(*JOURNEY_ROLES)

    @extend_schema(summary="Úkol / Task", responses={200: TaskDetailSerializer})
    def get(self, request, pk):
        task = _task_in_scope(request.user, pk)
        journey = _journey_or_404(request, task.process_id)
        row = task_row(task, request.user)
        form = _step_form(task, journey)
        row["fields"] = form_fields(form) if form is not None else []
        return Response(TaskDetailSerializer(row).data)


@extend_schema(tags=["tasks"])
class TaskClaimApi(OwnTransactionMixin, ApiView):
    """Převzetí úkolu (z fronty, nebo od kolegy ve stejném rozsahu). / Take a task."""

    permission_classes = _role_gate(*JOURNEY_ROLES)

    @extend_schema(
        summary="Převzít úkol / Claim a task",
        description="Úkol z mé fronty (nebo kolegy se stejným oprávněním) přidělí mně; hotový úkol 409; krok, který "
        "nesmím dělat, 403. / Assigns the task to me; a finished one is 409; a step I may not do is 403.",
        request=None,
        responses={200: TaskSerializer, **CONFLICT_RESPONSE},
    )
    def post(self, request, pk):
        task = _task_in_scope(request.user, pk)
        try:
            task = services.task_take_over(task=task, actor=request.user)
        except services.StepError as exc:
            raise step_error_to_drf(exc) from exc
        task = Task.objects.select_related("owner").get(pk=task.pk)
        return Response(TaskSerializer(task_row(task, request.user)).data)


@extend_schema(tags=["tasks"])
class TaskCompleteApi(OwnTransactionMixin, ApiView):
    """Dokončení kroku formulářem kroku a jeho službou (viewflow aktivace jako na obrazovce)."""

    permission_classes = _role_gate(*JOURNEY_ROLES)

    @extend_schema(
        summary="Dokončit úkol / Complete a task",
        description="Tělo jsou pole formuláře kroku (GET tasks/{id}/ je vypíše; data ISO, více hodnot jako pole). "
        "Chyby jsou stejné české zprávy jako na obrazovce. Úkol jiného uživatele 404; hotový úkol nebo souběžné "
        "dokončení 409. / The body holds the step form's fields (listed by GET tasks/{id}/). Errors are the "
        "screen's Czech messages. Another user's task 404; a finished task or a concurrent completion 409.",
        request={"application/json": OpenApiTypes.OBJECT},
        responses={200: JourneyDetailSerializer, **CONFLICT_RESPONSE},
    )
    def post(self, request, pk):
        task = _task_in_scope(request.user, pk)
        journey = _journey_or_404(request, task.process_id)
        may_act = task.owner_id == request.user.pk or (
            task.owner_id is None and task.flow_task.can_assign(request.user, task)
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
            raise form_errors_to_drf(form)
        from workflows.applicant_journey.views import STEP_SERVICES

        try:
            STEP_SERVICES[task.flow_task.name](journey=journey, actor=request.user, **form.service_kwargs())
        except DjangoValidationError as exc:
            raise service_errors_to_drf(exc) from exc
        except services.StepError as exc:
            raise step_error_to_drf(exc) from exc
        journey = selectors.journey_get_for_user(user=request.user, journey_id=journey.pk) or journey
        return Response(journey_detail_data(journey, request.user))


# --- documents -------------------------------------------------------------------------------------------------------
class DocumentVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    original_name = serializers.CharField()
    content_type = serializers.ChoiceField(
        choices=[("application/pdf", "PDF"), ("image/jpeg", "JPEG"), ("image/png", "PNG")]
    )
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    uploaded_by = UserRefSerializer(allow_null=True)
    uploaded_at = serializers.DateTimeField()


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    journey_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    member = MemberRefSerializer(allow_null=True, help_text=_("Za koho; null = za domácnost / Whose; null: household."))
    country = serializers.CharField(allow_blank=True, help_text=_("Země výpisu z rejstříku / Country of the extract."))
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    rejection_reason = serializers.CharField(allow_blank=True)
    updated_at = serializers.DateTimeField()
    versions = DocumentVersionSerializer(many=True, help_text=_("Verze, nejnovější první / Versions, newest first."))


def document_data(document: JourneyDocument) -> dict:
    return DocumentSerializer(
        {
            "id": document.pk,
            "journey_id": document.journey_id,
            "kind": document.kind,
            "member": _member_ref(document.member),
            "country": document.country,
            "status": document.status,
            "rejection_reason": document.rejection_reason,
            "updated_at": document.updated_at,
            "versions": list(document.versions.select_related("uploaded_by").order_by("-uploaded_at", "-pk")),
        }
    ).data


class LimitedMultiPartParser(MultiPartParser):
    """Multipart for uploads; a body clearly above the document limit is refused (413) before it is read."""

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
        except (TypeError, ValueError):
            declared = 0
        if declared > MAX_DOCUMENT_BYTES + 64 * 1024:
            raise PayloadTooLarge()
        return super().parse(stream, media_type, parser_context)


def _document_journey(request, journey: ApplicantJourney) -> ApplicantJourney:
    if not may_handle_documents(request.user, journey):
        raise PermissionDenied(detail=str(MSG_NOT_YOUR_DOCUMENTS), code="not_your_documents")
    return journey


@extend_schema(tags=["documents"])
class JourneyDocumentListApi(ScopedListApi):
    """Dokumenty žádosti (§21/5) se stavem a verzemi; nahrání nové verze. / Application documents; upload."""

    OutputSerializer = DocumentSerializer
    permission_classes = _role_gate(*DOCUMENT_ROLES)
    parser_classes = [LimitedMultiPartParser]
    filter_backends: list = []

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "JourneyDocumentUpload"

        document = serializers.IntegerField(
            min_value=1, max_value=2**63 - 1, help_text=_("Položka kontrolního seznamu / Checklist document id.")
        )
        file = serializers.FileField(help_text=_("PDF, JPEG nebo PNG, nejvýše 10 MB / PDF, JPEG or PNG, ≤ 10 MB."))

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return JourneyDocument.objects.none()
        journey = _document_journey(self.request, _journey_or_404(self.request, self.kwargs["pk"]))
        return selectors.documents_for_journey(journey=journey)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([document_data(d) for d in page])

    @extend_schema(summary="Dokumenty žádosti / Application documents")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Nahrát dokument / Upload a document",
        description="multipart/form-data: document (id položky) a file. Typ se pozná z obsahu (PDF, JPEG, PNG), "
        "nejvýše 10 MB; předchozí verze zůstávají. / multipart: document id and file; the type is sniffed from the "
        "content; at most 10 MB; earlier versions are kept.",
        request={"multipart/form-data": InputSerializer},
        responses={201: DocumentSerializer},
    )
    def post(self, request, pk):
        journey = _document_journey(request, _journey_or_404(request, pk))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = journey.documents.filter(pk=serializer.validated_data["document"]).first()
        if document is None:
            raise ValidationError({"document": [ErrorDetail(str(_("Dokument nenalezen.")), code="not_found")]})
        form = forms.DocumentUploadForm(data={}, files={"file": serializer.validated_data["file"]})
        if not form.is_valid():
            raise form_errors_to_drf(form)
        try:
            documents.document_upload(document=document, actor=request.user, upload=form.cleaned_data["file"])
        except DjangoValidationError as exc:
            raise service_errors_to_drf(exc) from exc
        document = JourneyDocument.objects.select_related("member").get(pk=document.pk)
        return Response(document_data(document), status=status.HTTP_201_CREATED)


def _document_in_scope(request, pk: int) -> JourneyDocument:
    visible = selectors.journey_list_for_user(user=request.user).values("pk")
    document = JourneyDocument.objects.filter(pk=pk, journey_id__in=visible).select_related("member").first()
    if document is None:
        raise NotFound()
    return document


@extend_schema(tags=["documents"])
class DocumentDetailApi(ETagMixin, ApiView):
    """Jeden dokument se stavem a verzemi (ETag pro kontrolu). / One document with its versions."""

    permission_classes = _role_gate(*DOCUMENT_ROLES)

    @extend_schema(summary="Dokument / Document", responses={200: DocumentSerializer}, parameters=[ETAG_HEADER])
    def get(self, request, pk):
        document = _document_in_scope(request, pk)
        _document_journey(request, _journey_or_404(request, document.journey_id))
        return self.etag_response(document_data(document))


@extend_schema(tags=["documents"])
class DocumentReviewApi(ETagMixin, ApiView):
    """Kontrola dokumentu průvodcem, OSPOD nebo krajem: přijmout, nebo vrátit s důvodem. / Accept or return."""

    permission_classes = _role_gate(*REVIEW_ROLES)

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "DocumentReview"

        status = serializers.ChoiceField(
            choices=[(DocumentStatus.ACCEPTED, _("přijmout / accept")), (DocumentStatus.REJECTED, _("vrátit / return"))]
        )
        reason = serializers.CharField(
            max_length=4000, required=False, allow_blank=True, help_text=_("U vrácení povinné / Required to return.")
        )

    @extend_schema(
        summary="Zkontrolovat dokument / Review a document",
        description="If-Match s ETag z GET documents/{id}/ (bez něj 428, zastaralý 412). / If-Match with the ETag "
        "of GET documents/{id}/ (428 without, 412 when stale).",
        request=InputSerializer,
        responses={200: DocumentSerializer},
        parameters=[IF_MATCH_HEADER, ETAG_HEADER],
    )
    def post(self, request, pk):
        document = _document_in_scope(request, pk)
        journey = _journey_or_404(request, document.journey_id)
        if not may_review_documents(request.user, journey):
            raise PermissionDenied(detail=str(MSG_NOT_A_REVIEWER), code="not_a_reviewer")
        document = JourneyDocument.objects.select_for_update(of=("self",)).select_related("member").get(pk=document.pk)
        check_if_match(request, document_data(document))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        form = forms.DocumentReviewForm(
            data={"status": serializer.validated_data["status"], "reason": serializer.validated_data.get("reason", "")}
        )
        if not form.is_valid():
            raise form_errors_to_drf(form)
        try:
            documents.document_review(
                document=document,
                actor=request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except DjangoValidationError as exc:
            raise service_errors_to_drf(exc) from exc
        document = JourneyDocument.objects.select_related("member").get(pk=document.pk)
        return self.etag_response(document_data(document))


@extend_schema(tags=["documents"])
class DocumentVersionFileApi(ApiView):
    """Stažení souboru verze dokumentu (chráněně, jako příloha); čtení se audituje. / Download; audited."""

    permission_classes = _role_gate(*DOCUMENT_ROLES)

    @extend_schema(
        summary="Stáhnout soubor / Download the file",
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            (200, "image/jpeg"): OpenApiTypes.BINARY,
            (200, "image/png"): OpenApiTypes.BINARY,
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
        },
    )
    def get(self, request, pk):
        visible = selectors.journey_list_for_user(user=request.user).values("pk")
        version = (
            DocumentVersion.objects.filter(pk=pk, document__journey_id__in=visible).select_related("document").first()
        )
        if version is None:
            raise NotFound()
        journey = _document_journey(request, _journey_or_404(request, version.document.journey_id))
        audit_read(
            actor=request.user,
            obj=version,
            request=request,
            household=journey.household,
            region=journey.region,
            channel="api",
        )
        ext = version.file.name.rsplit(".", 1)[-1]
        try:
            return serve_protected_file(
                request, version.file.path, f"dokument-{version.document_id}-{version.pk}.{ext}", version.content_type
            )
        except Http404 as exc:
            raise NotFound() from exc


# --- messages --------------------------------------------------------------------------------------------------------
class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = UserRefSerializer(allow_null=True)
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


@extend_schema(tags=["journeys"])
class JourneyMessageListApi(ScopedListApi):
    """Zprávy mezi rodinou, průvodcem a pracovníky OSPOD a kraje. / Messages on the journey."""

    OutputSerializer = MessageSerializer
    permission_classes = _role_gate(*MESSAGE_ROLES)
    filter_backends: list = []

    class InputSerializer(StrictSerializer):
        class Meta:
            ref_name = "JourneyMessagePost"

        body = serializers.CharField(help_text=_("Text zprávy (nejvýše 5000 znaků) / Message text (≤ 5000)."))

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            from workflows.applicant_journey.models import Message

            return Message.objects.none()
        journey = _journey_or_404(self.request, self.kwargs["pk"])
        return journey.messages.select_related("author").order_by("created_at", "pk")

    @extend_schema(summary="Zprávy / Messages")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Poslat zprávu / Send a message",
        request=InputSerializer,
        responses={201: MessageSerializer},
    )
    def post(self, request, pk):
        journey = _journey_or_404(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        form = forms.MessageForm(data={"body": serializer.validated_data["body"]})
        if not form.is_valid():
            raise form_errors_to_drf(form)
        message = communication.message_send(journey=journey, author=request.user, body=form.cleaned_data["body"])
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)


# --- the applicant register (evidence žadatelů) ---------------------------------------------------------------------
class AcceptanceProfileSerializer(serializers.Serializer):
    age_min = serializers.IntegerField()
    age_max = serializers.IntegerField()
    sexes = serializers.ListField(child=serializers.ChoiceField(choices=Sex.choices))
    max_children = serializers.IntegerField(help_text=_("Dětí najednou / Children at once."))
    accepts_siblings = serializers.BooleanField()
    health_needs_accepted = serializers.ListField(child=serializers.ChoiceField(choices=HealthNeed.choices))
    health_needs_experience = serializers.ListField(child=serializers.ChoiceField(choices=HealthNeed.choices))
    ethnicities_accepted = serializers.ListField(child=serializers.ChoiceField(choices=Ethnicity.choices))
    legal_statuses = serializers.ListField(child=serializers.ChoiceField(choices=LegalStatus.choices))
    contact_willingness = serializers.ChoiceField(choices=ContactLevel.choices)
    accepts_other_regions = serializers.BooleanField()
    children_in_household = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class RegisterEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    household_id = serializers.IntegerField()
    members = MemberRefSerializer(many=True, help_text=_("Žadatelé / Applicants."))
    region = RegionRefSerializer()
    care_types = serializers.ListField(
        child=serializers.ChoiceField(choices=CareType.choices), help_text=_("Schválené formy péče / Approved.")
    )
    decision_date = serializers.DateField()
    effective_date = serializers.DateField(help_text=_("Právní moc; párovat lze od ní / Final; matchable from."))
    status = serializers.ChoiceField(choices=RegisterStatus.choices)
    status_changed_at = serializers.DateTimeField()
    status_reason = serializers.CharField(allow_blank=True)
    days_in_register = serializers.IntegerField(help_text=_("Dní od právní moci / Days since the decision is final."))
    profile = AcceptanceProfileSerializer(allow_null=True, help_text=_("Profil přijatelného dítěte / Acceptance."))


def register_entry_data(entry: ApplicantRegisterEntry, *, today=None) -> dict:
    today = today or timezone.localdate()
    profile = getattr(entry, "profile", None) if hasattr(entry, "profile") else None
    return RegisterEntrySerializer(
        {
            "id": entry.pk,
            "household_id": entry.household_id,
            "members": [{"id": m.pk, "full_name": m.full_name} for m in entry.household.members.all()],
            "region": entry.region,
            "care_types": list(entry.care_types),
            "decision_date": entry.decision_date,
            "effective_date": entry.effective_date,
            "status": entry.status,
            "status_changed_at": entry.status_changed_at,
            "status_reason": entry.status_reason,
            "days_in_register": max(0, (today - entry.effective_date).days),
            "profile": profile,
        }
    ).data


def register_list_for_officer(*, officer):
    """The register entries of the officer's regions (the applicant register screen's rule: own region only)."""
    return (
        ApplicantRegisterEntry.objects.filter(region_id__in=officer.region_ids(Role.OFFICER))
        .select_related("region", "profile")
        .prefetch_related("household__members")
    )


class RegisterFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=RegisterStatus.choices, help_text=_("Stav / Status."))
    care_type = django_filters.ChoiceFilter(
        choices=CareType.choices, method="filter_care_type", help_text=_("Schválená forma péče / Approved care type.")
    )

    class Meta:
        model = ApplicantRegisterEntry
        fields = ["status", "care_type"]

    def filter_care_type(self, queryset, name, value):
        return queryset.filter(care_types__contains=[value])


@extend_schema(tags=["register"])
class RegisterListApi(ScopedListApi):
    """Evidence žadatelů kraje s profily přijatelného dítěte (krajský úřad). / The region's applicant register."""

    OutputSerializer = RegisterEntrySerializer
    permission_classes = _role_gate(Role.OFFICER)
    filterset_class = RegisterFilter
    ordering_fields = ["id", "effective_date", "decision_date", "status_changed_at"]
    ordering = ["effective_date", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ApplicantRegisterEntry.objects.none()
        return register_list_for_officer(officer=self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        today = timezone.localdate()
        return self.get_paginated_response([register_entry_data(e, today=today) for e in page])

    @extend_schema(
        summary="Evidence žadatelů / Applicant register",
        description="Jen pracovníci krajského úřadu, jen jejich kraj; filtry forma péče a stav. / Regional officers "
        "only, their region only; filter by care type and status.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["register"])
class RegisterDetailApi(ApiView):
    """Jeden záznam v evidenci žadatelů; čtení se audituje. / One register entry; audited."""

    permission_classes = _role_gate(Role.OFFICER)

    @extend_schema(summary="Záznam v evidenci žadatelů / Register entry", responses={200: RegisterEntrySerializer})
    def get(self, request, pk):
        entry = register_list_for_officer(officer=request.user).filter(pk=pk).first()
        if entry is None:
            raise NotFound()
        audit_read(
            actor=request.user,
            obj=entry,
            request=request,
            household=entry.household,
            region=entry.region,
            channel="api",
        )
        return Response(register_entry_data(entry))
