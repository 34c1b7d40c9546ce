"""Demo seed: the legal steps on file for the demo children, so that the officers' demo walk can rank and approach.

For each child: the view (the case's wishes in the child's words, heard as the proposal says; an infant gets the
officer's waiver instead), the expert assessment where the rules ask for it, the consent of a child of 12+ sought
for adoption, and for a child led as legally free a final court decision as evidence. Synthetic, like all demo data.
"""

from __future__ import annotations

from datetime import date, timedelta

from nrp.core.choices import LegalStatus
from workflows.child_mediation.legal import citations
from workflows.child_mediation.models import ChildCase
from workflows.child_mediation.services import child_records, readiness


def seed_legal_records(*, case: ChildCase, officer, today: date) -> None:
    if officer is None:
        return
    for child in case.children.all():
        age = child.age_on(today)
        if age < citations.WAIVER_UNDER_AGE and not case.wishes:
            child_records.readiness_waiver_record(
                child=child, actor=officer, reason="Malé dítě: názor nelze zjistit; pozorováno v péči pěstounky."
            )
        else:
            child_records.child_view_record(
                child=child,
                actor=officer,
                heard_on=today - timedelta(days=20),
                heard_by="pracovnice OSPOD dítěte",
                method="interview" if case.wishes else "observation",
                words=case.wishes or "Pozorováno: dítě se těší na návštěvy, bojí se hlasitých zvuků.",
                circumstances=case.wishes_how_heard,
            )
            if readiness.assessment_reasons(child, today=today):
                child_records.child_assessment_record(
                    child=child,
                    actor=officer,
                    kind="psychological",
                    assessed_on=today - timedelta(days=15),
                    assessor="psycholog krajského úřadu (demo)",
                    conclusions="Dítě potřebuje trpělivou rodinu a postupné seznamování.",
                )
        if readiness.consent_needed(child, case, today=today):
            child_records.adoption_consent_record(
                child=child, actor=officer, decision="given", given_on=today - timedelta(days=10), how="Před soudem."
            )
        if child.legal_status == LegalStatus.FREE:
            child_records.legal_evidence_record(
                child=child,
                actor=officer,
                kind="court",
                parent="both",
                act_date=today - timedelta(days=90),
                final_on=today - timedelta(days=60),
                document="Rozsudek (demo)",
            )
