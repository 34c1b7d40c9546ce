"""The viewflow process of one child's case."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process

from workflows.child_mediation.models.cases import ChildCase, ChildCaseStatus


class ChildMediationProcess(Process):
    """The viewflow process of one child's case (proces ChildMediation); the case id lives in ``data``."""

    class Meta:
        proxy = True
        verbose_name = _("zprostředkování pro dítě")
        verbose_name_plural = _("zprostředkování pro děti")

    @property
    def case(self) -> ChildCase:
        return ChildCase.objects.get(pk=self.data["case_id"])

    @property
    def case_status(self) -> str:
        return self.case.status

    @property
    def is_placed(self) -> bool:
        """The outcome gate of the flow: placed by the court (else closed)."""
        return self.case_status == ChildCaseStatus.PLACED
