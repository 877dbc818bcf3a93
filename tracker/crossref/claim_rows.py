"""A claim's row from the candidate that reports it (`claim_linking`): a new claim (`new`), or an
unlocked claim whose only evidence is the re-extracted candidate's article following it (`rebuild`)."""

from __future__ import annotations

from tracker.crossref.models import Claim, ClaimCandidate, Story
from tracker.sources.models import Article


def _values(candidate: ClaimCandidate) -> dict:
    """What a claim takes from the candidate that reports it (its speaker entity apart)."""
    return {
        "speaker_text": candidate.named_speaker,
        "kind": candidate.kind,
        "text": candidate.text,
        "date": candidate.date,
        "precision": candidate.date_precision,
    }


def new(candidate: ClaimCandidate, article: Article, story: Story | None, case_id: int | None) -> Claim:
    return Claim(
        case_id=case_id,
        story=story,
        speaker_id=candidate.speaker_entity_id,
        first_seen_at=article.first_seen_at,
        **_values(candidate),
    )


def rebuild(claim: Claim, candidate: ClaimCandidate, story: Story | None) -> None:
    """An unlocked claim whose only evidence came from this article follows its re-extracted candidate
    (saved only when that changed something, so a plain re-run leaves `updated_at` alone)."""
    values = _values(candidate) | {"story_id": claim.story_id or (story.pk if story else None)}
    if any(getattr(claim, f) != v for f, v in values.items()):
        for f, v in values.items():
            setattr(claim, f, v)
        claim.save(update_fields=[f.removesuffix("_id") for f in values] + ["updated_at"])
