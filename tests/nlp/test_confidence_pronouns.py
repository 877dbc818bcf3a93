"""The tier of a claim whose speaker is a pronoun resolved to a name (confidence.named_before): a name
its own sentence gives before it, outside quotation marks, was picked wrong far more often than the
subject of the sentence before (PolNeAR train, read by hand), so such a claim waits for a curator; so
does one resolved to the sentence before's first subject for want of a main-clause one (first-subject),
or to a name that only owns or modifies that sentence's subject (owner-subject)."""

from __future__ import annotations

import json

import pytest

from tests.support.scorer import FAKE_SCORER
from tracker.nlp import benchmark, extraction

CONTEXT = "Paul Denning spoke to reporters in Ohio on Tuesday. "


def rated(text: str) -> dict[str, tuple[str, str | None, int, str]]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: (c.speaker, c.speaker_name, c.confidence, c.confidence_rule) for c in found.claims}


@pytest.mark.parametrize(
    "sentence",
    [
        "Mark Tolliver met the council, and “the levy will pass,” he said.",
        "Mark Tolliver praised the council, adding, he said, “the levy will pass.”",
        "Mark Tolliver’s remarks were aimed at the council, including, he said, “the levy will pass.”",
    ],
)
def test_a_pronoun_resolved_to_a_name_in_its_own_sentence_waits_for_a_curator(sentence):
    claims = rated(CONTEXT + sentence)
    [(speaker, name, tier, rule)] = [v for k, v in claims.items() if "levy" in k]
    assert (speaker, name) == ("he", "Mark Tolliver")
    assert (tier, rule) == (1, "named-before")


def test_a_pronoun_resolved_to_the_subject_of_the_sentence_before_is_published():
    claims = rated(CONTEXT + "Mark Tolliver met the council. “The levy will pass,” he said.")
    assert claims["The levy will pass,"] == ("he", "Mark Tolliver", 2, "quote-pronoun")


@pytest.mark.parametrize(
    "before",
    [
        "After Mark Tolliver met the council, the talks ended.",
        "The talks ended after Mark Tolliver met the council.",
    ],
)
def test_a_pronoun_given_the_sentence_befores_first_subject_for_want_of_a_main_one_waits(before):
    """The sentence before has no name as its main clause's subject, only in a clause below it: the
    pronoun's speaker is a guess (antecedents.previous_subject), resolved but rated low."""
    claims = rated(CONTEXT + before + " “The levy will pass,” he said.")
    assert claims["The levy will pass,"] == ("he", "Mark Tolliver", 1, "first-subject")


@pytest.mark.parametrize(
    "before",
    [
        "Mark Tolliver's lawyer met the council.",
        "Mark Tolliver ran for mayor last year. The Tolliver campaign met the council.",
    ],
)
def test_a_pronoun_given_a_name_owning_the_sentence_befores_subject_waits(before):
    """The name only owns or modifies the subject ("Roe's lawyer", "the Roe campaign"), which is who
    spoke there: the pronoun's speaker is a guess (antecedents.previous_subject), rated low."""
    claims = rated(CONTEXT + before + " “The levy will pass,” he said.")
    assert claims["The levy will pass,"] == ("he", "Mark Tolliver", 1, "owner-subject")


def test_a_pronoun_prefers_the_sentence_befores_subject_to_a_name_owning_it():
    claims = rated(
        CONTEXT + "Mark Tolliver's lawyer, Jim Pruett, met the council. “The levy will pass,” he said."
    )
    assert claims["The levy will pass,"] == ("he", "Jim Pruett", 2, "quote-pronoun")


def test_the_benchmark_says_how_many_published_claims_it_counts_right_unjudged(tmp_path):
    scorer = tmp_path / "score.py"
    scorer.write_text(FAKE_SCORER)
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text("x" * 100)
    gold = [{"content": [[0, 10]], "source": "Tolliver"}, {"content": [[20, 30]], "source": "he"}]
    (tmp_path / "attributions" / "a_1.ann").write_text(json.dumps(gold))
    claims = [
        {"start": 0, "end": 10, "speaker": "Mark Tolliver", "confidence": 2},
        {"start": 20, "end": 30, "speaker": "he", "speaker_entity": "Paul Denning", "confidence": 2},
    ]
    levels = benchmark.published_precision(scorer, [{"file": "a.txt", "claims": claims}], tmp_path)
    assert (levels[2].claims, levels[2].right, levels[2].unjudged) == (2, 2, 1)
    assert "1 counted right with a pronoun as gold source" in levels[2].report()


def test_a_guessed_pronoun_still_speaks_for_a_verb_that_needs_a_resolved_speaker():
    """A strict trigger ("rejected the levy") keeps a speaker resolved by a guess: only the tier moves."""
    claims = rated(CONTEXT + "After Mark Tolliver met the council, the talks ended. He rejected the levy.")
    assert claims["the levy"] == ("He", "Mark Tolliver", 1, "first-subject")
