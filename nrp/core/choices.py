"""Vocabularies shared across the project (TextChoices with Czech labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person does in the system; each assignment is scoped (see RoleAssignment)."""

    # Prospective applicant or applicant (zájemce / žadatel): scope is their own household.
    APPLICANT = "applicant", _("Žadatel")
    # Guide of prospective applicants (průvodce zájemců o NRP): scope is an accompanying organisation.
    GUIDE = "guide", _("Průvodce")
    # Child-protection worker (OSPOD) of a municipality with extended powers: scope is an ORP.
    OSPOD = "ospod", _("Pracovník OSPOD")
    # Regional officer (krajský úřad): scope is a region.
    OFFICER = "officer", _("Pracovník krajského úřadu")
    # Psychologist or other expert (odborné posouzení, §27): scope is a region; sees assigned applicants only.
    ASSESSOR = "assessor", _("Posuzovatel")
    # System administrator: users, roles, reference data; no case content without an audited reason.
    ADMIN = "admin", _("Správce systému")


class CareType(models.TextChoices):
    """Forms of substitute family care (formy náhradní rodinné péče)."""

    # Osvojení: only for a legally free child.
    ADOPTION = "ADOPTION", _("Osvojení")
    # Dlouhodobá pěstounská péče: the child keeps ties to the birth family.
    FOSTER = "FOSTER", _("Pěstounská péče")
    # Pěstounská péče na přechodnou dobu (PPPD, §27a): days to about a year; own register.
    FOSTER_TEMP = "FOSTER_TEMP", _("Pěstounská péče na přechodnou dobu")
    # Poručenství s osobní péčí: usually relatives, outside regional mediation.
    GUARDIAN = "GUARDIAN", _("Poručenství s osobní péčí")


MEDIATED_CARE_TYPES = (CareType.ADOPTION, CareType.FOSTER, CareType.FOSTER_TEMP)


class Sex(models.TextChoices):
    FEMALE = "F", _("žena")
    MALE = "M", _("muž")


class OrganisationKind(models.TextChoices):
    # Doprovázející organizace (NGO with a §48 authorisation).
    ACCOMPANYING = "accompanying", _("Doprovázející organizace")
    # The regional office itself employs guides (průvodce zájemců o NRP).
    REGIONAL_OFFICE = "regional_office", _("Krajský úřad")
