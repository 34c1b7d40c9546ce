"""The applicant journey (cesta žadatele) as a viewflow process: a readable chart, logic in services.

Every human step is built from its one description in ``steps.py`` (form, service, stage, deadline rule,
permission, assignee chosen in scope: the household's guide, an OSPOD worker of the ORP of permanent residence,
an officer or the assigned assessor of the region); here it gets its title and its edges. Exits that may happen
at any step (withdrawal, transfer) are services that cancel the open task; the register period after approval
(pause, resume, removal, placement) is kept on the register entry.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import act, flow, lock

from nrp import law
from workflows.applicant_journey import steps
from workflows.applicant_journey.models import ApplicantJourney
from workflows.applicant_journey.services import register
from workflows.applicant_journey.views import StepView

step = StepView.as_view()


class ApplicantJourneyFlow(flow.Flow):
    """Cesta žadatele

    Od prvního kontaktu s průvodcem po zápis do evidence žadatelů (§23a–§23k a §27 zákona č. 359/1999 Sb. ve znění
    od 1. 1. 2025; citace v titulcích kroků se vykreslují z ``nrp.law``).
    """

    process_class = ApplicantJourney
    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle(this.start_journey).Next(this.information_meeting)

    information_meeting = (
        steps.INFORMATION_MEETING.node(step)
        .Annotation(title=_("Informační schůzka a předání na OSPOD"))
        .Next(this.file_application)
    )
    file_application = (
        steps.FILE_APPLICATION.node(step)
        .Annotation(title=law.message(_("Podání žádosti na OSPOD (%(law)s)"), law="APPLICATION"))
        .Next(this.check_application)
    )
    check_application = (
        steps.CHECK_APPLICATION.node(step).Annotation(title=_("Kontrola úplnosti žádosti")).Next(this.route_application)
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
        steps.COMPLETE_APPLICATION.node(step).Annotation(title=_("Doplnění žádosti")).Next(this.check_application)
    )
    social_investigation = (
        steps.SOCIAL_INVESTIGATION.node(step).Annotation(title=_("Sociální šetření")).Next(this.handover)
    )
    handover = (
        steps.HANDOVER.node(step).Annotation(title=_("Předání spisu krajskému úřadu")).Next(this.assign_assessment)
    )
    assign_assessment = (
        steps.ASSIGN_ASSESSMENT.node(step)
        .Annotation(title=_("Zadání odborného posouzení"))
        .Next(this.expert_assessment)
    )
    expert_assessment = (
        steps.EXPERT_ASSESSMENT.node(step)
        .Annotation(title=law.message(_("Odborné posouzení (%(law)s)"), law="EXPERT_ASSESSMENT"))
        .Next(this.preparation)
    )
    preparation = (
        steps.PREPARATION.node(step).Annotation(title=_("Příprava k přijetí dítěte")).Next(this.file_inspection)
    )
    file_inspection = steps.FILE_INSPECTION.node(step).Annotation(title=_("Seznámení s podklady")).Next(this.decision)
    decision = (
        steps.DECISION.node(step)
        .Annotation(title=law.message(_("Rozhodnutí o zařazení do evidence (%(law)s)"), law="REGISTER_DECISION"))
        .Next(this.finality)
    )
    # After delivery: either an appeal arrives (late ones are recorded and flagged) or the decision becomes final.
    finality = steps.FINALITY.node(step).Annotation(title=_("Odvolání nebo právní moc")).Next(this.route_appeal)
    route_appeal = (
        flow.If(act.process.is_appealed)
        .Annotation(title=_("Podáno odvolání?"))
        .Then(this.appeal_outcome)
        .Else(this.route_decision)
    )
    appeal_outcome = (
        steps.APPEAL_OUTCOME.node(step)
        .Annotation(title=_("Rozhodnutí o odvolání (MPSV)"))
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
