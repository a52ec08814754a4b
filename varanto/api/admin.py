"""Administrators manage integration tokens in Django's admin; the secret is shown once, when made."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .models import IntegrationToken
from .permissions import token_users
from .services import integration_token_create, integration_token_revoke


@admin.register(IntegrationToken)
class IntegrationTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "organization", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at", "organization")
    search_fields = ("name", "user__username", "prefix")
    fields = ("name", "user")
    actions = ["revoke"]

    def has_change_permission(self, request, obj=None):
        # A token is made or revoked, never edited: who it acts as must not change under it.
        return obj is None and super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = token_users(request.user)  # only whom the service lets this person choose
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        token, secret = integration_token_create(name=obj.name, user=obj.user, acting_user=request.user)
        obj.pk = token.pk
        messages.warning(
            request,
            _("The token for %(name)s is: %(secret)s  – copy it now, it is not shown again.")
            % {"name": token.name, "secret": secret},
        )

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset:
            integration_token_revoke(token=token, acting_user=request.user)
