"""The entity vocabulary for curators: entities with their aliases inline; promote candidates, merge two
entities, re-extract the articles that name one (`tracker.curation.vocabulary`)."""

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from tracker.cases.models import Alias, Entity
from tracker.curation import vocabulary
from tracker.curation.list_filters import MergedFilter


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ("text", "case_sensitive")


@admin.register(Entity)
class EntityAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "status", "alias_list", "mention_count", "merged_into")
    list_filter = ("status", MergedFilter, "kind", "cases")
    list_select_related = ("merged_into",)
    search_fields = ("name", "slug", "aliases__text")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (AliasInline,)
    readonly_fields = ("merged_into", "created_at", "updated_at")
    autocomplete_fields = ("represented_by",)
    actions = ("promote", "merge", "reextract")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("aliases")
            .annotate(mention_total=Count("mentions", distinct=True))
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        vocabulary.announce_speakers([form.instance.pk])  # a new name shows at once on the pages

    @admin.display(description="aliases")
    def alias_list(self, entity: Entity) -> str:
        return ", ".join(alias.text for alias in entity.aliases.all())

    @admin.display(description="mentions", ordering="mention_total")
    def mention_count(self, entity: Entity) -> int:
        return entity.mention_total

    @admin.action(description="Promote candidates to curated entities", permissions=["change"])
    def promote(self, request, queryset):
        promoted = vocabulary.promote_entities(entities=list(queryset), user=request.user)
        self.message_user(
            request,
            f"Promoted {len(promoted)} entit(ies); run “re-extract articles that mention it” so that "
            "their articles are recognised again.",
        )

    @admin.action(description="Merge two entities…", permissions=["change"])
    def merge(self, request, queryset):
        entities = list(queryset.order_by("pk"))
        if len(entities) != 2:
            self.message_user(request, "Select exactly two entities to merge.", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            kept = next((e for e in entities if str(e.pk) == request.POST.get("kept")), None)
            if kept is None:
                self.message_user(request, "Choose the entity to keep.", messages.ERROR)
                return None
            merged = next(e for e in entities if e.pk != kept.pk)
            try:
                result = vocabulary.merge_entities(kept=kept, merged=merged, user=request.user)
            except vocabulary.EntityCurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            self.message_user(
                request,
                f"Merged “{merged.name}” into “{kept.name}”: {result.mentions} mention(s), "
                f"{result.claims} claim(s) moved; aliases added: {', '.join(result.aliases) or 'none'}.",
            )
            return HttpResponseRedirect(reverse("admin:cases_entity_change", args=[kept.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge two entities",
            "opts": self.model._meta,
            "entities": entities,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "curation/merge_entities.html", context)

    @admin.action(description="Re-extract articles that mention it", permissions=["change"])
    def reextract(self, request, queryset):
        result = vocabulary.reextract_articles(entities=list(queryset))
        self.message_user(
            request,
            f"Queued for re-extraction: {len(result.article_ids)} article(s) ({result.batches} batch(es)).",
        )


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ("text", "entity", "case_sensitive")
    list_filter = ("case_sensitive", "entity__kind")
    list_select_related = ("entity",)
    search_fields = ("text", "entity__name")
    autocomplete_fields = ("entity",)
