"""The officers' page of the legal basis: every rule with its citation and confidence, for a region's lawyer."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from nrp import law
from nrp.core.access import Action, Resource, requires

# Order of the sections on the page: the act, then the rules as they are listed in nrp/law.
SECTIONS = [law.ACTS["359/1999"], law.ACTS["500/2004"], law.ACTS["89/2012"]]


@requires(Action.READ, Resource.LEGAL_BASIS)
def legal_basis(request):
    """/pravni-zaklad/: the rules by act; T, S and U rules are marked for confirmation."""
    sections = []
    for act in SECTIONS:
        rows = [
            {
                "rule": rule,
                "citation": law.cite(rule.id),
                "formerly": ", ".join(f"§ {n.strip()}" for n in rule.formerly.split(",") if n.strip()),
            }
            for rule in law.RULES.values()
            if rule.act == act
        ]
        sections.append({"act": act, "rows": rows})
    counts = {c: sum(1 for r in law.RULES.values() if r.confidence == c) for c in law.Confidence}
    return render(
        request,
        "law/legal_basis.html",
        {
            "title": _("Právní základ"),
            "sections": sections,
            "confidences": [{"code": c.value, "label": c.label, "count": counts[c]} for c in law.Confidence],
        },
    )
