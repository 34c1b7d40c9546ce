"""The demo seed step fills every region with journeys in every stage and approved families; idempotent."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import call_command

from nrp.core.models import Household
from workflows.applicant_journey.models import AcceptanceProfile, ApplicantJourney, ApplicantRegisterEntry

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_living_regions_and_is_idempotent():
    call_command("seed_demo", "--size", "small")
    journeys = ApplicantJourney.objects.count()
    entries = ApplicantRegisterEntry.objects.count()
    call_command("seed_demo", "--size", "small")
    assert ApplicantJourney.objects.count() == journeys
    assert ApplicantRegisterEntry.objects.count() == entries
    # The demo's own families (the statistics step adds a synthetic history of households with no contact data).
    own = {"household__in": Household.objects.filter(members__email__endswith="@demo.nrp.example")}
    # In the register: active, or paused (since 2025 a family that takes a child stays in the register, paused).
    in_register = ApplicantRegisterEntry.objects.filter(status__in=["active", "paused"], **own)
    by_region = Counter(in_register.values_list("region__code", flat=True))
    households = Counter(ApplicantJourney.objects.filter(**own).values_list("region__code", flat=True))
    for code, total in households.items():
        assert by_region[code] >= total // 4, code  # a good share approved and active in each region
    assert ApplicantRegisterEntry.objects.filter(status="paused").exists() or entries >= 1
    stages = set(ApplicantJourney.objects.values_list("stage", flat=True))
    assert len(stages) >= 6
    profiles = AcceptanceProfile.objects.all()
    assert len({(p.age_min, p.age_max) for p in profiles}) > 2  # varied profiles
    assert all(p.sexes for p in profiles)
    demo = ApplicantJourney.objects.get(household__members__email="zadatel@demo.nrp.example")
    assert demo.stage == "preparation"
    # COMPLETENESS_GATE: every journey past the completeness check has its checklist and §23a data complete.
    from workflows.applicant_journey.models import ApplicationForwarding, FileHandover, Message
    from workflows.applicant_journey.services.application import outstanding_items

    assert outstanding_items(demo) == []
    assert FileHandover.objects.filter(journey=demo).exists()
    # FORWARD_TO_COMPETENT: an application forwarded to the ORP of residence, with the notice to the family.
    forwarding = ApplicationForwarding.objects.select_related("journey__household").first()
    assert forwarding is not None and forwarding.journey.household.residence_orp_id == forwarding.to_orp_id
    assert Message.objects.filter(journey=forwarding.journey, body__contains="postoupena").exists()
