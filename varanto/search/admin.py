from django.contrib import admin

from .models import SearchIndex, ThesaurusEntry


@admin.register(ThesaurusEntry)
class ThesaurusEntryAdmin(admin.ModelAdmin):
    list_display = ["term", "expansions", "relation", "organization"]
    list_filter = ["organization", "relation"]
    search_fields = ["term", "expansions"]


@admin.register(SearchIndex)
class SearchIndexAdmin(admin.ModelAdmin):
    """Read-only: indexes are built by publishing (or `varanto search_index`), never edited."""

    list_display = ["organization", "publication", "analyzer", "document_count", "built_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
