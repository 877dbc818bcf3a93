"""manage.py evaluate_extraction: the seed articles scored against their hand annotation."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.support.scorer import FAKE_SCORER

SEEDS = Path(__file__).resolve().parents[2] / "tracker" / "sources" / "sample_data"


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("evaluate_extraction", *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def figure(lines: list[str], prefix: str) -> float:
    [line] = [line for line in lines if line.startswith(prefix)]
    return float(re.search(r"recall (\d\.\d\d)", line).group(1))


@pytest.mark.django_db
def test_the_seed_articles_score_as_the_extraction_is_known_to():
    lines = run(str(SEEDS / "gold.json"), str(SEEDS / "articles"), "--missed")
    for prefix in ("entities ", "claims ", "quotes ", "event dates ", "not_entities violations "):
        assert any(line.startswith(prefix) for line in lines), prefix
    assert figure(lines, "claims must recall") >= 0.8
    assert figure(lines, "entities     precision") >= 0.8
    assert figure(lines, "entities must recall") >= 0.8
    # "on Thursday" in 001 resolves against the manifest's publication date.
    assert not any("E1 in 001" in line for line in lines)


@pytest.mark.parametrize(
    "args, message",
    [
        (("missing.json", str(SEEDS / "articles")), "no such file"),
        ((str(SEEDS / "gold.json"), str(SEEDS / "missing")), "no such folder"),
        ((str(SEEDS / "gold.json"), str(SEEDS)), "no *.txt"),
        ((str(SEEDS / "manifest.json"), str(SEEDS / "articles")), "must hold a JSON object"),
        (
            (str(SEEDS / "gold.json"), str(SEEDS / "articles"), "--published-from", "nope.json"),
            "no such file",
        ),
    ],
)
def test_bad_paths_are_a_one_line_error(args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("evaluate_extraction", *args)


@pytest.mark.django_db
def test_polnear_prints_each_tier_with_its_pronoun_sources_counted_unjudged(tmp_path):
    compartment = tmp_path / "train"  # the scorer is found above it, as score.py beside the corpus
    text = "Mark Tolliver met the council on Tuesday. “The levy will pass,” he said.\n"
    (compartment / "text").mkdir(parents=True)
    (compartment / "attributions").mkdir()
    (compartment / "text" / "a.txt").write_text(text, encoding="utf-8")
    start = text.index("The levy")
    gold = [{"content": [[start, start + len("The levy will pass")]], "source": "he"}]
    (compartment / "attributions" / "a_1.ann").write_text(json.dumps(gold))
    (tmp_path / "score.py").write_text(FAKE_SCORER)
    lines = run("--polnear", str(compartment))
    assert "fake scorer figures" in lines
    levels = [line for line in lines if line.startswith("published at confidence >= ")]
    assert len(levels) == 4
    assert levels[2].startswith(
        "published at confidence >= 2: 1 claims, precision with the right speaker 1.000"
    )
    assert levels[2].endswith("(1 counted right with a pronoun as gold source, speaker unjudged)")
