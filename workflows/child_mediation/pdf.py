"""The case conference pack (podklady pro případovou konferenci) as a PDF, rendered with WeasyPrint.

Czech text needs a font with Czech glyphs: the stylesheet asks for DejaVu Sans (Debian's fonts-dejavu-core,
present wherever WeasyPrint's system libraries are), and WeasyPrint embeds the subset it uses in the PDF.
Only the anonymised child profile goes in: the pack is printed and handed round the table.

Rendering the PDF costs ~250 ms, so the pack is cached per version of the conference's content: the version is
a hash of the pack's HTML without its "created" time, so anything the pack shows (the shortlist, participants,
the child's profile, the wishes, ages and days waiting as the date moves) makes a new version and the next
download renders it again; the same content is served from the cache (Redis when ``REDIS_URL`` is set).
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from workflows.child_mediation import selectors
from workflows.child_mediation.models import CaseConference
from workflows.child_mediation.pack_profiles import shortlist_profiles

AGENDA = [
    "Úvod a představení účastníků",
    "Anonymizovaný profil dítěte a jeho potřeby",
    "Hlas dítěte: jeho přání a jak bylo vyslechnuto",
    "Užší výběr rodin: skóre a důvody",
    "Diskuse a volba pořadí rodin k oslovení",
    "Zdůvodnění a závěry do zápisu",
]


# Empty rows of the attendance sheet for participants who come without an invitation.
SIGNATURE_SHEET_BLANK_ROWS = 3
# A week: a conference is held within days of its preparation; an old version simply expires.
PACK_CACHE_SECONDS = 7 * 24 * 3600


def conference_pack_html(conference: CaseConference, *, generated: datetime | None = None) -> str:
    case = conference.case
    shortlist = [
        # Families appear by register number and region only: the pack leaves the office.
        {"rank": row["rank"], "entry_id": row["entry_id"], "score": row["score"], "reasons": row["reasons"]}
        for row in conference.shortlist
    ]
    with translation.override("cs"):
        profile = selectors.anonymised_profile(case)
        return render_to_string(
            "child_mediation/pdf/conference_pack.html",
            {
                "conference": conference,
                "case": case,
                "profile": profile,
                "shortlist": shortlist,
                "families": shortlist_profiles(shortlist, profile),
                "participants": list(conference.participants.all()),
                "agenda": AGENDA,
                "blank_rows": range(SIGNATURE_SHEET_BLANK_ROWS),
                "generated": generated,
            },
        )


def conference_pack_pdf(conference: CaseConference) -> bytes:
    """Render the pack now (no cache)."""
    from weasyprint import HTML

    return HTML(string=conference_pack_html(conference, generated=timezone.localtime())).write_pdf()


def conference_pack_version(conference: CaseConference) -> str:
    """A hash of everything the pack shows except the time it was made: equal versions, equal packs."""
    return hashlib.sha256(conference_pack_html(conference).encode()).hexdigest()[:32]


def cached_conference_pack_pdf(conference: CaseConference) -> tuple[bytes, str]:
    """The pack of the conference's current version: rendered once per version, then read from the cache."""
    version = conference_pack_version(conference)
    key = f"child_mediation:conference-pack:{conference.pk}:{version}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = conference_pack_pdf(conference)
        cache.set(key, pdf, PACK_CACHE_SECONDS)
    return pdf, version
