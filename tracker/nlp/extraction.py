"""The whole extraction of one batch of articles: entities, dates and claims, as plain data.

Texts are made plain first (plaintext.py: HTML entities and tags, escaped JSON, Markdown), spaCy reads
the plain texts, and every offset returned points back into the text as given; the words returned
(a mention's, claim's, sentence's or quote's text) are the plain-text words, which can differ from
the original's characters at those offsets when markup was removed. The turns of a transcript printed
in the article (transcripts.py), the posts printed under their handle line (posts.py), the quotations
signed with a dash and a name (signed_quotes.py), those after a name and a colon (labelled_quotes.py;
in a headline, colon_headlines.py),
those listed under a heading naming their speaker (listed_quotes.py), those set off by dashes or
brackets straight after a person's name (set_off_quotes.py) and those a sentence about a named
person introduces with a colon (introduced_quotes.py) join the claims the rules found, except one that
overlaps one of them.
Six rules rate the claims found with what only the whole document tells: a pronoun whose antecedent
is the lone person of its gender in the sentence before (lone_antecedents.py), words said under
questioning (questioned.py), a party's lawyers arguing its case (counsel.py), a name arguing or
conceding as the subject of its own verb (argued.py), a pronoun going on
for the one person its own sentence has just reported (same_speaker.py), and a person's account
opening its sentence, "According to Roe, ..." (according_named.py); a question-and-answer transcript's turns take the names its line before
gives (answerers.py). Words no one would sign under the speaker given wait (unsigned.py: a curated product's
output, an organisation's internal memo, a premise put to the witness in a transcript). A group speaker
followed by the people it includes ("Several candidates, including Roe, said ...") is credited to the
first of them (group_members.py). Last, a one-word
speaker left as written takes the one longer name of its article that ends with it (article_names.py),
which cross-referencing stores as the speaker's name. A quoted
claim whose quotation runs on over the next paragraphs takes them in as pieces (running_quotes.py).

The pipeline comes from `pipeline.get_pipeline`, built once per process and rebuilt only when the
model or the curated vocabulary changes; texts go through `nlp.pipe` in batches inside a memory zone,
so a long-running worker does not grow with every new word it sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker.nlp import (
    according_named,
    answerers,
    argued,
    article_names,
    claims,
    colon_headlines,
    counsel,
    court_roles,
    dates,
    entities,
    group_members,
    introduced_quotes,
    labelled_quotes,
    listed_quotes,
    lone_antecedents,
    ops_choice,
    parsecache,
    pipeline,
    plaintext,
    posts,
    questioned,
    relaying,
    representatives,
    running_quotes,
    same_speaker,
    set_off_quotes,
    signed_quotes,
    transcripts,
    unsigned,
)
from tracker.nlp.doc_texts import text_of
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
    numpy_ops: ops_choice.NumpyOpsSetting = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    parse_cache: Path | None = None,
) -> list[Extraction]:
    """Entities, dates and claims of each document, in the order given; offsets into `Document.text`.

    `numpy_ops`: which thinc ops run the model (ops_choice.py). `parse_cache`: a folder where the
    parsed Docs are kept and reused (parsecache.py; offline tools). With a parse cache "auto" means
    thinc's default ops: the cache is keyed on the ops used, and a choice that can differ from run to
    run would split it, for a speed that matters only on its misses."""
    if parse_cache is not None and numpy_ops == ops_choice.AUTO:
        numpy_ops = False
    nlp = pipeline.get_pipeline(model, tuple(vocabulary), numpy_ops=numpy_ops)
    cache = None
    if parse_cache is not None:
        key = pipeline.vocabulary_key(vocabulary)
        used = ops_choice.uses_numpy_ops(nlp)  # what ran, never "auto"
        cache = parsecache.ParseCache(
            parse_cache, parsecache.fingerprint(nlp, model=model, vocabulary_key=key, numpy_ops=used)
        )
    plains = [plaintext.to_plain(d.text) for d in documents]
    published = iter([d.published for d in documents])  # process() calls read() once per doc, in order

    def read(doc) -> Extraction:
        mentions = entities.find_mentions(doc, vocabulary)
        found_dates = dates.find_dates(doc, next(published))
        represented = representatives.represented(mentions, vocabulary)
        found_claims = claims.extract_claims(doc, mentions, found_dates, represented=represented)
        found_claims = lone_antecedents.promote(found_claims, doc, mentions)
        found_claims = questioned.promote(found_claims, doc)
        found_claims = counsel.promote(found_claims, doc)
        found_claims = argued.promote(found_claims, doc)
        found_claims = same_speaker.promote(found_claims, doc, mentions)
        found_claims = according_named.promote(found_claims, mentions)
        turns = transcripts.transcript_claims(text_of(doc), mentions, found_dates, vocabulary)
        turns = answerers.name_exchanges(turns, text_of(doc), mentions)
        turns = court_roles.name_roles(turns, text_of(doc), mentions)
        found_claims = transcripts.merge(found_claims, turns)
        found_claims = transcripts.merge(found_claims, posts.post_claims(text_of(doc), found_dates))
        found_claims = signed_quotes.merge(
            found_claims, signed_quotes.signed_claims(text_of(doc), mentions, found_dates)
        )
        found_claims = transcripts.merge(
            found_claims, labelled_quotes.labelled_claims(text_of(doc), mentions, found_dates)
        )
        found_claims = transcripts.merge(
            found_claims, listed_quotes.listed_claims(text_of(doc), mentions, found_dates)
        )
        found_claims = transcripts.merge(
            found_claims, set_off_quotes.set_off_claims(doc, mentions, found_dates)
        )
        found_claims = transcripts.merge(
            found_claims, colon_headlines.headline_claims(text_of(doc), mentions, found_dates)
        )
        found_claims = transcripts.merge(
            found_claims,
            introduced_quotes.introduced_claims(text_of(doc), mentions, found_dates, claimed=found_claims),
        )
        found_claims = representatives.credit_representatives(found_claims, mentions, vocabulary)
        found_claims = representatives.name_agents(found_claims, doc, mentions)
        found_claims = relaying.relay(found_claims, text_of(doc))
        found_claims = unsigned.rated(found_claims, mentions)
        found_claims = group_members.name_members(found_claims, doc, mentions)
        found_claims = article_names.name_speakers(found_claims, mentions, text_of(doc))
        found_claims = running_quotes.run_on(found_claims, text_of(doc))
        return Extraction(mentions=tuple(mentions), claims=tuple(found_claims), dates=tuple(found_dates))

    found = pipeline.process(nlp, [p.text for p in plains], read, batch_size=batch_size, cache=cache)
    return [plaintext.restore(result, plain) for result, plain in zip(found, plains, strict=True)]
