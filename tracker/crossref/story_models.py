"""Stories: the articles that report one real-world event (`clustering` builds them), and what is left
of a story merged into another (its id answers with the heir: `StoryRedirect`)."""

from __future__ import annotations

from django.db import models


class Story(models.Model):
    """Articles that report the same real-world event, as `clustering` groups them; a curator may lock
    one (re-clustering then never moves an article into or out of it)."""

    title = models.CharField(max_length=500)
    representative = models.ForeignKey(
        "sources.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="represented_stories",
    )
    cases = models.ManyToManyField("cases.Case", blank=True, related_name="stories")
    first_seen_at = models.DateTimeField()
    last_changed_at = models.DateTimeField()
    features = models.JSONField(default=dict, blank=True, help_text="What new articles are compared against.")
    locked = models.BooleanField(
        default=False, help_text="Curated: re-clustering never moves an article into or out of this story."
    )

    class Meta:
        ordering = ["-first_seen_at"]
        verbose_name_plural = "stories"

    def __str__(self):
        return self.title


class StoryArticle(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="memberships")
    article = models.OneToOneField(
        "sources.Article", on_delete=models.CASCADE, related_name="story_membership"
    )
    similarity = models.FloatField(default=1.0)
    added_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.article_id} in story {self.story_id}"


class Redirect(models.Model):
    """An id merged away (never reused) and the row that took over from it: `heir` names the foreign key
    to that row. Chains are collapsed when written, so a lookup is one row and never loops."""

    heir = ""
    old_id = models.PositiveBigIntegerField(primary_key=True)
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.heir} {self.old_id} -> {getattr(self, self.heir + '_id')}"

    @classmethod
    def heir_of(cls, old_id: int) -> int | None:
        return cls.objects.filter(old_id=old_id).values_list(cls.heir + "_id", flat=True).first()


class StoryRedirect(Redirect):
    """A story merged away: its id now names the story that took its articles (a story merged into one
    that is merged again points at the last)."""

    heir = "story"
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="redirects")

    @classmethod
    def record(cls, old: Story, heir_id: int) -> None:
        """`old` is merged into `heir_id`: it and every id that pointed at it now point at the heir."""
        cls.objects.filter(story=old).update(story_id=heir_id)
        cls.objects.update_or_create(old_id=old.pk, defaults={"story_id": heir_id})
