"""Administrators see API tokens (never their secrets: only the prefix) and can revoke them, e.g. on a leak."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from nrp.api.models import ApiToken
from nrp.api.services import api_token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__email", "name", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at"]
    exclude = ["key_hash"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # tokens are created by their owners at /api/v1/tokens/

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Zneplatnit vybrané tokeny"))
    def revoke(self, request, queryset):
        for token in queryset:
            api_token_revoke(token=token)
        self.message_user(request, _("Tokeny byly zneplatněny."), messages.SUCCESS)
