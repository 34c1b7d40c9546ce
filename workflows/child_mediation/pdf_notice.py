"""The written notice of the §24 selection as a PDF letter (WeasyPrint, as the conference pack in ``pdf.py``).

The letter names its legal basis from ``nrp.law`` (SELECTION, SELECTION_NOTICE_30_DAYS, SELECTION_EXTENSION,
DELIVERY) and says that the window runs from delivery. Only the child's anonymised profile goes in: the letter
leaves the office; the family studies the file itself once the notice is delivered.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from nrp import law
from workflows.child_mediation import deadlines, selectors
from workflows.child_mediation.models_notices import ApproachNotice

CITED = ("SELECTION", "SELECTION_NOTICE_30_DAYS", "SELECTION_EXTENSION", "DELIVERY", "DEADLINE_COUNTING")


def notice_html(notice: ApproachNotice) -> str:
    approach = notice.approach
    case = approach.case
    with translation.override("cs"):
        return render_to_string(
            "child_mediation/pdf/notice.html",
            {
                "notice": notice,
                "approach": approach,
                "case": case,
                "household": approach.entry.household,
                "profile": selectors.anonymised_profile(case, with_wishes=False),
                "days": deadlines.COURT_REQUEST_DAYS,
                "extension_days": deadlines.COURT_REQUEST_MAX_EXTENSION_DAYS,
                "law": {rule_id: law.cite(rule_id, "full") for rule_id in CITED},
                "generated": timezone.localtime(),
            },
        )


def notice_pdf(notice: ApproachNotice) -> bytes:
    from weasyprint import HTML

    return HTML(string=notice_html(notice)).write_pdf()
