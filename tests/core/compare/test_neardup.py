"""Near-duplicate detection, its cache and incremental refresh, and clusters."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import numpy as np

from desktop.core.compare.clusters import find_clusters
from desktop.core.compare.neardup import (
    CACHE_FILE,
    CACHE_SUBDIR,
    NearDuplicateIndex,
    NearDupParams,
    overlap,
)
from desktop.core.compare.shingles import MinHasher, shingle_set
from desktop.core.store import Library
from tests.helpers.compare import add, make_body, variant


def pair_ids(index: NearDuplicateIndex) -> set[frozenset[str]]:
    return {frozenset(k) for k in index.pairs}


def test_shingles_ignore_case_and_diacritics_and_are_stable() -> None:
    a = shingle_set("Đội tuyển Việt Nam thắng đậm đối thủ", 3)
    b = shingle_set("doi tuyen viet nam THANG dam doi thu", 3)
    assert len(a) == 6 and np.array_equal(a, b)
    assert len(shingle_set("ngắn", 5)) == 1
    assert len(shingle_set("", 5)) == 0


def test_shingle_hashes_do_not_depend_on_the_process() -> None:
    code = (
        "from desktop.core.compare.shingles import shingle_set; "
        "print(shingle_set(%r, 5).tolist())"
    )
    text = "Giá vàng hôm nay tăng mạnh trên thị trường thế giới"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code % text], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {str(shingle_set(text, 5).tolist()) + "\n"}


def test_minhash_estimates_jaccard(rng: random.Random) -> None:
    x = shingle_set(make_body(rng, 40), 5)
    y = np.union1d(x[: len(x) // 2], shingle_set(make_body(rng, 20), 5))
    sigs = MinHasher(256).signatures([x, y, np.empty(0, np.uint32)])
    exact = overlap(x, y).jaccard
    assert abs((sigs[0] == sigs[1]).mean() - exact) < 0.1
    assert (sigs[2] == 0xFFFFFFFF).all()


def test_full_scan_finds_near_duplicates_with_exact_figures(
    library: Library, rng: random.Random
) -> None:
    base = [make_body(rng) for _ in range(30)]
    ids = add(library, base)
    dup_ids = add(library, [variant(base[0], rng), variant(base[5], rng)], "Bản sao")
    index = NearDuplicateIndex.for_library(library)
    report = index.refresh()
    assert report.full and report.hashed == 32 and report.articles == 32
    assert pair_ids(index) == {frozenset((ids[0], dup_ids[0])), frozenset((ids[5], dup_ids[1]))}
    (other, figures), = index.partners(ids[0])
    assert other == dup_ids[0]
    expected = overlap(shingle_set(base[0], 5), shingle_set(library.articles.get(other).body, 5))
    assert figures == expected
    assert 0.5 <= figures.similarity < 1.0


def test_containment_counts_a_short_article_inside_a_long_one(
    library: Library, rng: random.Random
) -> None:
    long_body = make_body(rng, 30)
    excerpt = " ".join(long_body.split(". ")[10:20])
    long_id, short_id = add(library, [long_body, excerpt])
    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    (other, f), = index.partners(short_id)
    assert other == long_id
    assert f.a_in_b > 0.9 and f.b_in_a < 0.5 and f.similarity == f.a_in_b


def test_incremental_refresh_hashes_only_new_articles(library: Library, rng: random.Random) -> None:
    base = [make_body(rng) for _ in range(20)]
    ids = add(library, base)
    NearDuplicateIndex.for_library(library).refresh()

    index = NearDuplicateIndex.for_library(library)  # loads the saved cache
    assert not index.is_current() or index.generation >= 0
    new_id, = add(library, [variant(base[3], rng)], "Mới")
    assert not index.is_current()
    report = index.refresh()
    assert not report.full and report.hashed == 1
    assert pair_ids(index) == {frozenset((ids[3], new_id))}
    again = index.refresh()
    assert again.hashed == 0 and again.pairs == 1


def test_deleted_and_edited_articles_leave_the_index(library: Library, rng: random.Random) -> None:
    base = [make_body(rng) for _ in range(10)]
    ids = add(library, base)
    copy_a, copy_b = add(library, [variant(base[1], rng), variant(base[2], rng)], "Sao")
    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    assert len(index.pairs) == 2
    library.articles.delete([copy_a])
    library.articles.update_text(
        copy_b, title="Sửa", body=make_body(rng), published=None, site=None, author=None,
        url=None, language=None,
    )
    report = index.refresh()
    assert report.removed == 1 and report.hashed == 1 and not report.full
    assert index.pairs == {}
    assert copy_a not in index and copy_b in index
    fresh = NearDuplicateIndex.for_library(library)
    assert fresh.is_current() and fresh.pairs == {} and len(fresh.ids) == len(ids) + 1


def test_corrupt_or_foreign_cache_is_rebuilt(library: Library, rng: random.Random) -> None:
    base = [make_body(rng) for _ in range(8)]
    add(library, [*base, variant(base[0], rng)])
    NearDuplicateIndex.for_library(library).refresh()
    path = library.cache_dir / CACHE_SUBDIR / CACHE_FILE
    path.write_bytes(b"not a cache")
    index = NearDuplicateIndex.for_library(library)
    report = index.refresh()
    assert report.full and len(index.pairs) == 1
    other = NearDuplicateIndex.for_library(library, NearDupParams(shingle_size=4))
    assert not other.is_current()
    assert other.refresh().full and len(other.pairs) == 1


def test_short_articles_are_not_judged(library: Library) -> None:
    add(library, ["Tin ngắn về thời tiết hôm nay.", "Tin ngắn về thời tiết hôm nay nhé."])
    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    assert index.pairs == {}


def test_empty_library(library: Library) -> None:
    index = NearDuplicateIndex.for_library(library)
    report = index.refresh()
    assert report.articles == 0 and report.pairs == 0
    assert find_clusters(index) == []


def test_clusters_are_connected_groups_largest_first(library: Library, rng: random.Random) -> None:
    a, b = make_body(rng), make_body(rng)
    singles = [make_body(rng) for _ in range(10)]
    ids_a = add(library, [a, variant(a, rng), variant(a, rng, 6)], "A")
    ids_b = add(library, [b, variant(b, rng)], "B")
    add(library, singles, "S")
    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    clusters = find_clusters(index)
    assert [sorted(m.id for m in c) for c in clusters] == [sorted(ids_a), sorted(ids_b)]
    first = clusters[0]
    assert first[0].similarity == 1.0
    assert all(0.5 <= m.similarity <= 1.0 for m in first[1:])
    rest = [m.similarity for m in first[1:]]
    assert rest == sorted(rest, reverse=True)
    assert find_clusters(index, min_size=3) == clusters[:1]


def test_corpus_sample_finds_rewritten_news(library: Library, corpus) -> None:  # noqa: ANN001
    import zipfile

    from desktop.core.textnorm import tidy_body

    with zipfile.ZipFile(corpus / "vn-news-35k.zip") as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))[:1500]
        texts = [zf.read(n).decode("utf-8") for n in names]
    bodies = [tidy_body(t.split("\n", 1)[1]) for t in texts if "\n" in t]
    add(library, bodies)
    index = NearDuplicateIndex.for_library(library)
    report = index.refresh()
    assert report.articles >= 1400
    assert report.pairs > 10
    for (a, b), f in list(index.pairs.items())[:20]:
        body_a, body_b = library.articles.get(a).body, library.articles.get(b).body
        exact = overlap(index.shingles(body_a), index.shingles(body_b))
        assert exact == f and f.similarity >= 0.5
