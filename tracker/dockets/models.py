"""The court's own record: entries of a tracked case's docket, read from CM/ECF or CourtListener feeds."""

from django.db import models

from tracker.cases.models import Case


class DocketEntryQuerySet(models.QuerySet):
    def for_case(self, case):
        return self.filter(case=case)

    def visible(self, cases=None):
        """Entries readers may see: not hidden one by one (`hidden`), and of no kind their case hides
        (Case.hidden_docket_kinds, read here, when the entries are read, so a change of the list
        shows at once with nothing to refresh). One query for the cases' lists, none when the caller
        passes every case already loaded (`cases`)."""
        lists = (
            Case.objects.values_list("pk", "hidden_docket_kinds")
            if cases is None
            else [(case.pk, case.hidden_docket_kinds) for case in cases]
        )
        hidden_kinds = models.Q()
        for case_id, kinds in lists:
            if kinds:
                hidden_kinds |= models.Q(case_id=case_id, kind__in=kinds)
        visible = self.exclude(hidden=True)
        return visible.exclude(hidden_kinds) if hidden_kinds else visible

    def substantive(self):
        """Visible entries without the procedural filings (certificates of service, pro hac vice,
        notices of appearance): what the Atom feeds, digests and alerts tell a follower of the case.
        The case page shows those filings only when the reader asks; search and the API keep them."""
        return self.visible().exclude(kind__in=self.model.PROCEDURAL)


class DocketEntry(models.Model):
    """One entry of a tracked case's docket. `entered_at` is when the court entered it (the feed's
    date); `filed_on` is when it was filed, kept apart because feeds often lack it."""

    class Kind(models.TextChoices):
        ORDER = "order", "order"
        MOTION = "motion", "motion"
        MINUTES = "minutes", "minutes of a hearing"
        VERDICT = "verdict", "verdict form"
        JUDGMENT = "judgment", "judgment"
        TRANSCRIPT = "transcript", "transcript"
        HEARING = "hearing", "hearing set"
        NOTICE = "notice", "notice"
        BRIEF = "brief", "brief or response"
        SERVICE = "service", "certificate of service"
        PRO_HAC_VICE = "pro_hac_vice", "pro hac vice"
        APPEARANCE = "appearance", "notice of appearance"
        OTHER = "other", "other"

    # Procedural filings: kept, searchable, in the API, off a case's timeline unless the reader asks.
    PROCEDURAL = (Kind.SERVICE, Kind.PRO_HAC_VICE, Kind.APPEARANCE)

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="docket_entries")
    feed = models.ForeignKey(
        "sources.Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="docket_entries"
    )
    docket_number = models.CharField(max_length=100, help_text="As the feed writes it.")
    number = models.PositiveIntegerField(null=True, blank=True, help_text="The entry (document) number.")
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.OTHER)
    entry_type = models.CharField(max_length=200, blank=True, help_text="The bracketed type: [Order].")
    description = models.TextField(help_text="The short description, plain text.")
    document_url = models.URLField(max_length=1000, blank=True)
    entered_at = models.DateTimeField(help_text="When the court entered it (the feed's date).")
    filed_on = models.DateField(null=True, blank=True)
    guid = models.CharField(max_length=1000, help_text="The feed item's identity.")
    amended_at = models.DateTimeField(null=True, blank=True, help_text="When a re-poll changed it.")
    hidden = models.BooleanField(default=False, help_text="Its type is hidden by the case's settings.")
    events = models.ManyToManyField("crossref.Event", blank=True, related_name="docket_entries")
    first_seen_at = models.DateTimeField(auto_now_add=True)

    objects = DocketEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-entered_at", "-id"]
        verbose_name_plural = "docket entries"
        constraints = [models.UniqueConstraint("case", "guid", name="docket_entry_unique_guid")]
        indexes = [models.Index(fields=["case", "entered_at"])]

    def __str__(self):
        number = f"#{self.number} " if self.number else ""
        return f"{self.docket_number} {number}{self.description[:60]}"
