"""MinHash near-copy detection: shingles, signatures, LSH band keys and their similarity."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from tests.sources.test_dedupe import BODIES, ROOT
from tracker.sources import minhash as minhash_module
from tracker.sources.dedupe import text_fingerprint
from tracker.sources.minhash import (
    BANDS,
    MERSENNE_PRIME,
    NEAR_COPY_THRESHOLD,
    NUM_PERM,
    band_keys,
    minhash,
    shingles,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
)

ARTICLE_600 = " ".join(" ".join(BODIES).split()[:600])


def test_shingles_are_stable_64_bit_integers():
    values = shingles("one two three four five six seven")

    assert len(values) == 3
    assert all(0 <= value < 2**64 for value in values)
    assert values == shingles("One, two; three FOUR five six seven.")
    assert len(shingles("too short")) == 1
    assert shingles("") == set()


def splitmix64(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % 2**64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % 2**64
    return z ^ (z >> 31)


def test_a_shingle_is_its_words_digests_combined_and_few_digests_are_kept(monkeypatch):
    monkeypatch.setattr(minhash_module, "WORD_DIGESTS", 3)
    monkeypatch.setattr(minhash_module, "_DIGESTS", minhash_module._WordDigests())
    words = "alpha beta gamma delta epsilon".split()
    combined = 0
    for word in words:
        digest = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        combined = (combined * 0x9E3779B97F4A7C15 + digest) % 2**64

    for _ in range(2):  # hashed, then (the last words) kept
        assert shingles("Alpha, beta gamma delta epsilon.") == {splitmix64(combined)}
    assert len(minhash_module._DIGESTS) <= 3


def test_minhash_is_exactly_a_times_x_plus_b_mod_the_mersenne_prime():
    text = BODIES[1]
    expected = [
        min((a * (x % MERSENNE_PRIME) + b) % MERSENNE_PRIME for x in shingles(text))
        for a, b in zip(minhash_module._A.tolist(), minhash_module._B.tolist(), strict=True)
    ]

    assert minhash(text).tolist() == expected


def lightly_edited(text: str) -> str:
    words = text.split()
    for position, replacement in [
        (40, "reportedly"),
        (170, "firm"),
        (300, "said"),
        (430, "big"),
        (560, "then"),
    ]:
        words[position] = replacement
    return " ".join(words)


def test_similarity_of_identical_edited_and_unrelated_texts():
    signature = minhash(ARTICLE_600)

    assert signature.dtype == np.uint64 and signature.shape == (NUM_PERM,)
    assert similarity(signature, minhash(ARTICLE_600)) == 1.0
    assert similarity(signature, minhash(lightly_edited(ARTICLE_600))) > 0.7
    for i, body in enumerate(BODIES):
        for other in BODIES[i + 1 :]:
            assert similarity(minhash(body), minhash(other)) < 0.2


def test_band_keys_find_the_near_copy_and_not_unrelated_articles():
    keys = band_keys(minhash(ARTICLE_600))

    assert len(keys) == BANDS and len(set(keys)) == BANDS
    assert all(-(2**63) <= key < 2**63 for key in keys)
    assert set(keys) & set(band_keys(minhash(lightly_edited(ARTICLE_600))))
    seed_keys = [set(band_keys(minhash(body))) for body in BODIES]
    for i, these in enumerate(seed_keys):
        for those in seed_keys[i + 1 :]:
            assert not these & those


def test_near_copy_threshold_separates_copies_from_rewrites():
    signature = minhash(ARTICLE_600)

    assert similarity(signature, minhash(lightly_edited(ARTICLE_600))) >= NEAR_COPY_THRESHOLD
    assert similarity(minhash(BODIES[0]), minhash(BODIES[2])) < NEAR_COPY_THRESHOLD


def test_text_without_words_matches_nothing():
    empty = minhash(" — ")

    assert band_keys(empty) == []
    assert similarity(empty, minhash("")) == 0.0
    assert similarity(empty, minhash(ARTICLE_600)) == 0.0


def test_signature_bytes_round_trip():
    signature = minhash(ARTICLE_600)
    stored = signature_to_bytes(signature)

    assert len(stored) == NUM_PERM * 8
    assert np.array_equal(signature_from_bytes(stored), signature)
    assert signature_from_bytes(memoryview(stored)).dtype == np.uint64
    with pytest.raises(ValueError):
        signature_from_bytes(stored[:-1])
    with pytest.raises(ValueError):
        band_keys(signature[:-1])


def test_signatures_and_band_keys_are_the_same_in_another_process():
    code = (
        "import json, sys\n"
        "from tracker.sources.dedupe import text_fingerprint\n"
        "from tracker.sources.minhash import band_keys, minhash\n"
        "text = sys.stdin.read()\n"
        "print(json.dumps([minhash(text).tolist(), band_keys(minhash(text)), text_fingerprint(text)]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "random"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=ARTICLE_600,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )

    signature, keys, fingerprint = json.loads(result.stdout)
    assert signature == minhash(ARTICLE_600).tolist()
    assert keys == band_keys(minhash(ARTICLE_600))
    assert fingerprint == text_fingerprint(ARTICLE_600)
