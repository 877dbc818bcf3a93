"""The pipeline: what is loaded, the per-process cache, NumpyOps, batch processing in a memory zone."""

from __future__ import annotations

import gc
import weakref

import pytest
from spacy.tokens import Doc

from tracker.nlp import components, ops_choice
from tracker.nlp.entities import find_mentions
from tracker.nlp.pipeline import (
    EXCLUDED,
    analyze_docs,
    build_pipeline,
    curated_patterns,
    get_pipeline,
    process,
    vocabulary_key,
)
from tracker.nlp.types import VocabularyEntry


def test_unread_components_are_excluded(nlp):
    assert nlp.pipe_names == ["tok2vec", "line_breaks", "parser", "entity_ruler", "ner", "entity_fixer"]
    assert nlp.disabled == []
    for name in EXCLUDED:
        assert name not in nlp.component_names


def test_a_line_break_ends_a_sentence(nlp):
    doc = nlp("Musk Says xAI Used OpenAI Models\nElon Musk testified on Thursday that it was true.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Musk Says xAI Used OpenAI Models",
        "Elon Musk testified on Thursday that it was true.",
    ]


def test_sentences_come_from_the_parser(nlp):
    doc = nlp("Musk testified on Thursday. OpenAI disagreed. The judge said little.")
    assert doc.has_annotation("DEP") and doc.has_annotation("SENT_START")
    assert [s.text for s in doc.sents] == [
        "Musk testified on Thursday.",
        "OpenAI disagreed.",
        "The judge said little.",
    ]


def test_ruler_patterns_load_with_ids(nlp, seed_vocabulary):
    files = list(components.entity_pattern_files())
    assert files, "patterns/entities*.jsonl"
    for path in files:
        assert all(item["id"] and item["label"] and item["pattern"] for item in components.read_jsonl(path))
    ruler = nlp.get_pipe("entity_ruler")
    assert {"Elon Musk", "court-supreme"} <= {p["id"] for p in ruler.patterns}


def test_curated_patterns_respect_the_case_flag(nlp):
    entry = VocabularyEntry("Acme Corp", "ORG", (("acme", False), ("ACME", True)))
    patterns = curated_patterns([entry], nlp)
    assert {"label": "ORG", "pattern": [{"ORTH": "Acme"}, {"ORTH": "Corp"}], "id": "Acme Corp"} in patterns
    assert {"label": "ORG", "pattern": [{"LOWER": "acme"}], "id": "Acme Corp"} in patterns
    assert {"label": "ORG", "pattern": [{"ORTH": "ACME"}], "id": "Acme Corp"} in patterns


def test_vocabulary_key_ignores_order_but_not_content(seed_vocabulary):
    assert vocabulary_key(seed_vocabulary) == vocabulary_key(list(reversed(seed_vocabulary)))
    changed = (*seed_vocabulary[:-1], VocabularyEntry("Anthropic", "ORG", (("Anthropic PBC", True),), 10))
    assert vocabulary_key(changed) != vocabulary_key(seed_vocabulary)


def test_get_pipeline_is_cached_until_the_vocabulary_changes(seed_vocabulary):
    first = get_pipeline(vocabulary=seed_vocabulary)
    assert get_pipeline(vocabulary=list(seed_vocabulary)) is first
    assert get_pipeline(vocabulary=tuple(reversed(seed_vocabulary))) is first
    grown = (*seed_vocabulary, VocabularyEntry("Frontier Model Forum", "ORG", (("the Forum", False),)))
    second = get_pipeline(vocabulary=grown)
    assert second is not first
    assert get_pipeline(vocabulary=grown) is second


def _annotations(doc: Doc) -> list[tuple]:
    return [(t.i, t.ent_iob_, t.ent_type_, t.dep_, t.head.i, t.is_sent_start) for t in doc]


INVENTED = (
    "The harbour board of Velmora voted on Tuesday to delay the ferry terminal, its chair, Ines Calloway,"
    " said. \u201cWe cannot build a pier the tides will take,\u201d she told reporters in Brindlehaven.",
    "Tomas Reyhart, who runs a bakery near the dock, said the board had broken its promise.\n\n"
    "A spokesman for Northwind Crossings declined to comment, but the company said on March 3 that it"
    " would add a second boat on weekends.",
)


@pytest.mark.parametrize("numpy_ops", [True, "auto"])
def test_numpy_ops_gives_identical_annotations(nlp, seed_vocabulary, seed_texts, numpy_ops):
    fast = build_pipeline(vocabulary=seed_vocabulary, numpy_ops=numpy_ops)
    choice = ops_choice.choice_of(fast)
    assert choice.setting == numpy_ops and ops_choice.uses_numpy_ops(fast) is choice.numpy_ops
    if numpy_ops is True:
        assert choice.numpy_ops
    from thinc.api import NumpyOps

    assert all(
        isinstance(node.ops, NumpyOps) and node.ops.use_blis is not choice.numpy_ops
        for node in fast.get_pipe("ner").model.walk()
    )
    ops_choice.apply(fast, True)  # whatever auto chose, compare NumpyOps itself with the default ops
    texts = [*INVENTED, *list(seed_texts.values())[:3]]
    for plain, other in zip(nlp.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(plain) == _annotations(other)
        assert [(e.start, e.end, e.label_) for e in plain.ents] == [
            (e.start, e.end, e.label_) for e in other.ents
        ]


def test_analyze_docs_keeps_order(nlp):
    texts = [f"Text number {n} mentions OpenAI." for n in range(20)]
    docs = list(analyze_docs(nlp, texts, batch_size=4))
    assert [d.text for d in docs] == texts


def test_process_returns_plain_results_and_frees_strings(nlp, seed_vocabulary):
    word = "Qwzxplorvian"
    results = process(
        nlp, [f"{word} Labs sued OpenAI.", "Musk testified."], lambda d: find_mentions(d, seed_vocabulary)
    )
    assert [m.text for m in results[1]] == ["Musk"]
    assert "OpenAI" in [m.text for m in results[0]]
    assert word not in nlp.vocab.strings  # a string seen only inside the zone is gone


def test_process_refuses_spacy_objects(nlp):
    with pytest.raises(TypeError):
        process(nlp, ["Musk testified."], lambda d: d)


def test_building_the_pipeline_freezes_what_the_process_holds(seed_vocabulary):
    """Full collections then walk only what batches made since (docs/performance.md, session 30): the
    model's and start-up's objects are frozen once the pipeline is built, the pipeline among them."""
    gc.unfreeze()
    own = (*seed_vocabulary, VocabularyEntry("Harbour Board of Velmora", "ORG", (("the Board", False),)))
    nlp = get_pipeline(vocabulary=own)
    assert gc.get_freeze_count() > 10_000  # Django, the apps, the model
    assert all(found is not nlp for found in gc.get_objects())  # frozen: not walked


def test_a_rebuilt_pipeline_lets_the_old_one_go(seed_vocabulary):
    first = weakref.ref(get_pipeline(vocabulary=seed_vocabulary))
    get_pipeline(vocabulary=(*seed_vocabulary, VocabularyEntry("Northwind Crossings", "ORG", ())))
    gc.collect()
    assert first() is None
