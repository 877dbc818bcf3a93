"""A full name with where the person is from after it is that name (tracker/crossref/kin_names.py
`placed`): "Maren Holloway of Brightmoor College" and "Maren Holloway" are one speaker, whose reports of
one statement make one claim in either order, written with the plain name. Another name before "of", or
no proper name after it, is not. Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.crossref.test_claim_linking import article, say
from tests.crossref.test_speaker_kin import every_order, story  # noqa: F401 - the fixture
from tracker.crossref.kin_names import may_be_kin, placed


def test_a_name_with_where_the_person_is_from_is_the_name():
    """Seen failing with `placed` left out of `kin_names.one_name`."""
    assert placed("Maren Holloway of Brightmoor College", "Maren Holloway")
    assert may_be_kin("Maren Holloway", "Maren Holloway of Brightmoor College")
    assert not placed("Maren Holloway of the union", "Maren Holloway")  # no proper name after "of"
    assert not may_be_kin("Jonas Holloway of Brightmoor College", "Maren Holloway")
    assert not placed("Holloway of Brightmoor College", "Holloway")  # a surname alone: not a name in full


@pytest.mark.django_db
@pytest.mark.parametrize("placed_first", [True, False])
def test_the_placed_name_and_the_name_make_one_claim(story, placed_first):  # noqa: F811
    """Seen failing with `placed` left out of `kin_names.one_name` (two claims, in both orders; the pool's
    index under the name's last word, `Index.add`, is test_kin_keys')."""
    plain = article("Pine Wire", story, hours=0)
    say(plain, '"about 70 percent of the design" came from the vendor library', speaker="Maren Holloway")
    long = article("Bench Ledger", story, hours=1)
    said = '"about 40 percent of the design" was drawn from parts anyone may license'
    say(long, said, speaker="Maren Holloway of Brightmoor College")
    for groups, speakers in every_order([long, plain] if placed_first else [plain, long]):
        assert groups == {frozenset({plain.pk, long.pk})}
        assert speakers[long.pk] == "Maren Holloway"
