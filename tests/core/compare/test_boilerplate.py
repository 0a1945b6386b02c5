"""Boilerplate is not reuse, and clusters hold together around their representative."""

from __future__ import annotations

import random

from desktop.core.compare.clusters import find_clusters
from desktop.core.compare.neardup import NearDuplicateIndex, NearDupParams, overlap
from desktop.core.store import Library
from tests.helpers.compare import add, make_body, variant


def rewrite(release: str, rng: random.Random) -> str:
    """An outlet's story: its own lead, the release lightly edited, its own closing line."""
    return f"{make_body(rng, 2)} {variant(release, rng, 8)} {make_body(rng, 1)}"


def with_boilerplate(rng: random.Random, box: str) -> str:
    return f"{make_body(rng, 8)} {box}"


def test_boilerplate_shared_by_many_articles_does_not_pair_them(
    library: Library, rng: random.Random
) -> None:
    box = make_body(rng, 10)  # longer than each story: alone it would pair them
    stories = [with_boilerplate(rng, box) for _ in range(25)]
    story_ids = add(library, stories, "Vụ án")
    release = make_body(rng, 12)
    outlet_ids = add(library, [rewrite(release, rng) for _ in range(4)], "Thông cáo")
    add(library, [make_body(rng) for _ in range(20)], "Khác")

    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    assert len(index.stop) > 0
    paired = {a for key in index.pairs for a in key}
    assert paired.isdisjoint(story_ids)
    for a in story_ids[:3]:
        assert index.partners(a) == []
    clusters = find_clusters(index)
    assert [sorted(m.id for m in c) for c in clusters] == [sorted(outlet_ids)]

    # Without the discount the same stories do pair: the test can fail.
    naive = NearDuplicateIndex(library.articles, library.cache_dir, NearDupParams(max_df=1000))
    naive.refresh()
    assert len({a for key in naive.pairs for a in key} & set(story_ids)) == 25


def test_three_unrelated_articles_sharing_a_paragraph_do_not_cluster(
    library: Library, rng: random.Random
) -> None:
    # Only how often a passage recurs tells boilerplate from reuse; with three copies
    # in a library that means a limit of 2, while a rewritten release still clusters.
    box = make_body(rng, 10)
    ids = add(library, [with_boilerplate(rng, box) for _ in range(3)], "Vụ án")
    release = make_body(rng, 12)
    outlets = add(library, [rewrite(release, rng) for _ in range(2)], "Thông cáo")
    params = NearDupParams(max_df=2)
    index = NearDuplicateIndex(library.articles, library.cache_dir, params)
    index.refresh()
    assert [sorted(m.id for m in c) for c in find_clusters(index)] == [sorted(outlets)]
    assert all(index.partners(i) == [] for i in ids)


def test_press_release_rewritten_by_several_outlets_clusters(
    library: Library, rng: random.Random
) -> None:
    release = make_body(rng, 14)
    outlets = add(library, [rewrite(release, rng) for _ in range(5)], "Thông cáo")
    add(library, [make_body(rng) for _ in range(30)], "Khác")
    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    clusters = find_clusters(index)
    assert [sorted(m.id for m in c) for c in clusters] == [sorted(outlets)]
    partners = index.partners(outlets[0])
    assert {p for p, _ in partners} == set(outlets[1:])
    assert all(f.similarity >= index.params.threshold for _, f in partners)


def test_members_are_near_duplicates_of_the_representative(
    library: Library, rng: random.Random
) -> None:
    # A chain: each article repeats most of the previous one, the ends share nothing.
    parts = [make_body(rng, n) for n in (3, 12, 12, 12, 3)]
    chain = [f"{parts[k]} {parts[k + 1]}" for k in range(4)]
    chain[0] = f"{parts[0]} {parts[1]}"
    ids = add(library, chain, "Chuỗi")
    add(library, [make_body(rng) for _ in range(10)], "Khác")
    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    assert overlap(
        index.shingles(library.articles.get(ids[0]).body),
        index.shingles(library.articles.get(ids[3]).body),
    ).similarity == 0.0
    clusters = find_clusters(index)
    assert clusters, "the chain's links are near-duplicates"
    threshold = index.params.threshold
    for cluster in clusters:
        rep = cluster[0]
        assert rep.similarity == 1.0
        for member in cluster[1:]:
            assert member.similarity >= threshold
            exact = overlap(
                index.shingles(library.articles.get(rep.id).body),
                index.shingles(library.articles.get(member.id).body),
            )
            assert abs(exact.similarity - member.similarity) < 1e-9
        assert not {ids[0], ids[3]} <= {m.id for m in cluster}
    grouped = [m.id for c in clusters for m in c]
    assert len(grouped) == len(set(grouped))


def test_stop_shingles_are_saved_and_new_boilerplate_rescans(
    library: Library, rng: random.Random
) -> None:
    add(library, [make_body(rng) for _ in range(200)], "Nền")
    index = NearDuplicateIndex.for_library(library)
    assert index.refresh().full and len(index.stop) == 0

    box = make_body(rng, 10)
    add(library, [with_boilerplate(rng, box) for _ in range(25)], "Vụ án")
    report = NearDuplicateIndex.for_library(library).refresh()
    assert report.full  # the batch alone made the box boilerplate: counted again
    loaded = NearDuplicateIndex.for_library(library)
    assert loaded.is_current() and len(loaded.stop) > 0 and loaded.pairs == {}

    copy, = add(library, [variant(box, rng, 2)], "Sao")
    report = loaded.refresh()
    assert not report.full and report.hashed == 1
    assert loaded.partners(copy) == []  # made of stop shingles: too short to judge


def test_growth_beyond_the_rescan_share_recounts(library: Library, rng: random.Random) -> None:
    add(library, [make_body(rng) for _ in range(20)])
    index = NearDuplicateIndex.for_library(library)
    index.refresh()
    add(library, [make_body(rng) for _ in range(3)], "Thêm")
    assert not index.refresh().full  # 3 of 20 is below 20%
    add(library, [make_body(rng) for _ in range(2)], "Nữa")
    assert index.refresh().full  # 5 hashed since the full scan of 20 is above it
