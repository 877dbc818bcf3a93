"""The timeline's filter form: a plain GET form, so every state of the timeline has its own URL."""

from __future__ import annotations

import threading
from collections import OrderedDict

from django import forms
from django.http import QueryDict

from tracker.cases.models import Case
from tracker.crossref.models import ClaimCandidate
from tracker.dockets.models import DocketEntry
from tracker.web import precomputed
from tracker.web.timeline import NEWS, RECORD, Filters

ALL_CASES = "all"


class TimelineFilterForm(forms.Form):
    """Unknown or malformed values are dropped, never an error page: a shared link with a stale entity or
    outlet still shows a timeline."""

    case = forms.ChoiceField(required=False, label="Case")
    entity = forms.ChoiceField(required=False, label="Who")
    kind = forms.ChoiceField(
        choices=[("", "Any kind")] + list(ClaimCandidate.Kind.choices), required=False, label="Claim kind"
    )
    outlet = forms.ChoiceField(required=False, label="Outlet")
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
        # Who spoke in the case's claims and which outlets published: read once per change of the
        # case's (or any) events, not on every page (precomputed.py).
        self.fields["entity"].choices = [("", "Anyone"), *precomputed.speaker_choices(case)]
        self.fields["outlet"].choices = [("", "Any outlet"), *precomputed.outlet_choices()]

    def filters(self, default_case: Case | None) -> Filters:
        """The valid part of the input as Filters; an invalid field counts as not given."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        raw_case = self.data.get("case")
        case = None if raw_case == ALL_CASES else self.cases.get(raw_case or "", default_case)
        return Filters(
            case=case,
            entity=data.get("entity") or "",
            kind=data.get("kind") or "",
            outlet=data.get("outlet") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            curated=bool(data.get("curated")),
            discrepancies=bool(data.get("discrepancies")),
            type=data.get("type") or "",
            docket_kind=data.get("docket_kind") or "",
            procedural=bool(data.get("procedural")),
        )


KEPT_FORMS = 256  # forms kept per process, the oldest dropped first
_kept: OrderedDict[tuple, tuple] = OrderedDict()  # (query, case) -> (cases, speakers, outlets, form, filters)
_lock = threading.Lock()


def timeline_form(
    data: QueryDict, *, cases: list[Case], case: Case | None
) -> tuple[TimelineFilterForm, Filters]:
    """The filter form for this query and its Filters, kept in this process while the lists it is built
    from are the ones kept (precomputed.cases, speaker_choices, outlet_choices: the same objects until
    their scope is retired): building, validating and first rendering a form cost about 2 ms a request,
    for the same form. A kept form is rendered again as it was (a form is not changed by rendering it).
    With nothing kept (TRACKER_PAGE_CACHE_SECONDS=0) the lists are new each time, and so is the form."""
    speakers, outlets = precomputed.speaker_choices(case), precomputed.outlet_choices()
    key = (data.urlencode(), case.slug if case else None)
    with _lock:
        kept = _kept.get(key)
    if kept and kept[0] is cases and kept[1] is speakers and kept[2] is outlets:
        return kept[3], kept[4]
    form = TimelineFilterForm(data, cases=cases, case=case)
    filters = form.filters(case)
    with _lock:
        _kept[key] = (cases, speakers, outlets, form, filters)
        while len(_kept) > KEPT_FORMS:
            _kept.popitem(last=False)
    return form, filters
