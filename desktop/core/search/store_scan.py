"""Answering a query from the store alone, while the search index is rebuilt.

When the index turns out to be damaged, ``SearchIndex`` starts a rebuild and,
until it is done, answers here: every article is read once, turned into the
document the index would hold (``documents.index_document``) and checked
against the parsed query with the same rules as the index (folded syllables,
phrases and NEAR on folded text, fields, date ranges, facet filters, the
partial-match fallbacks). Totals and facets are exact; ranking is BM25 over the
folded body, computed from the scan's own counts. It is slower than the index
(seconds on tens of thousands of articles), which the caller's notice says.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import Levenshtein

from desktop.core.models import Article
from desktop.core.search.analysis import SYLLABLE, fold_text
from desktop.core.search.docsets import FUZZY_PREFIX, filter_terms
from desktop.core.search.documents import annotations_for, index_document
from desktop.core.search.highlight import near_match, raw_regex
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.search.postings import K1, B  # BM25 as the index scores
from desktop.core.search.query import (
    All,
    Any_,
    DateRange,
    MatchAll,
    Near,
    Node,
    Not,
    Value,
    Word,
    parse,
    positive_words,
    relaxed,
)
from desktop.core.search.results import PHRASE_FIELDS, article_hit
from desktop.core.search.schema import DEFAULT_FIELDS
from desktop.core.search.storefilters import STORE_FIELDS, IdSet, StoreFilters
from desktop.core.store.interface import LibraryStores

BATCH = 500
# Articles sampled for document frequencies and the average length.
DF_SAMPLE = 2000


@dataclass
class _Doc:
    """One article as the index would see it; matched on its stored (accented) text."""

    article: Article
    fields: dict[str, object]
    _tokens: dict[str, set[str]] = field(default_factory=dict)

    def text(self, name: str) -> str:
        value = self.fields.get(name, "")
        return value if isinstance(value, str) else ""

    def phrase_text(self, name: str) -> str:
        """The text a phrase is checked in: the body without the repeated title."""
        return self.article.body if name == "body" else self.text(name)

    def folded_tokens(self, name: str) -> set[str]:
        """Folded syllables (fuzzy words only: everything else matches the raw text)."""
        found = self._tokens.get(name)
        if found is None:
            found = self._tokens[name] = set(SYLLABLE.findall(fold_text(self.text(name))))
        return found

    def values(self, name: str) -> list[str]:
        value = self.fields.get(name)
        if value is None:
            return []
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)]


class _Matcher:
    """Evaluates query trees on one ``_Doc`` at a time."""

    def __init__(self, filters: StoreFilters):
        self.filters = filters
        self._stored: dict[tuple[str, str, bool], IdSet] = {}

    def matches(self, node: Node, doc: _Doc) -> bool:
        if isinstance(node, MatchAll):
            return True
        if isinstance(node, Word):
            return self._word(node, doc)
        if isinstance(node, Value):
            return self._value(node, doc)
        if isinstance(node, DateRange):
            return any(
                (node.lo is None or v >= node.lo) and (node.hi is None or v <= node.hi)
                for v in doc.values(node.field)
            )
        if isinstance(node, Near):
            field_name = node.children[0].field
            names = [field_name] if field_name else list(PHRASE_FIELDS)
            return any(
                near_match(fold_text(doc.phrase_text(n)), node.children, node.slop)
                for n in names
                if all(raw_regex(w.syllables).search(doc.phrase_text(n)) for w in node.children)
            )
        if isinstance(node, All):
            return all(self.matches(c, doc) for c in node.children)
        if isinstance(node, Any_):
            return any(self.matches(c, doc) for c in node.children)
        if isinstance(node, Not):
            return not self.matches(node.child, doc)
        raise TypeError(f"unknown query node {node!r}")

    def _word(self, word: Word, doc: _Doc) -> bool:
        if not word.syllables:
            return False
        if word.is_phrase:
            names = [word.field] if word.field else list(PHRASE_FIELDS)
            rx = raw_regex(word.syllables)
            return any(rx.search(doc.phrase_text(n)) for n in names)
        names = [word.field] if word.field else list(DEFAULT_FIELDS)
        first = word.syllables[0]
        for name in names:
            if word.mode == "fuzzy":
                if any(_near_spelling(t, first, word.fuzz) for t in doc.folded_tokens(name)):
                    return True
            elif raw_regex((first,), prefix=word.mode == "prefix").search(doc.text(name)):
                return True
        return False

    def _value(self, node: Value, doc: _Doc) -> bool:
        if node.field in STORE_FIELDS:
            key = (node.field, node.text, node.prefix)
            found = self._stored.get(key)
            if found is None:
                found = self._stored[key] = self.filters.field_ids(
                    node.field, node.text, node.prefix
                )
            return _in(found, doc.article.id)
        if node.field == "published" and node.prefix and len(node.text) == 4:
            return node.text in doc.values("year")
        values = doc.values(node.field)
        if node.prefix:
            return any(v.startswith(node.text) for v in values)
        return node.text in values


def _near_spelling(term: str, wanted: str, distance: int) -> bool:
    if term[:FUZZY_PREFIX] != wanted[:FUZZY_PREFIX]:
        return False
    return Levenshtein.distance(term, wanted, score_cutoff=distance) <= distance


def _in(found: IdSet, article_id: str) -> bool:
    return (article_id in found.ids) != found.negate


class _FilterCheck:
    """The UI's facet filters (values ORed, keys ANDed), on one document."""

    def __init__(self, filters: Mapping[str, Sequence[str]], store: StoreFilters):
        self.terms: list[tuple[str, set[str]]] = []
        self.stored: list[tuple[set[str], bool]] = []
        for key, values in filters.items():
            values = [v for v in values if v is not None and str(v).strip()]
            if not values:
                continue
            terms = filter_terms(key, values)
            if terms is not None:
                self.terms.append((key, set(terms)))
            else:
                found = store.filter_ids(key, values)
                self.stored.append((set(found.ids), found.negate))

    def passes(self, doc: _Doc) -> bool:
        for name, wanted in self.terms:
            if not wanted.intersection(doc.values(name)):
                return False
        return all((doc.article.id in ids) != negate for ids, negate in self.stored)


@dataclass
class _Match:
    article: Article
    counts: Counter[str]
    length: int
    tags: list[str]


def _documents(library: LibraryStores) -> Iterator[_Doc]:
    batch: list[Article] = []

    def flush(items: list[Article]) -> Iterator[_Doc]:
        notes = annotations_for(library.annotations, [a.id for a in items])
        for article in items:
            yield _Doc(article, index_document(article, notes.get(article.id)))

    for article in library.articles.iter_articles(batch=BATCH):
        batch.append(article)
        if len(batch) >= BATCH:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)


def verified(library: LibraryStores, node: Node, ids: Sequence[str]) -> set[str]:
    """Which of the articles ``ids`` match ``node``, checked on their stored text with
    the rules above (for an index that answers some nodes only as a superset)."""
    matcher = _Matcher(StoreFilters(library))
    store = library.articles
    found: set[str] = set()
    for start in range(0, len(ids), BATCH):
        articles = store.get_many(list(ids[start : start + BATCH]))
        notes = annotations_for(library.annotations, [a.id for a in articles])
        for article in articles:
            doc = _Doc(article, index_document(article, notes.get(article.id)))
            if matcher.matches(node, doc):
                found.add(article.id)
    return found


def _length(text: str) -> int:
    """About the number of syllables (words are separated by spaces in Vietnamese)."""
    return text.count(" ") + text.count("\n") + 1


def _scoring_syllables(node: Node) -> set[str]:
    found: set[str] = set()
    for word in positive_words(node):
        if word.field in (None, *DEFAULT_FIELDS) and word.mode == "term":
            found.update(word.syllables)
    return found


def search_store(library: LibraryStores, request: SearchRequest) -> SearchResult:
    """Parse and answer ``request`` from the store alone (for a library without an
    index); the parser's notices come with the answer, as from the index."""
    started = time.perf_counter()
    parsed = parse(request.query)
    result = scan(library, request, parsed.node)
    notices = " ".join(dict.fromkeys(n for n in (*parsed.notices, result.notice) if n))
    took = round((time.perf_counter() - started) * 1000.0, 3)
    return result.model_copy(update={"notice": notices or None, "took_ms": took})


def scan(library: LibraryStores, request: SearchRequest, node: Node) -> SearchResult:
    """The answer to ``request`` (already parsed into ``node``) from the store alone."""
    store = library.articles
    filters = StoreFilters(library)
    matcher = _Matcher(filters)
    check = _FilterCheck(request.filters, filters)
    steps: list[tuple[Node, str | None]] = [(node, None)]
    steps += [(step.node, step.notice) for step in relaxed(node)]
    wanted: set[str] = set()
    for step_node, _ in steps:
        wanted |= _scoring_syllables(step_node)
    found: list[list[_Match]] = [[] for _ in steps]
    # Document frequencies and lengths (for BM25) from an even sample of the articles.
    stride = max(1, store.count() // DF_SAMPLE)
    df: Counter[str] = Counter()
    sampled = sampled_length = 0
    for n, doc in enumerate(_documents(library)):
        body = doc.text("body")
        if n % stride == 0:
            sampled += 1
            sampled_length += _length(body)
            df.update(s for s in wanted if raw_regex((s,)).search(body))
        if not check.passes(doc):
            continue
        match: _Match | None = None
        for step, (step_node, _) in enumerate(steps):
            if step and found[0]:
                break  # the query as written matched: no fallback is needed
            if matcher.matches(step_node, doc):
                if match is None:
                    counts = Counter({s: len(raw_regex((s,)).findall(body)) for s in wanted})
                    match = _Match(doc.article, counts, _length(body), doc.values("tag"))
                found[step].append(match)
    docs = round(sampled * stride) if sampled else 0
    df = Counter({s: round(c * stride) for s, c in df.items()})
    average = sampled_length / sampled if sampled else 0.0
    chosen = next((n for n, matches in enumerate(found) if matches), 0)
    chosen_node, notice = steps[chosen]
    matches = found[chosen]
    scored = _rank(matches, _scoring_syllables(chosen_node), df, docs, average, request)
    page = scored[request.offset : request.offset + request.limit]
    return SearchResult(
        query=request.query,
        total=len(matches),
        total_is_exact=True,
        hits=_hits(page, chosen_node, request),
        facets=_facets(matches) if request.facets else {},
        notice=notice,
        offset=request.offset,
        limit=request.limit,
    )


def _rank(
    matches: list[_Match],
    syllables: set[str],
    df: Mapping[str, int],
    docs: int,
    average: float,
    request: SearchRequest,
) -> list[tuple[_Match, float]]:
    idf = {s: math.log(1.0 + (docs - df[s] + 0.5) / (df[s] + 0.5)) for s in syllables}
    scored: list[tuple[_Match, float]] = []
    for match in matches:
        norm = K1 * (1.0 - B + B * match.length / average) if average else K1
        score = 0.0
        for syllable, weight in idf.items():
            tf = match.counts.get(syllable, 0)
            if tf:
                score += weight * tf * (K1 + 1.0) / (tf + norm)
        scored.append((match, score))
    undated = date.max.toordinal() + 1

    def day(m: _Match) -> int:
        return m.article.published.toordinal() if m.article.published else -1

    if request.sort == "oldest":
        scored.sort(key=lambda item: day(item[0]) if item[0].article.published else undated)
    elif request.sort == "newest":
        scored.sort(key=lambda item: -day(item[0]) if item[0].article.published else undated)
    else:
        scored.sort(key=lambda item: (-item[1], -day(item[0])))
    return scored


def _hits(
    page: Iterable[tuple[_Match, float]], node: Node, request: SearchRequest
) -> list[SearchHit]:
    words = positive_words(node)
    return [article_hit(match.article, score, words, request.snippets) for match, score in page]


def _facets(matches: Sequence[_Match]) -> dict[str, dict[str, int]]:
    sites: Counter[str] = Counter(m.article.site for m in matches if m.article.site)
    years: Counter[str] = Counter(
        f"{m.article.published.year:04d}" for m in matches if m.article.published
    )
    tags: Counter[str] = Counter(t for m in matches for t in m.tags)
    return {
        "site": dict(sorted(sites.items(), key=lambda kv: (-kv[1], kv[0]))),
        "year": dict(sorted(years.items(), key=lambda kv: kv[0], reverse=True)),
        "tag": dict(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
