"""The parse cache of the offline tools: a warm cache gives the very output of no cache, and any change
to the text or the vocabulary parses again."""

from __future__ import annotations

import json

from tracker.nlp import extraction, parsecache
from tracker.nlp.pipeline import build_pipeline
from tracker.nlp.serialise import extraction_as_json
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Dorlan Vesk", "PERSON", (("Vesk", True),), 1),
    VocabularyEntry("Quillmark Labs", "ORG", (("Quillmark", True),), 2, represented_by="Dorlan Vesk"),
)
TEXTS = (
    "Quillmark Sues Rival Over Data\n"
    "Dorlan Vesk said on Tuesday that the filing was \u201cbaseless and late.\u201d\n"
    "\u201cWe will win,\u201d Vesk told reporters in Brindlehaven. He added that talks had failed.",
    "A spokeswoman for Quillmark Labs said the company had done nothing wrong.\n\n"
    "TALLIS: Did you read the contract?\nVESK: I read every page of it.\n"
    "Mira Olloway, a lawyer for the rival, wrote on March 3 that the claims \u201cfall apart.\u201d",
)


def run(texts, vocabulary=VOCABULARY, cache=None, numpy_ops=False) -> str:
    documents = [extraction.Document(text) for text in texts]
    found = extraction.extract(documents, vocabulary=vocabulary, parse_cache=cache, numpy_ops=numpy_ops)
    return "\n".join(json.dumps(extraction_as_json(f), ensure_ascii=False, sort_keys=True) for f in found)


def cached_files(folder) -> set[str]:
    return {path.name for path in folder.rglob("*.doc")}


def test_a_warm_cache_gives_the_output_of_no_cache(tmp_path):
    fresh = run(TEXTS)
    assert '"Dorlan Vesk"' in fresh and "fall apart" in fresh  # the texts do yield claims and entities
    assert run(TEXTS, cache=tmp_path) == fresh  # cold: parsed and stored
    stored = {path.name: path.stat().st_mtime_ns for path in tmp_path.rglob("*.doc")}
    assert len(stored) == len(TEXTS)
    assert run(TEXTS, cache=tmp_path) == fresh  # warm: loaded, not parsed
    assert {path.name: path.stat().st_mtime_ns for path in tmp_path.rglob("*.doc")} == stored


def test_a_cached_doc_is_loaded_instead_of_parsed(tmp_path):
    nlp = build_pipeline(vocabulary=VOCABULARY)
    cache = parsecache.ParseCache(tmp_path, "key")
    first = [doc.to_json() for doc in cache.parse(nlp, TEXTS, batch_size=8)]
    assert (cache.hits, cache.misses) == (0, 2)
    again = [doc.to_json() for doc in cache.parse(nlp, TEXTS, batch_size=8)]
    assert (cache.hits, cache.misses) == (2, 2)
    assert again == first
    ents = next(iter(cache.parse(nlp, TEXTS[:1], batch_size=8))).ents
    assert any(ent.id_ == "Dorlan Vesk" for ent in ents)  # the ruler's ids survive


def test_a_changed_text_or_vocabulary_misses_the_cache(tmp_path):
    run(TEXTS, cache=tmp_path)
    before = cached_files(tmp_path)
    changed = (TEXTS[0].replace("Tuesday", "Wednesday"), TEXTS[1])
    assert run(changed, cache=tmp_path) == run(changed)
    assert len(cached_files(tmp_path) - before) == 1  # only the changed text was parsed again
    before = cached_files(tmp_path)
    other = (*VOCABULARY, VocabularyEntry("Mira Olloway", "PERSON", (), 3))
    assert run(TEXTS, other, cache=tmp_path) == run(TEXTS, other)
    assert len(cached_files(tmp_path) - before) == 2  # a new vocabulary: every text parsed again


def test_the_key_holds_the_model_setting_and_vocabulary():
    nlp = build_pipeline(vocabulary=VOCABULARY)
    base = parsecache.fingerprint(nlp, model="m", vocabulary_key="v", numpy_ops=False)
    assert base == parsecache.fingerprint(nlp, model="m", vocabulary_key="v", numpy_ops=False)
    assert base != parsecache.fingerprint(nlp, model="m", vocabulary_key="v", numpy_ops=True)
    assert base != parsecache.fingerprint(nlp, model="m", vocabulary_key="w", numpy_ops=False)
    assert base != parsecache.fingerprint(nlp, model="n", vocabulary_key="v", numpy_ops=False)


def test_auto_ops_key_the_cache_as_the_default_ops_and_numpy_ops_apart(tmp_path):
    """A calibration that may choose differently from run to run must not split the cache: with a cache,
    "auto" runs the default ops; NumpyOps forced is keyed apart (the resolved ops, never "auto")."""
    fresh = run(TEXTS)
    assert run(TEXTS, cache=tmp_path, numpy_ops="auto") == fresh
    before = cached_files(tmp_path)
    assert run(TEXTS, cache=tmp_path) == fresh
    assert cached_files(tmp_path) == before  # the default ops' run found auto's files
    assert run(TEXTS, cache=tmp_path, numpy_ops=True) == fresh
    assert len(cached_files(tmp_path) - before) == len(TEXTS)
