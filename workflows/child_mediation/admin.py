"""Administration: only the per-region mediation settings. Children's files are not in the admin (no case
content for administrators without an audited reason); they are kept through the register screens."""

from django.contrib import admin

from workflows.child_mediation.models import RegionMediationSettings


@admin.register(RegionMediationSettings)
class RegionMediationSettingsAdmin(admin.ModelAdmin):
    list_display = ("region", "escalation_days")
    ordering = ("region__code",)
