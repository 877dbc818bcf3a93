"""Stories and copies on real articles: the hand-labelled PolNeAR dev split, through the real chain.

The labels (tests/fixtures/polnear_stories.json) were written by hand before the clusterer was tuned;
the texts come from ../shared/attribution/polnear at run time, and copies are generated from them here
(tests/support/copies.py). The floors sit just under what the clustering reached when they were set:
they catch a regression, they are not the goal (ARI >= 0.9, see issue 16).
"""

from __future__ import annotations

import pytest

from bench.crossref import POLNEAR_ABSENT, ingest_polnear, polnear_set, score_polnear

pytestmark = pytest.mark.django_db

ARI_FLOOR = 0.41  # reached 0.441 on the dev split (223-article set: 0.642; before issue 16's features 0.365)
B_CUBED_FLOOR = 0.86  # reached 0.881
COPY_FLOOR = 0.95  # reached 1.000: every generated copy linked to its original


@pytest.fixture(scope="module")
def items():
    found = polnear_set(quick=True)
    if found is None:
        pytest.skip(POLNEAR_ABSENT)
    return found


def test_the_labelled_dev_split_clusters_above_its_floors(items):
    score = score_polnear(items, ingest_polnear(items))
    assert score.articles == 84 and score.copies == 44
    assert score.copies_linked >= COPY_FLOOR, score
    assert score.copies_in_story >= COPY_FLOOR, score
    assert score.ari >= ARI_FLOOR, score
    assert score.b_cubed >= B_CUBED_FLOOR, score
