"""The timeline's filter form: a plain GET form, so every state of the timeline has its own URL."""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, ClaimCandidate
from tracker.dockets.models import DocketEntry
from tracker.sources.models import Article, Outlet
from tracker.web.timeline import NEWS, RECORD, Filters

ALL_CASES = "all"


class TimelineFilterForm(forms.Form):
    """Unknown or malformed values are dropped, never an error page: a shared link with a stale entity or
    outlet still shows a timeline."""

    case = forms.ChoiceField(required=False, label="Case")
    entity = forms.ModelChoiceField(
        queryset=Entity.objects.none(),
        to_field_name="slug",
        required=False,
        label="Who",
        empty_label="Anyone",
    )
    kind = forms.ChoiceField(
        choices=[("", "Any kind")] + list(ClaimCandidate.Kind.choices), required=False, label="Claim kind"
    )
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.none(),
        to_field_name="domain",
        required=False,
        label="Outlet",
        empty_label="Any outlet",
    )
    date_from = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    type = forms.ChoiceField(
        choices=[("", "News and court record"), (NEWS, "News only"), (RECORD, "Court record only")],
        required=False,
        label="Show",
    )
    docket_kind = forms.ChoiceField(
        choices=[("", "Any filing")] + list(DocketEntry.Kind.choices), required=False, label="Filing type"
    )
    curated = forms.BooleanField(required=False, label="Curated only")
    discrepancies = forms.BooleanField(required=False, label="With discrepancies only")
    procedural = forms.BooleanField(
        required=False,
        label="Show procedural filings (certificates of service, pro hac vice, appearances)",
    )

    def __init__(self, data, *, cases: list[Case], case: Case | None):
        super().__init__(data)
        self.cases = {c.slug: c for c in cases}
        self.fields["case"].choices = [(c.slug, c.name) for c in cases] + [(ALL_CASES, "All cases")]
        self.fields["case"].initial = case.slug if case else ALL_CASES
        # EXISTS on indexed foreign keys, not a join with DISTINCT: the choices are read on every page
        # and a join over every claim or article takes seconds at 100,000 articles (bench/web.py).
        spoke = Claim.objects.filter(speaker=OuterRef("pk"))
        if case is not None:
            spoke = spoke.filter(case=case)
        entities = Entity.objects.filter(Exists(spoke), status=Entity.Status.CURATED).order_by("name")
        self.fields["entity"].queryset = entities
        published = Article.objects.relevant().filter(outlet=OuterRef("pk"))
        self.fields["outlet"].queryset = Outlet.objects.filter(Exists(published)).order_by("name")

    def filters(self, default_case: Case | None) -> Filters:
        """The valid part of the input as Filters; an invalid field counts as not given."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        raw_case = self.data.get("case")
        case = None if raw_case == ALL_CASES else self.cases.get(raw_case or "", default_case)
        entity, outlet = data.get("entity"), data.get("outlet")
        return Filters(
            case=case,
            entity=entity.slug if entity else "",
            kind=data.get("kind") or "",
            outlet=outlet.domain if outlet else "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            curated=bool(data.get("curated")),
            discrepancies=bool(data.get("discrepancies")),
            type=data.get("type") or "",
            docket_kind=data.get("docket_kind") or "",
            procedural=bool(data.get("procedural")),
        )
