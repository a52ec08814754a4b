"""Django admin for the working model: read-only, with simple-history's history views.

Officials and staff edit in the back office (/hallinta/), whose services keep versions,
review states and history straight; the admin is for superusers to look things up.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    DataResource,
    DataService,
    ImpactAssessment,
    InformationSystem,
    OpenDataset,
    Organization,
    Process,
    Section,
)


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def revert_disabled(self, request, obj=None):
        # Restoring goes through the back office, whose restore keeps versions and review states.
        return True


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "slug", "organization_type", "updated", "version"]
    search_fields = ["name"]


@admin.register(DataResource)
class DataResourceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "organization", "section", "review_status", "last_reviewed", "version"]
    list_filter = ["organization", "review_status", "disclosure_level", "api_availability"]
    search_fields = ["name", "key", "purpose"]
    list_select_related = ["organization", "section"]


@admin.register(InformationSystem)
class InformationSystemAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "organization", "vendor", "version"]
    list_filter = ["organization"]
    search_fields = ["name", "vendor"]


@admin.register(Section)
class SectionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "organization", "kind", "version"]
    list_filter = ["organization", "kind"]


@admin.register(Process)
class ProcessAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "organization", "function_class", "version"]
    list_filter = ["organization"]


@admin.register(OpenDataset)
class OpenDatasetAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "organization", "resource"]


@admin.register(DataService)
class DataServiceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "organization", "service_type"]


@admin.register(ImpactAssessment)
class ImpactAssessmentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "organization", "subject_kind", "subject_name", "created_at", "created_by"]
    list_filter = ["organization", "subject_kind"]
