"""Running one search: matching, ranking, paging, facets and snippets.

Matching and BM25F scoring are Whoosh's. On top of that:

* the exact total and the facets come from the full set of matching document
  numbers and per-document columns cached for the current reader;
* the best ``RERANK_DEPTH`` hits are re-ranked on their stored text: adjacent
  query syllables (``ha noi`` -> "Hà Nội") and exact-diacritic matches (``hà``
  over "hạ") multiply the score;
* phrases (stored without positions) are checked on the stored text; when that
  check drops candidates the total becomes an estimate (``total_is_exact``).
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from whoosh import query as wq
from whoosh.searching import Searcher

from desktop.core.models import Article
from desktop.core.search.analysis import SYLLABLE, exact_syllables, fold_text
from desktop.core.search.compiler import compile_node, filter_query
from desktop.core.search.docsets import DocSets
from desktop.core.search.documents import annotations_for
from desktop.core.search.highlight import make_snippet, phrase_regex
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.search.query import (
    All,
    Any_,
    MatchAll,
    Node,
    Not,
    Word,
    has_phrase,
    positive_words,
    top_level_words,
)
from desktop.core.store import ArticleStore

RERANK_DEPTH = 60
ADJACENT_BONUS = 3.0
EXACT_BONUS = 0.5
FALLBACK_NOTICE = "No article contains all of the words; showing the best partial matches."
PHRASE_CHECK_LIMIT = 400
SNIPPET_LEAD = 240


@dataclass
class Columns:
    """Per-document values of one reader, indexed by document number."""

    site: list[str]
    year: list[str]
    published: list[str]
    ids: dict[int, str] = field(default_factory=dict)


_columns: WeakKeyDictionary[Any, Columns] = WeakKeyDictionary()


def columns_for(searcher: Searcher) -> Columns:
    reader = searcher.reader()
    cols = _columns.get(reader)
    if cols is None:
        cols = Columns(
            site=_column(reader, "site"),
            year=_column(reader, "year"),
            published=_column(reader, "published"),
        )
        _columns[reader] = cols
    return cols


def _column(reader: Any, name: str) -> list[str]:
    if not reader.has_column(name):
        return [""] * reader.doc_count_all()
    return [v if isinstance(v, str) else "" for v in reader.column_reader(name)]


def article_id_of(searcher: Searcher, cols: Columns, docnum: int) -> str:
    found = cols.ids.get(docnum)
    if found is None:
        found = cols.ids[docnum] = str(searcher.stored_fields(docnum)["id"])
    return found


@dataclass
class _Texts:
    """Folded fields of one article, for phrase checks."""

    fields: dict[str, str]


class ResultBuilder:
    def __init__(
        self, searcher: Searcher, store: ArticleStore, request: SearchRequest, node: Node
    ):
        self.searcher = searcher
        self.store = store
        self.request = request
        self.node = node
        self.cols = columns_for(searcher)
        self.notice: str | None = None
        self.filter = filter_query(request.filters)
        self._subtree_docs: dict[int, set[int]] = {}
        self.docsets = DocSets(searcher)
        self._filter_docs: set[int] | None = None
        self._article_cache: dict[str, Article] = {}

    # -- matching ----------------------------------------------------------

    def _whoosh_query(self, node: Node) -> wq.Query:
        q = compile_node(node)
        if self.filter is None:
            return q
        if isinstance(q, wq.Every):
            return self.filter
        return wq.And([q, self.filter])

    def _docs(self, node: Node) -> set[int]:
        docs = self.docsets.matching(node)
        if self.filter is not None:
            if self._filter_docs is None:
                self._filter_docs = set(self.filter.docs(self.searcher))
            docs &= self._filter_docs
        return docs

    def run(self) -> SearchResult:
        req = self.request
        query = self._whoosh_query(self.node)
        docs = self._docs(self.node)
        if not docs and isinstance(self.node, All):
            fallback = _fallback(self.node)
            if fallback is not None:
                fb_query = self._whoosh_query(fallback)
                fb_docs = self._docs(fallback)
                if fb_docs:
                    self.node, query, docs = fallback, fb_query, fb_docs
                    self.notice = FALLBACK_NOTICE
        verify = has_phrase(self.node)
        total_exact = True
        if req.sort == "relevance" and not isinstance(self.node, MatchAll):
            ranked, checked, kept = self._ranked(query, docs, verify)
        else:
            ranked, checked, kept = self._by_date(docs, req.sort, verify)
        total = len(docs)
        if verify and checked:
            if checked < total:
                total = max(len(ranked), round(total * kept / checked))
                total_exact = False
            else:
                total = kept
        page = ranked[req.offset : req.offset + req.limit]
        hits = self._hits(page)
        facets = self._facets(docs) if req.facets else {}
        return SearchResult(
            query=req.query,
            total=total,
            total_is_exact=total_exact,
            hits=hits,
            facets=facets,
            notice=self.notice,
            offset=req.offset,
            limit=req.limit,
        )

    # -- ordering ------------------------------------------------------------

    def _ranked(
        self, query: wq.Query, docs: set[int], verify: bool
    ) -> tuple[list[tuple[int, float]], int, int]:
        want = self.request.offset + self.request.limit
        depth = max(want, RERANK_DEPTH)
        if verify:
            depth = min(max(depth * 2, want + RERANK_DEPTH), PHRASE_CHECK_LIMIT)
        results = self.searcher.search(query, limit=depth, terms=False)
        scored = [(hit.docnum, float(hit.score or 0.0)) for hit in results]
        checked = len(scored)
        if verify:
            scored = [(d, s) for d, s in scored if self._verified(d)]
        kept = len(scored)
        scored = self._rerank(scored)
        if want > len(scored) and len(docs) > checked:
            # Deep pages beyond the scored depth: the rest in Whoosh's order.
            more = self.searcher.search(query, limit=want + RERANK_DEPTH, terms=False)
            seen = {d for d, _ in scored}
            for hit in list(more)[checked:]:
                if hit.docnum not in seen and (not verify or self._verified(hit.docnum)):
                    scored.append((hit.docnum, float(hit.score or 0.0)))
        return scored, checked, kept

    def _by_date(
        self, docs: set[int], sort: str, verify: bool
    ) -> tuple[list[tuple[int, float]], int, int]:
        published = self.cols.published
        dated = [d for d in docs if published[d]]
        undated = sorted(d for d in docs if not published[d])
        oldest = sort == "oldest"
        dated.sort(key=lambda d: (published[d], d), reverse=not oldest)
        ordered = dated + undated
        if not verify:
            return [(d, 0.0) for d in ordered], 0, 0
        want = self.request.offset + self.request.limit
        out: list[tuple[int, float]] = []
        checked = 0
        for d in ordered:
            if len(out) >= want and checked >= RERANK_DEPTH:
                break
            if checked >= PHRASE_CHECK_LIMIT and len(out) >= want:
                break
            checked += 1
            if self._verified(d):
                out.append((d, 0.0))
        return out, checked, len(out)

    def _rerank(self, scored: list[tuple[int, float]]) -> list[tuple[int, float]]:
        words = [w for w in top_level_words(self.node) if w.mode == "term"]
        pairs = _adjacent_pairs(words)
        exact = [w for w in words if w.exact and fold_text(" ".join(w.exact)) != " ".join(w.exact)]
        if not scored or not (pairs or exact):
            return scored
        head = scored[:RERANK_DEPTH]
        articles = self._articles([d for d, _ in head])
        boosted: list[tuple[int, float]] = []
        for docnum, score in head:
            article = articles.get(docnum)
            if article is None:
                boosted.append((docnum, score))
                continue
            text = article.title + "\n" + article.body
            factor = 1.0
            if pairs:
                found = sum(1 for rx in pairs if rx.search(text))
                factor *= 1.0 + ADJACENT_BONUS * found / len(pairs)
            if exact:
                present = set(exact_syllables(text))
                hit = sum(1 for w in exact if all(s in present for s in w.exact))
                factor *= 1.0 + EXACT_BONUS * hit / len(exact)
            boosted.append((docnum, score * factor))
        boosted.sort(key=lambda item: -item[1])
        return boosted + scored[RERANK_DEPTH:]

    # -- phrase checks ---------------------------------------------------------

    def _verified(self, docnum: int) -> bool:
        article = self._articles([docnum]).get(docnum)
        if article is None:
            return False
        texts = self._texts(article)
        return self._eval(self.node, docnum, texts)

    def _texts(self, article: Article) -> dict[str, str]:
        notes = annotations_for(self.store.conn, [article.id]).get(article.id)
        return {
            "title": article.title,
            "body": article.body,
            "note": "\n".join(notes.notes) if notes else "",
            "author": article.author or "",
        }

    def _eval(self, node: Node, docnum: int, texts: dict[str, str]) -> bool:
        if not has_phrase(node):
            key = id(node)
            docs = self._subtree_docs.get(key)
            if docs is None:
                docs = self._subtree_docs[key] = self.docsets.matching(node)
            return docnum in docs
        if isinstance(node, Word):
            rx = phrase_regex(node.syllables)
            fields = [node.field] if node.field else ["title", "body", "note"]
            return any(rx.search(texts.get(f, "")) for f in fields)
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
        words = positive_words(self.node) if not isinstance(self.node, MatchAll) else []
        hits: list[SearchHit] = []
        for docnum, score in page:
            article = articles.get(docnum)
            if article is None:
                continue
            snippet = ""
            if self.request.snippets:
                snippet = make_snippet(article.body, words) if words else lead(article.body)
            hits.append(
                SearchHit(
                    id=article.id,
                    title=article.title,
                    score=round(score, 4),
                    snippet=snippet,
                    published=article.published,
                    site=article.site,
                )
            )
        return hits

    # -- facets --------------------------------------------------------------

    def _facets(self, docs: set[int]) -> dict[str, dict[str, int]]:
        cols = self.cols
        sites = Counter(cols.site[d] for d in docs)
        years = Counter(cols.year[d] for d in docs)
        sites.pop("", None)
        years.pop("", None)
        facets = {
            "site": dict(sorted(sites.items(), key=lambda kv: (-kv[1], kv[0]))),
            "year": dict(sorted(years.items(), key=lambda kv: kv[0], reverse=True)),
        }
        tags: dict[str, int] = {}
        reader = self.searcher.reader()
        if docs and "tag" in reader.indexed_field_names():
            for raw in reader.lexicon("tag"):
                term = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                n = sum(1 for d in reader.postings("tag", raw).all_ids() if d in docs)
                if n:
                    tags[term] = n
        facets["tag"] = dict(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0])))
        return facets


def _fallback(node: All) -> Node | None:
    """Any of the positive parts of an AND (keeping exclusions), or None."""
    positive = [c for c in node.children if not isinstance(c, Not)]
    negative = [c for c in node.children if isinstance(c, Not)]
    if len(positive) < 2:
        return None
    either: Node = Any_(tuple(positive))
    return All((either, *negative)) if negative else either


def _adjacent_pairs(words: list[Word]) -> list[re.Pattern[str]]:
    pairs: list[re.Pattern[str]] = []
    for a, b in zip(words, words[1:], strict=False):
        pairs.append(phrase_regex((*a.syllables, *b.syllables)))
    return pairs


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
    q = wq.Or([wq.Term("body", t, boost=max(w / top, 0.05)) for w, t in terms])
    results = searcher.search(q, limit=limit + 1, mask=wq.Term("id", article.id), terms=False)
    cols = columns_for(searcher)
    order = [(hit.docnum, float(hit.score or 0.0)) for hit in results][:limit]
    ids = [article_id_of(searcher, cols, d) for d, _ in order]
    found = {a.id: a for a in store.get_many(ids)}
    hits: list[SearchHit] = []
    for (_, score), article_id in zip(order, ids, strict=True):
        other = found.get(article_id)
        if other is None:
            continue
        hits.append(
            SearchHit(
                id=other.id,
                title=other.title,
                score=round(score, 4),
                snippet=lead(other.body),
                published=other.published,
                site=other.site,
            )
        )
    return hits
