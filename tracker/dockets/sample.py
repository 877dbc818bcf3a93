"""A sample docket feed for `make run`: Musk v. Altman's entries of 27-30 April 2026, written for the
tests (tracker/dockets/sample_data, not a real court record), ingested through the real polling path.

The feed lives at an `.example` host that never resolves and is created inactive; `SampleFetcher`
serves it from disk. Load it after the news sample (`loadsample`) so its entries link to the events.
"""

from __future__ import annotations

from pathlib import Path

from tracker.cases.models import Case
from tracker.sources import ingestion
from tracker.sources.models import Feed
from tracker.sources.sample import CASE_SLUG, SampleError, SampleFetcher

DOCKET_FEED_URL = "https://cand-ecf.example/cgi-bin/rss_outside.pl"
# The docket sample lives beside this loader (site/cand-ecf.example/... and the parser fixtures).
SAMPLE_ROOT = Path(__file__).resolve().parent / "sample_data"


def load_docket_sample(*, root: Path | None = None) -> tuple[Feed, ingestion.PollResult]:
    """Create the sample docket feed on the Musk v. OpenAI case (once) and poll it; idempotent."""
    root = root or SAMPLE_ROOT
    case = Case.objects.filter(slug=CASE_SLUG).first()
    if case is None:
        raise SampleError(f"the case {CASE_SLUG!r} is missing (run migrate: a data migration seeds it)")
    feed, _created = Feed.objects.get_or_create(
        url=DOCKET_FEED_URL, defaults={"kind": Feed.Kind.DOCKET, "active": False}
    )
    feed.cases.add(case)
    return feed, ingestion.poll_feed(feed, fetcher=SampleFetcher(root))
