"""Near-duplicates: reprints, lightly edited copies and short copies inside
longer articles.

Each record gets a fingerprint when it is stored (in the ingest workers): a
MinHash of its word 4-gram shingles and a mod-p sample of the shingle hashes.
Grouping then needs no text: MinHash LSH (datasketch) proposes pairs whose
Jaccard similarity is high (whole copies, light edits), and an inverted index
over the samples finds pairs where most of one text's shingles appear in the
other — the containment of a short copy in a longer article, which Jaccard
misses. Pairs join in groups; the earliest copy (by date, then by storing
order) names the group.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Fingerprint", "fingerprint", "DuplicateGroup", "find_duplicates", "copy_likeness", "SHINGLE", "NUM_PERM"]

SHINGLE = 4              # words per shingle: light edits keep most 4-grams
NUM_PERM = 128
SAMPLE_MOD = 4           # keep shingle hashes ≡ 0 (mod 4) for containment
JACCARD = 0.5            # near-duplicate when estimated Jaccard ≥ this
CONTAINMENT = 0.6        # short copy when this share of its shingles is in the other text
MIN_SAMPLES = 6          # texts with fewer sampled shingles are too short to call copies
MAX_POSTINGS = 40        # a shingle in more texts than this is boilerplate, not evidence
_WORD = re.compile(r"\w+")
_SCHEME = "affine32"
_perm_cache: dict = {}


@dataclass(frozen=True)
class Fingerprint:
    shingles: int        # number of distinct shingles
    minhash: bytes       # NUM_PERM uint32 MinHash values
    sample: bytes        # sorted uint32 sampled shingle hashes

    def signature(self) -> np.ndarray:
        return np.frombuffer(self.minhash, dtype=np.uint32)

    def samples(self) -> np.ndarray:
        return np.frombuffer(self.sample, dtype=np.uint32)


def shingle_hashes(text: str) -> np.ndarray:
    """Distinct 32-bit hashes of the word 4-grams of ``text`` (case-folded)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return np.zeros(0, dtype=np.uint32)
    hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if len(words) < SHINGLE:
        combined = hashes.copy()
    else:
        combined = np.zeros(len(words) - SHINGLE + 1, dtype=np.uint64)
        for k in range(SHINGLE):
            combined = combined * np.uint64(1_000_003) + hashes[k:len(words) - SHINGLE + 1 + k]
    # murmur3's finaliser spreads the bits, so low bits are fit for mod-p sampling
    combined ^= combined >> np.uint64(33)
    combined *= np.uint64(0xFF51AFD7ED558CCD)
    combined ^= combined >> np.uint64(33)
    return np.unique((combined & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def _minhash(hashes: np.ndarray):
    from datasketch import MinHash

    if "perm" not in _perm_cache:
        _perm_cache["perm"] = MinHash(num_perm=NUM_PERM, seed=1, scheme=_SCHEME).permutations
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=_SCHEME, hashfunc=int, permutations=_perm_cache["perm"])
    if len(hashes):
        m.update_batch(hashes.tolist())
    return m


def fingerprint(text: str) -> Fingerprint:
    hashes = shingle_hashes(text)
    signature = _minhash(hashes).hashvalues.astype(np.uint32)
    sample = hashes[hashes % SAMPLE_MOD == 0]
    return Fingerprint(int(len(hashes)), signature.tobytes(), np.sort(sample).tobytes())


@dataclass
class DuplicateGroup:
    earliest: str
    members: list[tuple[str, float, float]]   # (id, Jaccard with the earliest, containment of the shorter of the two)


def find_duplicates(items: Sequence[tuple[str, Fingerprint]], *, jaccard: float = JACCARD,
                    containment: float = CONTAINMENT) -> list[DuplicateGroup]:
    """Group near-duplicates. ``items`` are (id, fingerprint) in chronological
    order (earliest first): the first member of a group is its earliest copy."""
    from datasketch import LeanMinHash, MinHashLSH

    count = len(items)
    if count < 2:
        return []
    signatures = np.stack([fp.signature() for _, fp in items]) if count else np.zeros((0, NUM_PERM), np.uint32)
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)   # the earlier item stays the root

    lsh = MinHashLSH(threshold=jaccard, num_perm=NUM_PERM)
    empty = np.array([fp.shingles == 0 for _, fp in items])
    with lsh.insertion_session() as session:
        for index in range(count):
            if not empty[index]:
                session.insert(index, LeanMinHash(seed=1, hashvalues=signatures[index], scheme=_SCHEME),
                               check_duplication=False)
    for table in lsh.hashtables:
        for key in table.keys():
            bucket = sorted(table.get(key))
            if len(bucket) < 2:
                continue
            first = bucket[0]
            for other in bucket[1:]:
                if find(first) != find(other) and (signatures[first] == signatures[other]).mean() >= jaccard:
                    union(first, other)
    for i, j in _contained_pairs(items, containment):
        union(i, j)

    groups: dict[int, list[int]] = {}
    for index in range(count):
        groups.setdefault(find(index), []).append(index)
    result = []
    for root, members in groups.items():
        if len(members) < 2:
            continue
        entries = []
        for member in members:
            similarity, contained, _ = _likeness(items[root][1], items[member][1])
            entries.append((items[member][0], round(similarity, 3), round(contained, 3)))
        result.append(DuplicateGroup(items[root][0], entries))
    return result


def _likeness(a: Fingerprint, b: Fingerprint) -> tuple[float, float, int]:
    """(estimated Jaccard, containment of the shorter text's sampled shingles, shared samples)."""
    similarity = float((a.signature() == b.signature()).mean())
    first, second = a.samples(), b.samples()
    shared = int(np.intersect1d(first, second, assume_unique=True).size)
    smaller = min(len(first), len(second))
    return similarity, float(shared / smaller) if smaller else similarity, shared


def copy_likeness(a: Fingerprint, b: Fingerprint, *, jaccard: float = JACCARD,
                  containment: float = CONTAINMENT) -> tuple[float, float] | None:
    """(Jaccard, containment) when ``b`` is a copy of ``a`` by the rules of ``find_duplicates``
    (similar enough, or most of the shorter one's sampled shingles in the other), else None."""
    if not a.shingles or not b.shingles:
        return None
    similarity, contained, shared = _likeness(a, b)
    smaller = min(len(a.samples()), len(b.samples()))
    if similarity >= jaccard or (smaller >= MIN_SAMPLES and shared >= max(3, containment * smaller)):
        return round(similarity, 3), round(contained, 3)
    return None


def _contained_pairs(items: Sequence[tuple[str, Fingerprint]], threshold: float) -> Iterable[tuple[int, int]]:
    """Pairs (i, j) where most sampled shingles of the shorter text are in the other."""
    sizes = np.array([len(fp.sample) // 4 for _, fp in items])
    eligible = np.flatnonzero(sizes >= MIN_SAMPLES)
    if len(eligible) < 2:
        return []
    values = np.concatenate([items[i][1].samples() for i in eligible])
    owners = np.repeat(eligible, sizes[eligible])
    order = np.argsort(values, kind="stable")
    values, owners = values[order], owners[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    lengths = np.diff(np.r_[starts, len(values)])
    keep = (lengths >= 2) & (lengths <= MAX_POSTINGS)
    pairs: list[np.ndarray] = []
    for length in np.unique(lengths[keep]):
        group_starts = starts[keep & (lengths == length)]
        block = owners[group_starts[:, None] + np.arange(length)]          # one row per shingle
        left, right = np.triu_indices(length, k=1)
        pairs.append(np.stack([block[:, left].ravel(), block[:, right].ravel()], axis=1))
    if not pairs:
        return []
    pairs_array = np.concatenate(pairs)
    pairs_array.sort(axis=1)
    pairs_array = pairs_array[pairs_array[:, 0] != pairs_array[:, 1]]
    keys = pairs_array[:, 0].astype(np.int64) * len(items) + pairs_array[:, 1]
    unique, shared = np.unique(keys, return_counts=True)
    first, second = unique // len(items), unique % len(items)
    smaller = np.minimum(sizes[first], sizes[second])
    hit = shared >= np.maximum(3, threshold * smaller)
    return list(zip(first[hit].tolist(), second[hit].tolist()))
