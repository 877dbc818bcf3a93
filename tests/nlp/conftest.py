"""Fixtures for the extraction tests: the curated seed vocabulary and one pipeline per test session.

tracker/nlp never reads the database, so the vocabulary here is written out by hand; it mirrors the
curated rows of tracker/cases/migrations/0002_seed_cases.py (and 0004: who represents an organisation).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from bench import trial_coverage
from tracker.nlp.claims import extract_claims
from tracker.nlp.entities import find_mentions
from tracker.nlp.pipeline import build_pipeline
from tracker.nlp.representatives import name_agents
from tracker.nlp.types import VocabularyEntry

SEEDS = Path(__file__).resolve().parents[2] / "tracker" / "sources" / "sample_data"

SEED_VOCABULARY = trial_coverage.seeded_vocabulary()


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
