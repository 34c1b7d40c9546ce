"""Representations of journeys and tasks (the JSON of journeys/, caseload/, tasks/)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from viewflow.workflow.models import Task

from nrp.api.apis.refs import OrpRefSerializer, RegionRefSerializer, UserRefSerializer
from nrp.core.choices import CareType
from nrp.core.models import User
from workflows.applicant_journey import selectors, steps
from workflows.applicant_journey.apis.common import (
    MemberRefSerializer,
)
from workflows.applicant_journey.models import (
    ApplicantJourney,
    ApplicantRegisterEntry,
    DocumentKind,
    DocumentStatus,
    JourneyStage,
)


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
        "members": list(household.members.all()),
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


def task_row(task: Task, user: User) -> dict[str, Any]:
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
        "api_form": steps.step_of(task) is not None,
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


def journey_detail_data(journey: ApplicantJourney, user: User) -> dict[str, Any]:
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
            "missing_documents": selectors.missing_documents(journey=journey),
            "appeal_deadline": (
                deadlines.appeal_deadline(journey.decision_delivered_on) if journey.decision_delivered_on else None
            ),
            "effective_date": journey.effective_date,
            "register_entry_id": entry.pk if entry else None,
        }
    )
    return JourneyDetailSerializer(row).data
