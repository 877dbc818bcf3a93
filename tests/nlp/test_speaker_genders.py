"""A name's gender and the pronoun that may stand for it (genders.py): a list of first names only ever
refuses a name the rules picked, when the article tells nothing of that name's gender; it never
chooses another name, and what the article tells (a title, its own pronouns) goes before it."""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.genders import first_names


def speakers(text: str) -> dict[str, tuple[str, str | None]]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: (c.speaker, c.speaker_name) for c in found.claims}


def test_the_first_name_list_is_data_and_tells_no_name_of_both_genders():
    names = first_names()
    assert names["Margaret"] == "f" and names["Gerald"] == "m"
    assert "Jordan" not in names and "Kim" not in names  # given to both: no say


def test_names_beyond_the_faker_lists_come_from_us_birth_counts():
    """A given name rare in Faker's locales but common in US births (the SSA rows) has its gender."""
    names = first_names()
    assert names["Mavis"] == "f" and names["Hiram"] == "m"


def test_a_pronoun_is_not_given_a_first_name_of_the_birth_counts_of_the_other_gender():
    text = 'Mavis Ellery chaired the county board for a decade. "The levy will pass," he said.'
    assert speakers(text)["The levy will pass,"] == ("he", None)
    text = 'Hiram Ellery chaired the county board for a decade. "The levy will pass," she said.'
    assert speakers(text)["The levy will pass,"] == ("she", None)


def test_a_pronoun_is_not_given_a_first_name_of_the_other_gender():
    text = 'Margaret Ellery chaired the county board for a decade. "The levy will pass," he said.'
    assert speakers(text)["The levy will pass,"] == ("he", None)


def test_a_pronoun_keeps_a_first_name_of_its_gender():
    text = 'Gerald Ellery chaired the county board for a decade. "The levy will pass," he said.'
    assert speakers(text)["The levy will pass,"] == ("he", "Gerald Ellery")


def test_the_articles_own_pronouns_go_before_the_first_name_list():
    text = (
        "Margaret Ellery said he would run again. Margaret Ellery added that he had the votes. "
        'Margaret Ellery chaired the county board for a decade. "The levy will pass," he said.'
    )
    assert speakers(text)["The levy will pass,"] == ("he", "Margaret Ellery")


def test_a_titled_surname_is_not_given_a_full_name_of_the_other_gender():
    text = "Gerald Ellery spoke at the meeting on Tuesday. Mrs. Ellery said the hall was too cold."
    speaker, name = speakers(text)["the hall was too cold"]
    assert name != "Gerald Ellery"
