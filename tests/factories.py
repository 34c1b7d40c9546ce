"""factory_boy factories over the real models (PostgreSQL in tests)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from nrp.core.choices import OrganisationKind, Role, Sex
from nrp.core.models import Household, HouseholdMember, Organisation, Orp, Region, RoleAssignment, User

PASSWORD = "test-heslo-bezpecne-2026"


def ensure_reference_data() -> None:
    """Transactional (browser) tests flush the tables after each test, migration data included."""
    if not Region.objects.exists():
        from nrp.core.reference import load_reference_data

        load_reference_data(Region, Orp)


def region(code: int) -> Region:
    ensure_reference_data()
    return Region.objects.get(code=code)


def orp(name: str) -> Orp:
    ensure_reference_data()
    return Orp.objects.get(name=name)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@test.nrp.example")
    first_name = factory.Iterator(["Jana", "Petr", "Eva", "Tomáš"])
    last_name = factory.Iterator(["Nováková", "Svoboda", "Dvořáková", "Černý"])
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save(update_fields=["password"])


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Doprovázení {n}, z. s.")
    kind = OrganisationKind.ACCOMPANYING
    region = factory.LazyFunction(lambda: region(116))


def user_with_role(role: str, *, email: str | None = None, **scope) -> User:
    user = UserFactory(**({"email": email} if email else {}))
    RoleAssignment.objects.create(user=user, role=role, **scope)
    return user


class HouseholdFactory(DjangoModelFactory):
    class Meta:
        model = Household

    residence_orp = factory.LazyFunction(lambda: orp("Brno"))


def household_with_members(*, residence: str = "Brno", guide=None, organisation=None, couple=True) -> Household:
    household = HouseholdFactory(residence_orp=orp(residence), guide=guide, organisation=organisation)
    people = [("Jana", "Malá", Sex.FEMALE)] + ([("Petr", "Malý", Sex.MALE)] if couple else [])
    for first, last, sex in people:
        user = user_with_role(Role.APPLICANT)
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
        HouseholdMember.objects.create(household=household, user=user, first_name=first, last_name=last, sex=sex)
    return household
