"""Who a description stands for, when the words that speak are not the speaker's name.

- a surname refers back to the fuller name given earlier in the article ("Roe" after "Jane
  Roe");
- a relative clause on a predicate noun describes the copula's subject: "Roe is a lawyer and activist
  who has said ..." is Roe's claim, not "activist"'s (a name in the predicate is itself: "The winner
  was Roe, who said ...");
- a pronoun whose clause hangs from one with a surname the entity model missed as its subject refers to
  the fuller name given earlier ("Roe hasn't said whether he ...": Jane Roe);
- a pronoun skips a name of the other gender (genders.py);
- a title run into a name as a conjunct ("Acme Radio director and counsel Jane Roe said") is the name's;
- a pronoun prefers the subject of a clause its own clause hangs from ("Roe struck back at Doe,
  calling what he saw ...": Roe) to any other name before it (antecedents.py), unless that clause has
  a pronoun of its gender for object ("with Doe behind him as he spoke": not Doe);
- "they" stands for the group that is the subject of a clause its own clause hangs from ("Growers
  dwelt on what they said was ...": Growers; a participle's noun is its subject: "supporters planning
  protests against what they call ..."), when that subject names a group: a plural noun, a
  coordination, a word of a group ("several threatened ... a system that they say ..."), a body of
  people ("The campaign is seeking to contrast ... with what they call ...": speakers.jsonl
  "collective") or an organisation named (ORG, NORP), never a pronoun or a single person's name;
- speakers coordinated in one subject ("Roe and Doe said", "Roe and Doe issued a statement") are named
  together: each one's name, joined (`joint_name`);
- a share of respondents ("72 percent of voters said", "half said") answered a poll: the poll named
  in the sentence, or in the sentence before within the paragraph, is who reports it (its phrase is
  the speaker's `name`; the share stays the speaker as written).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Doc, Token

from tracker.nlp import antecedents, kinship, namesakes
from tracker.nlp.datelines import dateline_end
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Mention

if TYPE_CHECKING:
    from tracker.nlp.speakers import Speaker, SpeakerResolver

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NOT_GROUPS = frozenset({"this", "these", "those", "its", "his", "hers", "ours", "yours", "theirs", "us"})
BODIES = frozenset({"ORG", "NORP"})  # the labels of a named organisation or group of people
PERSONAL = frozenset({"he", "she"})  # a subject a predicate noun may describe, besides a name
COPULAS = frozenset({"is", "was", "are", "were", "'s", "’s", "remains", "remained", "be", "been"})


def predicated(noun: Token, mention_at: Callable[[Token], Mention | None]) -> Token:
    """The one a relative clause describes: a predicate noun stands for the copula's subject
    ("Roe is a lawyer and activist who has said ...": Roe, not "activist"; a copula coordinated with a
    verb has that verb's: "Roe incites X and is a liar and bully who has said ...") when that subject
    is a name or "he"/"she"; a name in the predicate is itself. So does a group the subject is "among"
    ("Roe is among those who say ...": Roe)."""
    first = noun
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    copula = first.head.head if first.dep_ == "pobj" and first.head.lower_ == "among" else first.head
    if first.dep_ not in ("attr", "pobj") or copula.lower_ not in COPULAS or mention_at(first) is not None:
        return noun
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    while subject is None and copula.dep_ == "conj" and copula.head != copula:  # "Roe incites X and is a Y"
        copula = copula.head
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    named = subject is not None and (subject.lower_ in PERSONAL or mention_at(subject) is not None)
    return subject if named else noun  # not "The context is his lawsuit, which alleges ..."


def survey_for(resolver: SpeakerResolver, share: Token) -> Mention | None:
    """The poll a share of respondents answered ("In a Bloomberg poll, 72 percent said ...",
    "... , according to the survey"): the nearest poll noun before the share in its sentence,
    else after it, else in the sentence before within the paragraph."""
    number = resolver.segment_of.get(share.i)
    if number is None:
        return None
    segment = resolver.segments[number]
    same = [t for t in segment if t.lower_ in resolver.words.surveys and t.i != share.i]
    before = [t for t in same if t.i < share.i]
    found = before[-1] if before else (same[0] if same else None)
    if found is None and number > 0:
        previous = resolver.segments[number - 1]
        if "\n\n" not in resolver.text[previous.end_char : segment.start_char]:
            found = next((t for t in reversed(previous) if t.lower_ in resolver.words.surveys), None)
    if found is None:
        return None
    start, end = resolver.phrase(found)
    first, last = resolver.doc[start].idx, resolver.doc[end - 1].idx + len(resolver.doc[end - 1])
    return Mention(resolver.text[first:last], "", first, last)


def joint_name(names: Sequence[str]) -> str:
    """Speakers coordinated in one subject, named together: "Jane Roe and Mark Doe", "Roe, Doe and Poe"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def together(
    resolver: SpeakerResolver, speaker: Speaker, people: Sequence[Token], *, as_written: bool = False
) -> Speaker:
    """`speaker`, named with those coordinated after the first of `people` in its sentence ("Roe and
    Doe said", "Roe and Doe issued a statement": "Jane Roe and Mark Doe") when the first is a name or
    a pronoun that resolved, and `as_written` with all of them in its text ("Roe and Doe") when that
    is eight words at most."""
    segment = resolver.segments[resolver.segment_of.get(people[0].i, 0)]
    people = [people[0], *(c for c in people[0].conjuncts if people[0].i < c.i < segment.end)]
    if len(people) < 2:
        return speaker
    last = resolver.doc[resolver.phrase(people[-1])[1] - 1]
    end = last.idx + len(last)
    if as_written and end > speaker.start and len(resolver.text[speaker.start : end].split()) <= 8:
        speaker = replace(speaker, text=resolver.text[speaker.start : end], end=end)
    first = people[0]
    if (
        speaker.name is None
        or speaker.via == "survey"  # two shares of one poll: the poll
        or (resolver.mention_at(first) is None and first.lower_ not in resolver.words.pronouns)
        or any(c.dep_ == "appos" for c in first.children)
    ):  # "mogul and TV star Jane Roe", "Roe, a lawyer, and a longtime donor": one person described
        return speaker
    names = [speaker.name, *((s.name or s.text) for s in map(resolver.resolve, people[1:]))]
    return replace(speaker, name=joint_name(list(dict.fromkeys(names))))


def full_name(mentions: Sequence[Mention], mention: Mention, genders: Gendered | None = None) -> str:
    """A surname or a shorter form refers back to the fuller name given earlier in the article
    ("Roe" after "Jane Roe"): the nearest earlier PERSON mention that ends with it, skipping one the
    article gives the other gender than `mention`'s ("Mrs. Roe" is not the "John Roe" named last when
    he is "he" or "Mr." in the article: genders.py) and, when it names several people of that
    surname, one it introduces as a relative ("Mr. Roe" after "his brother, Paul Roe" is the John
    Roe named before; "Roe" after "Liz Roe, the daughter of Dick Roe" is Liz Roe: kinship.py). When
    two or more people of that surname are left ("Roe" after Jo Roe and Sam Roe, of one gender or
    none told), it stays as written (namesakes.py)."""
    words = mention.text.split()
    if mention.label != "PERSON" or len(words) != 1:
        return mention.text
    gender = genders.known(mention) if genders is not None else None
    earlier = [
        m
        for m in reversed(mentions)
        if m.end <= mention.start
        and m.label == "PERSON"
        and len(m.text.split()) > 1
        and m.text.split()[-1] == words[0]
        and (genders is None or genders.agree(gender, m))
    ]
    if genders is not None and len({m.text.split()[0] for m in earlier}) > 1:
        relatives = kinship.relatives(genders.text, earlier)
        earlier = [m for m in earlier if m.text.split()[0] not in relatives] or earlier
        one = namesakes.the_one(earlier, mentions, genders.text, gender)
        if one is None:
            return mention.text  # "Roe" after Jo Roe and Sam Roe, neither a relative: either one
        earlier = [one]
    if earlier and genders is not None and genders.doubted(gender, earlier[0], earlier[0].text):
        return mention.text  # "Mrs. Roe" after only a "John Roe": not him, and no other name chosen
    return earlier[0].text if earlier else mention.text


class Gendered(Protocol):
    """What full_name asks of genders.Genders (no import: genders.py imports this module)."""

    def known(self, mention: Mention) -> str | None: ...

    def agree(self, gender: str | None, mention: Mention) -> bool: ...

    def doubted(self, gender: str | None, mention: Mention, name: str) -> bool: ...

    text: str


def named_instead(doc: Doc, token: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """The name a speaker phrase's head word stands before: a name set off after a dateline the head
    is part of ("CLEVELAND (UPI) — Jane Roe told ..."), or a person's name a title runs into as a
    conjunct ("Acme Radio director for news and sports Jane Roe said": the parser's conjunct of
    "director", one person). Not when the head names someone itself ("the mayor and council member
    Jane Roe", "Acme's chief and ...", a name) or many ("Senate leaders and ...")."""
    dateline = dateline_end(doc, token.left_edge.i)
    if dateline is not None and token.i < dateline:
        # the appositive after the dash of any word of the dateline ("WILMINGTON, Del.": a conjunct)
        return next((c for c in token.subtree if c.dep_ == "appos" and c.head.i < dateline < c.i), None)
    if not token.is_alpha or mention_at(token) is not None or token.lower_ in speaker_words().proxies:
        return None
    if (named := _set_off_name(doc, token, mention_at)) is not None:
        return named
    if token.lower_.endswith("s") and not token.lower_.endswith("ss"):
        return None
    if any(c.dep_ in ("det", "poss") for c in token.children):
        return None
    for name in (c for c in token.children if c.dep_ == "conj"):
        mention = mention_at(name)
        titled = any(c.dep_ == "compound" and c.text.islower() and c.i < name.i for c in name.children)
        if mention is not None and mention.label == "PERSON" and titled:
            return name
    return None


def _set_off_name(doc: Doc, token: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """A person's name set off by commas that the parser hung elsewhere, naming the subject `token`
    describes: a second subject after an inverted one ("“...,” added the head of the union, Jane
    Roe") or an appositive ending just before the verb ("One grocer backing Mr. Doe, Jane Roe of the
    union, said ...")."""
    verb = token.head

    def person(t: Token) -> bool:
        found = mention_at(t)
        return found is not None and found.label == "PERSON" and doc[t.left_edge.i - 1].text == ","

    if token.dep_ == "nsubj" and verb.i < token.i:
        return next((c for c in verb.children if c.dep_ == "nsubj" and c.i > token.i and person(c)), None)
    if token.dep_ != "nsubj" or verb.i < token.i or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    last = doc[verb.i - 2]  # the appositive's last word, before the comma closing it
    return next(  # not one on the head itself: "Roe's lawyer, Jane Doe, said" is resolve's own
        (
            t
            for t in token.subtree
            if t.dep_ == "appos" and t.head != token and t.right_edge == last and person(t)
        ),
        None,
    )


def governing_subject(
    pronoun: Token, candidates: Sequence[Mention], mention_at: Callable[[Token], Mention | None]
) -> Mention | None:
    """Of `candidates` (the compatible mentions before `pronoun` in its sentence), the subject of the
    nearest clause that the pronoun's own clause hangs from ("Roe struck back at Doe, saying what he
    called lies": Roe, not the nearer Doe); None when no candidate is such a subject. Not a subject
    whose clause has a pronoun of the speaker's gender for object ("Roe insisted, with Doe standing
    behind him as he urged ...": Doe stands behind the one who urges; antecedents.binds): a clause
    further up is looked at."""
    for head in pronoun.ancestors:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and child.i < pronoun.i:
                if child.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
                    child = head.head  # "Roe, who led the campaign because he claimed ...": Roe
                found = mention_at(child)
                if found is not None and found in candidates and not antecedents.binds(head, pronoun):
                    return found
    return None


def group_for(pronoun: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """The subject "they" refers to: that of the nearest clause the pronoun's own clause hangs from
    ("Roe and Doe pointed at what they called ...", "Growers dwelt on what they said ..."), or the
    noun a participle hangs on ("an army of supporters planning protests against what they call
    ..."), when it names a group (speakers.jsonl "group": "several", "many"); None otherwise (the
    nearest subject only: a farther one is a guess)."""
    for head in pronoun.ancestors:
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i), None)
        if subject is None and head.dep_ == "acl" and head.lower_.endswith("ing") and head.head.i < pronoun.i:
            subject = head.head  # "supporters planning protests against what they call ...": supporters
        if subject is None:
            continue
        word = subject.lower_
        plural = word.endswith("s") and not word.endswith(("ss", "'s", "’s")) and mention_at(subject) is None
        coordinated = any(c.dep_ == "conj" for c in subject.children)
        some = word in speaker_words().groups  # "several threatened ... a system that they say ..."
        named = mention_at(subject)  # "The campaign ... what they call": a body of people, or one named
        collective = word in speaker_words().collectives or (named is not None and named.label in BODIES)
        return subject if (plural or coordinated or some or collective) and word not in NOT_GROUPS else None
    return None


def surname_subject(pronoun: Token, quoted: Collection[int]) -> Token | None:
    """The nearest subject of a clause the pronoun's own clause hangs from, before it and outside
    quotation marks, when it is a capitalised word ("Roe hasn't said whether he ...", "Roe defended his
    vote, but later he announced ..."): a surname the entity model may have missed or mislabelled,
    which refers back to the fuller name before it (the caller finds it). None when that subject is
    another word. Else the subject of a clause its verb reports that ends in a colon before the quote
    ("Roe fired back: “...,” he wrote"), not in a comma ("Mrs. Roe is wrong, he said": Roe is the topic)."""
    reported = [
        c
        for c in pronoun.head.children
        if c.dep_ in ("ccomp", "parataxis") and c.i < pronoun.i and c.doc[c.right_edge.i].text == ":"
    ]
    for head in (*pronoun.ancestors, *reported):
        if antecedents.binds(head, pronoun):
            continue  # "with Doe behind him as he spoke": not Doe (governing_subject)
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and child.i < pronoun.i and child.i not in quoted:
                return child if child.text[:1].isupper() else None
    return None
