"""What curation itself records: curators' verdicts on samples of published machine claims."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ClaimCheck(models.Model):
    """A curator's verdict on one published machine claim: right when the words were said by that
    speaker, as the public page shows them. The tier and rule are those at check time, so the measured
    precision per tier stays true after the claim is re-rated, curated or deleted from the queue.

    One verdict per claim, curator and day (`checked_on`, the UTC day of `checked_at`): marking the
    same claim again that day replaces the verdict rather than counting twice."""

    claim = models.ForeignKey("crossref.Claim", on_delete=models.CASCADE, related_name="checks")
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,  # the measurement outlives the account
        related_name="claim_checks",
    )
    right = models.BooleanField(help_text="The words were said by that speaker, as shown.")
    tier = models.PositiveSmallIntegerField(help_text="The claim's confidence tier when it was checked.")
    rule = models.CharField(max_length=40, blank=True, help_text="The confidence rule of its best evidence.")
    checked_at = models.DateTimeField(default=timezone.now, db_index=True)
    checked_on = models.DateField(help_text="The UTC day of checked_at: one verdict a day per curator.")

    class Meta:
        ordering = ["-checked_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "checked_by", "checked_on"], name="claimcheck_once_a_day"
            )
        ]

    def __str__(self):
        return f"claim {self.claim_id}: {'right' if self.right else 'wrong'} (tier {self.tier})"
