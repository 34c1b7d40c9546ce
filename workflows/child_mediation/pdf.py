"""The case conference pack (podklady pro případovou konferenci) as a PDF, rendered with WeasyPrint.

Czech text needs a font with Czech glyphs: the stylesheet asks for DejaVu Sans (Debian's fonts-dejavu-core,
present wherever WeasyPrint's system libraries are), and WeasyPrint embeds the subset it uses in the PDF.
Only the anonymised child profile goes in: the pack is printed and handed round the table.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from workflows.child_mediation import selectors
from workflows.child_mediation.models import CaseConference

AGENDA = [
    "Úvod a představení účastníků",
    "Anonymizovaný profil dítěte a jeho potřeby",
    "Hlas dítěte: jeho přání a jak bylo vyslechnuto",
    "Užší výběr rodin: skóre a důvody",
    "Diskuse a volba pořadí rodin k oslovení",
    "Zdůvodnění a závěry do zápisu",
]


def conference_pack_html(conference: CaseConference) -> str:
    case = conference.case
    shortlist = [
        # Families appear by register number and region only: the pack leaves the office.
        {"rank": row["rank"], "entry_id": row["entry_id"], "score": row["score"], "reasons": row["reasons"]}
        for row in conference.shortlist
    ]
    with translation.override("cs"):
        return render_to_string(
            "child_mediation/pdf/conference_pack.html",
            {
                "conference": conference,
                "case": case,
                "profile": selectors.anonymised_profile(case),
                "shortlist": shortlist,
                "participants": list(conference.participants.all()),
                "agenda": AGENDA,
                "generated": timezone.localtime(),
            },
        )


def conference_pack_pdf(conference: CaseConference) -> bytes:
    from weasyprint import HTML

    return HTML(string=conference_pack_html(conference)).write_pdf()
