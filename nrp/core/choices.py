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
    # Ministry of Labour and Social Affairs (MPSV): national scope, no region; aggregate statistics only.
    MINISTRY = "ministry", _("pracovník MPSV")


class CareType(models.TextChoices):
    """Forms of substitute family care (formy náhradní rodinné péče)."""

    # Osvojení: only for a legally free child.
    ADOPTION = "ADOPTION", _("Osvojení")
    # Dlouhodobá pěstounská péče: the child keeps ties to the birth family.
    FOSTER = "FOSTER", _("Pěstounská péče")
    # Pěstounská péče na přechodnou dobu (PPPD): days to about a year; own register (its 2025 provision: U).
    FOSTER_TEMP = "FOSTER_TEMP", _("Pěstounská péče na přechodnou dobu")
    # Poručenství s osobní péčí: usually relatives, outside regional mediation.
    GUARDIAN = "GUARDIAN", _("Poručenství s osobní péčí")


MEDIATED_CARE_TYPES = (CareType.ADOPTION, CareType.FOSTER, CareType.FOSTER_TEMP)


class Sex(models.TextChoices):
    FEMALE = "F", _("žena")
    MALE = "M", _("muž")


class OrganisationKind(models.TextChoices):
    # Doprovázející organizace (NGO with a §48 authorisation, ACCOMPANYING_ORGANISATION).
    ACCOMPANYING = "accompanying", _("Doprovázející organizace")
    # The regional office itself employs guides (průvodce zájemců o NRP).
    REGIONAL_OFFICE = "regional_office", _("Krajský úřad")


class LegalStatus(models.TextChoices):
    """A child's legal status for mediation."""

    # Právně volné dítě: parental consent given or not needed (LEGALLY_FREE, civil code §818–§821); adoption possible.
    FREE = "free", _("právně volné")
    # Právně nevolné: only foster care (long-term or short-term) can be mediated.
    NOT_FREE = "not_free", _("právně nevolné")


class HealthNeed(models.TextChoices):
    """Health and development needs recorded for a child and accepted (or known) by a family."""

    # Tělesné postižení (mobility, physical impairment).
    PHYSICAL_DISABILITY = "physical", _("tělesné postižení")
    # Mentální postižení.
    INTELLECTUAL_DISABILITY = "intellectual", _("mentální postižení")
    # Smyslové postižení (hearing, sight).
    SENSORY_DISABILITY = "sensory", _("smyslové postižení")
    # Chronické onemocnění (diabetes, epilepsy, heart condition …).
    CHRONIC_ILLNESS = "chronic", _("chronické onemocnění")
    # Opožděný vývoj (psychomotor or speech delay).
    DEVELOPMENTAL_DELAY = "delay", _("opožděný vývoj")
    # Poruchy chování (behavioural difficulties, attachment disorder).
    BEHAVIOURAL = "behavioural", _("poruchy chování")
    # Fetální alkoholový syndrom / prenatal exposure to alcohol or drugs.
    PRENATAL_EXPOSURE = "prenatal", _("prenatální expozice alkoholu či drogám")
    # Infectious disease needing long-term care (hepatitis B/C, HIV).
    INFECTIOUS = "infectious", _("infekční onemocnění (hepatitida, HIV)")


class Ethnicity(models.TextChoices):
    """Ethnicity of a child, recorded only where the file states it."""

    # Majoritní společnost.
    MAJORITY = "majority", _("majoritní")
    # Romské etnikum (the group that waits longest in practice).
    ROMA = "roma", _("romské")
    # Jiné (another minority or mixed).
    OTHER = "other", _("jiné")


class ContactLevel(models.TextChoices):
    """Contact with the birth family (styk s biologickou rodinou), from least to most."""

    # Bez kontaktu.
    NONE = "none", _("bez kontaktu")
    # Asistovaný (supervised) kontakt.
    SUPERVISED = "supervised", _("asistovaný kontakt")
    # Pravidelný kontakt.
    REGULAR = "regular", _("pravidelný kontakt")


CONTACT_ORDER = [ContactLevel.NONE, ContactLevel.SUPERVISED, ContactLevel.REGULAR]


class HouseholdPosition(models.TextChoices):
    """What the child's file asks about other children in the family (matching weighs children already in a
    household only when it asks; the values mirror ``matching.types.vocabulary.HOUSEHOLD_POSITIONS``)."""

    ANY = "", _("bez požadavku")
    ONLY = "only", _("jediné dítě v rodině")
    YOUNGEST = "youngest", _("nejmladší dítě v rodině")
