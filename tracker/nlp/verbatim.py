"""Verbatim claims: words an article prints under their speaker with no reporting verb for the rules of
claims.py to find, a transcript's turn (transcripts.py), an embedded post (posts.py) or a quotation signed
with a dash and a name (signed_quotes.py). Each reader finds the words and their speaker; this module
makes the `Claim` of them the same way for all: the content is the printed words, rated as a quote
(confidence.rate, form "quote"), its kind read from the KIND_WINDOW characters before its line
(triggers.classify's paragraph cues: "testified", "under oath" ...), its quotation marks, hedges and date
those of its words, and the claims pass the precision gates (gates.open_claims; none from a text that
is not English) and the checks in context (confidence.in_context) as the rules' claims do (`gated`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.nlp import confidence, gates
from tracker.nlp.dates import date_for_sentence
from tracker.nlp.hedges import find_hedges
from tracker.nlp.quotes import quotes_in
from tracker.nlp.triggers import Trigger, classify
from tracker.nlp.types import Claim, DateMention, Mention, Quote

KIND_WINDOW = 600  # characters before the words' line that say what kind of statement they are


def kind_before(trigger: Trigger, text: str, line_start: int) -> str:
    """The kind of a verbatim claim whose line opens at `line_start`, read from the text before it."""
    return classify(trigger, None, "", text[max(0, line_start - KIND_WINDOW) : line_start])


def verbatim_claim(
    text: str,
    trigger: Trigger,
    *,
    span: tuple[int, int],
    sentence: tuple[int, int],
    speaker: tuple[str, int, int],
    kind: str,
    resolution: str,
    cue: str,
    quotes: list[Quote],
    dates: Sequence[DateMention],
    date_span: tuple[int, int],
    speaker_name: str | None = None,
    speaker_entity: tuple[str | None, int | None] = (None, None),
) -> Claim:
    """The claim of the words at `span` of `text`, printed in the line `sentence` under `speaker` (as
    printed, with its offsets), found by `trigger`; `quotes`: the text's `quotes.find_quotes`; the date
    is the one `dates` gives the offsets `date_span`."""
    start, end = span
    words = text[start:end]
    tier, rule = confidence.rate(
        kind=kind, trigger=trigger.id, attribution=trigger.attribution, resolution=resolution, form="quote"
    )
    return Claim(
        speaker=speaker[0],
        verb=trigger.lemma,
        attribution=trigger.attribution,
        kind=kind,
        text=words,
        sentence=text[sentence[0] : sentence[1]],
        start=start,
        end=end,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        speaker_entity=speaker_entity[0],
        speaker_entity_id=speaker_entity[1],
        speaker_start=speaker[1],
        speaker_end=speaker[2],
        quotes=tuple(quotes_in(quotes, start, end)),
        hedges=find_hedges([words]),
        date=date_for_sentence(dates, *date_span) if dates else None,
        speaker_name=speaker_name,
        cue=cue,
        rule=trigger.id,
        resolution=resolution,
        confidence=tier,
        confidence_rule=rule,
    )


def gated(text: str, claims: Sequence[Claim]) -> list[Claim]:
    """The claims of `text` the precision gates leave open, rated down by the checks in context; none
    when the text is not English (gates.language_of), as claims.py holds the rules' claims."""
    if not claims or gates.language_of(text) != "en":
        return []
    return confidence.in_context(gates.open_claims(claims))


def named_quote(
    text: str,
    trigger: Trigger,
    match: re.Match[str],
    person: Mention | None,
    *,
    min_words: int,
    cue: str,
    quotes: list[Quote],
    dates: Sequence[DateMention],
    line_start: int | None = None,
) -> Claim | None:
    """The claim of a quotation printed beside a person's name, found by a layout reader's `match` (its
    groups "words" and "name"; signed_quotes.py, labelled_quotes.py): None without `person` (the name's
    PERSON mention) or with fewer than `min_words` words. Its sentence opens at `line_start` (default: the
    words' line) and closes with the match."""
    words = match.group("words").strip()
    if person is None or len(words.split()) < min_words:
        return None
    start = match.start("words") + match.group("words").index(words[0])
    end = start + len(words)
    line = text.rfind("\n", 0, start) + 1
    first = line if line_start is None else line_start
    return verbatim_claim(
        text,
        trigger,
        span=(start, end),
        sentence=(first, match.end()),
        speaker=(match.group("name"), match.start("name"), match.end("name")),
        kind=kind_before(trigger, text, line),
        resolution="mention",
        cue=cue,
        quotes=quotes,
        dates=dates,
        date_span=(first, end),
        speaker_name=person.entity or person.text,
        speaker_entity=(person.entity, person.entity_id),
    )
