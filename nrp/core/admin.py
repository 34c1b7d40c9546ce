from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from nrp.core.models import Household, HouseholdMember, Organisation, Orp, Region, RoleAssignment, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "nuts3"]


@admin.register(Orp)
class OrpAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region"]
    list_filter = ["kind", "region"]


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["orp"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [RoleAssignmentInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Osobní údaje"), {"fields": ("first_name", "last_name", "phone")}),
        (_("Oprávnění"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Data"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class HouseholdMemberInline(admin.TabularInline):
    model = HouseholdMember
    extra = 0
    # Names only: administrators manage accounts, not case content.
    fields = ["first_name", "last_name", "user"]
    raw_id_fields = ["user"]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["pk", "residence_orp", "guide", "organisation"]
    list_filter = ["residence_orp__region"]
    inlines = [HouseholdMemberInline]
    raw_id_fields = ["guide"]
