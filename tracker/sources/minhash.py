"""Near copies: MinHash signatures of word shingles and locality-sensitive hashing over them.

Pure functions, no ORM. Syndicated or lightly edited copies: word 5-shingles of the normalised text
(`dedupe.normalise_text`) are summarised in NUM_PERM minimum hashes; locality-sensitive hashing splits
them into BANDS bands of ROWS values and hashes each band into one key. Articles sharing a key are
candidates, confirmed when `similarity` (the estimated Jaccard similarity of their shingle sets)
reaches NEAR_COPY_THRESHOLD. A pair of similarity s shares at least one key with probability
1 - (1 - s**ROWS) ** BANDS: about 0.05 at s = 0.2, 0.23 at 0.3, 0.64 at 0.42 (the S-curve's
midpoint, (1/32) ** (1/4)), 0.87 at 0.5 and 0.9998 at 0.7.

Caveat: stored signatures and band keys are only comparable while NUM_PERM, BANDS, the shingle
size, the hash seeds and `normalise_text` stay as they are; changing any of them means recomputing
every stored signature.
"""

from __future__ import annotations

import hashlib

import numpy as np

from tracker.sources.dedupe import normalised_words

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS  # 4
SHINGLE_SIZE = 5
NEAR_COPY_THRESHOLD = 0.5  # estimated Jaccard of 5-shingles; a rewrite of the same facts scores ~0

MERSENNE_PRIME = (1 << 61) - 1
_MASK_32 = np.uint64(0xFFFFFFFF)
_MASK_29 = np.uint64((1 << 29) - 1)
_PRIME = np.uint64(MERSENNE_PRIME)
_CHUNK = 128  # shingles permuted at once: 128 x NUM_PERM uint64 = 128 KiB per intermediate array
_COMBINE = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier folding a shingle's word hashes together
_EMPTY = np.uint64(MERSENNE_PRIME)  # every slot of the signature of a text without words
WORD_DIGESTS = 100_000  # words whose digests a process keeps (~12 MB), then it starts again


class _WordDigests(dict):
    """Each word's 8-byte BLAKE2b digest, kept per process: news repeats its words, and hashing each
    word was a third of an article's shingling. A miss is hashed and kept; past WORD_DIGESTS the
    cache is emptied first (a digest never changes, so nothing kept can be stale)."""

    def __missing__(self, word: str) -> bytes:
        digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
        if len(self) >= WORD_DIGESTS:
            self.clear()
        self[word] = digest
        return digest


_DIGESTS = _WordDigests()


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[int]:
    """Word k-shingles of the normalised text as stable 64-bit hashes; a text shorter than k words
    is one shingle. Stable across processes (BLAKE2b, not Python's salted hash()).
    """
    return set(_shingle_hashes(normalised_words(text), k).tolist())


def _shingle_hashes(words: list[str], k: int) -> np.ndarray:
    """Distinct shingle hashes: each word hashed with BLAKE2b (`_DIGESTS`), then k consecutive word
    hashes combined (multiply-add, wrapping) and mixed with the SplitMix64 finaliser, vectorised."""
    if not words:
        return np.empty(0, dtype=np.uint64)
    digests = b"".join(map(_DIGESTS.__getitem__, words))
    word_hashes = np.frombuffer(digests, dtype="<u8").astype(np.uint64)
    count = max(1, len(words) - k + 1)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(min(k, len(words))):
        combined = combined * _COMBINE + word_hashes[offset : offset + count]
    return np.unique(_mix(combined))


def _mix(z: np.ndarray) -> np.ndarray:
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


# MinHash and LSH


def _seeded(label: str, count: int, low: int) -> np.ndarray:
    """Fixed pseudo-random integers in [low, MERSENNE_PRIME), derived from BLAKE2b, so they never
    change with numpy's generators."""
    values = []
    for index in range(count):
        digest = hashlib.blake2b(f"tracker-minhash-{label}-{index}".encode(), digest_size=8).digest()
        values.append(low + int.from_bytes(digest, "little") % (MERSENNE_PRIME - low))
    return np.array(values, dtype=np.uint64)


_A = _seeded("a", NUM_PERM, 1)
_B = _seeded("b", NUM_PERM, 0)


def _fold(values: np.ndarray) -> np.ndarray:
    """A value congruent to values mod 2**61 - 1 and below 2**61 + 8 (2**61 is 1 modulo that prime)."""
    return (values & _PRIME) + (values >> np.uint64(61))


def _mod_prime(values: np.ndarray) -> np.ndarray:
    """values mod 2**61 - 1, for any uint64 values."""
    folded = _fold(values)
    return np.minimum(folded, folded - _PRIME)  # the subtraction wraps around when folded < prime


_A_HI, _A_LO = _A >> np.uint64(32), _A & _MASK_32
_A_HI_8 = _A_HI << np.uint64(3)  # a_hi * 2**64 is a_hi * 8 modulo the prime; a_hi * 8 < 2**32


def _permuted(x: np.ndarray) -> np.ndarray:
    """(a * x + b) mod 2**61 - 1 for every shingle value x (a column) and permutation (a, b), in uint64
    without overflow: a and x are split into 32-bit halves, a * x < 2**122 is summed modulo the prime.
    x must be below the prime. In place where it can be (fewer arrays of the block's size)."""
    x_hi, x_lo = x >> np.uint64(32), x & _MASK_32
    middle = _A_HI * x_lo  # < 2**61
    middle += _A_LO * x_hi  # < 2**62; middle * 2**32 = (middle >> 29) * 2**61 + ...
    low = _A_LO * x_lo  # < 2**64
    total = _A_HI_8 * x_hi  # < 2**61
    total += middle >> np.uint64(29)
    middle &= _MASK_29
    middle <<= np.uint64(32)
    total += middle
    total += _B
    total += low >> np.uint64(61)  # low folded: congruent, below 2**61 + 8
    low &= _PRIME
    total += low  # < 4 * 2**61 + 2**33 + 8 < 2**64: one fold and one subtraction make it exact
    return _mod_prime(total)


def minhash(text: str) -> np.ndarray:
    """NUM_PERM minimum hashes (uint64) of the text's shingles under fixed permutations a*x+b mod 2**61-1.

    Deterministic across processes and runs. A text without words gets a sentinel signature that
    matches nothing: `band_keys` gives it no keys and `similarity` 0.
    """
    return signature_of(normalised_words(text))


def signature_of(words: list[str], k: int = SHINGLE_SIZE) -> np.ndarray:
    """`minhash` of a text whose `normalised_words` are known (its fingerprint reads the same words);
    `k`: another shingle size (`anchors` shingles names and figures by 3)."""
    hashes = _shingle_hashes(words, k)
    if not hashes.size:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    values = _mod_prime(hashes)[:, None]
    signature = np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    for start in range(0, len(values), _CHUNK):  # small blocks stay in cache: several times faster
        np.minimum(signature, _permuted(values[start : start + _CHUNK]).min(axis=0), out=signature)
    return signature


def _is_empty(signature: np.ndarray) -> bool:
    return bool(np.all(signature == _EMPTY))


def band_keys(signature: np.ndarray, *, rows: int = ROWS, first_band: int = 0) -> list[int]:
    """One signed 64-bit key per band (fits a PostgreSQL bigint): a hash of the band's number and values.
    `rows` and `first_band`: another banding (`anchors`' signature: its bands numbered after these)."""
    signature = np.asarray(signature, dtype=np.uint64)
    if rows == ROWS and signature.shape != (NUM_PERM,):
        raise ValueError(f"a signature has {NUM_PERM} values, not {signature.shape}")
    if _is_empty(signature):
        return []
    values = signature.astype("<u8").reshape(-1, rows)
    return [
        int.from_bytes(
            hashlib.blake2b(
                (first_band + band).to_bytes(2, "little") + values[band].tobytes(), digest_size=8
            ).digest(),
            "little",
            signed=True,
        )
        for band in range(len(values))
    ]


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets: the share of equal signature slots."""
    sig_a, sig_b = np.asarray(sig_a, dtype=np.uint64), np.asarray(sig_b, dtype=np.uint64)
    if sig_a.shape != sig_b.shape:
        raise ValueError(f"signatures of different lengths: {sig_a.shape} and {sig_b.shape}")
    if _is_empty(sig_a) or _is_empty(sig_b):
        return 0.0
    return float(np.count_nonzero(sig_a == sig_b)) / sig_a.size


def similarities(signature: np.ndarray, signatures: np.ndarray) -> list[float]:
    """`similarity` of the signature with each row of a matrix of signatures, at once."""
    if _is_empty(signature):
        return [0.0] * len(signatures)
    equal = np.count_nonzero(signatures == np.asarray(signature, dtype=np.uint64), axis=1).tolist()
    empty = np.all(signatures == _EMPTY, axis=1).tolist()
    return [0.0 if none else float(count) / signature.size for count, none in zip(equal, empty, strict=True)]


def signature_to_bytes(sig: np.ndarray) -> bytes:
    """The signature as NUM_PERM little-endian uint64 values, for a BinaryField."""
    return np.asarray(sig, dtype=np.uint64).astype("<u8").tobytes()


def signature_from_bytes(b: bytes) -> np.ndarray:
    """The inverse of `signature_to_bytes`; raises ValueError on bytes of the wrong length."""
    if len(b) != NUM_PERM * 8:
        raise ValueError(f"a stored signature has {NUM_PERM * 8} bytes, not {len(b)}")
    return np.frombuffer(bytes(b), dtype="<u8").astype(np.uint64)
