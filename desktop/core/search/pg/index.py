"""``PgSearchIndex``: a library's search index kept in PostgreSQL tables.

The same interface as the Whoosh ``SearchIndex`` (``search.interface``): the
rows are a cache of the store, caught up from ``changed_since``/``removed_since``
by the articles' generation counter (recorded in ``search_meta``) and rebuilt
when they reflect another library, another schema, or a count that disagrees.

Searching compiles the parsed query (``compiler``), checks on the stored text
the few rows the SQL answers only as a superset (NEAR everywhere, long and
fielded phrases on ``lossy`` rows: ``store_scan.verified``), then counts, facets
and pages in one statement. Ranking is ``ts_rank_cd`` over the folded syllables
and pairs (title weighted above body), plus the accented vector when the query
has diacritics, so "đổi mới" typed exactly outranks "đôi mới". The partial-match
fallbacks, the long-question rule and the snippets are the Whoosh index's own
(``query.relaxed``, ``results.SOFT_*``, ``results.article_hit``).

A ``PgSearchIndex`` belongs to the thread that opened it (one connection).
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

import pg8000.native

from desktop.core.closing import Closing
from desktop.core.errors import ServerUnreachable, UserError
from desktop.core.search.analysis import SYLLABLE, fold_text
from desktop.core.search.docsets import needs_check
from desktop.core.search.documents import annotations_for
from desktop.core.search.highlight import find_spans, hit_words
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult, all_result_ids
from desktop.core.search.pg import binary, rowpool, schema
from desktop.core.search.pg.compiler import Compiler, checked_on_lossy, has_near, lexeme
from desktop.core.search.pg.connection import STATEMENT_TIMEOUT_S, connect, set_timeout
from desktop.core.search.pg.vectors import COLUMNS, PAIR_SEP, pair_tokens
from desktop.core.search.query import (
    All,
    Node,
    Not,
    Word,
    parse,
    positive_words,
    relaxed,
    top_level_words,
)
from desktop.core.search.results import (
    MLT_TERMS,
    SOFT_MIN_WORDS,
    SOFT_NOTICE,
    SOFT_SHARE,
    WORD_COHESION,
    article_hit,
)
from desktop.core.search.store_scan import verified

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

Progress = Callable[[int, int], None]

# Articles written per statement, and per transaction while catching up.
BATCH = 500
COMMIT_EVERY = 5000
# Vocabulary terms per statement when it is written at the end of a fill.
VOCAB_BATCH = 20_000
# Memory for building the GIN indexes after a fill (this session only): with less,
# a million rows are sorted in many passes.
GIN_BUILD_MEMORY = "1GB"
# Memory for each sort, hash and bitmap of a search (this session only).
SEARCH_WORK_MEM = "64MB"
# ts_rank_cd weights {D body, C notes, B author, A title}.
RANK_WEIGHTS = "{0.4,0.4,0.4,1.0}"
# ts_rank_cd normalization: by the log of the length (1), then rank / (rank + 1) (32),
# so the count of common syllables saturates as BM25's does and cannot outweigh pairs.
RANK_NORMALIZATION = 1 | 32
PAIR_WEIGHT = 10.0
# Tuned on the tune half of the known-item set (2.0 -> 0.643, 0.5 -> 0.735, 0.2 -> 0.748
# MRR@10 with diacritics at 5,000 articles): cover density of the accented syllables
# breaks ties between spellings, it must not outweigh the pairs.
EXACT_WEIGHT = 0.2
# Matches ranked by their vectors; beyond this many, the rest follow the candidates'
# order (a rare pair, then query words in the title, then the newest). Totals and facets always
# count every match.
RANK_ALL = 1000
# A query pair in at most this many articles is rare: the articles holding one are
# candidates before the rest, and rank above them (ts_rank has no idf of its own).
RARE_PAIR_DF = RANK_ALL // 10
RARE_WEIGHT = 20.0
LOST_NOTICE = "The search server was lost: {error}"
READ_ONLY_MESSAGE = "The search tables cannot be written with this role: {error}"
READ_ONLY_NOTICE = (
    "This role may only read the search tables, and they are behind the library: "
    "the newest articles may be missing."
)
NO_TABLES_MESSAGE = (
    "The server has no search tables of this version, and this role may not create "
    "them: run 'archive-browser server init' with a role that may."
)
SERVER_ERROR_MESSAGE = "The search server refused: {error}"
# SQLSTATEs of a role or a server that may not write.
READ_ONLY_CODES = ("42501", "25006")

_COPY = f"COPY search_docs ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT binary)"


class SearchServerError(UserError):
    """The server refused a statement of the search (one line)."""


class SearchTablesReadOnly(SearchServerError):
    """The search tables may be read but not written with this role."""


def _noop(done: int, total: int) -> None:
    return None


class PgSearchIndex(Closing):
    """The search tables of a library on a PostgreSQL server."""

    def __init__(self, library: AnyLibrary, conn: pg8000.native.Connection, source: str):
        self.library = library
        self.conn = conn
        self._closed = False
        # Which library the rows reflect (several may not share one database).
        self.source = source
        self.notice: str | None = None
        self._df_cache: dict[str, int] = {}
        self._df_generation = -1

    @classmethod
    def open(
        cls,
        library: AnyLibrary,
        dsn: str,
        *,
        progress: Progress | None = None,
        source: str | None = None,
    ) -> PgSearchIndex:
        """Connect, create the tables when needed, and catch up with the store."""
        conn = connect(dsn)
        self = cls(library, conn, library.location if source is None else source)
        try:
            # Reading a row's vector costs far more than the planner thinks: a word in
            # most rows is still answered from its GIN posting list, not by reading
            # every vector (about a third faster on common words, measured).
            self._guard(lambda: conn.run("SET enable_seqscan = off"))
            # That makes a plan that must scan (a long question's "most of its words")
            # look costly enough to be JIT-compiled, which took 1.7 s of its 2.4 s at
            # 5,000 articles: searches are not compiled.
            self._guard(lambda: conn.run("SET jit = off"))
            # A word in most of a million rows: its bitmap stays exact (one entry per
            # row, no recheck of every row of a lossy page), and the candidates'
            # sort and the facets stay in memory.
            self._guard(lambda: conn.run(f"SET work_mem = '{SEARCH_WORK_MEM}'"))
            try:
                self._guard(lambda: schema.ensure(conn))
                self.sync(progress)
            except SearchTablesReadOnly:
                # A role that may only read: search the tables as they are.
                if schema.current_version(conn) != schema.SCHEMA_VERSION:
                    raise SearchTablesReadOnly(NO_TABLES_MESSAGE) from None
                behind = int(schema.read_meta(conn, "generation") or 0)
                if behind < library.articles.generation():
                    self.notice = READ_ONLY_NOTICE
        except BaseException:
            self.close()
            raise
        return self

    @classmethod
    def catch_up(cls, library: AnyLibrary, dsn: str, progress: Progress | None = None) -> None:
        cls.open(library, dsn, progress=progress).close()

    def _guard(self, work: Callable[[], Any]) -> Any:
        """Run ``work``; a lost connection or a refusal of the server is one line."""
        try:
            return work()
        except (pg8000.native.InterfaceError, OSError) as exc:
            raise ServerUnreachable(LOST_NOTICE.format(error=_reason(exc))) from exc
        except pg8000.native.DatabaseError as exc:
            self._rollback()
            code = _sqlstate(exc)
            if code in READ_ONLY_CODES:
                raise SearchTablesReadOnly(READ_ONLY_MESSAGE.format(error=_reason(exc))) from exc
            raise SearchServerError(SERVER_ERROR_MESSAGE.format(error=_reason(exc))) from exc

    def _rollback(self) -> None:
        """Leave a failed transaction (and the sync lock), so the connection works on."""
        try:
            self.conn.run("ROLLBACK")
            self.conn.run("SELECT pg_advisory_unlock_all()")
        except Exception:  # noqa: BLE001 - the connection is gone: reported by the caller
            pass

    # -- writing -----------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> int:
        """Catch up with the store; returns how many articles were written."""
        report = progress or _noop
        return int(self._guard(lambda: self._sync(report)))

    def rebuild(self, progress: Progress | None = None) -> int:
        report = progress or _noop
        return int(self._guard(lambda: self._sync(report, full=True)))

    def _sync(self, progress: Progress, full: bool = False) -> int:
        conn = self.conn
        # Building a GIN index over millions of rows takes a while: no read timeout.
        set_timeout(conn, None)
        try:
            conn.run("SELECT pg_advisory_lock(:k)", k=schema.LOCK_KEY)
            written = self._sync_locked(progress, full)
            if not full and self._count() != self.library.articles.count():
                written = self._sync_locked(progress, True)
            conn.run("SELECT pg_advisory_unlock(:k)", k=schema.LOCK_KEY)
        finally:
            set_timeout(conn, STATEMENT_TIMEOUT_S)
        return written

    def _sync_locked(self, progress: Progress, full: bool) -> int:
        conn = self.conn
        articles = self.library.articles
        target = articles.generation()
        same_source = schema.read_meta(conn, "source") == self.source
        since = int(schema.read_meta(conn, "generation") or 0) if same_source else 0
        if full or not same_source or since > target:
            conn.run("TRUNCATE search_docs, search_vocab")
            schema.write_meta(conn, "source", self.source)
            schema.write_meta(conn, "generation", "0")
            since = 0
        if since >= target and not full:
            return 0
        if since == 0:
            source, total = articles.iter_articles(), articles.count()
        else:
            source, total = articles.changed_since(since), articles.count_changed_since(since)
            removed = articles.removed_since(since)
            if removed:
                conn.run("BEGIN")
                self._unvocab(removed)
                conn.run(
                    "DELETE FROM search_docs WHERE article_id = ANY(:ids::text[])",
                    ids=list(removed),
                )
                conn.run("COMMIT")  # a failure is rolled back by ``_guard``
        progress(0, total)
        if since == 0:
            schema.drop_gin_indexes(conn)
        done = 0
        # Filling from scratch, the vocabulary is counted here and written once at
        # the end (not merged into the table batch by batch).
        vocab: Counter[str] | None = Counter() if since == 0 else None
        it = iter(source)
        batches = iter(lambda: list(islice(it, BATCH)), [])
        noted = ((b, annotations_for(self.library.annotations, [a.id for a in b]))
                 for b in batches)
        conn.run("BEGIN")
        written = 0  # in this transaction
        for ids, tuples, found in rowpool.encoded(noted, target, vocab is not None,
                                                  rowpool.workers_for(total)):
            self._write(ids, tuples, found, vocab)
            done += len(ids)
            written += len(ids)
            progress(done, total)
            if written >= COMMIT_EVERY:
                conn.run("COMMIT")  # a failure is rolled back by ``_guard``
                conn.run("BEGIN")
                written = 0
        conn.run("COMMIT")
        if vocab is not None:
            conn.run("BEGIN")
            counted = list(vocab.items())
            for start in range(0, len(counted), VOCAB_BATCH):
                part = counted[start : start + VOCAB_BATCH]
                conn.run(
                    "INSERT INTO search_vocab (term, df) "
                    "SELECT unnest(:t::text[]), unnest(:n::int[])",
                    t=[t for t, _ in part],
                    n=[n for _, n in part],
                )
            conn.run("COMMIT")
            conn.run(f"SET maintenance_work_mem = '{GIN_BUILD_MEMORY}'")
            schema.create_gin_indexes(conn)
            conn.run("ANALYZE search_docs")
        # Only a complete catch-up moves the generation: an interrupted one is redone.
        schema.write_meta(conn, "generation", str(target))
        self._df_cache.clear()
        progress(done, total)
        return done

    def _write(self, ids: Sequence[str], tuples: bytes, terms: Counter[str] | None,
               vocab: Counter[str] | None) -> None:
        """Write the rows of ``ids`` (``tuples``, replacing theirs); in a fill from
        scratch their lexemes (``terms``) are counted into ``vocab``, else merged
        into ``search_vocab`` here."""
        if vocab is None:
            self._unvocab(ids)
            self.conn.run("DELETE FROM search_docs WHERE article_id = ANY(:ids::text[])", ids=ids)
        self.conn.run(_COPY, stream=(binary.HEADER, tuples, binary.TRAILER))
        if vocab is not None:
            if terms is not None:
                vocab.update(terms)
            return
        self.conn.run(
            "INSERT INTO search_vocab (term, df) SELECT t, count(*) FROM search_docs d, "
            "unnest(tsvector_to_array(d.body_v)) t "
            "WHERE d.article_id = ANY(:ids::text[]) GROUP BY t "
            "ON CONFLICT (term) DO UPDATE SET df = search_vocab.df + excluded.df",
            ids=ids,
        )

    def _unvocab(self, ids: Sequence[str]) -> None:
        """Take the rows of ``ids`` (about to be replaced or removed) out of the counts."""
        self.conn.run(
            "UPDATE search_vocab v SET df = v.df - c.n FROM (SELECT t, count(*) AS n "
            "FROM search_docs d, unnest(tsvector_to_array(d.body_v)) t "
            "WHERE d.article_id = ANY(:ids::text[]) "
            "GROUP BY t) c WHERE v.term = c.t",
            ids=list(ids),
        )

    # -- counts ------------------------------------------------------------

    def _count(self) -> int:
        return int(self.conn.run("SELECT count(*) FROM search_docs")[0][0])

    def doc_count(self) -> int:
        """Articles in the search tables."""
        return int(self._guard(self._count))

    def indexed_ids(self) -> set[str]:
        rows = self._guard(lambda: self.conn.run("SELECT article_id FROM search_docs"))
        return {str(r[0]) for r in rows}

    def _df(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of folded syllables (from the vocabulary) and pairs
        (``a_b``, counted), cached until the store changes."""
        generation = self.library.articles.generation()
        if generation != self._df_generation:
            self._df_cache.clear()
            self._df_generation = generation
        missing = [t for t in dict.fromkeys(terms) if t not in self._df_cache]
        if missing:
            rows = self.conn.run(
                "SELECT term, df FROM search_vocab WHERE term = ANY(:t::text[])", t=missing
            )
            found = {str(t): int(n) for t, n in rows}
            for pair in (t for t in missing if PAIR_SEP in t):
                found[pair] = int(self.conn.run(
                    "SELECT count(*) FROM search_docs WHERE pairs_v @@ :q::tsquery",
                    q=lexeme(pair),
                )[0][0])
            for term in missing:
                self._df_cache[term] = found.get(term, 0)
        return {t: self._df_cache[t] for t in terms}

    def _vocab(self, first: str, shortest: int, longest: int) -> list[str]:
        rows = self.conn.run(
            "SELECT term FROM search_vocab WHERE term LIKE :p AND df > 0 "
            "AND position('_' in term) = 0 AND length(term) BETWEEN :lo AND :hi ORDER BY term",
            p=first.replace("%", "").replace("_", "") + "%",
            lo=max(1, shortest),
            hi=longest,
        )
        return [str(r[0]) for r in rows]

    def is_word(self, first: str, second: str) -> bool:
        """Whether two folded syllables form a word of their own in this library (the
        rule of ``results.ResultBuilder.is_word``, from the vocabulary's counts)."""
        pair = first + PAIR_SEP + second
        df = self._df([pair, first, second])
        if not df[pair]:
            return False
        return df[pair] >= WORD_COHESION * min(df[first], df[second])

    # -- searching ---------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a query; raises ``QuerySyntaxError`` for a malformed one."""
        started = time.perf_counter()
        parsed = parse(request.query)
        result: SearchResult = self._guard(lambda: self._answer(request, parsed.node))
        took = (time.perf_counter() - started) * 1000.0
        update: dict[str, Any] = {"took_ms": round(took, 3)}
        notices = [*parsed.notices, result.notice, self.notice]
        joined = " ".join(dict.fromkeys(n for n in notices if n))
        if joined != (result.notice or ""):
            update["notice"] = joined or None
        return result.model_copy(update=update)

    def _answer(self, request: SearchRequest, node: Node) -> SearchResult:
        from desktop.core.search.storefilters import StoreFilters

        store = StoreFilters(self.library)
        compiler = Compiler(self._vocab, store)
        filters = compiler.filters(request.filters)
        result = self._run(request, node, node, compiler, filters, None)
        soft = self._soft(node, compiler)
        if soft is not None:
            cond, least, words = soft
            count = self._total(f"{cond} AND {filters}", compiler)
            if count > result.total:
                notice = SOFT_NOTICE.format(least=least, words=words)
                return self._run(request, node, node, compiler, filters, notice, cond)
        if result.total == 0:
            for step in relaxed(node):
                fallback = self._run(request, step.node, step.node, compiler, filters, step.notice)
                if fallback.total:
                    return fallback
        return result

    def _total(self, where: str, compiler: Compiler) -> int:
        return int(
            self.conn.run(f"SELECT count(*) FROM search_docs WHERE {where}", **compiler.params)[
                0
            ][0]
        )

    def _rejected(self, node: Node, where: str, compiler: Compiler) -> list[str]:
        """Candidates the SQL cannot decide, checked on the stored text; the failures."""
        if has_near(node):
            scope = ""
        elif checked_on_lossy(node):
            scope = " AND lossy"
        else:
            return []
        rows = self.conn.run(
            f"SELECT article_id FROM search_docs WHERE {where}{scope}", **compiler.params
        )
        ids = [str(r[0]) for r in rows]
        if not ids:
            return []
        passed = verified(self.library, node, ids)
        return [i for i in ids if i not in passed]

    def _run(
        self,
        request: SearchRequest,
        node: Node,
        hits_node: Node,
        compiler: Compiler,
        filters: str,
        notice: str | None,
        cond: str | None = None,
    ) -> SearchResult:
        where = f"{cond if cond is not None else compiler.cond(node)} AND {filters}"
        rejected = self._rejected(node, where, compiler) if cond is None else []
        if rejected:
            where += f" AND NOT (article_id = ANY({compiler.param(rejected)}::text[]))"
        lim, off = compiler.param(request.limit), compiler.param(request.offset)
        ranked = request.sort == "relevance"
        pairs = self._query_pairs(node) if ranked else []
        rare = self._rare_pairs(pairs)
        score = self._score(node, compiler, pairs, rare) if ranked else None
        in_title = self._in_title(node, compiler) if score is not None else "FALSE"
        strong = "FALSE"
        if score is not None and rare:
            # Few rows by the GIN index, hashed once: not a vector read per match.
            strong = (
                "article_id IN (SELECT article_id FROM search_docs WHERE pairs_v @@ "
                f"{compiler.tsq(' | '.join(rare))})"
            )
        ctes = [
            "m AS MATERIALIZED (SELECT ctid AS tid, article_id, site, year, tags, published, "
            f"{strong} AS strong, {in_title} AS in_title FROM search_docs WHERE {where})"
        ]
        if score is None:
            order = {
                "relevance": "published DESC NULLS LAST, article_id",
                "newest": "published DESC NULLS LAST, article_id",
                "oldest": "published ASC NULLS LAST, article_id",
            }[request.sort]
            page = (
                f"(SELECT 4, article_id, 0::float8, row_number() OVER (ORDER BY {order}) "
                f"FROM m ORDER BY {order} LIMIT {lim}::int OFFSET {off}::int)"
            )
        else:
            # The RANK_ALL best candidates (a rare pair of the query first, then query
            # words in the title, then the newest: a bounded sort) are ranked, each
            # row read once by its ctid; the rest follow in that order, needed only
            # for a page beyond them.
            candidate = "strong DESC, in_title DESC, published DESC NULLS LAST, article_id"
            cap = compiler.param(RANK_ALL)
            rest = ""
            if request.offset + request.limit > RANK_ALL:
                rest = (
                    f" UNION ALL SELECT article_id, {cap}::int + row_number() OVER "
                    f"(ORDER BY {candidate}), NULL FROM (SELECT * FROM m ORDER BY {candidate} "
                    f"OFFSET {cap}::int) rest"
                )
            ctes += [
                f"c AS (SELECT tid, article_id, row_number() OVER (ORDER BY {candidate}) AS cr "
                f"FROM (SELECT * FROM m ORDER BY {candidate} LIMIT {cap}::int) top)",
                f"r AS (SELECT c.article_id, c.cr, s.score FROM c CROSS JOIN LATERAL "
                f"(SELECT {score} AS score FROM search_docs d WHERE d.ctid = c.tid "
                f"OFFSET 0) s{rest})",
            ]
            order = "score DESC NULLS LAST, cr"
            page = (
                f"(SELECT 4, article_id, COALESCE(score, 0), row_number() OVER (ORDER BY "
                f"{order}) FROM r ORDER BY {order} LIMIT {lim}::int OFFSET {off}::int)"
            )
        # The total and the site and year facets in one pass over the matches.
        parts = [
            "SELECT CASE WHEN GROUPING(site) = 0 THEN 1 WHEN GROUPING(year) = 0 THEN 2 "
            "ELSE 0 END AS k, COALESCE(site, year) AS key, count(*)::float8 AS n, "
            "0::bigint AS r FROM m GROUP BY GROUPING SETS ((), (site), (year))"
            if request.facets else
            "SELECT 0 AS k, NULL::text AS key, count(*)::float8 AS n, 0::bigint AS r FROM m"
        ]
        if request.facets:
            parts.append(
                "SELECT 3, t, count(*), 0 FROM m, unnest(m.tags) t "
                "WHERE cardinality(m.tags) > 0 GROUP BY t"
            )
        parts.append(page)
        sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(parts)
        rows = self.conn.run(sql, **compiler.params)
        total = 0
        facets: dict[str, dict[str, int]] = {"site": {}, "year": {}, "tag": {}}
        hits: list[tuple[int, str, float]] = []
        for kind, key, n, rank in rows:
            if kind == 0:
                total = int(n)
            elif kind in (1, 2) and (key is None or (kind == 1 and key == "")):
                continue  # articles without a site or a date
            elif kind == 4:
                hits.append((int(rank), str(key), float(n)))
            else:
                facets[("site", "year", "tag")[kind - 1]][str(key)] = int(n)
        hits.sort()
        return SearchResult(
            query=request.query,
            total=total,
            total_is_exact=True,
            hits=self._hits(hits, hits_node, request.snippets),
            facets=_sorted_facets(facets) if request.facets else {},
            notice=notice,
            offset=request.offset,
            limit=request.limit,
        )

    def _hits(
        self, page: list[tuple[int, str, float]], node: Node, snippets: bool
    ) -> list[SearchHit]:
        ids = [article_id for _, article_id, _ in page]
        found = {a.id: a for a in self.library.articles.get_many(ids)} if ids else {}
        words = hit_words(node, self.is_word)
        return [
            article_hit(found[article_id], score, words, snippets)
            for _, article_id, score in page
            if article_id in found
        ]

    @staticmethod
    def _rank_words(node: Node) -> list[Word]:
        return [
            w for w in positive_words(node)
            if w.field in (None, "body", "title") and w.mode != "fuzzy"
        ]

    def _in_title(self, node: Node, compiler: Compiler) -> str:
        """Whether a row has one of the query's words in its title (for the candidates)."""
        lexemes = [
            lexeme(w.syllables[0], "A", prefix=True) if w.mode == "prefix" else lexeme(s, "A")
            for w in self._rank_words(node)
            for s in (w.syllables[:1] if w.mode == "prefix" else w.syllables)
        ]
        if not lexemes:
            return "FALSE"
        return f"fields_v @@ {compiler.tsq(' | '.join(dict.fromkeys(lexemes)))}"

    def _query_pairs(self, node: Node) -> list[str]:
        """The folded pairs of the query's ranked words, and across adjacent words."""
        pairs: list[str] = []
        for word in self._rank_words(node):
            if word.mode != "prefix":
                pairs += pair_tokens(word.syllables)
        top = [w for w in top_level_words(node) if w.mode == "term"]
        pairs += [
            a.syllables[-1] + PAIR_SEP + b.syllables[0]
            for a, b in zip(top, top[1:], strict=False)
        ]
        return list(dict.fromkeys(pairs))

    def _rare_pairs(self, pairs: Sequence[str]) -> list[str]:
        """The ``pairs`` found in 1..``RARE_PAIR_DF`` articles, as tsquery operands."""
        df = self._df(pairs) if pairs else {}
        return [lexeme(p) for p in pairs if 0 < df[p] <= RARE_PAIR_DF]

    def _score(
        self, node: Node, compiler: Compiler, pairs: Sequence[str], rare: Sequence[str]
    ) -> str | None:
        """The rank expression over ``d`` (None when the query has no words to rank):
        cover density of the folded syllables (title above body, saturating), the
        query's adjacent syllables found as pairs, the ``rare`` pairs again (the
        idf the ranking functions lack), and the accented syllables' cover density
        when the query has diacritics."""
        folded: list[str] = []
        exact: list[str] = []
        accented = False
        for word in self._rank_words(node):
            if word.mode == "prefix":
                folded.append(lexeme(word.syllables[0], prefix=True))
                continue
            folded += [lexeme(s) for s in word.syllables]
            if len(word.exact) == len(word.syllables):
                exact += [lexeme(s) for s in word.exact]
                accented = accented or word.exact != word.syllables
        if not folded:
            return None
        weights = compiler.param(RANK_WEIGHTS) + "::float4[]"
        terms = [
            f"ts_rank_cd({weights}, d.body_v, "
            f"{compiler.tsq(' | '.join(dict.fromkeys(folded)))}, {RANK_NORMALIZATION})"
        ]
        if pairs:
            # Adjacent as typed: the strongest signal (most words are two syllables).
            terms.append(
                f"{PAIR_WEIGHT} * ts_rank(d.pairs_v, "
                f"{compiler.tsq(' | '.join(map(lexeme, pairs)))})"
            )
        if rare:
            terms.append(
                f"{RARE_WEIGHT} * ts_rank(d.pairs_v, {compiler.tsq(' | '.join(rare))})"
            )
        if accented and exact:
            terms.append(
                f"{EXACT_WEIGHT} * ts_rank_cd({weights}, d.accented_v, "
                f"{compiler.tsq(' | '.join(dict.fromkeys(exact)))}, {RANK_NORMALIZATION})"
            )
        return "(" + " + ".join(terms) + ")::float8"

    def _soft(self, node: Node, compiler: Compiler) -> tuple[str, int, int] | None:
        """For a long question of plain words: a condition for rows with at least
        ``SOFT_SHARE`` of them (``results.ResultBuilder._soft_docs``)."""
        if not isinstance(node, All):
            return None

        def plain(c: Node) -> bool:
            return (
                isinstance(c, Word) and c.field is None and c.mode == "term"
                and not needs_check(c)
            )

        unique: dict[tuple[str, ...], Word] = {}
        for c in node.children:
            if plain(c):
                assert isinstance(c, Word)
                unique.setdefault(c.syllables, c)
        if len(unique) < SOFT_MIN_WORDS:
            return None
        others = [c for c in node.children if not plain(c)]
        if any(needs_check(c) for c in others):
            return None
        least = math.ceil(SOFT_SHARE * len(unique))
        summed = " + ".join(f"({compiler.word(w)})::int" for w in unique.values())
        parts = [f"({summed}) >= {least}"]
        for other in others:
            if isinstance(other, Not):
                parts.append(f"NOT COALESCE({compiler.cond(other.child)}, FALSE)")
            else:
                parts.append(compiler.cond(other))
        return "(" + " AND ".join(parts) + ")", least, len(unique)

    def all_ids(self, request: SearchRequest) -> list[str]:
        """Every article id ``request`` matches, in its order (``limit``/``offset`` ignored)."""
        return all_result_ids(self.search, request)

    def highlight_spans(self, body: str, query: str) -> list[tuple[int, int]]:
        """Code-point spans in ``body`` of ``query``'s terms and phrases (for the reader)."""
        node = parse(query).node
        try:
            words = self._guard(lambda: hit_words(node, self.is_word))
        except UserError:
            words = positive_words(node)
        return find_spans(body, words)

    def more_like_this(self, article_id: str, limit: int = 10) -> list[SearchHit]:
        """Articles that share the most distinctive words with ``article_id``."""
        article = self.library.articles.get(article_id)
        return list(self._guard(lambda: self._similar(article, limit)))

    def _similar(self, article: Any, limit: int) -> list[SearchHit]:
        counts: dict[str, int] = {}
        for term in SYLLABLE.findall(fold_text(article.title + "\n" + article.body)):
            counts[term] = counts.get(term, 0) + 1
        n_docs = max(self._count(), 1)
        candidates = [t for t in counts if not t.isdigit() and len(t) >= 2]
        df = self._df(candidates)
        weighted = sorted(
            ((counts[t] * math.log(n_docs / df[t]), t) for t in candidates
             if 1 < df[t] <= n_docs * 0.5),
            reverse=True,
        )[:MLT_TERMS]
        if not weighted:
            return []
        query = " | ".join(lexeme(t) for _, t in weighted)
        rows = self.conn.run(
            "SELECT article_id, ts_rank(body_v, :q::tsquery) AS s FROM search_docs "
            "WHERE body_v @@ :q::tsquery AND article_id <> :own "
            "ORDER BY s DESC, article_id LIMIT :lim",
            q=query,
            own=article.id,
            lim=limit,
        )
        found = {a.id: a for a in self.library.articles.get_many([str(r[0]) for r in rows])}
        return [
            article_hit(found[str(i)], float(s), [], snippets=True)
            for i, s in rows
            if str(i) in found
        ]

    # -- closing -----------------------------------------------------------

    def close(self, abandon_rebuild: bool = False) -> None:
        if not self._closed:
            self._closed = True
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001 - a connection already lost
                pass


def _sorted_facets(facets: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {
        "site": dict(sorted(facets["site"].items(), key=lambda kv: (-kv[1], kv[0]))),
        "year": dict(sorted(facets["year"].items(), key=lambda kv: kv[0], reverse=True)),
        "tag": dict(sorted(facets["tag"].items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def _sqlstate(exc: BaseException) -> str:
    details = exc.args[0] if exc.args else None
    return str(details.get("C", "")) if isinstance(details, dict) else ""


def _reason(exc: BaseException) -> str:
    details = exc.args[0] if exc.args else None
    if isinstance(details, dict) and "M" in details:
        return str(details["M"])
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
