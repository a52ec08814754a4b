from django.contrib import admin

from .models import Referral, SearchIndex, ThesaurusEntry


@admin.register(ThesaurusEntry)
class ThesaurusEntryAdmin(admin.ModelAdmin):
    list_display = ["term", "expansions", "relation", "organization"]
    list_filter = ["organization", "relation"]
    search_fields = ["term", "expansions"]


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    """Ohjaukset: each organisation's matters other authorities hold (`varanto referrals` copies the defaults in)."""

    list_display = ["matter", "authority_fi", "url", "organization"]
    list_filter = ["organization"]
    search_fields = ["matter", "authority_fi", "keywords_fi", "keywords_sv", "keywords_en"]
    fieldsets = [
        (None, {"fields": ["organization", "matter", "url"]}),
        ("suomi", {"fields": ["authority_fi", "keywords_fi", "how_to_ask_fi"]}),
        ("svenska", {"fields": ["authority_sv", "keywords_sv", "how_to_ask_sv"]}),
        ("English", {"fields": ["authority_en", "keywords_en", "how_to_ask_en"]}),
    ]


@admin.register(SearchIndex)
class SearchIndexAdmin(admin.ModelAdmin):
    """Read-only: indexes are built by publishing (or `varanto search_index`), never edited."""

    list_display = ["organization", "publication", "analyzer", "document_count", "built_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
