"""Shared models: reference places, organisations, people and their scoped roles, applicant households."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nrp.core.choices import OrganisationKind, Role, Sex


class Region(models.Model):  # type: ignore[django-manager-missing]  # journeys: a QuerySet-made manager
    """Region (kraj); its regional office (krajský úřad) runs NRP mediation."""

    code = models.PositiveIntegerField(_("kód VÚSC"), unique=True)
    name = models.CharField(_("název"), max_length=100, unique=True)
    nuts3 = models.CharField(_("NUTS 3"), max_length=5, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kraj")
        verbose_name_plural = _("kraje")

    def __str__(self) -> str:
        return self.name


class Orp(models.Model):
    """Municipality with extended powers (obec s rozšířenou působností, ORP) and its OSPOD."""

    code = models.CharField(_("kód ČSÚ"), max_length=4, unique=True)
    name = models.CharField(_("název"), max_length=100, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="orps", verbose_name=_("kraj"))
    lat = models.DecimalField(_("zeměpisná šířka"), max_digits=7, decimal_places=5)
    lon = models.DecimalField(_("zeměpisná délka"), max_digits=7, decimal_places=5)
    ruian_code = models.PositiveIntegerField(_("kód RÚIAN"), unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ORP")
        verbose_name_plural = _("ORP")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """An accompanying organisation (doprovázející organizace) or a regional office employing guides."""

    name = models.CharField(_("název"), max_length=200)
    kind = models.CharField(_("druh"), max_length=20, choices=OrganisationKind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("kraj"))
    ico = models.CharField(_("IČO"), max_length=8, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organizace")
        verbose_name_plural = _("organizace")
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="organisation_unique_name_region")]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("E-mail je povinný.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with their e-mail address."""

    email = models.EmailField(_("e-mail"), unique=True)
    first_name = models.CharField(_("jméno"), max_length=100, blank=True)
    last_name = models.CharField(_("příjmení"), max_length=100, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    is_staff = models.BooleanField(_("přístup do správy"), default=False)
    is_active = models.BooleanField(_("aktivní"), default=True)
    date_joined = models.DateTimeField(_("registrován"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("uživatel")
        verbose_name_plural = _("uživatelé")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email

    # Role helpers: the assignments are cached per instance (one query per request).
    @property
    def active_roles(self) -> list[RoleAssignment]:
        cache = getattr(self, "_role_cache", None)
        if cache is None:
            cache = list(self.role_assignments.filter(active=True).select_related("region", "orp", "organisation"))
            self._role_cache = cache
        return cache

    def has_role(self, role: str) -> bool:
        return any(a.role == role for a in self.active_roles)

    @property
    def role_codes(self) -> set[str]:
        return {a.role for a in self.active_roles}

    def region_ids(self, role: str) -> set[int]:
        """Regions in which this user acts in ``role`` (an ORP or organisation implies its region)."""
        ids: set[int] = set()
        for a in self.active_roles:
            if a.role == role:
                region_id = (
                    a.region_id
                    or (a.orp.region_id if a.orp else None)
                    or (a.organisation.region_id if a.organisation else None)
                )
                if region_id:
                    ids.add(region_id)
        return ids

    def orp_ids(self, role: str = Role.OSPOD) -> set[int]:
        return {a.orp_id for a in self.active_roles if a.role == role and a.orp_id}

    def organisation_ids(self, role: str = Role.GUIDE) -> set[int]:
        return {a.organisation_id for a in self.active_roles if a.role == role and a.organisation_id}

    @property
    def is_staff_role(self) -> bool:
        """Staff roles handle other people's data and must use a second factor."""
        return bool(self.role_codes - {Role.APPLICANT}) or self.is_superuser


# Which scope each role needs: exactly these fields are set on its assignment.
ROLE_SCOPE = {
    Role.APPLICANT: set(),
    Role.GUIDE: {"organisation"},
    Role.OSPOD: {"orp"},
    Role.OFFICER: {"region"},
    Role.ASSESSOR: {"region"},
    Role.ADMIN: set(),
    # National scope: a ministry worker reads every region's statistics, so no region is set.
    Role.MINISTRY: set(),
}
SCOPE_FIELDS = ("region", "orp", "organisation")


class RoleAssignment(models.Model):
    """A role a user holds, with the scope in which they may act (a region, an ORP or an organisation)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("kraj"))
    orp = models.ForeignKey(Orp, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("ORP"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("organizace")
    )
    active = models.BooleanField(_("platná"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("přidělená role")
        verbose_name_plural = _("přidělené role")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "region", "orp", "organisation"],
                name="roleassignment_unique",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        scope = self.region or self.orp or self.organisation
        return f"{self.get_role_display()} ({scope})" if scope else self.get_role_display()

    def clean(self) -> None:
        needed = ROLE_SCOPE[Role(self.role)]
        errors = {}
        for field in SCOPE_FIELDS:
            has = getattr(self, f"{field}_id") is not None
            if field in needed and not has:
                errors[field] = _("Role „%(role)s“ musí mít vyplněný rozsah.") % {"role": self.get_role_display()}
            if field not in needed and has:
                errors[field] = _("Role „%(role)s“ tento rozsah nepoužívá.") % {"role": self.get_role_display()}
        if errors:
            raise ValidationError(errors)


class Household(models.Model):  # type: ignore[django-manager-missing]  # journeys: a QuerySet-made manager
    """The applicant unit (žadatel or žadatelé): one person or a couple sharing one case."""

    residence_orp = models.ForeignKey(
        Orp, on_delete=models.PROTECT, related_name="households", verbose_name=_("ORP trvalého pobytu")
    )
    guide = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guided_households",
        verbose_name=_("průvodce"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="households",
        verbose_name=_("doprovázející organizace"),
    )
    created_at = models.DateTimeField(_("založeno"), default=timezone.now)

    class Meta:
        verbose_name = _("domácnost žadatelů")
        verbose_name_plural = _("domácnosti žadatelů")
        indexes = [
            # guide caseload: households of one guide
            models.Index(fields=["guide"], name="household_guide_idx"),
        ]

    def __str__(self) -> str:
        names = [m.full_name for m in self.members.all()]
        return " a ".join(names) or f"#{self.pk}"

    @property
    def region_id(self) -> int:
        return self.residence_orp.region_id


class HouseholdMember(models.Model):
    """One applicant of a household; a partner may exist before they have an account (invited)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    user = models.OneToOneField(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="household_membership"
    )
    first_name = models.CharField(_("jméno"), max_length=100)
    last_name = models.CharField(_("příjmení"), max_length=100)
    date_of_birth = models.DateField(_("datum narození"), null=True, blank=True)
    sex = models.CharField(_("pohlaví"), max_length=1, choices=Sex.choices, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("žadatel")
        verbose_name_plural = _("žadatelé")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"
