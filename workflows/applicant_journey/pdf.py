"""The written decision (rozhodnutí) as a PDF from a template, rendered with WeasyPrint like the case conference
pack (``workflows/child_mediation/pdf.py``): DejaVu Sans for Czech glyphs. Every citation comes from ``nrp.law``."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from nrp import law
from workflows.applicant_journey.models import Decision, DecisionKind
from workflows.applicant_journey.services.life import duty_to_report_text


def decision_html(decision: Decision) -> str:
    journey = decision.journey
    with translation.override("cs"):
        return render_to_string(
            "applicant_journey/pdf/decision.html",
            {
                "decision": decision,
                "journey": journey,
                "members": list(journey.household.members.all()),
                "legal_basis": law.cite(decision.legal_basis),
                "legal_meaning": law.rule(decision.legal_basis).meaning,
                "appeal_law": law.cite("APPEAL_PERIOD"),
                "late_law": law.cite("LATE_APPEAL", "short"),
                "reasons_law": law.cite("DECISION_REASONS", "short"),
                "authority": (
                    journey.household.residence_orp if decision.kind == DecisionKind.ORP_REFUSAL else decision.region
                ),
                # The duty to report changes is stated in every decision that keeps the family in the register.
                "duty": duty_to_report_text()
                if decision.kind in (DecisionKind.INCLUSION, DecisionKind.PAUSE)
                and not (decision.kind == DecisionKind.INCLUSION and decision.negative)
                else "",
                "generated": timezone.localtime(),
            },
        )


def decision_pdf(decision: Decision) -> bytes:
    from weasyprint import HTML

    return HTML(string=decision_html(decision)).write_pdf()
