"""The relative bar of story clustering and the pairs held to the floor only (tracker/crossref/relative.py).

Invented coverage of one invented trial: every article names the same two parties and the trial's
words, so unrelated pairs score above the floor and the bar (RELATIVE times the median link) keeps them
apart; two reports of one witness's day, worded apart, share her name, which no other article names.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from tracker.crossref import features, linkage, relative

NOON = datetime(2026, 5, 4, 12, tzinfo=UTC)
CASE = "in the tunnel contract trial between Harbourline and Quayside before the federal jury"


def filler(seed: int, count: int) -> str:
    """Made-up words, different for each seed: text two articles do not share."""
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)) for _ in range(count)
    )


def make(seed: int, title: str, lead: str, people: list[str], hours: int, words: int) -> features.Profile:
    text = f"{lead} {CASE}. {filler(seed, words)}"
    mentions = [(p, "PERSON" if " " in p else "ORG", text.index(p)) for p in people]
    time = NOON + timedelta(hours=hours)
    return features.profile(
        key=(time, title), time=time, seen=time, title=title, text=text, mentions=mentions
    )


def one_case_week() -> list[features.Profile]:
    """Nine reports of nine witnesses (each named once), then two reports of one more witness's day."""
    cast = ["Harbourline", "Quayside"]
    found = [
        make(
            n,
            f"Tunnel trial: {filler(100 + n, 2)}",
            f"Witness Roe{chr(97 + n)}x spoke",
            [*cast, f"Witness Roe{chr(97 + n)}x"],
            n * 3,
            20,
        )
        for n in range(9)
    ]
    found.append(
        make(
            50, "Solberg says bids were rigged", "Ingrid Solberg testified", ["Ingrid Solberg", *cast], 1, 40
        )
    )
    found.append(
        make(
            51,
            "Engineer Solberg takes the stand",
            "Engineer Ingrid Solberg took the stand",
            ["Ingrid Solberg", *cast],
            2,
            40,
        )
    )
    return found


def test_two_reports_sharing_a_rare_participant_meet_the_floor_not_the_bar():
    profiles = one_case_week()
    term_idf, entity_idf = features.rarity(profiles)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in profiles]
    links = linkage.pair_links(profiles, vecs)
    _, bar = relative.bar(links, vecs, entity_idf, features.THRESHOLD)
    witness = links[(9, 10)]
    assert features.THRESHOLD < witness < bar  # without the rule the witness's two reports stay apart
    assert any(features.THRESHOLD < s < bar for pair, s in links.items() if pair != (9, 10))
    assert features.cluster(profiles) == [[0], [9, 10], *([n] for n in range(1, 9))]


def test_pairs_sharing_only_the_cast_are_held_to_the_bar():
    vecs = [({}, {"harbourline": 0.0, "quayside": 0.2, f"roe{n}": 2.0}) for n in range(10)]
    idf = {e: w for _, people in vecs for e, w in people.items()}
    links = {(i, j): 0.1 for i in range(10) for j in range(i + 1, 10)}
    scaled, bar = relative.bar(links, vecs, idf, 0.06)
    assert bar == relative.RELATIVE * 0.1 and scaled == links


def test_where_the_floor_decides_nothing_is_scaled():
    vecs = [({}, {"solberg": 2.0}) for _ in range(10)]
    links = {(i, j): 0.02 for i in range(10) for j in range(i + 1, 10)}
    assert relative.bar(links, vecs, {"solberg": 2.0}, 0.06) == (links, 0.06)


def test_a_lifted_link_is_as_far_over_the_bar_as_it_was_over_the_floor():
    """Lifted, not scaled: a link of a rare pair does not become the strongest in view (a scaled one
    pulled a group's neighbours in through it)."""
    vecs = [
        ({}, {"harbourline": 0.0, f"roe{n}": 2.0, **({"solberg": 2.0} if n < 2 else {})}) for n in range(10)
    ]
    idf = {e: w for _, people in vecs for e, w in people.items()}
    links = {(i, j): 0.1 for i in range(10) for j in range(i + 1, 10)}
    links[(0, 1)] = 0.07
    scaled, bar = relative.bar(links, vecs, idf, 0.06)
    assert abs(scaled[(0, 1)] - (bar + 0.01)) < 1e-12
    assert {pair: s for pair, s in scaled.items() if pair != (0, 1)} == {
        p: s for p, s in links.items() if p != (0, 1)
    }


def test_the_lift_grows_with_how_rare_the_shared_participant_is():
    """A name just past RARE_SHARED (the 'U.S.' of 'U.S. District Judge', in a fifth of the leads) lifts a
    pair by a sliver of the bar's height; one RARE_RAMP past it (a witness of the day) by all of it."""
    cut, ramp = relative.RARE_SHARED, relative.RARE_RAMP
    vecs = [({}, {"harbourline": 0.0, f"roe{n}": 3.0}) for n in range(30)]
    vecs[0][1]["u s"] = vecs[1][1]["u s"] = cut + ramp / 10
    vecs[2][1]["solberg"] = vecs[3][1]["solberg"] = cut + ramp
    idf = {e: w for _, people in vecs for e, w in people.items()}
    links = {(i, j): 0.1 for i in range(30) for j in range(i + 1, 30)}
    links[(0, 1)] = links[(2, 3)] = 0.07
    scaled, bar = relative.bar(links, vecs, idf, 0.06)
    lift = bar - 0.06
    assert abs(scaled[(0, 1)] - (0.07 + lift / 10)) < 1e-12
    assert abs(scaled[(2, 3)] - (0.07 + lift)) < 1e-12
