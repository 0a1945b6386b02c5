"""``SearchIndex``: the Whoosh index of a library, kept in line with the SQLite store.

The index is a cache. On open it is checked against the store: a missing,
unreadable or foreign-schema index (or one ahead of the store) is rebuilt; a
stale one catches up from ``changed_since``/``removed_since``. The store is
only ever read here.

Layout inside ``library.index_dir``: ``whoosh/`` (the Whoosh files),
``state.json`` (schema version and store generation, see ``state``) and
``write.lock`` (see ``locking``).

A ``SearchIndex`` belongs to the thread that opened it (it reads through its
library's SQLite connection); open one per worker thread.
"""

from __future__ import annotations

import pickle
import shutil
import struct
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec
from whoosh.searching import Searcher

from desktop.core.closing import Closing
from desktop.core.errors import NotFoundError, UserError
from desktop.core.search.bulkwriter import BulkWriter
from desktop.core.search.documents import index_documents
from desktop.core.search.locking import index_write_lock
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult
from desktop.core.search.query import parse_query, positive_words
from desktop.core.search.results import ResultBuilder, similar_hits
from desktop.core.search.schema import SCHEMA_VERSION, build_schema
from desktop.core.search.state import IndexState, clear_state, read_state, write_state
from desktop.core.store import Library

Progress = Callable[[int, int], None]

WHOOSH_DIR = "whoosh"
BATCH = 500
WRITER_LIMIT_MB = 192
# Syncs writing more documents than this use the in-memory bulk writer.
BULK_THRESHOLD = 1000
# Terms read from each probed field when checking an index on open.
PROBE_TERMS = 2000
DEFAULT_WAIT = 30.0
# Postings per block. Whoosh's default (128) suits its own skipping matchers; whole
# posting lists are read here (see ``postings``), and bigger blocks read faster.
BLOCK_LIMIT = 1024


def _codec() -> W3Codec:
    return W3Codec(blocklimit=BLOCK_LIMIT)


class IndexDamagedError(UserError):
    """The index could not be read or repaired."""


def _noop(done: int, total: int) -> None:
    return None


class SearchIndex(Closing):
    """The library's search index. Use ``SearchIndex.open(library)``."""

    def __init__(self, library: Library, index_dir: Path, *, wait: float = DEFAULT_WAIT):
        self.library = library
        self.index_dir = index_dir
        self.wait = wait
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._temp_dir: Path | None = None
        self._stamp: tuple[int, int] | None = None
        # Opened as it is (``open_as_is``): never locked, synced or rebuilt.
        self._as_is = False

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(
        cls,
        library: Library,
        *,
        progress: Progress | None = None,
        wait: float = DEFAULT_WAIT,
    ) -> SearchIndex:
        """Open the index, creating, catching up or rebuilding it as needed."""
        index_dir = library.index_dir
        temp_dir: Path | None = None
        if library.read_only and _usable(index_dir, library):
            try:
                return cls.open_as_is(library)
            except IndexDamagedError:
                pass  # a private copy is rebuilt below
        if library.read_only:
            # A read-only library (an opened bundle) gets a private index when its own is
            # not usable as it is.
            temp_dir = Path(tempfile.mkdtemp(prefix="archive-browser-index-"))
            if _usable(index_dir, library):
                shutil.copytree(index_dir / WHOOSH_DIR, temp_dir / WHOOSH_DIR)
                shutil.copy2(index_dir / "state.json", temp_dir / "state.json")
            index_dir = temp_dir
        self = cls(library, index_dir, wait=wait)
        self._temp_dir = temp_dir
        self._ensure(progress or _noop)
        return self

    @classmethod
    def open_as_is(cls, library: Library) -> SearchIndex:
        """Open the library's index without locking, syncing or writing anything.

        For a library that cannot be written (a read-only folder or medium) and for
        ``check``. Raises ``IndexDamagedError`` when there is no readable index.
        """
        self = cls(library, library.index_dir)
        self._as_is = True
        try:
            ix = windex.open_dir(str(self.whoosh_dir), readonly=True)
            _probe(ix)
        except Exception as exc:  # noqa: BLE001 - any failure to read a cache
            raise IndexDamagedError(
                f"The search index in {library.index_dir} cannot be read ({exc})."
            ) from exc
        self._set_index(ix)
        return self

    def indexed_ids(self) -> set[str]:
        """The ids of every document in the index (for consistency checks)."""
        if self._ix is None:
            return set()
        with self._ix.searcher() as s:
            return {str(fields["id"]) for fields in s.reader().all_stored_fields()}

    @property
    def whoosh_dir(self) -> Path:
        return self.index_dir / WHOOSH_DIR

    def _ensure(self, progress: Progress) -> None:
        with index_write_lock(self.index_dir, self.wait):
            if self._open_existing():
                self._sync_locked(progress)
                if self._doc_count() == self.library.articles.count():
                    return
            self._rebuild_locked(progress)

    def _open_existing(self) -> bool:
        """Open the Whoosh index when it is present, readable and of our schema."""
        state = read_state(self.index_dir)
        if state is None or state.schema_version != SCHEMA_VERSION:
            return False
        if state.generation > self.library.articles.generation():
            return False
        try:
            if not windex.exists_in(str(self.whoosh_dir)):
                return False
            ix = windex.open_dir(str(self.whoosh_dir))
            _probe(ix)
        except Exception:  # noqa: BLE001 - any failure to read a cache means rebuild
            return False
        self._set_index(ix)
        return True

    def _set_index(self, ix: Any) -> None:
        self._close_searcher()
        self._ix = ix

    def _doc_count(self) -> int:
        return int(self._ix.doc_count())

    # -- writing -----------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> int:
        """Catch up with the store; returns how many documents were written."""
        if self._as_is:
            return 0
        with index_write_lock(self.index_dir, self.wait):
            if self._ix is None and not self._open_existing():
                return self._rebuild_locked(progress or _noop)
            written = self._sync_locked(progress or _noop)
            if self._doc_count() != self.library.articles.count():
                return self._rebuild_locked(progress or _noop)
            return written

    def rebuild(self, progress: Progress | None = None) -> int:
        """Recreate the index from the store; returns how many documents were written."""
        with index_write_lock(self.index_dir, self.wait):
            return self._rebuild_locked(progress or _noop)

    def _writer(self, bulk: bool = False) -> Any:
        writer = self._ix.writer(limitmb=WRITER_LIMIT_MB, timeout=self.wait, codec=_codec())
        return BulkWriter(writer) if bulk else writer

    def _sync_locked(self, progress: Progress) -> int:
        articles = self.library.articles
        state = read_state(self.index_dir)
        since = state.generation if state else 0
        target = articles.generation()
        if since >= target:
            return 0
        removed = articles.removed_since(since)
        total = articles.count_changed_since(since)
        progress(0, total)
        empty = self._doc_count() == 0
        writer = self._writer(bulk=total > BULK_THRESHOLD)
        done = 0
        try:
            for article_id in removed:
                writer.delete_by_term("id", article_id)
            done = self._write_all(writer, articles.changed_since(since), total, progress, empty)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        write_state(self.index_dir, IndexState(SCHEMA_VERSION, target))
        self._close_searcher()
        return done

    def _write_all(
        self, writer: Any, source: Any, total: int, progress: Progress, add_only: bool
    ) -> int:
        conn = self.library.conn
        write = writer.add_document if add_only else writer.update_document
        done = 0
        batch = []
        for article in source:
            batch.append(article)
            if len(batch) >= BATCH:
                for doc in index_documents(conn, batch):
                    write(**doc)
                done += len(batch)
                batch = []
                progress(done, total)
        if batch:
            for doc in index_documents(conn, batch):
                write(**doc)
            done += len(batch)
        progress(done, total)
        return done

    def _rebuild_locked(self, progress: Progress) -> int:
        self._close_searcher()
        self._ix = None
        clear_state(self.index_dir)
        shutil.rmtree(self.whoosh_dir, ignore_errors=True)
        self.whoosh_dir.mkdir(parents=True, exist_ok=True)
        ix = windex.create_in(str(self.whoosh_dir), build_schema())
        articles = self.library.articles
        target = articles.generation()
        total = articles.count()
        progress(0, total)
        writer = BulkWriter(
            ix.writer(limitmb=WRITER_LIMIT_MB, timeout=self.wait, codec=_codec())
        )
        try:
            done = self._write_all(writer, articles.iter_articles(), total, progress, True)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=True)
        write_state(self.index_dir, IndexState(SCHEMA_VERSION, target))
        self._set_index(ix)
        return done

    # -- searching -----------------------------------------------------------

    def searcher(self) -> Searcher:
        """A warm searcher, reopened only when the index changed."""
        if self._ix is None:
            raise NotFoundError("The search index is closed.")
        stamp = self._state_stamp()
        if self._searcher is not None and stamp != self._stamp:
            # Written elsewhere (another process rebuilt it, say): reopen from scratch,
            # since a rebuilt index can reuse the generation number of the old one.
            self._close_searcher()
            try:
                self._ix = windex.open_dir(str(self.whoosh_dir))
            except Exception as exc:  # noqa: BLE001 - any failure to read a cache means rebuild
                self._recover(exc)
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        else:
            self._searcher = self._searcher.refresh()
        self._stamp = stamp
        return self._searcher

    def _state_stamp(self) -> tuple[int, int] | None:
        try:
            st = (self.index_dir / "state.json").stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_ino

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a query; raises ``QuerySyntaxError`` for a malformed one."""
        started = time.perf_counter()
        node = parse_query(request.query)
        try:
            result = ResultBuilder(self.searcher(), self.library.articles, request, node).run()
        except UserError:
            raise
        except (OSError, EOFError, ValueError, KeyError, IndexError, zlib.error,
                pickle.UnpicklingError, struct.error) as exc:
            # Damage found only when reading: rebuild from the store and answer again.
            self._recover(exc)
            result = ResultBuilder(self.searcher(), self.library.articles, request, node).run()
        took = (time.perf_counter() - started) * 1000.0
        return result.model_copy(update={"took_ms": round(took, 3)})

    def _recover(self, exc: BaseException) -> None:
        if self._as_is:
            raise IndexDamagedError(
                f"The search index in {self.index_dir} is damaged ({exc}) and this "
                "library is read-only, so it cannot be rebuilt here."
            ) from exc
        try:
            self.rebuild()
        except UserError:
            raise
        except Exception as again:  # noqa: BLE001 - reported as one line to the user
            raise IndexDamagedError(
                f"The search index is damaged ({exc}) and could not be rebuilt ({again}). "
                "Run 'archive-browser reindex'."
            ) from again

    def more_like_this(self, article_id: str, limit: int = 10) -> list[SearchHit]:
        """Articles that share the most distinctive words with ``article_id``."""
        article = self.library.articles.get(article_id)
        return similar_hits(self.searcher(), self.library.articles, article, limit)

    def highlight_spans(self, body: str, query: str) -> list[tuple[int, int]]:
        """Code-point spans in ``body`` matching ``query``'s words (for the reader)."""
        from desktop.core.search.highlight import find_spans

        return find_spans(body, positive_words(parse_query(query)))

    def doc_count(self) -> int:
        return self._doc_count() if self._ix is not None else 0

    # -- closing -----------------------------------------------------------

    def close(self) -> None:
        self._close_searcher()
        if self._ix is not None:
            self._ix.close()
            self._ix = None
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None


def _probe(ix: Any) -> None:
    """Read enough of the index to notice damaged files."""
    with ix.searcher() as s:
        reader = s.reader()
        n = reader.doc_count_all()
        for name in ("id", "body"):
            for i, _ in enumerate(reader.lexicon(name)):
                if i >= PROBE_TERMS:
                    break
        if n:
            reader.column_reader("published")[n - 1]
            s.stored_fields(n - 1)
            list(s.search(wq.Every(), limit=1))


def _usable(index_dir: Path, library: Library) -> bool:
    state = read_state(index_dir)
    return (
        state is not None
        and state.schema_version == SCHEMA_VERSION
        and state.generation == library.articles.generation()
        and (index_dir / WHOOSH_DIR).is_dir()
    )
