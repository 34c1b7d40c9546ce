"""Task screens, lists, caseload and the applicant portal (our own templates; the process runs in viewflow)."""

from __future__ import annotations

from django.views.generic import View


class StepView(View):
    """Placeholder resolved by the flow; the real task screen is ``task_execute``."""
