"""Fixtures for the extraction tests: the curated seed vocabulary and one pipeline per test session.

tracker/nlp never reads the database, so the vocabulary here is written out by hand; it mirrors the
curated rows of tracker/cases/migrations/0002_seed_cases.py (and 0004: who represents an organisation).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tracker.nlp.claims import extract_claims
from tracker.nlp.entities import find_mentions
from tracker.nlp.pipeline import build_pipeline
from tracker.nlp.representatives import name_agents
from tracker.nlp.types import VocabularyEntry

SEEDS = Path(__file__).resolve().parents[2] / "tracker" / "sources" / "sample_data"

SEED_VOCABULARY = (
    VocabularyEntry("Elon Musk", "PERSON", (("Musk", True), ("Elon", True)), 1),
    VocabularyEntry("OpenAI", "ORG", (("Open AI", True),), 2, represented_by="Sam Altman"),
    VocabularyEntry("Sam Altman", "PERSON", (("Altman", True),), 3),
    VocabularyEntry("Greg Brockman", "PERSON", (("Brockman", True),), 4),
    VocabularyEntry("Microsoft", "ORG", (), 5),
    VocabularyEntry(
        "xAI", "ORG", (("X.AI", True), ("x.AI", True), ("X.AI Corp", True)), 6, represented_by="Elon Musk"
    ),
    VocabularyEntry("Grok", "PRODUCT", (("Grok AI", True),), 7),
    VocabularyEntry(
        "U.S. District Court for the Northern District of California",
        "COURT",
        (
            ("Northern District of California", True),
            ("N.D. Cal.", True),
            ("federal court in Oakland", False),
            ("Oakland federal court", False),
        ),
        8,
    ),
    VocabularyEntry(
        "Yvonne Gonzalez Rogers",
        "PERSON",
        (
            ("Judge Gonzalez Rogers", True),
            ("Gonzalez Rogers", True),
            ("Judge Yvonne Gonzalez Rogers", True),
        ),
        9,
    ),
    VocabularyEntry("Anthropic", "ORG", (), 10),
)


@pytest.fixture(scope="session")
def seed_vocabulary() -> tuple[VocabularyEntry, ...]:
    """The curated entities of the two seeded cases, as the pipeline receives them."""
    return SEED_VOCABULARY


@pytest.fixture(scope="session")
def nlp(seed_vocabulary: tuple[VocabularyEntry, ...]) -> Language:
    """The production pipeline over the seed vocabulary, loaded once per test session."""
    return build_pipeline(vocabulary=seed_vocabulary)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five seed articles by their three-digit number ("000" ... "004")."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((SEEDS / "articles").glob("*.txt"))}


@pytest.fixture(scope="module")
def claims_of(nlp, seed_vocabulary):
    """The claims of one text under the seed vocabulary, with who spoke for a party named as extraction
    names them (test_claims.py has its own, with dates)."""

    def claims_of(text: str):
        doc = nlp(text)
        mentions = find_mentions(doc, seed_vocabulary)
        return name_agents(extract_claims(doc, mentions), doc, mentions)

    return claims_of
