"""Near-duplicate and overlapping articles across a library, kept as a cache.

Each article's folded text is cut into syllable shingles (``shingles``) and
summarized by a MinHash signature. Locality-sensitive hashing over bands of the
signatures proposes candidate pairs; the signatures' estimate filters them and
the exact shingle sets confirm them. A pair is a near-duplicate when its
``similarity`` -- the share of the shorter article's shingles found in the other
(containment) -- reaches ``threshold``.

Boilerplate is not evidence of reuse. A shingle found in more than ``max_df``
articles (a legal text box quoted under every crime story, a site's standard
notice) is a *stop shingle*: it is left out of the sets that are hashed and
verified, so articles that share only such passages are not paired. Document
frequencies are counted on every full scan and the stop shingles are saved with
the cache. An incremental refresh keeps that set, and a full scan is made instead
when the new articles alone put a shingle over ``max_df`` or when the articles
hashed or removed since the last full scan exceed ``rescan_share`` of the library
then, so the set never drifts far from the library's real frequencies.

Signatures and confirmed pairs are saved under ``<library>/cache/neardup/``. The
cache is derivable: it is rebuilt when missing, unreadable or made with other
parameters, and otherwise caught up with the store's generation counter, so
adding 100 articles hashes only those 100 and looks only for their partners.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from desktop.core.atomic import atomic_path
from desktop.core.compare.shingles import MAX_SHINGLE, U32, MinHasher, shingle_set
from desktop.core.store.articles import ArticleStore
from desktop.core.store.library import Library

if TYPE_CHECKING:
    from desktop.core.server.library import ServerLibrary

CACHE_SUBDIR = "neardup"
CACHE_FILE = "signatures.npz"
_READ_BATCH = 500

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class NearDupParams:
    """Everything the cached signatures depend on; a change rebuilds the cache."""

    shingle_size: int = 5
    num_perm: int = 128
    # 64 bands of 2 rows: a pair with Jaccard 0.2 becomes a candidate 93% of the time,
    # so articles wholly quoted inside longer ones (low Jaccard, high containment) are
    # found too; candidates are cheap to verify. On the 35k corpus this finds 40% more
    # confirmed pairs than 42 x 3, in the same time.
    bands: int = 64
    rows: int = 2
    seed: int = 1
    # Minimum containment of the shorter article in the other to be a near-duplicate.
    threshold: float = 0.5
    # Articles with fewer shingles (about 20 syllables) are too short to judge.
    min_shingles: int = 16
    # Above this many articles sharing a band, link them to the first only.
    max_group: int = 200
    # Shingles found in more articles than this are boilerplate, not reuse. On the 35k
    # corpus a legal text box under crime stories sits in about 20 articles while
    # press releases rewritten by 15-17 outlets share passages found in 8-22.
    max_df: int = 20
    # Incremental refreshes keep the stop shingles of the last full scan until this
    # share of that scan's article count has been hashed since; then a full scan.
    rescan_share: float = 0.2
    format: int = 2

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        if not 1 <= self.shingle_size <= MAX_SHINGLE:
            raise ValueError(f"shingle_size must be 1..{MAX_SHINGLE}")


@dataclass(frozen=True)
class PairFigures:
    """Exact overlap of two articles' shingle sets (fractions between 0 and 1)."""

    jaccard: float
    a_in_b: float  # share of A's shingles found in B
    b_in_a: float

    @property
    def similarity(self) -> float:
        return max(self.a_in_b, self.b_in_a)


@dataclass(frozen=True)
class RefreshReport:
    full: bool
    hashed: int  # articles whose signatures were computed in this refresh
    removed: int
    articles: int
    pairs: int
    took_ms: float


def overlap(a: U32, b: U32) -> PairFigures:
    """Exact figures for two sorted unique shingle sets."""
    if not len(a) or not len(b):
        return PairFigures(0.0, 0.0, 0.0)
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return PairFigures(inter / union, inter / len(a), inter / len(b))


class NearDuplicateIndex:
    """Signatures and near-duplicate pairs of one library's articles.

    Not thread-safe; to refresh on a worker thread, build one on that thread from
    ``library.reopen().articles``.
    """

    def __init__(
        self, articles: ArticleStore, cache_dir: Path, params: NearDupParams | None = None
    ):
        self.articles = articles
        self.path = Path(cache_dir) / CACHE_SUBDIR / CACHE_FILE
        self.params = params or NearDupParams()
        self._hasher = MinHasher(self.params.num_perm, self.params.seed)
        self.generation = -1
        self.ids: list[str] = []
        self._row: dict[str, int] = {}
        self.sigs: U32 = np.empty((0, self.params.num_perm), dtype=np.uint32)
        self.sizes: npt.NDArray[np.int32] = np.empty(0, dtype=np.int32)
        self.pairs: dict[tuple[str, str], PairFigures] = {}
        # Sorted boilerplate shingle hashes (document frequency above ``max_df``).
        self.stop: U32 = np.empty(0, dtype=np.uint32)
        self._full_articles = 0  # articles at the last full scan
        self._hashed_since_full = 0
        self._loaded = False

    @classmethod
    def for_library(
        cls, library: Library | ServerLibrary, params: NearDupParams | None = None
    ) -> NearDuplicateIndex:
        """For a library of either kind (its articles and cache folder)."""
        return cls(library.articles, library.cache_dir, params)

    # -- keeping up to date ----------------------------------------------------

    def is_current(self) -> bool:
        self._ensure_loaded()
        return self.generation == self.articles.generation()

    def refresh(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> RefreshReport:
        """Catch up with the store (or rebuild); saves the cache when anything changed."""
        t0 = time.perf_counter()
        self._ensure_loaded()
        target = self.articles.generation()
        if self._loaded and self.generation == target:
            return self._report(False, 0, 0, t0)
        full = not self._loaded or self.generation < 0
        removed: set[str] = set()
        if not full:
            removed = set(self.articles.removed_since(self.generation))
            total = self.articles.count_changed_since(self.generation)
            limit = self.params.rescan_share * max(self._full_articles, 1)
            full = self._hashed_since_full + total + len(removed) > limit
        if not full:
            new_ids, raw_sets = self._hash_all(
                self._bodies(self.generation), total, progress, cancelled
            )
            # New boilerplate (frequent within this batch alone) changes the evidence
            # of articles already indexed: count everything again.
            full = bool(len(_frequent(raw_sets, self.params.max_df, self.stop)))
            if not full:
                self._hashed_since_full += len(new_ids) + len(removed)
        if full:
            removed = set()
            self._reset()
            new_ids, raw_sets = self._hash_all(
                self._bodies(None), self.articles.count(), progress, cancelled
            )
            self.stop = _frequent(raw_sets, self.params.max_df, np.empty(0, dtype=np.uint32))
            self._full_articles, self._hashed_since_full = len(new_ids), 0
        new_sets = _without(raw_sets, self.stop)
        del raw_sets
        gone = (removed | set(new_ids)) & self._row.keys()
        self._drop(gone)
        first_new = len(self.ids)
        self._append(new_ids, new_sets)
        self._find_pairs(first_new, dict(zip(new_ids, new_sets, strict=True)))
        self.generation = target
        self._loaded = True
        try:
            self._save()
        except OSError:
            pass  # a read-only library: the cache lives in memory for this session
        return self._report(full, len(new_ids), len(removed & gone), t0)

    def _bodies(self, since: int | None) -> Iterator[tuple[str, str]]:
        """(id, body) of every article, or of those written after generation ``since``.

        Reads just the two columns, in batches (building full ``Article`` models
        for a whole library costs more than hashing it).
        """
        last = 0
        while True:
            rows = self.articles.bodies(last, _READ_BATCH, changed_since=since)
            if not rows:
                return
            for _seq, article_id, body in rows:
                yield article_id, body
            last = rows[-1][0]

    def _report(self, full: bool, hashed: int, removed: int, t0: float) -> RefreshReport:
        return RefreshReport(
            full=full,
            hashed=hashed,
            removed=removed,
            articles=len(self.ids),
            pairs=len(self.pairs),
            took_ms=(time.perf_counter() - t0) * 1000.0,
        )

    def _hash_all(
        self,
        source: Iterable[tuple[str, str]],
        total: int,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[list[str], list[U32]]:
        ids: list[str] = []
        sets: list[U32] = []
        for n, (article_id, body) in enumerate(source, 1):
            ids.append(article_id)
            sets.append(shingle_set(body, self.params.shingle_size))
            if n % 250 == 0:
                if cancelled is not None and cancelled():
                    raise InterruptedError("near-duplicate scan cancelled")
                if progress is not None:
                    progress(n, total)
        if progress is not None:
            progress(len(ids), max(total, len(ids)))
        return ids, sets

    def shingles(self, body: str) -> U32:
        """The shingle set this index judges ``body`` by (boilerplate left out)."""
        return self._without_stop(shingle_set(body, self.params.shingle_size))

    def _without_stop(self, shingles: U32) -> U32:
        if not len(self.stop) or not len(shingles):
            return shingles
        kept: U32 = shingles[~np.isin(shingles, self.stop, assume_unique=True)]
        return kept

    def _reset(self) -> None:
        self.ids, self._row, self.pairs = [], {}, {}
        self.sigs = np.empty((0, self.params.num_perm), dtype=np.uint32)
        self.sizes = np.empty(0, dtype=np.int32)

    def _drop(self, gone: set[str]) -> None:
        if not gone:
            return
        keep = np.array([i not in gone for i in self.ids], dtype=bool)
        self.ids = [i for i in self.ids if i not in gone]
        self._row = {article_id: n for n, article_id in enumerate(self.ids)}
        self.sigs = self.sigs[keep]
        self.sizes = self.sizes[keep]
        self.pairs = {k: v for k, v in self.pairs.items() if k[0] not in gone and k[1] not in gone}

    def _append(self, ids: list[str], sets: list[U32]) -> None:
        if not ids:
            return
        for article_id in ids:
            self._row[article_id] = len(self.ids)
            self.ids.append(article_id)
        self.sigs = np.concatenate([self.sigs, self._hasher.signatures(sets)])
        self.sizes = np.concatenate([self.sizes, np.array([len(s) for s in sets], np.int32)])

    # -- finding pairs ---------------------------------------------------------

    def _find_pairs(self, first_new: int, known_sets: dict[str, U32]) -> None:
        """Candidates involving rows from ``first_new`` on, estimated, then confirmed."""
        candidates = self._candidates(first_new)
        if not len(candidates):
            return
        left, right = candidates[:, 0], candidates[:, 1]
        agree = np.empty(len(candidates), dtype=np.float64)
        for lo in range(0, len(candidates), 65_536):
            sl = slice(lo, lo + 65_536)
            agree[sl] = (self.sigs[left[sl]] == self.sigs[right[sl]]).mean(axis=1)
        size_l = self.sizes[left].astype(np.float64)
        size_r = self.sizes[right].astype(np.float64)
        inter = agree * (size_l + size_r) / (1.0 + agree)
        estimate = inter / np.minimum(size_l, size_r)
        # Keep a margin below the threshold: the estimate is off by a few points.
        likely = candidates[estimate >= self.params.threshold - 0.2]
        rows = sorted({int(r) for r in likely.ravel()})
        sets = self._shingle_sets([self.ids[r] for r in rows], known_sets)
        for i, j in likely:
            a, b = self.ids[int(i)], self.ids[int(j)]
            figures = overlap(sets[a], sets[b])
            if figures.similarity >= self.params.threshold:
                self.pairs[_key(a, b)] = figures if a < b else _swap(figures)

    def _candidates(self, first_new: int) -> npt.NDArray[np.int64]:
        """``(k, 2)`` row pairs (i < j) sharing at least one LSH band, one side new."""
        p = self.params
        eligible = np.flatnonzero(self.sizes >= p.min_shingles)
        if len(eligible) < 2 or not (eligible >= first_new).any():
            return np.empty((0, 2), dtype=np.int64)
        multipliers = np.array(
            [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93]
            * (p.rows // 4 + 1),
            dtype=np.uint64,
        )[: p.rows]
        found: set[tuple[int, int]] = set()
        sub = self.sigs[eligible].astype(np.uint64)
        for band in range(p.bands):
            with np.errstate(over="ignore"):
                keys = (sub[:, band * p.rows : (band + 1) * p.rows] * multipliers).sum(
                    axis=1, dtype=np.uint64
                )
            order = np.argsort(keys, kind="stable")
            sorted_keys = keys[order]
            starts = np.flatnonzero(np.diff(sorted_keys) != 0) + 1
            bounds = np.concatenate([[0], starts, [len(keys)]])
            sizes = np.diff(bounds)
            for g in np.flatnonzero(sizes >= 2):
                members = eligible[order[bounds[g] : bounds[g + 1]]]
                _pairs_in_group(members, first_new, p.max_group, found)
        if not found:
            return np.empty((0, 2), dtype=np.int64)
        return np.array(sorted(found), dtype=np.int64)

    def _shingle_sets(self, ids: Sequence[str], known: dict[str, U32]) -> dict[str, U32]:
        out = {i: known[i] for i in ids if i in known}
        missing = [i for i in ids if i not in out]
        for lo in range(0, len(missing), _READ_BATCH):
            for article in self.articles.get_many(missing[lo : lo + _READ_BATCH]):
                out[article.id] = self.shingles(article.body)
        for i in ids:
            out.setdefault(i, np.empty(0, dtype=np.uint32))
        return out

    # -- queries ---------------------------------------------------------------

    def row(self, article_id: str) -> int:
        return self._row[article_id]

    def __contains__(self, article_id: object) -> bool:
        self._ensure_loaded()
        return article_id in self._row

    def partners(self, article_id: str) -> list[tuple[str, PairFigures]]:
        """Near-duplicates of one article, most similar first (figures seen from it)."""
        self._ensure_loaded()
        out: list[tuple[str, PairFigures]] = []
        for (a, b), figures in self.pairs.items():
            if a == article_id:
                out.append((b, figures))
            elif b == article_id:
                out.append((a, _swap(figures)))
        out.sort(key=lambda t: (-t[1].similarity, t[0]))
        return out

    def estimate(self, a: str, b: str) -> PairFigures | None:
        """Signature estimate for any two indexed articles (None if either is unknown)."""
        self._ensure_loaded()
        ra, rb = self._row.get(a), self._row.get(b)
        if ra is None or rb is None:
            return None
        if _key(a, b) in self.pairs:
            f = self.pairs[_key(a, b)]
            return f if _key(a, b) == (a, b) else _swap(f)
        j = float((self.sigs[ra] == self.sigs[rb]).mean())
        sa, sb = float(self.sizes[ra]), float(self.sizes[rb])
        if not sa or not sb:
            return PairFigures(0.0, 0.0, 0.0)
        inter = j * (sa + sb) / (1.0 + j)
        return PairFigures(j, min(1.0, inter / sa), min(1.0, inter / sb))

    # -- the cache file --------------------------------------------------------

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = self._load()

    def _load(self) -> bool:
        try:
            with np.load(self.path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.get("params") != asdict(self.params):
                    return False
                ids = [str(x) for x in data["ids"]]
                sigs = np.asarray(data["sigs"], dtype=np.uint32)
                sizes = np.asarray(data["sizes"], dtype=np.int32)
                pair_rows = np.asarray(data["pair_rows"], dtype=np.int64)
                pair_vals = np.asarray(data["pair_vals"], dtype=np.float64)
                stop = np.asarray(data["stop"], dtype=np.uint32)
                full_articles = int(meta["full_articles"])
                hashed_since_full = int(meta["hashed_since_full"])
            if sigs.shape != (len(ids), self.params.num_perm) or sizes.shape != (len(ids),):
                return False
            if pair_rows.shape != (len(pair_vals), 2) or pair_vals.shape[1:] != (3,):
                return False
            if len(pair_rows) and (pair_rows.min() < 0 or pair_rows.max() >= len(ids)):
                return False
            if stop.ndim != 1 or (len(stop) > 1 and bool((np.diff(stop) == 0).any())):
                return False
            self.ids, self.sigs, self.sizes, self.stop = ids, sigs, sizes, np.sort(stop)
            self._full_articles, self._hashed_since_full = full_articles, hashed_since_full
            self._row = {article_id: n for n, article_id in enumerate(ids)}
            self.pairs = {
                (ids[int(i)], ids[int(j)]): PairFigures(float(v[0]), float(v[1]), float(v[2]))
                for (i, j), v in zip(pair_rows, pair_vals, strict=True)
            }
            self.generation = int(meta["generation"])
            return True
        except Exception:  # missing or damaged: zipfile, numpy, json, key errors alike
            return False

    def _save(self) -> None:
        try:
            self._write()
        except OSError:
            pass  # a library that cannot be written (read-only): the cache lives in memory

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.pairs)
        pair_rows = np.array(
            [(self._row[a], self._row[b]) for a, b in keys], dtype=np.int64
        ).reshape(-1, 2)
        pair_vals = np.array(
            [(f.jaccard, f.a_in_b, f.b_in_a) for f in self.pairs.values()], dtype=np.float64
        ).reshape(-1, 3)
        meta = json.dumps(
            {
                "params": asdict(self.params),
                "generation": self.generation,
                "full_articles": self._full_articles,
                "hashed_since_full": self._hashed_since_full,
            }
        )
        with atomic_path(self.path) as tmp, open(tmp, "wb") as fh:
            np.savez(
                fh,
                meta=np.array(meta),
                ids=np.array(self.ids, dtype=str),
                sigs=self.sigs,
                sizes=self.sizes,
                pair_rows=pair_rows,
                pair_vals=pair_vals,
                stop=self.stop,
            )


# Sets filtered per NumPy pass. One pass over a whole library holds the GIL for
# ~100 ms (35k articles), which would stall the app's GUI thread while a scan runs
# on a worker thread; passes of this size hold it for a few milliseconds.
_FILTER_CHUNK = 2_000


def _without(sets: list[U32], stop: U32) -> list[U32]:
    """``sets`` with the (sorted) ``stop`` shingles removed."""
    if not len(stop) or not sets:
        return sets
    out: list[U32] = []
    for i in range(0, len(sets), _FILTER_CHUNK):
        out.extend(_without_in_one_pass(sets[i : i + _FILTER_CHUNK], stop))
    return out


def _without_in_one_pass(sets: list[U32], stop: U32) -> list[U32]:
    lengths = np.array([len(s) for s in sets], dtype=np.int64)
    flat = np.concatenate(sets)
    pos = np.minimum(np.searchsorted(stop, flat), len(stop) - 1)
    keep = stop[pos] != flat
    kept_before = np.concatenate(([0], np.cumsum(keep)))
    ends = np.cumsum(lengths)
    new_ends = kept_before[ends]
    return list(np.split(flat[keep], new_ends[:-1]))


def _frequent(sets: Sequence[U32], max_df: int, known: U32) -> U32:
    """Sorted shingles found in more than ``max_df`` of ``sets``, except those in ``known``."""
    if len(sets) <= max_df:
        return np.empty(0, dtype=np.uint32)
    values, counts = np.unique(np.concatenate(sets), return_counts=True)
    frequent: U32 = values[counts > max_df].astype(np.uint32)
    if len(known) and len(frequent):
        frequent = frequent[~np.isin(frequent, known, assume_unique=True)]
    return frequent


def _pairs_in_group(
    members: npt.NDArray[np.int64], first_new: int, max_group: int, found: set[tuple[int, int]]
) -> None:
    new = members[members >= first_new]
    if not len(new):
        return
    if len(members) > max_group:
        head = int(members.min())
        for m in new:
            if int(m) != head:
                found.add((head, int(m)) if head < m else (int(m), head))
        return
    ordered = sorted(int(m) for m in members)
    for x_pos, x in enumerate(ordered):
        for y in ordered[x_pos + 1 :]:
            if y >= first_new:  # y > x, so this pair involves a new row
                found.add((x, y))


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _swap(f: PairFigures) -> PairFigures:
    return PairFigures(f.jaccard, f.b_in_a, f.a_in_b)
