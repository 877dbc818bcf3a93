"""The extraction's own rows, read-only: entity mentions and claim candidates, as the machine found them.

Curators' screens (claims, events, stories, discrepancies, entities) live in `tracker.curation`.
"""

from django.contrib import admin

from tracker.crossref.models import ClaimCandidate, Mention


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Mention)
class MentionAdmin(ReadOnlyAdmin):
    list_display = ["text", "label", "entity", "article", "start", "end"]
    list_filter = ["label", "entity__status"]
    search_fields = ["text", "entity__name", "article__title"]
    list_select_related = ["entity", "article"]
    raw_id_fields = ["article", "entity"]


@admin.register(ClaimCandidate)
class ClaimCandidateAdmin(ReadOnlyAdmin):
    list_display = ["speaker_display", "verb", "kind", "attribution", "short_text", "date", "article"]
    list_filter = ["kind", "attribution", "date_precision"]
    search_fields = ["text", "sentence", "speaker", "speaker_entity__name", "article__title"]
    list_select_related = ["speaker_entity", "article"]
    raw_id_fields = ["article", "speaker_entity"]

    @admin.display(description="speaker")
    def speaker_display(self, obj):
        return obj.speaker_entity.name if obj.speaker_entity else obj.speaker or "?"

    @admin.display(description="what was said")
    def short_text(self, obj):
        return obj.text[:120]
