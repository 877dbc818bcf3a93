"""Entity mentions: the names of an analysed doc as `Mention`s, linked to the curated vocabulary.

The pipeline has already corrected the labels (components.EntityFixer); here the spans are turned
into plain data: LOC becomes GPE (a place is a place to a reader), FAC, NORP, WORK_OF_ART, LANGUAGE
and the numeric labels are left out, and a mention whose text is a curated name or alias is linked to
that entity and takes its kind, whatever label the model gave it.

Caveat: linking is by exact text (case-sensitive unless the alias says otherwise) after a leading
"the" and a possessive are removed; a name written differently from every alias stays unlinked and
shows up in `mention_counts` as a candidate for curation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from tracker.nlp.apposed_names import with_apposed
from tracker.nlp.types import Mention, VocabularyEntry

OUTPUT_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "GPE", "LAW", "EVENT", "COURT"})
LABEL_MAP = {"LOC": "GPE"}
_POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class Linker:
    """Looks curated entities up by name or alias text."""

    by_name: dict[str, VocabularyEntry] = field(default_factory=dict)
    exact: dict[str, VocabularyEntry] = field(default_factory=dict)
    folded: dict[str, VocabularyEntry] = field(default_factory=dict)

    @classmethod
    def build(cls, vocabulary: Iterable[VocabularyEntry]) -> Linker:
        by_name: dict[str, VocabularyEntry] = {}
        exact: dict[str, VocabularyEntry] = {}
        folded: dict[str, VocabularyEntry] = {}
        for entry in vocabulary:
            by_name.setdefault(entry.name, entry)
            for text, case_sensitive in ((entry.name, True), *entry.aliases):
                text = _normalise(text)
                if case_sensitive:
                    exact.setdefault(text, entry)
                else:
                    folded.setdefault(text.casefold(), entry)
        return cls(by_name, exact, folded)

    def resolve(self, text: str) -> VocabularyEntry | None:
        """The curated entity `text` names ("Smith's", "the Northern District of California"), or None."""
        text = _normalise(text)
        for candidate in _variants(text):
            entry = self.exact.get(candidate) or self.folded.get(candidate.casefold())
            if entry is not None:
                return entry
        return None


@lru_cache(maxsize=8)
def _cached_linker(vocabulary: tuple[VocabularyEntry, ...]) -> Linker:
    return Linker.build(vocabulary)


def linker_for(vocabulary: Sequence[VocabularyEntry]) -> Linker:
    """The (cached) linker of a vocabulary."""
    return _cached_linker(tuple(vocabulary))


def resolve(text: str, vocabulary: Sequence[VocabularyEntry]) -> VocabularyEntry | None:
    """The curated entity a surface text names, or None (for speakers: "Smith" -> Elon Smith)."""
    return linker_for(vocabulary).resolve(text)


def find_mentions(doc: Doc, vocabulary: Sequence[VocabularyEntry] = ()) -> list[Mention]:
    """Every PERSON, ORG, PRODUCT, GPE, LAW, EVENT and COURT mention of `doc`, in text order.

    `doc` must come from build_pipeline/get_pipeline with the same vocabulary (its ruler marks the
    curated names); the vocabulary here links them and gives their entity ids. A person's name the
    model missed that an apposition shows is added (apposed_names.py).
    """
    linker = linker_for(vocabulary)
    mentions: list[Mention] = []
    for ent in doc.ents:
        entry = linker.by_name.get(ent.id_) if ent.id else None  # not ent_id_: it walks the parse
        if entry is None:
            entry = linker.resolve(ent.text)
        label = entry.kind if entry is not None else LABEL_MAP.get(ent.label_, ent.label_)
        if label not in OUTPUT_LABELS:
            continue
        mentions.append(
            Mention(
                text=ent.text,
                label=label,
                start=ent.start_char,
                end=ent.end_char,
                entity=entry.name if entry is not None else None,
                entity_id=entry.entity_id if entry is not None else None,
            )
        )
    return with_apposed(doc, mentions)  # "said Ana Ruiz, a spokeswoman": a person the model missed


def mention_counts(mentions: Iterable[Mention], *, unlinked_only: bool = False) -> Counter[tuple[str, str]]:
    """How often each (text, label) occurs; with `unlinked_only`, only mentions of no curated entity,
    i.e. the candidates for new entities. Texts are whitespace-normalised, not case-folded."""
    return Counter(
        (_normalise(mention.text), mention.label)
        for mention in mentions
        if not (unlinked_only and mention.entity is not None)
    )


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _variants(text: str) -> list[str]:
    """The text, then without a possessive, then without a leading "the"."""
    variants = [text]
    for suffix in _POSSESSIVES:
        if text.endswith(suffix) and len(text) > len(suffix):
            variants.append(text[: -len(suffix)].rstrip())
            break
    for variant in list(variants):
        if variant.lower().startswith("the "):
            variants.append(variant[4:])
    return variants
