"""Who said it: the speaker phrase of a claim and, when it can be told, the curated entity behind it.

Intent: a claim is only as useful as its attribution, and a wrong attribution is worse than none. So
a speaker is resolved only by rules a reader would accept, and otherwise stays as its surface text
with no entity:
- a name: the mention covering the phrase's head word, or an appositive or compound of it ("the company
  Acme Labs"). A possessor is *not* the speaker ("Smith's wife said") unless a proxy speaks for it (below);
- a pronoun (he/she/his: a PERSON; it/its: an ORG): a preceding compatible subject in the same
  sentence (antecedents.py), else a subject of the previous sentence (its main clause's, else one
  owning it, "pronoun-owner", else its first, "pronoun-first": guesses rated low); never a name inside quotation marks for a pronoun outside them (“Roe will lose,” she said: not Roe);
  a description its clause hangs from instead ("The president said he ...": described_pronouns.py);
- "the company", "the startup" ...: the nearest preceding ORG, as for "it"; "the judge": presiding.py;
  "the partner", "the founder": the one person the article gave that role before (named_roles.py);
- a proxy ("his lawsuit", "Acme's terms of service", "an Acme spokesperson", "Acme's lawyers", "reports from
  the Daily Post"): the possessor, compound or "from/by/for" name of the document or person that speaks
  for someone, else who issued the document ("Roe released a statement saying ...": via "issuer";
  an issuer only described, "The mayor's campaign released ...", is the `name`, unresolved);
- a relative pronoun ("..., which alleges"): the noun it refers to, or the subject a predicate noun
  describes ("Roe is a lawyer who said ...", "Roe is a fraud saying ...": Roe; referents.py);
- a share of respondents ("72 percent of voters said"): the poll they answered (referents.py).
"I", "we" and "you" outside quotation marks are the writer: no speaker, so no claim.
Caveats: a pronoun skips only a name the article tells the other gender of (a title, its own pronouns);
a first name of the other gender makes it unresolved, never another name (genders.py); a description
the article gave no one before ("the billionaire") is left unresolved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from tracker.nlp import antecedents, described_pronouns, doc_texts, genders, named_roles, referents, standins
from tracker.nlp.apposed_names import name_parts
from tracker.nlp.missed_surnames import sentence_before
from tracker.nlp.representatives import via as proxied
from tracker.nlp.speaker_words import speaker_words, word_of
from tracker.nlp.syntax import mention_head, subject
from tracker.nlp.types import Mention

RELATIVES = frozenset({"which", "who", "that", "whom"})
RIGHT_OF_HEAD = frozenset({"compound", "flat", "nummod", "appos", "prep"})
PROXY_PREPOSITIONS = frozenset({"from", "by", "for", "of", "at"})
MAX_WORDS = 8  # a speaker phrase longer than this is cut back to its head and nearest modifiers


@dataclass(frozen=True)
class Speaker:
    text: str
    start: int
    end: int
    entity: str | None = None
    entity_id: int | None = None
    via: str | None = None  # mention, pronoun(-first), anaphor, possessor, compound, issuer; None: unresolved
    label: str | None = None  # label of the mention it resolved to
    kind_hint: str | None = None  # from a proxy ("lawsuit" -> allegation) or a role ("judge" -> ruling)
    name: str | None = None  # who it resolved to: the curated name, else the text of the mention


UNRESOLVED = frozenset({"they", "them", "it", "one", "this", "that", "what"})
QUOTES = frozenset({'"', "“", "”", "''", "``"})  # double quotation marks, not an apostrophe


class SpeakerResolver:
    """Resolves speaker tokens of one doc against its mentions; `segments` are its sentences in order."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], segments: Sequence[Span], quoted: Collection[int] = ()
    ) -> None:
        self.doc, self.quoted = doc, quoted  # token indices inside quotation marks
        self.represented: frozenset[str] = frozenset()  # organisations a named person testifies for
        self.text = doc_texts.text_of(doc)  # Doc.text joins every token: build it once, not per speaker
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        heads = {m: mention_head(doc, m) for m in self.mentions} if quoted else {}
        self.in_quotes = {m for m, head in heads.items() if head is not None and head.i in quoted}
        self.segments = list(segments)
        self.segment_of: dict[int, int] = {t.i: n for n, seg in enumerate(self.segments) for t in seg}
        self.words = speaker_words()
        self.genders = genders.Genders.of(self)

    def is_writer(self, token: Token) -> bool:
        return token.lower_ in self.words.writer

    def resolve(self, token: Token, depth: int = 0) -> Speaker:
        """The speaker whose phrase has `token` as its head word."""
        if token.dep_ == "attr":  # "Roe is a fraud saying ...": Roe
            token = referents.predicated(token, self.mention_at)
        if (
            token.lower_ in RELATIVES
            and token.head.dep_ in ("relcl", "acl")
            and token.head.head != token.head
        ):
            token = referents.predicated(antecedents.who_for(token, self.mention_at), self.mention_at)
        lower, words = word_of(token), self.words  # "legal team": a proxy of two words
        if lower == "they" and (group := referents.group_for(token, self.mention_at)) is not None:
            start, end = self.phrase(group)
            end = max([end, *(self.phrase(c)[1] for c in group.conjuncts if c.i > group.i)])
            name = self.text[self.doc[start].idx : self.doc[end - 1].idx + len(self.doc[end - 1])]
            return Speaker(token.text, token.idx, token.idx + len(token), name=name)
        if depth < 3 and (noun := described_pronouns.description_for(token, self.mention_at, self.quoted)):
            return self._described(token, noun, depth)  # "The president denounced what he called ..."
        if lower in words.pronouns:
            found, guess = self.antecedent(token, words.pronouns[lower])
            if (
                depth < 3
                and (noun := described_pronouns.previous_description(self, token, found, guess)) is not None
            ):
                return self._described(token, noun, depth)  # "“...,” the candidate said. She added"
            via = f"pronoun-{guess}" if guess else "pronoun"  # pronoun-owner, -first, -rival: a guess
            speaker = self._speaker(token.idx, token.idx + len(token), found, via, None)
            if found is not None and self.genders.doubted(
                words.genders.get(lower), found, speaker.name or ""
            ):
                return self._speaker(speaker.start, speaker.end, None, None, None)  # "he": not a Jane Roe
            return speaker
        if lower not in words.proxies and depth < 3 and (doer := standins.actor(token, self.quoted)):
            return self.resolve(doer, depth + 1)  # "made an attempt to ..., saying": who made it
        if depth < 3 and (named := referents.named_instead(self.doc, token, self.mention_at)) is not None:
            return self.resolve(named, depth + 1)  # "CLEVELAND (UPI) — Jane Roe", "chief and aide Jo Roe"
        start, end = self.phrase(token)
        hint = next((words.roles[t.lower_] for t in self.doc[start:end] if t.lower_ in words.roles), None)
        first, last = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        if lower in words.proxies:
            proxy = self._proxy(token, first, last, words.proxies[lower], depth)
            if proxy.via is not None:
                return proxy
        mention = self.mention_at(token) or next(
            (m for c in name_parts(token) if (m := self.mention_at(c))), None
        )
        if mention is not None:
            hint = hint or ("ruling" if mention.label == "COURT" else None)
            return self._speaker(first, last, mention, "mention", hint)
        if lower in words.proxies:
            return proxy
        if lower in words.anaphors and any(c.lower_ in ("the", "this", "that") for c in token.children):
            found = self.antecedent(token, words.anaphors[lower])[0]
            return self._speaker(first, last, found, "anaphor", hint)
        if (lower in words.shares or token.like_num) and (
            survey := referents.survey_for(self, token)
        ) is not None:
            return self._speaker(first, last, survey, "survey", "report")
        return self._speaker(first, last, *named_roles.holder(self, token, first, last), hint)  # "the judge"

    def _described(self, pronoun: Token, noun: Token, depth: int) -> Speaker:
        """`pronoun` stands for the description `noun` (described_pronouns.py): its words are the
        speaker's name, or the name they resolve to."""
        meant = self.resolve(noun, depth + 1)
        end, via = pronoun.idx + len(pronoun), "pronoun" if meant.via else None
        return replace(
            meant, text=pronoun.text, start=pronoun.idx, end=end, via=via, name=meant.name or meant.text
        )

    def _proxy(self, token: Token, first: int, last: int, hint: str | None, depth: int) -> Speaker:
        """A document or spokesperson speaks for its possessor, or for the name compounded with it."""
        for child in token.children:
            if child.dep_ == "poss" and depth < 3:
                owner = self.resolve(child, depth + 1)
                if owner.via is not None:
                    found = Mention(
                        owner.name, owner.label or "", owner.start, owner.end, owner.entity, owner.entity_id
                    )
                    return self._speaker(first, last, found, proxied(token, "possessor", owner.via), hint)
        for child in token.children:
            names = [child] if child.dep_ == "compound" else []
            if child.dep_ == "prep" and child.lower_ in PROXY_PREPOSITIONS:
                names = [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ == "acl":  # "an email sent out by Roe", "a memo released by the agency"
                agents = (a for a in child.children if a.dep_ == "agent")
                names = [g for a in agents for g in a.children if g.dep_ == "pobj"]
            for name in names:
                if mention := self.mention_at(name):
                    return self._speaker(first, last, mention, proxied(token, "compound"), hint)
        verb = standins.issuing_verb(token)
        if verb is not None and depth < 3:  # "Roe issued a statement saying ...": the issuer's
            issuer = subject(verb)[0]
            owner = self.resolve(issuer, depth + 1) if issuer is not None else None
            if owner is not None and owner.via is not None:
                found = Mention(
                    owner.text, owner.label or "", owner.start, owner.end, owner.entity, owner.entity_id
                )
                return referents.together(self, self._speaker(first, last, found, "issuer", hint), [issuer])
            if owner is not None and owner.text and self._issues(verb, issuer, token.dep_ == "pobj"):
                # "The Tenants Union issued a statement saying ...": no name, but who issued it is said
                return Speaker(self.text[first:last], first, last, kind_hint=hint, name=owner.text)
        return self._speaker(first, last, *named_roles.holder(self, token, first, last), hint)  # "the lawyer"

    def _issues(self, verb: Token, issuer: Token, written_in: bool = False) -> bool:
        """`issuer` put the document out ("released", "sent out", not "slammed a lawsuit") and is a
        description of someone: not a pronoun, the writer or a word that says nothing of who; one who
        wrote `written_in` it ("hit back in a column stating") issued it whatever the verb."""
        lower = issuer.lower_
        return (written_in or verb.lower_ in self.words.issuing) and not (
            lower in self.words.pronouns or self.is_writer(issuer) or lower in UNRESOLVED | RELATIVES
        )

    def _speaker(
        self, start: int, end: int, found: Mention | None, via: str | None, hint: str | None
    ) -> Speaker:
        text = self.text[start:end]
        if found is None:
            return Speaker(text, start, end, kind_hint=hint)
        name = found.entity or referents.full_name(self.mentions, found, self.genders)
        return Speaker(text, start, end, found.entity, found.entity_id, via, found.label, hint, name)

    def phrase(self, token: Token) -> tuple[int, int]:
        """Token range of the speaker phrase: the head, its left modifiers, adjacent names and
        prepositional phrases on its right; not relative clauses or parentheticals."""
        segment = self.segments[self.segment_of.get(token.i, 0)]
        start, end = max(token.left_edge.i, segment.start), token.i + 1
        quote = next((i for i in range(token.i - 1, start - 1, -1) if self._closes_quoted(i)), None)
        if quote is not None:  # a misparse hung the quoted words on the name: they are not its phrase
            start = quote + 1
        if (dateline := referents.dateline_end(self.doc, start)) is not None and dateline < token.i:
            start = dateline + 1  # "RENO, Nev. (AP) — Jane Roe": Jane Roe
        group = token.lower_ in self.words.groups and any(  # "those surveyed", "some close to her"
            c.dep_ in ("acl", "relcl", "amod") and c.i > token.i for c in token.children
        )  # the clause on the word itself says who ("many of the leaders who ...": the leaders do)
        for child in token.rights:
            if (
                child.dep_ not in RIGHT_OF_HEAD and not (group and child.dep_ in ("acl", "relcl", "amod"))
            ) or (child.left_edge.i != end):
                break
            end = min(child.right_edge.i + 1, segment.end)
        while start < token.i and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        opened = next((i for i in range(token.i + 1, end) if self.doc[i].text == "("), None)
        if opened is not None and not any(t.text == ")" for t in self.doc[opened:end]):
            end = opened  # "Rep. Jane Roe (D-N.Y.) said": not "Rep. Jane Roe (D-N.Y."
        while end - 1 > token.i and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        if group and self._words(start, end) > MAX_WORDS:
            end = start + MAX_WORDS  # "those who have drawn up rough plans for ..."
        if self._words(start, end) > MAX_WORDS:  # "Jane Roe of the Institute for ...": Jane Roe
            end = token.i + 1
            while (
                end < segment.end
                and self.doc[end].dep_ in ("compound", "flat")
                and self.doc[end].head == token
            ):
                end += 1
            of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            whole = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if token.lower_ in self.words.partitives and whole is not None and of.i == end:
                end = whole.i + 1  # "one of three neighbours who passed on the story ...": not "one"
        while self._words(start, end) > MAX_WORDS and start < token.i:
            start += 1  # a long run of modifiers: the words nearest the head
        while start < token.i and (self.doc[start].is_punct or self.doc[start].dep_ in ("prep", "cc")):
            start += 1
        return start, end

    def _closes_quoted(self, i: int) -> bool:
        """A double quotation mark next to a comma ends quoted words ("“...,” Roe said"); one inside
        a phrase is a title's (the "Medicare for all" plan)."""
        doc = self.doc
        return doc[i].text in QUOTES and (
            (i > 0 and doc[i - 1].text == ",") or (i + 1 < len(doc) and doc[i + 1].text == ",")
        )

    def _words(self, start: int, end: int) -> int:
        return sum(1 for t in self.doc[start:end] if not (t.is_punct or t.is_space))

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that begin in [start, end), in text order: a bisection, not a scan, so a
        long article's many verbs do not each walk all of its mentions."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def mention_at(self, token: Token) -> Mention | None:
        """The mention covering `token`, if any (the longest when several do)."""
        covering = [m for m in self.mentions if m.start <= token.idx < m.end]
        return max(covering, key=lambda m: m.end - m.start, default=None)

    def antecedent(self, token: Token, labels: frozenset[str]) -> tuple[Mention | None, str]:
        """A preceding mention with one of `labels` in the same sentence (a subject the pronoun's clause
        hangs from, else the main clause's subject), else one in a subject of the previous sentence (the
        main clause's first); of the pronoun's gender, and never a name inside quotation marks when the
        pronoun is outside them (“Roe will lose,” she said: not Roe); and how much of a guess it is: ""
        none, "owner", "first" or "rival" (a name of the sentence before: antecedents.previous_subject)."""
        number = self.segment_of.get(token.i)
        if number is None:
            return None, ""
        gender = self.words.genders.get(token.lower_)
        inside = () if token.i in self.quoted else self.in_quotes  # names a pronoun outside quotes is not

        def fits(m: Mention) -> Mention | bool:  # the mention itself when it fits
            return self.genders.fits(m, labels, gender) and m not in inside and m

        same = [m for m in self.mentions_in(self.segments[number].start_char, token.idx) if fits(m)]
        if same := [m for m in same if m.end <= token.idx]:
            found = referents.governing_subject(token, same, self.mention_at)
            found = found or antecedents.owner_of(token, same, self.mention_at)  # "Roe's claim that he"
            if (found := found or antecedents.main_subject(token, same, self.mention_at)) is not None:
                return found, ""
        if (named := referents.surname_subject(token, self.quoted)) is not None:  # a surname the model missed
            ending = (m for m in self.mentions_in(0, named.idx) if m.end <= named.idx and fits(m))
            if found := [m for m in ending if m.text.split()[-1] == named.text]:
                return found[-1], ""  # "Roe hasn't said whether he ...": Jane Roe
        return sentence_before(self, token, number, fits)
