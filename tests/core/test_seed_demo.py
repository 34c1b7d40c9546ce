"""The demo command creates every role in at least two regions and is idempotent."""

import pytest
from django.core.management import call_command

from nrp.core.choices import Role
from nrp.core.demo import DEMO_PASSWORD
from nrp.core.models import Household, HouseholdMember, RoleAssignment, User

pytestmark = pytest.mark.django_db


def counts():
    return (
        User.objects.count(),
        Household.objects.count(),
        HouseholdMember.objects.count(),
        RoleAssignment.objects.count(),
    )


def test_seed_demo_is_idempotent_and_covers_every_role_in_two_regions(capsys):
    call_command("seed_demo", "--size", "small")
    first = counts()
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "kraj.jmk@demo.nrp.example" in out
    call_command("seed_demo", "--size", "small")
    assert counts() == first
    for role in Role.values:
        assert RoleAssignment.objects.filter(role=role).exists(), role
    for role in (Role.OFFICER, Role.OSPOD, Role.GUIDE, Role.ASSESSOR):
        regions = {u.pk: u.region_ids(role) for u in User.objects.filter(role_assignments__role=role)}
        assert len(set().union(*regions.values())) >= 2, role
    user = User.objects.get(email="zadatel@demo.nrp.example")
    assert user.check_password(DEMO_PASSWORD)
    assert all(
        "ého kraje" in o or "–" in o
        for o in RoleAssignment.objects.filter(role=Role.GUIDE).values_list("organisation__name", flat=True)
    )
