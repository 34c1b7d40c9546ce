"""One description per human step of the journey: its form, its service, its stage, its deadline rule, its
permission and its assignee. ``flows.py`` builds each node from here (``steps.HANDOVER.node(...)``) and reads as
the chart; the node carries its ``Step`` (``task.flow_task.journey_step``), so the task screen, the API
(``services.tasks.task_complete``) and the task hooks (stage, due date) follow direct references, never a
string key. Adding a step: one entry here, one node (with its title and edges) in ``flows.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms as django_forms
from viewflow.workflow import flow

from workflows.applicant_journey import permissions as P
from workflows.applicant_journey.forms import steps as F
from workflows.applicant_journey.models import ApplicantJourney, JourneyStage
from workflows.applicant_journey.services import application_steps, assessment_steps, assignment, decision_steps, tasks
from workflows.applicant_journey.services import handover as H


@dataclass(frozen=True)
class Step:
    """A human step: the form its screen and the API validate, the service that records it and completes the task,
    the journey's stage while it is open, the deadline rule (``deadlines.RULES``) of its due date, the
    permission codename (``permissions.STEP_POLICIES``) and who gets the task."""

    form: type[django_forms.Form]
    service: Callable[..., ApplicantJourney]
    stage: JourneyStage
    rule: str
    permission: str
    assign: Callable[[Any], Any]
    # The form's constructor needs the journey (its members, the assessors of its region).
    form_needs_journey: bool = False
    # The deadline runs from this date of the journey when it is set (else from the task's creation).
    deadline_from: Callable[[ApplicantJourney], date | None] | None = None

    def node(self, view: Callable[..., Any]) -> flow.View:
        """The viewflow node of this step (``flows.py`` adds its title and edges)."""
        node = flow.View(view).Permission(P.perm(self.permission)).Assign(self.assign).onCreate(tasks.task_created)
        node.journey_step = self
        return node

    def form_for(self, journey: ApplicantJourney, data: Any = None) -> django_forms.Form:
        """The step's form, bound to ``data`` (None: unbound)."""
        kwargs = {"journey": journey} if self.form_needs_journey else {}
        return self.form(data, **kwargs)


INFORMATION_MEETING = Step(
    F.InformationMeetingForm,
    application_steps.information_meeting_record,
    JourneyStage.INTEREST,
    rule="information_meeting",
    permission=P.GUIDE_STEP,
    assign=assignment.guide_for,
)
FILE_APPLICATION = Step(
    F.FileApplicationForm,
    application_steps.application_file,
    JourneyStage.APPLICATION,
    rule="file_application",
    permission=P.OSPOD_STEP,
    assign=assignment.ospod_worker_for,
    form_needs_journey=True,
)
CHECK_APPLICATION = Step(
    F.CheckApplicationForm,
    application_steps.application_check,
    JourneyStage.APPLICATION,
    rule="check_application",
    permission=P.OSPOD_STEP,
    assign=assignment.ospod_worker_for,
)
COMPLETE_APPLICATION = Step(
    F.CompleteApplicationForm,
    application_steps.application_complete,
    JourneyStage.INCOMPLETE,
    rule="complete_application",
    permission=P.APPLICANT_STEP,
    assign=assignment.applicant_for,
)
SOCIAL_INVESTIGATION = Step(
    F.SocialInvestigationForm,
    assessment_steps.social_investigation_record,
    JourneyStage.INVESTIGATION,
    rule="social_investigation",
    permission=P.OSPOD_STEP,
    assign=assignment.ospod_worker_for,
)
HANDOVER = Step(
    F.HandoverForm,
    H.handover_record,
    JourneyStage.HANDOVER,
    rule="handover",
    permission=P.OSPOD_STEP,
    assign=assignment.ospod_worker_for,
    # The hand-over deadline runs from the complete application.
    deadline_from=lambda journey: journey.application_complete_on,
)
ASSIGN_ASSESSMENT = Step(
    F.AssignAssessmentForm,
    assessment_steps.assessment_assign,
    JourneyStage.ASSESSMENT,
    rule="assign_assessment",
    permission=P.OFFICER_STEP,
    assign=assignment.officer_for,
    form_needs_journey=True,
)
EXPERT_ASSESSMENT = Step(
    F.ExpertAssessmentForm,
    assessment_steps.expert_assessment_record,
    JourneyStage.ASSESSMENT,
    rule="expert_assessment",
    permission=P.ASSESSOR_STEP,
    assign=assignment.assessor_for,
    form_needs_journey=True,
)
PREPARATION = Step(
    F.PreparationForm,
    assessment_steps.preparation_complete,
    JourneyStage.PREPARATION,
    rule="preparation",
    permission=P.OFFICER_STEP,
    assign=assignment.officer_for,
)
FILE_INSPECTION = Step(
    F.FileInspectionForm,
    decision_steps.file_inspection_record,
    JourneyStage.INSPECTION,
    rule="file_inspection",
    permission=P.OFFICER_STEP,
    assign=assignment.officer_for,
)
DECISION = Step(
    F.DecisionForm,
    decision_steps.decision_record,
    JourneyStage.DECISION,
    rule="decision",
    permission=P.OFFICER_STEP,
    assign=assignment.officer_for,
    form_needs_journey=True,
)
FINALITY = Step(
    F.FinalityForm,
    decision_steps.finality_record,
    JourneyStage.APPEAL_PERIOD,
    rule="finality",
    permission=P.OFFICER_STEP,
    assign=assignment.officer_for,
    # Finality is recorded once the appeal period from the delivery has run.
    deadline_from=lambda journey: journey.decision_delivered_on,
)
APPEAL_OUTCOME = Step(
    F.AppealOutcomeForm,
    decision_steps.appeal_outcome_record,
    JourneyStage.APPEAL,
    rule="appeal_outcome",
    permission=P.OFFICER_STEP,
    assign=assignment.officer_for,
)


def step_of(task_or_node: Any) -> Step | None:
    """The ``Step`` of a task (``task.flow_task``) or a node; None for nodes that are no human step."""
    node = getattr(task_or_node, "flow_task", task_or_node)
    return getattr(node, "journey_step", None)
