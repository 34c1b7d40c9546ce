"""The yearly figures as a PDF (WeasyPrint, as the case conference pack: DejaVu Sans for Czech glyphs)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone


def yearly_pdf(*, view, year: str, table) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "stats/yearly_pdf.html",
        {"view": view, "year": year, "table": table, "generated": timezone.localtime()},
    )
    return HTML(string=html).write_pdf()
