"""Shingles and MinHash signatures: stable values (they define the on-disk cache)."""

from __future__ import annotations

import numpy as np

from desktop.core.compare.shingles import MinHasher, affine_permutations, shingle_set


def test_permutations_are_pinned_and_bijective() -> None:
    # The same draw as datasketch's affine32 scheme with seed 1; changing it would
    # silently invalidate every cached signature.
    a, b = affine_permutations(128, 1)
    assert a.dtype == np.uint32 and b.dtype == np.uint32
    assert a[:3].tolist() == [3582191691, 4270784983, 1892572953]
    assert b[:3].tolist() == [214548472, 3287733501, 2301657549]
    assert bool(np.all(a % 2 == 1))


def test_signature_agreement_tracks_jaccard() -> None:
    words = [f"âm{i}" for i in range(400)]
    base = " ".join(words)
    near = " ".join(words[:380] + [f"khác{i}" for i in range(20)])
    other = " ".join(f"xa{i}" for i in range(400))
    sets = [shingle_set(t, 5) for t in (base, near, other)]
    sig = MinHasher(num_perm=128).signatures(sets)
    same_near = float(np.mean(sig[0] == sig[1]))
    same_other = float(np.mean(sig[0] == sig[2]))
    assert same_near > 0.75
    assert same_other < 0.05


def test_folding_makes_shingles_accent_insensitive() -> None:
    assert np.array_equal(
        shingle_set("Đổi mới sáng tạo ở Hà Nội", 3), shingle_set("doi moi sang tao o ha noi", 3)
    )


def test_stop_shingle_filter_is_the_same_in_chunks(monkeypatch) -> None:
    from desktop.core.compare import neardup

    rng = np.random.default_rng(3)
    sets = [np.unique(rng.integers(0, 500, size=n).astype(np.uint32)) for n in range(0, 60)]
    stop = np.unique(rng.integers(0, 500, size=80).astype(np.uint32))
    whole = neardup._without_in_one_pass(sets, stop)
    monkeypatch.setattr(neardup, "_FILTER_CHUNK", 7)
    chunked = neardup._without(sets, stop)
    assert len(chunked) == len(sets)
    for a, b, original in zip(chunked, whole, sets, strict=True):
        assert np.array_equal(a, b)
        assert np.array_equal(a, np.setdiff1d(original, stop))
