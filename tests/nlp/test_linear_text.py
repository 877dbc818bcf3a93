"""Extraction work grows with the text, not with its square (issue 15, item 3). No timings here (the
size sweep of bench/extract.py prints time per character): the tests count the work that used to be
repeated per name, per speaker or per end mark, and check the shortcuts give what the long way gave."""

from __future__ import annotations

import random
import re

import pytest
from spacy.tokens import Doc

from tracker.nlp import claims, components, dates, entities, passages, quotes

PARAGRAPH = (
    "Elon Musk said on Monday that Sam Altman misled him. Altman told reporters the claim was false.\n"
    "“We never agreed to that,” Greg Brockman said. Judge Gonzalez Rogers asked Microsoft to answer.\n"
    "Source: Reuters\n"
)


class CountingDoc(Doc):
    """A Doc that counts how often its text is built (Doc.text joins every token: O(n) each time)."""

    reads = 0

    @property
    def text(self) -> str:
        type(self).reads += 1
        return super().text


def counting_doc(nlp, text: str) -> CountingDoc:
    words = nlp.make_doc(text)
    doc = CountingDoc(nlp.vocab, words=[t.text for t in words], spaces=[bool(t.whitespace_) for t in words])
    return nlp(doc)


def text_reads(nlp, vocabulary, repeats: int) -> tuple[int, int]:
    """(builds of Doc.text by the pipeline, builds by the extraction's steps) for `repeats` paragraphs."""
    CountingDoc.reads = 0
    doc = counting_doc(nlp, PARAGRAPH * repeats)
    in_pipeline, CountingDoc.reads = CountingDoc.reads, 0
    mentions = entities.find_mentions(doc, vocabulary)
    found_dates = dates.find_dates(doc, None)
    found = claims.extract_claims(doc, mentions, found_dates)
    assert len(found) >= repeats and len(mentions) >= 5 * repeats  # many speakers, many names
    return in_pipeline, CountingDoc.reads


def test_doc_text_is_built_a_fixed_number_of_times_however_many_names_and_speakers(nlp, seed_vocabulary):
    few, many = text_reads(nlp, seed_vocabulary, 3), text_reads(nlp, seed_vocabulary, 30)
    assert few == many  # not once per entity (the fixer) or per speaker (the resolver)
    assert many[0] <= 2


def test_the_word_before_an_end_mark_is_read_in_a_bounded_window(monkeypatch):
    line = "A sentence ends here. " * 2_000 + "Mr. Smith and Dr. Jones came. U.S. officials agreed."
    real, seen = passages._WORD_BEFORE, []

    class Recorder:
        def search(self, text, pos=0, endpos=None):
            end = len(text) if endpos is None else endpos
            seen.append(end - pos)
            return real.search(text, pos, end)

    monkeypatch.setattr(passages, "_WORD_BEFORE", Recorder())
    spans = passages.sentence_spans(line)
    assert len(spans) == 2_002 and len(seen) == 2_003
    assert max(seen) <= passages.WORD_WINDOW  # not the whole line before every end mark
    assert [line[s:e] for s, e in spans[-2:]] == ["Mr. Smith and Dr. Jones came.", "U.S. officials agreed."]


def test_long_runs_of_end_marks_split_as_before():
    text = "Wait" + "!" * 5_000 + " Then" + "." * 5_000 + "x. Done?! Yes"
    assert [text[s:e][:12] for s, e in passages.sentence_spans(text)] == [
        "Wait!!!!!!!!",
        "Then........",
        "Done?!",
        "Yes",
    ]


def test_a_span_finds_its_line_without_rereading_the_text():
    rng = random.Random(15)
    for _ in range(300):
        text = "".join(rng.choice(["a", "b", " ", "\n", "\r\n", "1."]) for _ in range(rng.randrange(1, 60)))
        lines = components.Lines(text)
        for offset in range(len(text)):
            start = text.rfind("\n", 0, offset) + 1
            end = text.find("\n", start)
            window, found_start, found_end = lines.around(offset, above=6)
            assert (found_start, found_end) == (start, len(text) if end == -1 else end)
            assert text[window:start].splitlines()[-6:] == text[:start].splitlines()[-6:]


def test_line_breaks_start_sentences_on_every_line(nlp):
    doc = nlp("first line here\n" * 300 + "last line")
    starts = [t.i for t in doc if t.is_sent_start]
    after_breaks = [t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_]
    assert set(after_breaks) <= set(starts) and len(after_breaks) == 300


@pytest.mark.parametrize("seed", range(3))
def test_the_innermost_open_quote_is_found_as_a_scan_would(monkeypatch, seed):
    real, calls = quotes._find, []

    def checked(stack, double):
        found = real(stack, double)
        scan = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].double == double), None)
        assert found == scan
        calls.append(len(stack))
        return found

    monkeypatch.setattr(quotes, "_find", checked)
    rng = random.Random(seed)
    marks = ["“", "”", '"', "‘", "’", "'", "a", " ", " ", "\n", "\n\n", "(", ",", "90s"]
    for _ in range(200):
        quotes.find_quotes("".join(rng.choice(marks) for _ in range(rng.randrange(1, 300))))
    deep = "“a\n" * 200 + "‘b " * 50 + "”, " * 100
    quotes.find_quotes(deep)
    assert max(calls) >= 200  # deep stacks were checked


class Ent:
    def __init__(self, start: int, end: int, label: str) -> None:
        self.start_char, self.end_char, self.label_ = start, end, label


def test_overlapping_dates_and_amounts_keep_the_longest_first():
    class FakeDoc:
        text = "On May 1, 2026 and May 2 " * 500
        ents = tuple(Ent(m.start(), m.start() + 5, "DATE") for m in re.finditer("May 1", text))  # the model's
        has_annotation = staticmethod(
            lambda _: False
        )  # no parse: no tense read (find_dates asks, dated or not)

    found = dates.find_dates(FakeDoc(), None)
    assert [d.text for d in found[:2]] == ["May 1, 2026", "May 2"] and len(found) == 1_000
    from tracker.nlp.amounts import find_amounts

    amounts = find_amounts(
        "It paid $5 million in damages for 5 years and a jury of nine jurors agreed. " * 500
    )
    assert [a.text for a in amounts[:3]] == ["$5 million", "5 years", "nine jurors"] and len(amounts) == 1_500


def test_a_name_holds_a_date_found_inside_it():
    text = "Black Friday Sales Inc. and Friday " * 3
    names = [Ent(m.start(), m.start() + 22, "ORG") for m in re.finditer("Black", text)]

    class FakeDoc:
        ents = tuple(names)
        has_annotation = staticmethod(lambda _: False)

    FakeDoc.text = text
    assert [d.text for d in dates.find_dates(FakeDoc(), None)] == ["Friday"] * 3
