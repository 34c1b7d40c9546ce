"""The ChildMediation process as a readable chart (django-viewflow).

The steps inside mediation (conferences, approaches in order, extensions, lapses) loop many times and are
driven by the services and the cron; the chart records the milestones: entry into the register, the mediation
task the regional officers' queue shows, and the outcome. Services call ``process_start`` / ``process_finish``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import act, flow, lock

from workflows.child_mediation.models import ChildCase, ChildMediationProcess


class ChildMediationFlow(flow.Flow):
    process_class = ChildMediationProcess
    lock_impl = lock.select_for_update_lock
    process_title = _("Zprostředkování pro dítě")

    start = flow.StartHandle(this.start_process).Annotation(title=_("Návrh OSPOD a spis dítěte")).Next(this.register)
    register = flow.Handle(this.step_done).Annotation(title=_("Zařazení do evidence dětí")).Next(this.mediation)
    mediation = (
        flow.Handle(this.step_done)
        .Annotation(title=_("Párování, případová konference a oslovování rodin"))
        .Next(this.outcome)
    )
    outcome = flow.If(act.process.is_placed).Annotation(title=_("Svěřeno soudem?")).Then(this.placed).Else(this.closed)
    placed = flow.End().Annotation(title=_("Dítě svěřeno do péče"))
    closed = flow.End().Annotation(title=_("Případ uzavřen"))

    def start_process(self, activation, case: ChildCase, actor=None):
        activation.process.data = {"case_id": case.pk, "reference": case.reference}
        return activation.process

    def step_done(self, activation, **kwargs):
        return activation.process


def process_for_case(case: ChildCase) -> ChildMediationProcess | None:
    return ChildMediationProcess.objects.filter(data__case_id=case.pk).order_by("-pk").first()


def process_start(*, case: ChildCase, actor=None) -> ChildMediationProcess:
    """Start the process when OSPOD proposes the child (idempotent)."""
    existing = process_for_case(case)
    if existing is not None:
        return existing
    return ChildMediationFlow.start.run(case=case, actor=actor)


def _complete(process: ChildMediationProcess, node) -> bool:
    task = process.task_set.filter(flow_task=node, finished__isnull=True).first()
    if task is None:
        return False
    node.run(task)
    return True


def process_registered(*, case: ChildCase, actor=None) -> None:
    """The regional office entered the child in the register: the mediation task opens."""
    _complete(process_start(case=case, actor=actor), ChildMediationFlow.register)


def process_finish(*, case: ChildCase, actor=None) -> None:
    """Placed or closed: complete what is open; the If picks the end node."""
    process = process_for_case(case)
    if process is None:
        return
    _complete(process, ChildMediationFlow.register)
    _complete(process, ChildMediationFlow.mediation)
