"""Django admin for roles and the audit log: read-only (roles are given in the back office, which audits it)."""

from django.contrib import admin

from .models import AuditEvent, Membership


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["organization", "role"]
    search_fields = ["user__username"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "kind", "username", "organization", "ip_address"]
    list_filter = ["kind", "organization"]
    search_fields = ["username"]
    date_hierarchy = "occurred_at"
