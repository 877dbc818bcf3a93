"""The one told read as the clause told (told_nouns.py): "told Circuit Judge X Y that Z" parsed with the
judge's name as the verb's clausal complement; the content is Z, not the name."""

from __future__ import annotations

# Invented; the parser reads "Vanderhoven" as the clausal complement of "told" here.
MISREAD = (
    "Odran Pelt, a computer scientist, told Circuit Judge Octavia Vanderhoven that Heron matched 64 percent"
    " of the canary prompts she tested, compared with less than 2 percent for four other models."
)


def test_the_clause_after_a_name_read_as_the_complement_is_the_content(nlp, claims_of):
    told = next(t for t in nlp(MISREAD) if t.text == "told")
    assert [c.text for c in told.children if c.dep_ == "ccomp"][0] == "Vanderhoven"  # the misparse is there
    contents = {c.text for c in claims_of(MISREAD) if c.speaker.endswith("Pelt")}
    assert contents == {
        "Heron matched 64 percent of the canary prompts she tested, compared with less than 2 percent for"
        " four other models"
    }


def test_a_clause_parsed_right_keeps_its_content(claims_of):
    text = "Odran Pelt told the court that Heron matched 64 percent of the prompts she tested."
    assert {c.text for c in claims_of(text)} == {"Heron matched 64 percent of the prompts she tested"}
