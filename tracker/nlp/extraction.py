"""The whole extraction of one batch of articles: entities, dates and claims, as plain data.

The pipeline comes from `pipeline.get_pipeline`, built once per process and rebuilt only when the
model or the curated vocabulary changes; texts go through `nlp.pipe` in batches inside a memory zone,
so a long-running worker does not grow with every new word it sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tracker.nlp import claims, dates, entities, pipeline, representatives
from tracker.nlp.types import Extraction, VocabularyEntry

DEFAULT_BATCH_SIZE = 8  # nlp.pipe batch: 8 keeps a worker's peak under 2x its loaded RSS (16: 2.6x)


@dataclass(frozen=True)
class Document:
    text: str
    published: date | None = None


def extract(
    documents: Sequence[Document],
    *,
    vocabulary: Sequence[VocabularyEntry] = (),
    model: str = pipeline.DEFAULT_MODEL,
    numpy_ops: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[Extraction]:
    """Entities, dates and claims of each document, in the order given."""
    nlp = pipeline.get_pipeline(model, tuple(vocabulary), numpy_ops=numpy_ops)
    published = iter([d.published for d in documents])  # process() calls read() once per doc, in order

    def read(doc) -> Extraction:
        mentions = entities.find_mentions(doc, vocabulary)
        found_dates = dates.find_dates(doc, next(published))
        found_claims = claims.extract_claims(doc, mentions, found_dates)
        found_claims = representatives.credit_representatives(found_claims, mentions, vocabulary)
        return Extraction(mentions=tuple(mentions), claims=tuple(found_claims), dates=tuple(found_dates))

    return pipeline.process(nlp, [d.text for d in documents], read, batch_size=batch_size)
