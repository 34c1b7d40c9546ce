"""The applicant journey (cesta žadatele) as a viewflow process: a readable chart, logic in services.

Every human step is a ``flow.View`` with a permission codename from ``permissions.py`` and an assignee chosen in
scope (the household's guide, an OSPOD worker of the ORP of permanent residence, an officer or the assigned
assessor of the region). Exits that may happen at any step (withdrawal, transfer) are services that cancel the
open task; the register period after approval (pause, resume, removal, placement) is kept on the register entry.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import act, flow, lock

from workflows.applicant_journey import permissions as P
from workflows.applicant_journey.models import ApplicantJourney
from workflows.applicant_journey.services import assignment, register, tasks
from workflows.applicant_journey.views import StepView

step = StepView.as_view()


class ApplicantJourneyFlow(flow.Flow):
    """Cesta žadatele

    Od prvního kontaktu s průvodcem po zápis do evidence žadatelů (§21, §22, §27 zákona č. 359/1999 Sb.).
    """

    process_class = ApplicantJourney
    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle(this.start_journey).Next(this.information_meeting)

    information_meeting = (
        flow.View(step)
        .Annotation(title=_("Informační schůzka a předání na OSPOD"))
        .Permission(P.perm(P.GUIDE_STEP))
        .Assign(assignment.guide_for)
        .onCreate(tasks.task_created)
        .Next(this.file_application)
    )
    file_application = (
        flow.View(step)
        .Annotation(title=_("Podání žádosti na OSPOD (§21)"))
        .Permission(P.perm(P.OSPOD_STEP))
        .Assign(assignment.ospod_worker_for)
        .onCreate(tasks.task_created)
        .Next(this.check_application)
    )
    check_application = (
        flow.View(step)
        .Annotation(title=_("Kontrola úplnosti žádosti"))
        .Permission(P.perm(P.OSPOD_STEP))
        .Assign(assignment.ospod_worker_for)
        .onCreate(tasks.task_created)
        .Next(this.route_application)
    )
    route_application = (
        flow.Switch()
        .Annotation(title=_("Úplná žádost?"))
        .Case(this.complete_application, act.process.is_incomplete)
        .Case(this.refused_by_orp, act.process.is_refused_by_orp)
        .Default(this.social_investigation)
    )
    # The process waits for the applicant, then the OSPOD checks again.
    complete_application = (
        flow.View(step)
        .Annotation(title=_("Doplnění žádosti"))
        .Permission(P.perm(P.APPLICANT_STEP))
        .Assign(assignment.applicant_for)
        .onCreate(tasks.task_created)
        .Next(this.check_application)
    )
    social_investigation = (
        flow.View(step)
        .Annotation(title=_("Sociální šetření"))
        .Permission(P.perm(P.OSPOD_STEP))
        .Assign(assignment.ospod_worker_for)
        .onCreate(tasks.task_created)
        .Next(this.handover)
    )
    handover = (
        flow.View(step)
        .Annotation(title=_("Předání spisu krajskému úřadu"))
        .Permission(P.perm(P.OSPOD_STEP))
        .Assign(assignment.ospod_worker_for)
        .onCreate(tasks.task_created)
        .Next(this.assign_assessment)
    )
    assign_assessment = (
        flow.View(step)
        .Annotation(title=_("Zadání odborného posouzení"))
        .Permission(P.perm(P.OFFICER_STEP))
        .Assign(assignment.officer_for)
        .onCreate(tasks.task_created)
        .Next(this.expert_assessment)
    )
    expert_assessment = (
        flow.View(step)
        .Annotation(title=_("Odborné posouzení (§27)"))
        .Permission(P.perm(P.ASSESSOR_STEP))
        .Assign(assignment.assessor_for)
        .onCreate(tasks.task_created)
        .Next(this.preparation)
    )
    preparation = (
        flow.View(step)
        .Annotation(title=_("Příprava k přijetí dítěte"))
        .Permission(P.perm(P.OFFICER_STEP))
        .Assign(assignment.officer_for)
        .onCreate(tasks.task_created)
        .Next(this.file_inspection)
    )
    file_inspection = (
        flow.View(step)
        .Annotation(title=_("Seznámení s podklady"))
        .Permission(P.perm(P.OFFICER_STEP))
        .Assign(assignment.officer_for)
        .onCreate(tasks.task_created)
        .Next(this.decision)
    )
    decision = (
        flow.View(step)
        .Annotation(title=_("Rozhodnutí o zařazení do evidence (§22)"))
        .Permission(P.perm(P.OFFICER_STEP))
        .Assign(assignment.officer_for)
        .onCreate(tasks.task_created)
        .Next(this.finality)
    )
    # After delivery: either an appeal arrives (late ones are recorded and flagged) or the decision becomes final.
    finality = (
        flow.View(step)
        .Annotation(title=_("Odvolání nebo právní moc"))
        .Permission(P.perm(P.OFFICER_STEP))
        .Assign(assignment.officer_for)
        .onCreate(tasks.task_created)
        .Next(this.route_appeal)
    )
    route_appeal = (
        flow.If(act.process.is_appealed)
        .Annotation(title=_("Podáno odvolání?"))
        .Then(this.appeal_outcome)
        .Else(this.route_decision)
    )
    appeal_outcome = (
        flow.View(step)
        .Annotation(title=_("Rozhodnutí o odvolání (MPSV)"))
        .Permission(P.perm(P.OFFICER_STEP))
        .Assign(assignment.officer_for)
        .onCreate(tasks.task_created)
        .Next(this.route_after_appeal)
    )
    route_after_appeal = (
        flow.If(act.process.is_returned_by_appeal)
        .Annotation(title=_("Vráceno k novému rozhodnutí?"))
        .Then(this.decision)
        .Else(this.route_decision)
    )
    route_decision = (
        flow.If(act.process.is_approved).Annotation(title=_("Zařazen?")).Then(this.enter_register).Else(this.rejected)
    )
    enter_register = (
        flow.Function(register.register_entry_create_from_journey)
        .Annotation(title=_("Zápis do evidence žadatelů"))
        .Next(this.registered)
    )
    registered = flow.End().Annotation(title=_("V evidenci žadatelů"))
    rejected = flow.End().Annotation(title=_("Nezařazen do evidence"))
    refused_by_orp = flow.End().Annotation(title=_("Zamítnuto ORP / nezprostředkovává se"))

    def start_journey(self, activation, *, household, region, care_types, actor=None):
        journey = activation.process
        journey.household = household
        journey.region = region
        journey.care_types = list(care_types)
        journey.save()
        return journey
