"""Syllable shingles and MinHash signatures, computed in bulk with numpy.

A document's shingles are the hashes of every run of ``size`` consecutive
syllables of its folded text (``textnorm.fold``: case and diacritics ignored).
Hashes are stable across processes and machines, so signatures can be cached.
Signatures use affine permutations ``h -> a * h + b mod 2**32`` with odd ``a``,
drawn exactly as datasketch's ``affine32`` scheme draws them (same seed, same
values), so signatures stay comparable with datasketch's ``MinHash``. Only the
parameter draw is reproduced here: importing datasketch loads scipy, which
would cost the app half a second at start-up and the frozen build 20 MB.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt

from desktop.core.compare.tokens import words
from desktop.core.textnorm import fold

U32 = npt.NDArray[np.uint32]
EMPTY_HASH = np.uint32(0xFFFFFFFF)
_BLOCK_ROWS = 16_384  # shingles per block when hashing many documents at once


class _TokenHashes(dict[str, tuple[int, ...]]):
    """Whitespace-separated token -> stable 32-bit hashes of its folded syllables, memoized.

    Folding and splitting each distinct token once (``"Nội."`` -> ``noi``,
    ``"(8/2),"`` -> ``8``, ``2``) gives the same syllables as folding the whole
    text and finding its word runs, at a fraction of the cost: news text reuses
    a small vocabulary.
    """

    def __missing__(self, key: str) -> tuple[int, ...]:
        value = tuple(zlib.crc32(w.encode("utf-8")) for w in words(fold(key)))
        if len(self) < 2_000_000:
            self[key] = value
        return value


_TOKENS = _TokenHashes()
# Odd 64-bit multipliers, one per position in a shingle (fixed: they define the cache).
_POSITION_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)
MAX_SHINGLE = len(_POSITION_MULTIPLIERS)


def shingle_set(text: str, size: int) -> U32:
    """Sorted, unique 32-bit shingle hashes of ``text`` (short texts: one shingle)."""
    ids = np.fromiter(
        chain.from_iterable(map(_TOKENS.__getitem__, text.split())), dtype=np.uint64
    )
    if not len(ids):
        return np.empty(0, dtype=np.uint32)
    k = min(size, len(ids))
    n = len(ids) - k + 1
    with np.errstate(over="ignore"):
        h = ids[0:n] * _POSITION_MULTIPLIERS[0]
        for m in range(1, k):
            h += ids[m : m + n] * _POSITION_MULTIPLIERS[m]
        h ^= h >> np.uint64(31)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(29)
    hashes = (h >> np.uint64(32)).astype(np.uint32)
    hashes.sort()
    unique: U32 = hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]
    return unique


def affine_permutations(num_perm: int, seed: int) -> tuple[U32, U32]:
    """Multipliers (odd) and offsets of ``num_perm`` affine 32-bit permutations."""
    gen = np.random.RandomState(seed)
    a: U32 = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b: U32 = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


class MinHasher:
    """MinHash signatures of many shingle sets at once."""

    def __init__(self, num_perm: int = 128, seed: int = 1):
        self.num_perm = num_perm
        self.seed = seed
        self._a, self._b = affine_permutations(num_perm, seed)

    def signatures(self, sets: Sequence[U32]) -> U32:
        """``(len(sets), num_perm)`` signatures; an empty set gets all ``EMPTY_HASH``."""
        out = np.full((len(sets), self.num_perm), EMPTY_HASH, dtype=np.uint32)
        start = 0
        while start < len(sets):
            stop, rows = start, 0
            while stop < len(sets) and (rows == 0 or rows + len(sets[stop]) <= _BLOCK_ROWS):
                rows += len(sets[stop])
                stop += 1
            self._fill(sets, start, stop, out)
            start = stop
        return out

    def _fill(self, sets: Sequence[U32], start: int, stop: int, out: U32) -> None:
        chosen = [i for i in range(start, stop) if len(sets[i])]
        if not chosen:
            return
        flat = np.concatenate([sets[i] for i in chosen])
        offsets = np.cumsum([0] + [len(sets[i]) for i in chosen[:-1]])
        # (num_perm, shingles) keeps the reduction over contiguous memory: ~10x faster.
        with np.errstate(over="ignore"):
            permuted = self._a[:, None] * flat[None, :]
            permuted += self._b[:, None]
        out[chosen] = np.minimum.reduceat(permuted, offsets, axis=1).T
