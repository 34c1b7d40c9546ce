"""Administration of the journey's configuration (not case content): regional deadlines, course sessions, the
region's shorter course for repeat applicants (REPEAT_COURSE_HOURS)."""

from django.contrib import admin

from workflows.applicant_journey.models import CourseSession, RegionCourseSetting, RegionDeadlineConfig


@admin.register(RegionDeadlineConfig)
class RegionDeadlineConfigAdmin(admin.ModelAdmin):
    list_display = ["region", "rule", "days"]
    list_filter = ["region"]


@admin.register(CourseSession)
class CourseSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "starts_at", "hours", "place"]
    list_filter = ["region"]
    date_hierarchy = "starts_at"


@admin.register(RegionCourseSetting)
class RegionCourseSettingAdmin(admin.ModelAdmin):
    list_display = ["region", "repeat_course_hours"]
