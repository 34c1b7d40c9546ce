from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from nrp.core import duties
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


class OwnRoleAssignmentInline(RoleAssignmentInline):
    """One's own roles are shown, never edited (nrp/core/duties.py: nobody grants roles to themselves)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    """Roles are given on the person's page; here a second administrator confirms pending case roles."""

    list_display = ["user", "role", "region", "orp", "organisation", "active", "created_at"]
    list_filter = ["active", "role"]
    actions = ["confirm_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    @admin.action(description=_("Potvrdit přidělení vybraných rolí (druhý správce)"))
    def confirm_selected(self, request, queryset):
        confirmed = 0
        for assignment in queryset.filter(active=False, role__in=duties.CASE_ROLES).select_related("user"):
            try:
                duties.role_grant_confirm(assignment=assignment, actor=request.user, request=request)
            except PermissionDenied as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                confirmed += 1
        if confirmed:
            self.message_user(request, _("Potvrzeno rolí: %(n)s") % {"n": confirmed}, messages.SUCCESS)


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

    def is_own(self, request, obj) -> bool:
        return obj is not None and obj.pk == request.user.pk

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.is_own(request, obj):
            readonly += ["is_staff", "is_superuser", "groups", "is_active"]
        return readonly

    def get_inlines(self, request, obj):
        return [OwnRoleAssignmentInline] if self.is_own(request, obj) else [RoleAssignmentInline]

    def save_model(self, request, obj, form, change):
        if change and self.is_own(request, obj):
            privileged = {"is_staff", "is_superuser", "groups", "is_active"}
            if privileged & set(form.changed_data):
                raise PermissionDenied(duties.SELF_GRANT_REFUSED)
        super().save_model(request, obj, form, change)
        if change and {"is_staff", "is_superuser"} & set(form.changed_data) and (obj.is_staff or obj.is_superuser):
            duties.notify_admin_flags(user=obj, actor=request.user, request=request)

    def save_formset(self, request, form, formset, change):
        if formset.model is not RoleAssignment:
            return super().save_formset(request, form, formset, change)
        if self.is_own(request, form.instance) and formset.has_changed():
            raise PermissionDenied(duties.SELF_GRANT_REFUSED)
        instances = formset.save(commit=False)
        for gone in formset.deleted_objects:
            gone.delete()
        for assignment in instances:
            is_new = assignment.pk is None
            was_active = not is_new and RoleAssignment.objects.filter(pk=assignment.pk, active=True).exists()
            if assignment.role in duties.CASE_ROLES and assignment.active and not was_active:
                assignment.active = False  # waits for a second administrator
                assignment.save()
                duties.role_grant_request(assignment=assignment, actor=request.user, request=request)
                self.message_user(
                    request, duties.ROLE_PENDING % {"role": assignment.get_role_display()}, messages.WARNING
                )
            else:
                assignment.save()
                if assignment.role in duties.STAFF_ROLES and assignment.active and not was_active:
                    duties.notify_role_granted(assignment=assignment, actor=request.user, request=request)
        formset.save_m2m()


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
