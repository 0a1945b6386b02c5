"""Running one search: matching, ranking, paging, facets and snippets.

* Matching is ``docsets``; nodes it answers only as a superset (phrases of
  three syllables or more, fielded phrases, NEAR) are decided for EVERY
  candidate, so totals and facets are always exact: from the index where the
  counts prove a phrase (``DocSets.certain_phrase``), on the stored text otherwise
  (each outcome kept with the reader by ``checked``, so it is read once).
* Ranking is BM25F over the folded syllables (``body``) plus the syllable pairs
  (``pairs``) of the query, for every matching document. A pair typed with
  diacritics adds its exact spelling's BM25, which outweighs the folded match;
  a pair typed without them adds each spelling's BM25 weighted by how common
  that spelling is in the library (``doi moi`` means "đổi mới" far more often
  than "đôi mới"). The best ``RERANK_DEPTH`` hits then get a small boost for
  single syllables spelled exactly as typed (``hà`` over "hạ"), and one for the
  query's words lying close together (``highlight.proximity``; a hit with every
  adjacent pair of the query has them together), which matters most when words
  were left out or a question was typed. Hits that even the largest boost cannot
  lift onto the page are not looked at.
* When nothing matches, ``query.relaxed`` gives the partial-match fallbacks. A
  long query of plain words (a question) matches articles with most of its
  words (``SOFT_SHARE``: half), with a notice, since such text is rarely all present.
"""

from __future__ import annotations

import heapq
import html
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from whoosh.searching import Searcher

from desktop.core.models import Article
from desktop.core.search.analysis import SYLLABLE, VARIANT_SEP, fold_text, pair_key, prepare
from desktop.core.search.checked import check_key, known, record
from desktop.core.search.docsets import PAIRS, DocSets, needs_check
from desktop.core.search.documents import annotations_for
from desktop.core.search.highlight import (
    exact_in_lower,
    has_literal,
    hit_words,
    make_snippet,
    near_match,
    proximity,
    raw_regex,
)
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.search.postings import (
    BoolArray,
    FloatArray,
    IntArray,
    bm25,
    contains,
    field_stats,
    posting_cache,
)
from desktop.core.search.query import (
    All,
    Any_,
    Near,
    Node,
    Not,
    Word,
    positive_words,
    relaxed,
    top_level_words,
)
from desktop.core.search.schema import DEFAULT_FIELDS
from desktop.core.search.storefilters import StoreFilters
from desktop.core.store import ArticleStore
from desktop.core.store.interface import LibraryStores
from desktop.core.textnorm import fold

RERANK_DEPTH = 40
# Where a phrase (and a spelling) is looked for when the word names no field.
PHRASE_FIELDS = ("title", "body", "note")
EXACT_BONUS = 0.5
# BM25F weights of the pair signals, relative to the folded syllables' 1.0.
PAIR_WEIGHT = 3.0
EXACT_PAIR_WEIGHT = 1.0
PRIOR_PAIR_WEIGHT = 0.5
# BM25 parameters of the pair signals (the syllables' are ``postings.K1`` and ``B``):
# a pair saturates sooner than a syllable, since one occurrence of a telling pair says
# most of what it can (tuned on the tune half of bench_relevance's known-item set).
PAIR_K1 = 0.4
PAIR_B = 0.75
VERIFY_BATCH = 200
# The rerank's boost for the query's syllables lying close together in the text
# (``proximity``), for queries of at least PROX_MIN_SYLLABLES distinct syllables: a hit
# with all of them together scores up to 1 + PROX_BONUS times as much (tuned on the
# tune half of bench_relevance's known-item set: 0.5 to 4 all help, 2.5 to 4 alike).
PROX_BONUS = 2.5
PROX_MIN_SYLLABLES = 3
# A query of at least SOFT_MIN_WORDS plain words matches articles with SOFT_SHARE of them
# (a question's own words, such as "như thế nào", are rarely in the answer's text).
SOFT_MIN_WORDS = 6
SOFT_SHARE = 0.5
SOFT_NOTICE = "A long query: showing articles with at least {least} of its {words} words."
# Two neighbouring query syllables are marked as one term when they are adjacent in
# at least this share of the documents holding the rarer of them.
WORD_COHESION = 0.1
SNIPPET_LEAD = 240
MAX_SCORED_EXPANSIONS = 30


@dataclass
class Columns:
    """Per-document values of one reader, as arrays indexed by document number."""

    site_codes: IntArray
    site_names: list[str]
    year_codes: IntArray
    year_names: list[str]
    # Rank of the published date among all dates; -1 when undated.
    pub_rank: IntArray
    ids: dict[int, str] = field(default_factory=dict)


_columns: WeakKeyDictionary[Any, Columns] = WeakKeyDictionary()


def columns_for(searcher: Searcher) -> Columns:
    reader = searcher.reader()
    cols = _columns.get(reader)
    if cols is None:
        site_codes, site_names = _codes(_column(reader, "site"))
        year_codes, year_names = _codes(_column(reader, "year"))
        pub_codes, pub_names = _codes(_column(reader, "published"))
        # _codes sorts names, so a code is the date's rank; "" (undated) sorts first.
        offset = 1 if pub_names and pub_names[0] == "" else 0
        pub_rank = pub_codes - offset
        cols = Columns(site_codes, site_names, year_codes, year_names, pub_rank)
        _columns[reader] = cols
    return cols


def _column(reader: Any, name: str) -> list[str]:
    """One value per document number, segment by segment: a segment in which no
    document has the field has no column at all (Whoosh's multi-segment column
    reader then skips it, which would shift every later document)."""
    values: list[str] = []
    for leaf, _offset in reader.leaf_readers():
        if leaf.has_column(name):
            values.extend(v if isinstance(v, str) else "" for v in leaf.column_reader(name))
        else:
            values.extend([""] * leaf.doc_count_all())
    return values


def _codes(values: list[str]) -> tuple[IntArray, list[str]]:
    names = sorted(set(values))
    index = {name: n for n, name in enumerate(names)}
    return np.fromiter((index[v] for v in values), dtype=np.int64, count=len(values)), names


def article_id_of(searcher: Searcher, cols: Columns, docnum: int) -> str:
    found = cols.ids.get(docnum)
    if found is None:
        found = cols.ids[docnum] = str(searcher.stored_fields(docnum)["id"])
    return found


class ResultBuilder:
    def __init__(
        self, searcher: Searcher, library: LibraryStores, request: SearchRequest, node: Node
    ):
        self.searcher = searcher
        self.reader: Any = searcher.reader()
        self.library = library
        self.store = library.articles
        self.request = request
        self.node = node
        self.cols = columns_for(searcher)
        self.notice: str | None = None
        self.docsets = DocSets(
            searcher, checker=self._check_phrase, store=StoreFilters(library)
        )
        self._filter_docs = self.docsets.filtered(request.filters)
        # What docsets.matching gives each subtree the index answers exactly, by id().
        self._subtree_arrays: dict[int, IntArray] = {}
        self._subtree_docs: dict[int, set[int]] = {}  # the same, as sets for _eval
        self._article_cache: dict[str, Article] = {}
        self._text_cache: dict[str, dict[str, str]] = {}
        self._spelling_cache: dict[tuple[str, ...], list[str]] = {}
        # Phrase checks made on the text in this search, to keep with the reader.
        self._checked_now: dict[tuple[str, str], dict[int, bool]] = {}
        # Folded syllables -> as typed (lower-case), for the phrases of the query.
        self._typed: dict[tuple[str, ...], tuple[str, ...]] = {
            w.syllables: w.exact
            for w in positive_words(node)
            if w.mode == "term" and len(w.exact) == len(w.syllables)
        }

    # -- matching ----------------------------------------------------------

    def _docs(self, node: Node) -> IntArray:
        docs = self.docsets.matching(node)
        if self._filter_docs is not None:
            docs = np.intersect1d(docs, self._filter_docs, assume_unique=True)
        return docs

    def run(self) -> SearchResult:
        req = self.request
        docs = self._docs(self.node)
        soft = self._soft_docs()
        if soft is not None and len(soft[0]) > len(docs):
            docs = soft[0]
            self.notice = SOFT_NOTICE.format(least=soft[1], words=soft[2])
        else:
            # Every candidate is checked: totals and facets count true matches only.
            docs = self._true_matches(self.node, docs)
            if not len(docs):
                # Nothing matches as written: the partial-match fallbacks, loosest last.
                for step in relaxed(self.node):
                    fb_docs = self._true_matches(step.node, self._docs(step.node))
                    if len(fb_docs):
                        self.node, docs = step.node, fb_docs
                        self.notice = step.notice
                        break
        if req.sort == "relevance":
            ranked = self._ranked(docs)
        else:
            ranked = self._by_date(docs, req.sort)
        page = ranked[req.offset : req.offset + req.limit]
        hits = self._hits(page)
        facets = self._facets(docs) if req.facets else {}
        return SearchResult(
            query=req.query,
            total=len(docs),
            total_is_exact=True,
            hits=hits,
            facets=facets,
            notice=self.notice,
            offset=req.offset,
            limit=req.limit,
        )

    def _soft_docs(self) -> tuple[IntArray, int, int] | None:
        """For a long query of plain words (a question, a pasted sentence): documents
        with at least ``SOFT_SHARE`` of its words, how many, and of how many."""
        node = self.node
        if not isinstance(node, All):
            return None
        unique: dict[tuple[str, ...], Word] = {}
        for c in node.children:
            if isinstance(c, Word) and c.field is None and c.mode == "term" and not needs_check(c):
                unique.setdefault(c.syllables, c)
        words = list(unique.values())
        if len(words) < SOFT_MIN_WORDS:
            return None
        others = [
            c for c in node.children
            if not (isinstance(c, Word) and unique.get(c.syllables) is not None
                    and c.field is None and c.mode == "term" and not needs_check(c))
        ]
        if any(needs_check(c) for c in others):
            return None
        least = math.ceil(SOFT_SHARE * len(words))
        ids = np.concatenate([self.docsets.matching(w) for w in words])
        if not len(ids):
            return None
        uniq, counts = np.unique(ids, return_counts=True)
        docs = uniq[counts >= least]
        for other in others:
            if isinstance(other, Not):
                docs = np.setdiff1d(docs, self.docsets.matching(other.child), assume_unique=True)
            else:
                docs = np.intersect1d(docs, self.docsets.matching(other), assume_unique=True)
        if self._filter_docs is not None:
            docs = np.intersect1d(docs, self._filter_docs, assume_unique=True)
        return docs, least, len(words)

    def _true_matches(self, node: Node, docs: IntArray) -> IntArray:
        """The documents of ``docs`` that really match ``node`` (long phrases and NEAR
        decided by ``_verify_many``)."""
        if not len(docs) or not needs_check(node):
            return docs
        previous, self.node = self.node, node
        try:
            passed = self._verify_many(docs.tolist())
        finally:
            self.node = previous
        return np.asarray(sorted(passed), dtype=np.int64)

    # -- scoring -------------------------------------------------------------

    def _scoring_terms(self) -> dict[str, dict[str, float]]:
        """field -> {term: boost} for every positive word."""
        terms: dict[str, dict[str, float]] = {}
        for word in positive_words(self.node):
            fields = DEFAULT_FIELDS if word.field is None else {word.field: 1.0}
            for fname, boost in fields.items():
                if word.mode == "prefix":
                    expanded = self.docsets.expand_prefix(fname, word.syllables[0])
                    chosen = expanded[:MAX_SCORED_EXPANSIONS]
                elif word.mode == "fuzzy":
                    expanded = self.docsets.expand_fuzzy(fname, word.syllables[0], word.fuzz)
                    chosen = expanded[:MAX_SCORED_EXPANSIONS]
                else:
                    chosen = list(word.syllables)
                bucket = terms.setdefault(fname, {})
                for term in chosen:
                    bucket[term] = max(bucket.get(term, 0.0), boost)
        return terms

    def _scores(self, docs: IntArray) -> FloatArray:
        scores = np.zeros(len(docs), dtype=np.float64)
        indexed = self.docsets.indexed
        for fname, terms in self._scoring_terms().items():
            if fname not in indexed or not self.reader.schema[fname].scorable:
                continue
            stats = field_stats(self.reader, fname)
            arrays = [(*self.docsets.postings(fname, t), b) for t, b in terms.items()]
            scores += bm25(docs, arrays, stats)
        pairs = self._query_pairs()
        if pairs and PAIRS in indexed:
            scores += bm25(
                docs, self._pair_arrays(pairs), field_stats(self.reader, PAIRS),
                k1=PAIR_K1, b=PAIR_B,
            )
        return scores

    def _query_pairs(self) -> list[tuple[tuple[str, str], tuple[str, str]]]:
        """Adjacent syllables of the query as (folded pair, typed pair): inside each
        plain word or phrase, and across neighbouring top-level words."""
        found: dict[tuple[str, str], tuple[str, str]] = {}

        def add(syls: Sequence[str], exact: Sequence[str]) -> None:
            if len(exact) != len(syls):
                exact = syls
            for n in range(len(syls) - 1):
                found.setdefault((syls[n], syls[n + 1]), (exact[n], exact[n + 1]))

        for word in positive_words(self.node):
            if word.mode == "term" and word.field in (None, "body"):
                add(word.syllables, word.exact)
        run_syls: list[str] = []
        run_exact: list[str] = []
        for word in top_level_words(self.node):
            if word.mode != "term":
                continue
            ex = word.exact if len(word.exact) == len(word.syllables) else word.syllables
            run_syls.extend(word.syllables)
            run_exact.extend(ex)
        add(run_syls, run_exact)
        return list(found.items())

    def _pair_arrays(
        self, pairs: list[tuple[tuple[str, str], tuple[str, str]]]
    ) -> list[tuple[IntArray, FloatArray, float]]:
        arrays: list[tuple[IntArray, FloatArray, float]] = []
        docsets = self.docsets
        for folded, exact in pairs:
            arrays.append((*docsets.pair_scoring(*folded), PAIR_WEIGHT))
            if exact != folded:
                # Typed with diacritics: the exact spelling outweighs the folded match.
                arrays.append((*self._exact_pair(folded, exact), EXACT_PAIR_WEIGHT))
                continue
            # Typed without: each spelling, weighted by how common it is.
            variants = [(t, docsets.postings(PAIRS, t)) for t in docsets.pair_variants(*folded)]
            total = sum(len(p[0]) for _, p in variants)
            if len(variants) < 2 or not total:
                continue
            for _, (ids, tfs) in variants:
                share = len(ids) / total
                arrays.append((ids, tfs, PRIOR_PAIR_WEIGHT * share))
        return arrays

    def _exact_pair(
        self, folded: tuple[str, str], exact: tuple[str, str]
    ) -> tuple[IntArray, FloatArray]:
        """Documents with the pair spelled exactly as typed, and its frequencies: the
        spelling's own postings, plus the documents found through the pair's hashed
        buckets (a spelling too rare in a segment to have a term) that have it as typed
        on the stored text (counted once each). Without the latter, only the common
        spellings would count as exact, and a query's rare (telling) pairs never."""
        key = (PAIRS, pair_key(folded, exact) + VARIANT_SEP + "exact")
        shared = posting_cache(self.reader)
        found = shared.get(key)
        if found is None:
            found = self._exact_pair_read(folded, exact)
            # Resolved once per reader, as the pair's own bucket check is.
            shared.put(key, found)
        return found

    def _exact_pair_read(
        self, folded: tuple[str, str], exact: tuple[str, str]
    ) -> tuple[IntArray, FloatArray]:
        ids, tfs = self.docsets.exact_pair_postings(folded, exact)
        bucketed = np.setdiff1d(
            self.docsets.pair_docs(*folded),
            self.docsets.pair_postings(*folded)[0],
            assume_unique=True,
        )
        if not len(bucketed):
            return ids, tfs
        texts = self._texts_for(bucketed.tolist())
        spelled = [" ".join(exact)]
        passed = [
            d for d in bucketed.tolist()
            if d in texts
            and any(has_literal(texts[d].get(f, ""), spelled) for f in PHRASE_FIELDS)
        ]
        if not passed:
            return ids, tfs
        all_ids = np.concatenate([ids, np.asarray(passed, dtype=np.int64)])
        all_tfs = np.concatenate([tfs, np.ones(len(passed), dtype=np.float64)])
        order = np.argsort(all_ids, kind="stable")
        return all_ids[order], all_tfs[order]

    def _order(self, docs: IntArray, scores: FloatArray, depth: int) -> list[tuple[int, float]]:
        """The best ``depth`` documents: score, then newest, then latest added."""
        if len(docs) > depth * 4:
            top = np.argpartition(-scores, depth)[:depth]
            docs, scores = docs[top], scores[top]
        pub = self.cols.pub_rank[docs]
        order = np.lexsort((-docs, -pub, -scores))[:depth]
        return [(int(d), float(s)) for d, s in zip(docs[order], scores[order], strict=True)]

    # -- ordering ------------------------------------------------------------

    def _ranked(self, docs: IntArray) -> list[tuple[int, float]]:
        want = self.request.offset + self.request.limit
        if not len(docs):
            return []
        scores = self._scores(docs)
        scored = self._order(docs, scores, min(max(want, RERANK_DEPTH), len(docs)))
        return self._rerank(scored)

    def _by_date(self, docs: IntArray, sort: str) -> list[tuple[int, float]]:
        pub = self.cols.pub_rank[docs]
        undated = pub < 0
        big = np.iinfo(np.int64).max
        if sort == "oldest":
            order = np.lexsort((docs, np.where(undated, big, pub)))
        else:
            order = np.lexsort((-docs, np.where(undated, big, -pub)))
        want = self.request.offset + self.request.limit
        return [(int(d), 0.0) for d in docs[order][:want]]

    def _rerank(self, scored: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """The best ``RERANK_DEPTH`` hits, boosted for the syllables spelled exactly as
        typed (when typed with diacritics) and for the query's words lying close
        together (``proximity``)."""
        words = [w for w in top_level_words(self.node) if w.mode == "term"]
        exact = [
            w.exact
            for w in words
            if w.exact and fold_text(" ".join(w.exact)) != " ".join(w.exact)
        ]
        near = list(dict.fromkeys(s for w in words for s in w.syllables))
        if len(near) < PROX_MIN_SYLLABLES or not PROX_BONUS:
            near = []
        # The rarest first, as ``proximity`` looks around its matches first.
        near.sort(key=lambda syl: len(self.docsets.ids("body", syl)))
        if not scored or not (exact or near):
            return scored
        head = scored[:RERANK_DEPTH]
        docnums = [d for d, _ in head]
        # An article with every adjacent pair of the query has its words together:
        # only the others are looked at for how close the words come.
        chained = self._chained(docnums) if near else set()
        texts = self._texts_for(docnums if exact else [d for d in docnums if d not in chained])
        # Hits beyond the page cannot reach it once even the largest boost leaves them
        # below the page's last place so far: they keep their order, unboosted, after it.
        want = self.request.offset + self.request.limit
        bound = want if want < len(head) else 0
        most = 1.0 + (EXACT_BONUS if exact else 0.0) + (PROX_BONUS if near else 0.0)
        page: list[float] = []  # a min-heap of the best ``bound`` boosted scores
        boosted: list[tuple[int, float]] = []
        rest: list[tuple[int, float]] = []
        for at, (docnum, score) in enumerate(head):
            if bound and len(page) == bound and score * most < page[0]:
                rest = head[at:]
                break
            fields = texts.get(docnum)
            factor = 1.0
            if exact and fields is not None:
                text, lower = self._whole(fields), self._lower(fields, "whole")
                hit = sum(
                    1 for syls in exact if next(exact_in_lower(syls, text, lower or None), None)
                )
                factor += EXACT_BONUS * hit / len(exact)
            if docnum in chained:
                factor += PROX_BONUS
            elif near and fields is not None:
                factor += PROX_BONUS * proximity(self._whole(fields), near)
            boosted.append((docnum, score * factor))
            if bound:
                if len(page) < bound:
                    heapq.heappush(page, score * factor)
                else:
                    heapq.heappushpop(page, score * factor)
        boosted.sort(key=lambda item: -item[1])
        return boosted + rest + scored[RERANK_DEPTH:]

    def _chained(self, docnums: list[int]) -> set[int]:
        """The documents of ``docnums`` that have every adjacent pair of the query."""
        pairs = [folded for folded, _ in self._query_pairs()]
        if not pairs:
            return set()
        head = np.asarray(docnums, dtype=np.int64)
        keep = np.ones(len(head), dtype=bool)
        for first, second in pairs:
            keep &= contains(self.docsets.pair_docs(first, second), head)
        return set(head[keep].tolist())

    # -- phrase checks ---------------------------------------------------------

    def _check_phrase(self, docnums: list[int], syls: tuple[str, ...]) -> set[int]:
        """Documents whose title, body or notes have ``syls`` adjacent (any spelling)."""
        found: set[int] = set()
        for start in range(0, len(docnums), VERIFY_BATCH):
            batch = docnums[start : start + VERIFY_BATCH]
            texts = self._texts_for(batch)
            found.update(
                d for d in batch
                if d in texts and self._has_phrase(texts[d], syls, PHRASE_FIELDS)
            )
        return found

    def _has_phrase(
        self, texts: dict[str, str], syls: tuple[str, ...], fields: Sequence[str]
    ) -> bool:
        """Whether one of ``fields`` has the syllables adjacent, in any spelling. The
        likely spellings are looked for first as plain substrings (much faster than
        the every-spelling pattern, which then only decides the rest)."""
        spellings = self._spellings(syls)
        for f in fields:
            if spellings and has_literal(texts.get(f, ""), spellings):
                return True
        rx = raw_regex(syls)
        return any(rx.search(texts.get(f, "")) for f in fields)

    def _spellings(self, syls: tuple[str, ...]) -> list[str]:
        """The most common written form of a phrase in this library (from its pairs'
        spellings) and the form typed, lower-case, single-spaced."""
        found = self._spelling_cache.get(syls)
        if found is not None:
            return found
        forms: list[str] = []
        typed = self._typed.get(syls)
        if typed:
            forms.append(" ".join(typed))
        if len(syls) > 1:
            written: list[str] = list(syls)
            for n in range(len(syls) - 1):
                variants = self.docsets.pair_variants(syls[n], syls[n + 1])
                if not variants:
                    break
                best = max(variants, key=lambda t: len(self.docsets.ids(PAIRS, t)))
                _, _, spelled = best.partition(VARIANT_SEP)
                pair = spelled.split(" ") if spelled else [syls[n], syls[n + 1]]
                if len(pair) != 2:
                    break
                if n == 0:
                    written[0] = pair[0]
                written[n + 1] = pair[1]
            else:
                forms.append(" ".join(written))
        found = self._spelling_cache[syls] = list(dict.fromkeys(forms))
        return found

    @staticmethod
    def _whole(texts: dict[str, str]) -> str:
        """Title and body as one text (made when first needed)."""
        found = texts.get("whole")
        if found is None:
            found = texts["whole"] = texts["title"] + "\n" + texts["body"]
        return found

    @staticmethod
    def _lower(texts: dict[str, str], field: str) -> str:
        key = "lower " + field
        found = texts.get(key)
        if found is None:
            text = texts.get(field, "")
            found = text.lower()
            # A character whose lower case is longer (``İ``) could fake a boundary.
            found = texts[key] = found if len(found) == len(text) else ""
        return found

    def _verify_many(self, docnums: Sequence[int]) -> set[int]:
        """The documents of ``docnums`` matching ``self.node``: decided from the index
        where counting settles it (``_decided``), on the stored text otherwise."""
        docs = np.asarray(docnums, dtype=np.int64)
        yes, no = self._decided(self.node, docs)
        passed = set(docs[yes].tolist())
        undecided = docs[~(yes | no)].tolist()
        if undecided:
            texts = self._texts_for(undecided)
            passed.update(
                d for d in undecided if d in texts and self._eval(self.node, d, texts[d])
            )
            for key, outcomes in self._checked_now.items():
                record(self.reader, key, outcomes)
            self._checked_now.clear()
        return passed

    def _subtree_matches(self, node: Node) -> IntArray:
        """``docsets.matching(node)`` for a subtree the index answers exactly, computed
        once per search (``_decided`` and ``_eval`` both ask)."""
        key = id(node)
        found = self._subtree_arrays.get(key)
        if found is None:
            found = self._subtree_arrays[key] = self.docsets.matching(node)
        return found

    def _decided(self, node: Node, docs: IntArray) -> tuple[BoolArray, BoolArray]:
        """Which of ``docs`` match ``node`` for certain and which certainly do not, from
        the index alone; the rest need their text (``_eval``)."""
        if not needs_check(node):
            yes = np.isin(docs, self._subtree_matches(node), assume_unique=True)
            return yes, ~yes
        if isinstance(node, Word):
            # Earlier checks of the phrase on this reader, then what the counts prove.
            yes, no = known(self.reader, self._check_key(node), docs)
            if node.field is None and node.mode == "term":
                yes |= np.isin(
                    docs, self.docsets.certain_phrase(node.syllables), assume_unique=True
                )
            return yes, no
        if isinstance(node, All | Any_) and node.children:
            parts = [self._decided(c, docs) for c in node.children]
            yes, no = parts[0]
            for y, n in parts[1:]:
                yes, no = (yes & y, no | n) if isinstance(node, All) else (yes | y, no & n)
            return yes, no
        if isinstance(node, Not):
            yes, no = self._decided(node.child, docs)
            return no, yes
        unknown = np.zeros(len(docs), dtype=bool)
        return unknown, unknown.copy()

    @staticmethod
    def _check_key(word: Word) -> tuple[str, str]:
        return check_key(word.syllables, [word.field] if word.field else PHRASE_FIELDS)

    def _texts_for(self, docnums: Sequence[int]) -> dict[int, dict[str, str]]:
        """Title, body, author and notes of articles as stored, one query per batch
        (``_folded`` folds a field when a check needs it folded)."""
        ids = {d: article_id_of(self.searcher, self.cols, d) for d in docnums}
        missing = [i for i in ids.values() if i not in self._text_cache]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            notes = annotations_for(self.library.annotations, chunk)
            for article_id, title, body, author in self.store.texts(chunk):
                noted = notes.get(article_id)
                self._text_cache[article_id] = {
                    "title": title,
                    "body": body,
                    "author": prepare(author or ""),
                    "note": prepare("\n".join(noted.notes)) if noted else "",
                }
        return {d: self._text_cache[i] for d, i in ids.items() if i in self._text_cache}

    @staticmethod
    def _folded(texts: dict[str, str], field: str) -> str:
        key = "folded " + field
        found = texts.get(key)
        if found is None:
            found = texts[key] = fold(texts.get(field, ""))
        return found

    def _eval(self, node: Node, docnum: int, texts: dict[str, str]) -> bool:
        if not needs_check(node):
            key = id(node)
            docs = self._subtree_docs.get(key)
            if docs is None:
                docs = self._subtree_docs[key] = set(self._subtree_matches(node).tolist())
            return docnum in docs
        if isinstance(node, Word):
            fields = [node.field] if node.field else list(PHRASE_FIELDS)
            has = self._has_phrase(texts, node.syllables, fields)
            self._checked_now.setdefault(self._check_key(node), {})[docnum] = has
            return has
        if isinstance(node, Near):
            field = node.children[0].field
            fields = [field] if field else list(PHRASE_FIELDS)
            return any(
                near_match(self._folded(texts, f), node.children, node.slop) for f in fields
            )
        if isinstance(node, All):
            return all(self._eval(c, docnum, texts) for c in node.children)
        if isinstance(node, Any_):
            return any(self._eval(c, docnum, texts) for c in node.children)
        if isinstance(node, Not):
            return not self._eval(node.child, docnum, texts)
        return True

    # -- reading articles --------------------------------------------------------

    def _articles(self, docnums: Sequence[int]) -> dict[int, Article]:
        ids = {d: article_id_of(self.searcher, self.cols, d) for d in docnums}
        missing = [i for i in ids.values() if i not in self._article_cache]
        if missing:
            for article in self.store.get_many(missing):
                self._article_cache[article.id] = article
        return {d: self._article_cache[i] for d, i in ids.items() if i in self._article_cache}

    def _hits(self, page: list[tuple[int, float]]) -> list[SearchHit]:
        articles = self._articles([d for d, _ in page])
        words = self.hit_words()
        hits: list[SearchHit] = []
        for docnum, score in page:
            article = articles.get(docnum)
            if article is not None:
                hits.append(article_hit(article, score, words, self.request.snippets))
        return hits

    def hit_words(self) -> list[Word]:
        """The query's terms to mark and count (see ``highlight.hit_words``)."""
        return hit_words(self.node, self.is_word)

    def is_word(self, first: str, second: str) -> bool:
        """Whether two folded syllables form a word of their own in this library:
        together in at least ``WORD_COHESION`` of the documents of the rarer one."""
        together = len(self.docsets.pair_docs(first, second))
        if not together:
            return False
        rarer = min(len(self.docsets.ids("body", first)), len(self.docsets.ids("body", second)))
        return together >= WORD_COHESION * rarer

    # -- facets --------------------------------------------------------------

    def _facets(self, docs: IntArray) -> dict[str, dict[str, int]]:
        cols = self.cols
        facets = {
            "site": _count(cols.site_codes[docs], cols.site_names),
            "year": _count(cols.year_codes[docs], cols.year_names),
        }
        facets["site"] = dict(sorted(facets["site"].items(), key=lambda kv: (-kv[1], kv[0])))
        facets["year"] = dict(sorted(facets["year"].items(), key=lambda kv: kv[0], reverse=True))
        tags: dict[str, int] = {}
        reader = self.reader
        if len(docs) and "tag" in self.docsets.indexed:
            for raw in reader.lexicon("tag"):
                term = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                ids = self.docsets.ids("tag", term)
                n = len(np.intersect1d(ids, docs, assume_unique=True))
                if n:
                    tags[term] = n
        facets["tag"] = dict(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0])))
        return facets


def _count(codes: IntArray, names: list[str]) -> dict[str, int]:
    if not len(codes):
        return {}
    counts = np.bincount(codes, minlength=len(names))
    return {names[i]: int(n) for i, n in enumerate(counts.tolist()) if n and names[i]}


def article_hit(article: Article, score: float, words: list[Word], snippets: bool) -> SearchHit:
    """One result: the article's fields, its score and, when ``snippets``, the passage
    that shows ``words`` best (the article's lead when there are none)."""
    snippet = ""
    if snippets:
        snippet = make_snippet(article.body, words) if words else lead(article.body)
    return SearchHit(
        id=article.id,
        title=article.title,
        score=round(score, 4),
        snippet=snippet,
        published=article.published,
        site=article.site,
    )


def lead(body: str) -> str:
    text = " ".join(body[: SNIPPET_LEAD + 40].split())
    if len(text) > SNIPPET_LEAD:
        cut = text.rfind(" ", 0, SNIPPET_LEAD)
        text = text[: cut if cut > 0 else SNIPPET_LEAD] + " …"
    return html.escape(text)


# -- more like this -------------------------------------------------------------

MLT_TERMS = 25


def similar_hits(
    searcher: Searcher, store: ArticleStore, article: Article, limit: int
) -> list[SearchHit]:
    counts = Counter(SYLLABLE.findall(fold_text(article.title + "\n" + article.body)))
    n_docs = max(searcher.doc_count(), 1)
    weighted: list[tuple[float, str]] = []
    for term, tf in counts.items():
        if term.isdigit() or len(term) < 2:
            continue
        df = searcher.doc_frequency("body", term)
        if df <= 1 or df > n_docs * 0.5:
            continue
        weighted.append((tf * math.log(n_docs / df), term))
    weighted.sort(reverse=True)
    terms = weighted[:MLT_TERMS]
    if not terms:
        return []
    top = terms[0][0]
    docsets = DocSets(searcher)
    arrays = [(*docsets.postings("body", t), max(w / top, 0.05)) for w, t in terms]
    candidates = np.unique(np.concatenate([ids for ids, _, _ in arrays]))
    reader: Any = searcher.reader()
    scores = bm25(candidates, arrays, field_stats(reader, "body"))
    cols = columns_for(searcher)
    own = searcher.document_number(id=article.id)
    if own is not None:
        scores[candidates == own] = -1.0
    best = np.argsort(-scores, kind="stable")[:limit]
    order = [
        (int(candidates[i]), float(scores[i])) for i in best.tolist() if scores[i] > 0
    ]
    ids = [article_id_of(searcher, cols, d) for d, _ in order]
    found = {a.id: a for a in store.get_many(ids)}
    hits: list[SearchHit] = []
    for (_, score), article_id in zip(order, ids, strict=True):
        other = found.get(article_id)
        if other is not None:
            hits.append(article_hit(other, score, [], snippets=True))
    return hits
