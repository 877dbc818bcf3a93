"""Attributed claims: who said what, how the outlet attributes it, and in what setting.

Intent: turn each attributed statement of an article into a `Claim` that cross-referencing can
compare with other outlets' versions: the speaker (resolved to a curated entity only when the text
allows it: speakers.py), the reporting verb in its base form, the content, the sentence, the verbatim
quotes of that sentence and the hedges of its words (hedges.py).

What makes a claim (triggers are data, patterns/reporting_verbs.jsonl, read by triggers.py):
- a reporting verb ("said", "testified", "denies") with its subject as the speaker (a passive with no
  "by" agent gives speaker "") and as content its quotation (“…,” Smith said, “…”), else its clausal
  complement, else its verb phrase when it has an object ("ranked Acme second", "did not provide a
  comment"); a verb inherits the subject of the verb it is coordinated with or hangs from ("...,
  noting it has ...", "declined to comment");
- the outlet's framing (framing.py): "according to X", "Smith's argument that ...", "reportedly";
  nominal.py: "his promise to ...", "claims by X that ...";
- a negated report ("would not say whether X", "never said that X"): verb "not say", tier 0, kept only
  where no other claim holds its words; a passive report with an agent ("The merger was first
  reported by the Ledger"): its subject is the content.
Not claims: a reporting verb inside quotation marks (it belongs to the quoted words), one in a
question, a condition or under a modal ("If the court rules ...", "Acme could argue ..."; a negated
report keeps its modal), one whose subject is the writer ("we") or a demonstrative ("This suggests
..."), and a quote with no attribution (it only joins the quotes of a claim made in its sentence).

Helpers by sub-task: contents.py (what a verb reports), placing.py (quotes attached to an attribution, the
words around a parenthetical one), misparsed.py (reporting verbs the parser took for nouns), selection.py
(one claim per stretch of content), gates.py (text that yields no claim), confidence.py (the tier of each
claim). Attribution: "direct" when the content holds quoted words, "indirect" otherwise, "according_to",
"characterisation". Kind: see triggers.classify.

Caveats: the parse comes from the small model without a tagger, so a garbled parse (headlines in title
case, a headline run into the first sentence) can lose a claim or cut its content short; `text` of a quote
split by its attribution is the pieces joined by " … " while start/end span all of them; `quotes` are all
the quotes of the sentence, not only those of the content."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from tracker.nlp import confidence, contents, framing, gates, misparsed, nominal, questions, selection, syntax
from tracker.nlp.claim_dates import date_of
from tracker.nlp.claim_kinds import kind_of
from tracker.nlp.courtroom import rate as rate_in_court
from tracker.nlp.doc_texts import text_of
from tracker.nlp.document_pronouns import people_of, subject_heads
from tracker.nlp.headlines import with_headlines
from tracker.nlp.hedges import find_hedges
from tracker.nlp.lightverbs import from_noun as from_light_verb
from tracker.nlp.named_subjects import subject as speaker_subject
from tracker.nlp.parse_repairs import repair
from tracker.nlp.previews import preview
from tracker.nlp.quote_tails import from_quote_tail
from tracker.nlp.quotes import find_quotes, quotes_in
from tracker.nlp.referents import together
from tracker.nlp.relative_participles import ambiguous
from tracker.nlp.relatives import contact_form, free_relative
from tracker.nlp.reporters import reporter
from tracker.nlp.shared_negation import negated
from tracker.nlp.speakers import SpeakerResolver
from tracker.nlp.triggers import Draft, Triggers, build_triggers, default_triggers, idle_role, mute
from tracker.nlp.types import Claim, DateMention, Mention
from tracker.nlp.unsaid import WANTED, wanted

DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "what", "there", "which", "who"})
PIECE_JOINER = " … "
STRICT_VIA = frozenset(
    "mention pronoun pronoun-first pronoun-owner pronoun-rival anaphor presiding role possessor agent".split()
)
NO_COMMENT = frozenset({"respond-comment", "provide-comment"})  # only negated: they decline to comment
DESCRIBING = frozenset({"relcl", "acl", "amod", "prep"})  # what describes "those" who speak
EDGE_PUNCT = frozenset({".", ",", ";", ":", "!", "?", "—", "–", "-", "--", "…"})


def extract_claims(
    doc: Doc,
    mentions: Sequence[Mention],
    dates: Sequence[DateMention] = (),
    *,
    verbs: Iterable[Mapping] | None = None,
    represented: Collection[str] = (),  # organisations a person the article names testifies for
) -> list[Claim]:
    """The attributed claims of `doc`, in text order. `verbs` replaces the default trigger rules.
    A text that is not English yields none; a sentence a precision gate closes (gates.py) neither."""
    if gates.language_of(text_of(doc)) != "en":
        return []
    reader = _Reader(doc, mentions, default_triggers() if verbs is None else build_triggers(verbs))
    reader.speakers.represented = frozenset(represented)  # no other is a witness (court_kinds.no_witness)
    drafts = reader.drafts()
    claims = {}
    for draft in drafts:
        claim = reader.finish(draft, dates)
        claims.setdefault((claim.speaker_start, claim.verb, claim.start, claim.end), claim)
    found = confidence.in_context(gates.open_claims(list(claims.values())))
    denied = {t.id for t in reader.triggers.negated.values()}  # "did not say ...": yields to a report
    kept = selection.one_per_content(selection.denials_yield(found, denied))
    return sorted(kept, key=lambda c: (c.start, c.sentence_start, c.speaker_start or 0))


class _Reader:
    """One doc's quotes, sentences and speakers, and the drafts of its claims."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], triggers: Triggers) -> None:
        repair(doc, mentions, triggers.verbs)  # misparses around reporting verbs put right (parse_repairs.py)
        self.doc, self.text, self.triggers = doc, text_of(doc), triggers
        self.quotes = find_quotes(self.text)
        self.segments = syntax.segments(doc)
        self.quoted = {
            t.i for q in self.quotes for t in doc.char_span(q.start, q.end, alignment_mode="expand") or ()
        }
        self.speakers = SpeakerResolver(doc, mentions, self.segments, self.quoted)

    def drafts(self) -> list[Draft]:
        drafts: list[Draft] = []
        done: set[int] = set()
        for segment in self.segments:
            drafts += framing.quoted_characterisations(self, segment, done)
            for token in segment:
                if token.i in self.quoted or token.i in done:
                    continue
                lower = token.lower_
                if lower in self.triggers.verbs:
                    found = self._from_verb(token, segment) if syntax.is_verbal(token) else []
                    found = found or misparsed.from_misparsed(self, token, segment)
                    if not found and lower in self.triggers.nouns:  # "his claims that ...": a noun
                        found = self._from_noun(token, segment)
                    drafts += found or from_quote_tail(self, token, segment)
                elif lower in self.triggers.nouns:
                    drafts += self._from_noun(token, segment)
                elif lower in self.triggers.attached and syntax.is_verbal(token):  # “...,” he continued
                    drafts += self._from_verb(token, segment)
                elif lower in self.triggers.adverbs and token.dep_ == "advmod":
                    drafts += framing.from_adverb(self, token, segment, self.triggers.adverbs[lower])
                elif lower in self.triggers.phrases:  # "according to X", "Per X, ..."
                    drafts += framing.from_phrase(self, token, segment, self.triggers.phrases[lower])
        return with_headlines(self, drafts)  # title-case headlines the parse gave nothing or ran together

    # -- triggers -------------------------------------------------------------------------------

    def _from_noun(self, noun: Token, segment: Span) -> list[Draft]:
        trigger = self.triggers.nouns[noun.lower_]
        found = framing.from_noun(self, noun, segment, trigger) or nominal.from_noun(
            self, noun, segment, trigger
        )
        return found or from_light_verb(self, noun, segment, trigger)  # "made the suggestion that X"

    def _gives_words(self, verb: Token) -> bool:
        """A statement given with words of its own ("issued a statement saying ..."): the participle
        reports them, the giving is no no-comment (negated or with no words, it stays one)."""
        return not syntax.negated(verb, self.quoted) and any(
            said.dep_ == "acl" and said.lower_ in self.triggers.verbs
            for thing in verb.children
            if syntax.is_object(thing)
            for said in thing.children
        )

    def _from_verb(self, verb: Token, segment: Span) -> list[Draft]:
        subject, passive = speaker_subject(self, verb, segment)
        candidates = self.triggers.verbs.get(verb.lower_) or self.triggers.attached[verb.lower_]
        if self._gives_words(verb):  # "issued a statement saying X": no no-comment, the words are X's
            candidates = [t for t in candidates if t.id not in NO_COMMENT]
        heads = subject_heads(subject)  # "Judge Jo Roe found that", "The email ... It read: “...”"
        trigger = (
            next((t for t in candidates if t.subjects & heads), None)
            or next((t for t in candidates if t.objects and syntax.has_object(verb, t.objects)), None)
            or next((t for t in candidates if not t.subjects and not t.objects), None)
        )
        if trigger is not None and not trigger.objects and negated(verb, trigger.lemma, self.quoted):
            # "never said that X", "would not say whether X", "did not come out and say X": no claim of X
            trigger = self.triggers.negated.get(verb.lower_)
        if (
            trigger is None
            or (subject is None and not passive)
            or questions.hypothetical(verb, segment, trigger)
            or (trigger.requires and not syntax.has_dependent(verb, trigger.requires))
            or idle_role(verb, trigger)
        ):
            return []
        if subject is not None and not (
            segment.start <= subject.i < segment.end and self._can_speak(subject)
        ):
            return []
        form, pieces = contents.verb_content(self, verb, trigger, subject, segment)
        if not pieces:
            return []
        if subject is None:  # a passive with no agent, unless itself reported ("testified X was warned")
            reported = verb.dep_ != "advcl" and any(
                a.lower_ in self.triggers.verbs and a.i not in self.quoted for a in verb.ancestors
            )
            return [] if reported else [Draft(trigger, None, pieces, segment, verb, form)]
        if free_relative(subject, verb):  # "Everything Smith says is a lie": not a report (relatives.py)
            return []
        people = people_of(subject, trigger, segment)  # "Roe and Doe said", "It read:" (a document)
        resolved = (self.speakers.resolve(person) for person in people)
        speaker = next((s for s in resolved if not trigger.strict or s.via in STRICT_VIA), None)
        speaker = speaker or reporter(self.speakers, subject, self.triggers, form)  # "Exit polls suggested"
        if speaker is None or mute(verb, subject, speaker):  # "softer language calling for calm"
            return []
        if len(people) > 1:  # "Smith and Jones said": one attribution, under both names
            speaker = together(self.speakers, speaker, people, as_written=True)
        return [Draft(trigger, speaker, pieces, segment, verb, contact_form(subject, verb, form))]

    def _can_speak(self, subject: Token) -> bool:
        """Not the writer ("we"), not a demonstrative ("This suggests ..."), not a dangling relative."""
        if self.speakers.is_writer(subject):
            return False
        if subject.lower_ in ("those", "these") and any(c.dep_ in DESCRIBING for c in subject.children):
            return True  # "those surveyed say", "those who back her say", "those close to him say": a group
        if subject.lower_ in DEMONSTRATIVES:
            return subject.lower_ in ("that", "which", "who") and subject.head.dep_ in ("relcl", "acl")
        return True

    # -- assembly -------------------------------------------------------------------------------

    def range(self, indices: Iterable[int], segment: Span) -> tuple[int, int]:
        """Characters of the tokens in `indices` within `segment`, trimmed of edge punctuation and a
        leading complementizer ("that"), widened to whole quotations."""
        inside = [i for i in indices if segment.start <= i < segment.end]
        if not inside:
            return (segment.start_char, segment.start_char)
        first, last = min(inside), max(inside)
        doc = self.doc
        while first < last and (
            doc[first].text in EDGE_PUNCT or doc[first].is_space or questions.leading_mark(doc[first])
        ):
            first += 1
        while last > first and (doc[last].text in EDGE_PUNCT or doc[last].is_space):
            last -= 1
        start, end = self.doc[first].idx, self.doc[last].idx + len(self.doc[last])
        for quote in quotes_in(self.quotes, start - 1, end + 1):
            if quote.start - 1 < end and quote.end + 1 > start:
                start, end = min(start, quote.start - 1), max(end, quote.end + 1)
        return start, end

    def finish(self, draft: Draft, dates: Sequence[DateMention]) -> Claim:
        pieces = sorted(draft.pieces)
        start, end = pieces[0][0], pieces[-1][1]
        text = PIECE_JOINER.join(self.text[s:e] for s, e in pieces)
        inner = {(q.start, q.end) for q in self.quotes}  # a quote piece: the sentence takes its marks too
        sentence_start = min(draft.segment.start_char, start - 1 if pieces[0] in inner else start)
        sentence_end = max(draft.segment.end_char, end + 1 if pieces[-1] in inner else end)
        sentence_start, sentence_end = max(sentence_start, 0), min(sentence_end, len(self.text))
        quotes = tuple(quotes_in(self.quotes, sentence_start, sentence_end))
        adverbs = (
            [c.text for c in draft.verb.children if c.dep_ == "advmod"] if draft.verb is not None else []
        )
        speaker = draft.speaker
        attribution = draft.trigger.attribution
        if attribution == "indirect" and any(q.start < end and q.end > start for q in self.quotes):
            attribution = "direct"
        kind = kind_of(draft, self.speakers, sentence_start, sentence_end)  # in the act of saying
        if text.rstrip(" \"'”’»").endswith("?"):
            kind = "question"  # asked, not asserted: a reader must not see it as a claim
        resolution = "none" if speaker is None or not speaker.text else speaker.via or "unresolved"
        cue = draft.verb.text if draft.verb is not None else ""
        segment = (draft.segment.start_char, draft.segment.end_char)
        form = confidence.form_of(draft.form, self.text[end:sentence_end])
        if draft.verb is not None and gates.is_headline(self.text, *segment, cue, draft.verb.idx):
            form = gates.HEADLINE  # "Roe Tells Voters ...": the outlet's headline
        if draft.verb is not None and (
            doubt := WANTED if wanted(draft.verb) else ambiguous(draft.verb) or preview(draft.verb)
        ):
            form = doubt  # "got Roe to say": not said; "despite X, saying": whose? "told jurors they'd hear"
        tier, rule = confidence.rate(
            kind=kind,
            trigger=draft.trigger.id,
            attribution=attribution,
            resolution=resolution,
            form=form,
        )
        tier, rule = rate_in_court(draft, (tier, rule), resolution=resolution, form=form)
        verb = draft.trigger.lemma
        if draft.trigger.id in NO_COMMENT and draft.verb is not None and syntax.negated(draft.verb):
            verb = "decline to comment"  # "did not respond to our request for comment": no answer
        return Claim(
            speaker=speaker.text if speaker else "",
            verb=verb,
            attribution=attribution,
            kind=kind,
            text=text,
            sentence=self.text[sentence_start:sentence_end],
            start=start,
            end=end,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            speaker_entity=speaker.entity if speaker else None,
            speaker_entity_id=speaker.entity_id if speaker else None,
            speaker_name=speaker.name if speaker else None,
            rule=draft.trigger.id,
            cue=cue,
            resolution=resolution,
            confidence=tier,
            confidence_rule=rule,
            pieces=tuple(pieces) if len(pieces) > 1 else (),
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
            quotes=quotes,
            hedges=find_hedges([text, *(q.text for q in quotes), *adverbs]),
            date=date_of(self.doc, draft.verb, dates, (sentence_start, sentence_end), pieces),
        )
