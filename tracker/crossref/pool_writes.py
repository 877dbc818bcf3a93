"""What a linking batch's pool (`claim_pool.Pool`) writes as its articles are linked: the evidence each
article gives (`attach`) and the history rows of the claims the batch makes (`made`), inserted at once, or
for a batch's pool kept for one insert a batch (`write`, `record`)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from django.utils import timezone

from tracker.crossref import claim_evidence, row_inserts
from tracker.crossref.claim_events import Reports
from tracker.crossref.models import Claim, ClaimCandidate, Evidence
from tracker.sources.models import Article

EVIDENCE_FIELDS = ("text", "sentence", "end", "verb", "attribution", "quotes", "hedges", "date")
EVIDENCE_FIELDS += ("date_precision", "confidence", "speaker_via")  # taken from the candidate as they are


class Writes:
    """The pool's writes; `claim_pool.Pool` holds the state (set in its `__init__`) and `join`."""

    unrecorded: list[Claim]
    unwritten: list[Evidence]
    batch: bool
    reports: Reports | None

    def attach(
        self,
        pairs: list[tuple[Claim, ClaimCandidate]],
        article: Article,
        kept: claim_evidence.Kept,
        existing: set[tuple[int, int]],
        words: Callable,
    ) -> None:
        """The article's evidence for each (claim, candidate); what already exists (on a locked claim,
        which keeps its evidence: `existing`, as (claim, start)) stays as it is. Inserted now, or for a
        batch's pool with the rest of the batch's (`write`: before anything reads evidence, and when the
        batch is linked). Its claims' evidence (`kept`) and reports follow it for the rest of the batch."""
        new: dict[tuple[int, int], Evidence] = {}
        for claim, candidate in pairs:
            key = (claim.pk, candidate.start)
            if key not in existing and key not in new:
                values = {f: getattr(candidate, f) for f in ("start", *EVIDENCE_FIELDS)}
                new[key] = Evidence(
                    claim=claim, article=article, first_seen_at=article.first_seen_at, **values
                )
        self.unwritten += new.values()
        if not self.batch:
            self.write()
        for evidence in new.values():  # a claim the batch has read keeps its new evidence
            kept.add(evidence, words)  # its articles grew: `stories` works them out again
        if self.reports is not None:  # its reports are there for the rest of the batch
            self.reports.attach(article, new.values(), words)

    def write(self) -> None:
        """The evidence attached since the last `write`, in one insert, in the order attached (a row
        repeating one stored is left out, as one insert an article left it out)."""
        if self.unwritten:
            Evidence.objects.bulk_create(self.unwritten, ignore_conflicts=True)
            self.unwritten = []

    def made(self, claims: Iterable[Claim], kept: claim_evidence.Kept) -> None:
        """Claims the batch just saved: in the pool, their evidence followed from none (`kept`); their
        history rows ("+", each as it stood when saved) written, or for a batch's pool kept for one
        insert a batch (`record`)."""
        for claim in claims:
            self.join([claim])
            kept.setdefault(claim.pk, (claim_evidence.WordSets(), set(), set()))
            saved = copy.copy(claim)  # what the claim was when saved, whatever the batch makes of it
            saved._history_date = timezone.now()
            self.unrecorded.append(saved)
        if not self.batch:
            self.record()

    def record(self) -> None:
        """The batch's new evidence (`write`), and the history rows of the claims made since the last
        `record`, in one insert: the caller that hands `link_claims` a batch's pool records it when the
        batch is linked."""
        self.write()
        if self.unrecorded:
            row_inserts.insert_history(Claim, self.unrecorded)
            self.unrecorded = []
