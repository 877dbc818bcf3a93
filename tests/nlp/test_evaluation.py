"""evaluate: the gold file's matching rules, one at a time, on hand-made extractions."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp.evaluation import Scores, evaluate, format_scores
from tracker.nlp.types import Claim, DateMention, Extraction, Mention, Quote

GOLD = {
    "entities": [
        {"name": "Elon Musk", "kind": "PERSON", "aliases": ["Musk"], "in": ["000", "001"], "level": "must"},
        {"name": "OpenAI", "kind": "ORG", "aliases": [], "in": ["000"], "level": "must"},
        {"name": "Grok", "kind": "PRODUCT", "aliases": ["Grok AI"], "in": ["001"], "level": "should"},
    ],
    "not_entities": {
        "about": "known mistakes",
        "examples": [{"text": "OpenAI", "wrong_kinds": ["PERSON", "GPE"]}],
    },
    "events": [
        {"id": "E1", "date": "2026-04-30", "precision": "day", "level": "must", "sources": ["000", "001"]},
        {"id": "E3", "date": "2023", "precision": "year", "level": "should", "sources": ["001"]},
    ],
    "claims": [
        {
            "id": "C1",
            "level": "must",
            "speaker": "Elon Musk",
            "key_phrases": ["train Grok", "OpenAI models"],
            "sources": ["000", "001"],
            "quotes": [{"words": "Partly", "in": ["000"]}, {"words": "partly", "in": ["001"]}],
        },
        {
            "id": "C9",
            "level": "should",
            "speaker": None,
            "key_phrases": ["Frontier Model Forum"],
            "sources": ["001"],
            "quotes": [],
        },
    ],
}


def mention(text: str, label: str, entity: str | None = None, start: int = 0) -> Mention:
    return Mention(text=text, label=label, start=start, end=start + len(text), entity=entity)


def day(value: date, precision: str = "day", start: int = 0) -> DateMention:
    return DateMention(text=str(value), start=start, end=start + 10, value=value, precision=precision)


def quote(text: str, start: int = 0) -> Quote:
    return Quote(text=text, start=start, end=start + len(text))


def claim(
    text: str,
    speaker: str = "",
    speaker_entity: str | None = None,
    quotes: tuple[Quote, ...] = (),
    when: DateMention | None = None,
) -> Claim:
    return Claim(
        speaker=speaker,
        verb="say",
        attribution="indirect",
        kind="statement",
        text=text,
        sentence=text,
        start=0,
        end=len(text),
        sentence_start=0,
        sentence_end=len(text),
        speaker_entity=speaker_entity,
        quotes=quotes,
        date=when,
    )


def scores(**seeds: Extraction) -> Scores:
    return evaluate(GOLD, {seed.lstrip("s"): found for seed, found in seeds.items()})


# --- entities ---------------------------------------------------------------------------------


def test_an_entity_matches_by_alias_case_insensitively_with_the_gold_kind():
    found = scores(
        s000=Extraction(mentions=(mention("MUSK", "PERSON"), mention("openai", "ORG"))),
        s001=Extraction(mentions=(mention("musk", "PERSON"), mention("grok ai", "PRODUCT"))),
    ).entities
    assert (found.found, found.missed) == (4, 0)
    assert (found.correct, found.wrong) == (4, 0)


def test_an_entity_with_another_kind_is_missed_and_counts_against_precision():
    found = scores(s000=Extraction(mentions=(mention("OpenAI", "PERSON"),))).entities
    assert "OpenAI in 000" in found.missed_items
    assert (found.correct, found.wrong) == (0, 1)


def test_an_entity_matches_by_the_name_it_is_linked_to():
    found = scores(
        s000=Extraction(mentions=(mention("the billionaire", "PERSON", entity="Elon Musk"),))
    ).entities
    assert "Elon Musk in 000" not in found.missed_items
    assert found.correct == 1


def test_entity_precision_counts_distinct_linked_names_and_ignores_unannotated_names():
    extracted = Extraction(
        mentions=(
            mention("Musk", "PERSON", entity="Elon Musk", start=0),
            mention("Elon Musk", "PERSON", entity="Elon Musk", start=20),
            mention("Musk", "PERSON", entity="Elon Musk", start=40),
            mention("Zebra Holdings", "ORG", start=60),  # not annotated: cannot be judged
        )
    )
    found = scores(s000=extracted).entities
    assert (found.correct, found.wrong) == (1, 0)


def test_a_listed_name_in_a_seed_the_gold_does_not_list_it_for_counts_against_precision():
    found = scores(s001=Extraction(mentions=(mention("OpenAI", "ORG"),))).entities
    assert (found.correct, found.wrong) == (0, 1)


def test_entity_must_recall_leaves_out_should_items():
    found = scores(s000=Extraction(mentions=(mention("Musk", "PERSON"),))).entities
    assert (found.found, found.missed) == (1, 3)
    assert (found.must_found, found.must_missed) == (1, 2)
    assert found.must_recall == pytest.approx(1 / 3)


def test_not_entities_counts_each_span_with_a_wrong_kind_once():
    extracted = Extraction(
        mentions=(
            mention("OpenAI", "PERSON", start=0),
            mention("OpenAI", "PERSON", start=0),  # the same span twice
            mention("openai", "GPE", start=30),
            mention("OpenAI", "ORG", start=60),  # the right kind
            mention("OpenAI Foundation", "PERSON", start=90),  # another text
        )
    )
    result = scores(s000=extracted)
    assert result.not_entity_violations == 2
    assert any("as GPE in 000" in item for item in result.not_entities)


# --- claims -----------------------------------------------------------------------------------


def test_a_claim_matches_by_speaker_alias_case_insensitively_and_a_key_phrase():
    result = scores(
        s000=Extraction(claims=(claim("xAI used openai MODELS", speaker="musk"),)),
        s001=Extraction(claims=(claim("it helped to train Grok", speaker="he", speaker_entity="Elon Musk"),)),
    )
    assert (result.claims.must_found, result.claims.must_missed) == (2, 0)
    assert (result.claims.correct, result.claims.wrong) == (2, 0)


def test_a_claim_by_another_speaker_or_without_a_key_phrase_does_not_match():
    result = scores(
        s000=Extraction(
            claims=(
                claim("xAI used OpenAI models", speaker="Altman", speaker_entity="Sam Altman"),
                claim("it was a fine day", speaker="Musk", speaker_entity="Elon Musk"),
            )
        )
    )
    assert "C1 in 000" in result.claims.missed_items
    assert (result.claims.correct, result.claims.wrong) == (0, 2)


def test_a_key_phrase_may_be_in_the_claims_quotes():
    found = claim("he did it", speaker="Musk", quotes=(quote("we used OpenAI models"),))
    assert scores(s000=Extraction(claims=(found,))).claims.must_found == 1


def test_a_gold_claim_without_speaker_matches_only_a_claim_without_speaker_entity():
    unattributed = claim("the Frontier Model Forum was formed", speaker="a report")
    attributed = claim("the Frontier Model Forum was formed", speaker="Musk", speaker_entity="Elon Musk")
    assert "C9 in 001" not in scores(s001=Extraction(claims=(unattributed,))).claims.missed_items
    assert "C9 in 001" in scores(s001=Extraction(claims=(attributed,))).claims.missed_items


def test_a_claim_in_a_seed_the_gold_does_not_source_it_from_is_wrong():
    result = evaluate(GOLD, {"002": Extraction(claims=(claim("to train Grok", speaker="Musk"),))})
    assert (result.claims.correct, result.claims.wrong) == (0, 1)
    assert result.claims.found == 0  # and the seeds without an extraction count as missed
    assert result.claims.missed == 3


# --- quotes -----------------------------------------------------------------------------------


def test_a_quote_matches_verbatim_inside_an_extracted_quote_of_its_seed():
    result = scores(
        s000=Extraction(claims=(claim("x", quotes=(quote("Partly, yes"),)),)),
        s001=Extraction(claims=(claim("x", quotes=(quote("Partly"),)),)),  # the gold has "partly" here
    )
    assert (result.quotes.found, result.quotes.missed) == (1, 1)
    assert result.quotes.missed_items == ("'partly' (C1) in 001",)
    assert (result.quotes.correct, result.quotes.wrong) == (1, 1)


def test_a_quote_attached_to_two_claims_is_counted_once():
    shared = quote("Partly", start=5)
    extracted = Extraction(
        claims=(claim("a", quotes=(shared,)), claim("b", quotes=(shared, quote("no", 40))))
    )
    result = scores(s000=extracted)
    assert (result.quotes.correct, result.quotes.wrong) == (1, 1)


# --- event dates ------------------------------------------------------------------------------


def test_an_event_date_is_found_in_a_date_mention_or_a_claim_date_at_its_precision():
    result = scores(
        s000=Extraction(dates=(day(date(2026, 4, 30)),)),
        s001=Extraction(claims=(claim("x", when=day(date(2023, 1, 1), "year")),)),
    )
    assert result.event_dates.missed_items == ("E1 in 001",)
    assert (result.event_dates.must_found, result.event_dates.must_missed) == (1, 1)


def test_a_date_at_another_precision_does_not_match_the_event():
    result = scores(
        s000=Extraction(dates=(day(date(2026, 4, 27), "week"),)),  # the Monday of the week of 30 April
        s001=Extraction(dates=(day(date(2023, 6, 1), "day"), day(date(2026, 4, 1), "month"))),
    )
    assert result.event_dates.found == 0


def test_event_date_precision_counts_distinct_claim_dates():
    right, wrong = day(date(2026, 4, 30)), day(date(2026, 4, 29))
    extracted = Extraction(
        claims=(
            claim("a", when=right),
            claim("b", when=day(date(2026, 4, 30), start=50)),
            claim("c", when=wrong),
        ),
        dates=(day(date(2020, 1, 1)),),  # plain date mentions do not count for precision
    )
    result = scores(s000=extracted)
    assert (result.event_dates.correct, result.event_dates.wrong) == (1, 1)


# --- figures and lines ------------------------------------------------------------------------


def test_nothing_to_count_scores_one_and_nothing_found_scores_zero():
    result = evaluate(GOLD, {})
    assert result.claims.precision == 1.0
    assert result.claims.recall == 0.0
    assert evaluate({}, {}).entities.recall == 1.0


def test_format_scores_gives_one_line_per_figure():
    lines = format_scores(scores(s000=Extraction(mentions=(mention("Musk", "PERSON"),))))
    assert lines[0] == "entities     precision 1.00 (1/1)  recall 0.25 (1/4)  (tp 1, fp 0, fn 3)"
    assert "entities must recall 0.33 (1/3)" in lines
    assert any(line.startswith("claims must recall 0.00") for line in lines)
    assert any(line.startswith("event dates ") for line in lines)
    assert lines[-1] == "not_entities violations 0"
