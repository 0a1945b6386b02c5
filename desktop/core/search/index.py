"""``SearchIndex``: the Whoosh index of a library, kept in line with the SQLite store.

The index is a cache. On open it is checked against the store: a missing,
unreadable or foreign-schema index (or one ahead of the store) is rebuilt; a
stale one catches up from ``changed_since``/``removed_since``. The store is
only ever read here.

Layout inside ``library.index_dir``: one folder of Whoosh files (named in
``state.json``; ``whoosh/`` for the first build), ``state.json`` (schema
version, store generation, folder and file checksums, see ``state``) and
``write.lock`` (see ``locking``).

Robustness:

* A rebuild writes a new folder beside the current one and swaps it in by
  rewriting ``state.json`` only when it is complete; the old folder is removed
  after the swap, never before.
* Readers never wait on the writer: when another task holds the write lock,
  ``open`` reads the last committed index as it is.
* A full disk while writing leaves the store as it is and the index at its
  last commit (stale); searches answer from it and say so.
* Any exception while reading the index, or a file that differs from its
  checksum, counts as damage: the index is rebuilt from the store on a thread
  of its own, and until it is done searches are answered from the store
  (``store_scan``), exactly but more slowly, and say so.

A ``SearchIndex`` belongs to the thread that opened it (it reads through its
library's SQLite connection); open one per worker thread.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from itertools import islice
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
from desktop.core.search.locking import IndexBusyError, index_write_lock
from desktop.core.search.models import SearchHit, SearchRequest, SearchResult, all_result_ids
from desktop.core.search.query import parse, positive_words
from desktop.core.search.results import ResultBuilder, similar_hits
from desktop.core.search.schema import SCHEMA_VERSION, build_schema
from desktop.core.search.state import (
    DEFAULT_DIR,
    IndexState,
    checksums,
    damaged_files,
    read_state,
    write_state,
)
from desktop.core.search.store_scan import scan
from desktop.core.search.whoosh_internals import abandon_writer, index_files, segment_writer
from desktop.core.store import Library
from desktop.core.store.faults import library_fault

Progress = Callable[[int, int], None]

WHOOSH_DIR = DEFAULT_DIR
# New folders written by a rebuild are named WHOOSH_DIR-<random>.
_FOLDER_PREFIX = WHOOSH_DIR + "-"
BATCH = 500
WRITER_LIMIT_MB = 192
# Syncs writing more documents than this use the in-memory bulk writer.
BULK_THRESHOLD = 1000
# Documents per segment written in one go: bounds the bulk writer's memory (its pool of
# syllable and pair postings) on large rebuilds and imports. A remainder of at most a
# quarter of it joins the segment before (see ``segment_take``).
SEGMENT_DOCS = 4000
# Terms read from each probed field when checking an index on open.
PROBE_TERMS = 2000
DEFAULT_WAIT = 30.0
# Postings per block. Whoosh's default (128) suits its own skipping matchers; whole
# posting lists are read here (see ``postings``), and bigger blocks read faster.
BLOCK_LIMIT = 1024
# Terms of fewer postings keep them in the term dictionary: a posting block of its own
# (header, block info, zlib) costs several times their bytes.
INLINE_LIMIT = 16


def _codec() -> W3Codec:
    return W3Codec(blocklimit=BLOCK_LIMIT, inlinelimit=INLINE_LIMIT)


class IndexDamagedError(UserError):
    """The index could not be read or repaired."""


class IndexDiskFullError(UserError):
    """The disk filled up while the index was written; the store is untouched."""


DISK_FULL_MESSAGE = (
    "The disk is full: the search index could not be updated; "
    "it will catch up when space is freed."
)
DISK_FULL_NOTICE = (
    "The disk is full, so the search index is behind the library: "
    "the newest articles may be missing until space is freed."
)
BUSY_NOTICE = (
    "The search index is being updated: the newest articles may be missing "
    "from these results."
)
REBUILDING_NOTICE = (
    "The search index is damaged and is being rebuilt: until it is ready, results "
    "come from reading every article, which is slower."
)
READ_ONLY_DAMAGED_NOTICE = (
    "The search index is damaged and this library is read-only, so it cannot be "
    "rebuilt here: results come from reading every article, which is slower."
)
REBUILD_FAILED_NOTICE = (
    "The search index is damaged and could not be rebuilt ({error}): results come "
    "from reading every article. Run 'archive-browser reindex'."
)
FOLDER_NOTICE = (
    "The search index folder {path} is a file, not a folder: searching a temporary "
    "index. Move the file away to keep the index between sessions."
)


def _disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def segment_take(left: int) -> int:
    """How many documents the next segment takes when ``left`` are still to be written:
    ``SEGMENT_DOCS``, or all of them when the rest would make a segment of at most a
    quarter of that. A small segment costs far more index per article than a full one
    (its own vocabulary, and every pair too rare in it to get a term goes to the
    buckets). The bulk writer's pool grows with the segment: a quarter more stays
    within an import's memory bound (600 MB for the whole process tree), half more
    does not."""
    if SEGMENT_DOCS < left <= SEGMENT_DOCS + SEGMENT_DOCS // 4:
        return left
    return SEGMENT_DOCS


def _noop(done: int, total: int) -> None:
    return None


class _Abandoned(Exception):
    """Raised into a background rebuild that is no longer wanted."""


class _Rebuild:
    """A rebuild of a damaged index, running on its own thread and connection."""

    def __init__(self, library: Library, index_dir: Path, wait: float):
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        state = read_state(index_dir)
        damaged = state.dir if state is not None else None
        self._thread = threading.Thread(
            target=self._run,
            args=(library, index_dir, wait, damaged),
            name="search-index-rebuild",
        )
        self._thread.start()

    def _run(self, library: Library, index_dir: Path, wait: float, damaged: str | None) -> None:
        own: Library | None = None
        try:
            own = library.reopen()
            index = SearchIndex(own, index_dir, wait=wait)
            try:
                index.repair(damaged, progress=self._check)
            finally:
                index.close()
        except BaseException as exc:  # noqa: BLE001 - reported to the searching thread
            self.error = exc
        finally:
            if own is not None:
                own.close()

    def _check(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise _Abandoned("the rebuild was abandoned")

    def running(self) -> bool:
        return self._thread.is_alive()

    def join(self, abandon: bool = False) -> None:
        if abandon:
            self._cancel.set()
        self._thread.join()


class SearchIndex(Closing):
    """The library's search index. Use ``SearchIndex.open(library)``."""

    def __init__(self, library: Library, index_dir: Path, *, wait: float | None = None):
        self.library = library
        self.index_dir = index_dir
        # How long a writer waits for another one (read when opened, so it can be tuned).
        self.wait = DEFAULT_WAIT if wait is None else wait
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._temp_dir: Path | None = None
        self._stamp: tuple[int, int] | None = None
        # Opened as it is (``open_as_is``): never locked, synced or rebuilt.
        self._as_is = False
        self._dir: Path | None = None
        # Said with every result while it applies (a stale or temporary index).
        self.notice: str | None = None
        # While the index is damaged: why searches are answered from the store.
        self._broken: str | None = None
        self._rebuild: _Rebuild | None = None
        # Set by ``_open_existing`` when a complete index of our schema failed its checks.
        self._found_damage = False

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(
        cls,
        library: Library,
        *,
        progress: Progress | None = None,
        wait: float | None = None,
    ) -> SearchIndex:
        """Open the index, creating, catching up or rebuilding it as needed."""
        index_dir = library.index_dir
        temp_dir: Path | None = None
        notice: str | None = None
        if index_dir.exists() and not index_dir.is_dir():
            # Something else is where the index belongs: answer from a private index.
            temp_dir = Path(tempfile.mkdtemp(prefix="archive-browser-index-"))
            notice = FOLDER_NOTICE.format(path=index_dir)
            index_dir = temp_dir
        elif library.read_only:
            if _usable(index_dir, library):
                try:
                    return cls.open_as_is(library)
                except IndexDamagedError:
                    pass  # damaged: a private index is built below instead
            # A read-only library (an opened bundle) whose own index is missing, behind
            # or damaged gets a private index, built from its articles.
            temp_dir = Path(tempfile.mkdtemp(prefix="archive-browser-index-"))
            index_dir = temp_dir
        self = cls(library, index_dir, wait=wait)
        self._temp_dir = temp_dir
        self.notice = notice
        try:
            self._ensure(progress or _noop)
        except BaseException:
            self.close()
            raise
        return self

    @classmethod
    def catch_up(cls, library: Library, progress: Progress | None = None) -> None:
        """Bring ``library``'s index in line with its store (what the single writer runs
        after an import: the CLI's and the app's). ``progress(done, total)`` is called
        while documents are written."""
        index = cls.open(library, progress=progress)
        try:
            index.sync(progress)
        finally:
            index.close()

    @classmethod
    def open_as_is(cls, library: Library) -> SearchIndex:
        """Open the library's index without locking, syncing or writing anything.

        For a library that cannot be written (a read-only folder or medium) and for
        ``check``. Raises ``IndexDamagedError`` when there is no readable index.
        """
        self = cls(library, library.index_dir)
        self._as_is = True
        if not self._open_existing():
            raise IndexDamagedError(
                f"The search index in {library.index_dir} cannot be read "
                "(it is missing, damaged or of another version)."
            )
        return self

    def indexed_ids(self) -> set[str]:
        """The ids of every document in the index (for consistency checks)."""
        self.finish_rebuild()
        if self._ix is None:
            return set()
        with self._ix.searcher() as s:
            return {str(fields["id"]) for fields in s.reader().all_stored_fields()}

    @property
    def whoosh_dir(self) -> Path:
        """The folder of the Whoosh files in use (or that the state names)."""
        if self._dir is not None:
            return self._dir
        state = read_state(self.index_dir)
        return self.index_dir / (state.dir if state is not None else WHOOSH_DIR)

    def _ensure(self, progress: Progress) -> None:
        try:
            with index_write_lock(self.index_dir, 0.0):
                self._ensure_locked(progress)
                return
        except IndexBusyError:
            pass
        # Another task is writing: read the last committed index without waiting.
        if self._open_existing():
            state = read_state(self.index_dir)
            if state is None or state.generation < self.library.articles.generation():
                self.notice = self.notice or BUSY_NOTICE
            return
        with index_write_lock(self.index_dir, self.wait):
            self._ensure_locked(progress)

    def _ensure_locked(self, progress: Progress) -> None:
        opened = self._open_existing()
        if not opened and self._found_damage and not self._as_is:
            # Damaged, not missing: answer from the store while a thread rebuilds it
            # (it takes the write lock once this open lets go of it).
            self._start_rebuild()
            return
        if opened:
            try:
                self._sync_locked(progress)
            except IndexDiskFullError:
                # Answer from the last good index; a later open catches up.
                self.notice = DISK_FULL_NOTICE
                return
            except UserError:
                raise
            except Exception:  # noqa: BLE001 - a failure while catching up is damage
                self._rebuild_locked(progress)
                return
            if self._doc_count() == self.library.articles.count():
                return
        self._rebuild_locked(progress)

    def _open_existing(self) -> bool:
        """Open the Whoosh index when it is present, intact, readable and of our schema."""
        self._found_damage = False
        state = read_state(self.index_dir)
        if state is None or state.schema_version != SCHEMA_VERSION:
            return False
        if state.generation > self.library.articles.generation():
            return False
        folder = self.index_dir / state.dir
        try:
            if not windex.exists_in(str(folder)) or damaged_files(folder, state):
                self._found_damage = True
                return False
            ix = windex.open_dir(str(folder), readonly=self._as_is)
            _probe(ix)
        except Exception:  # noqa: BLE001 - any failure to read a cache means rebuild
            self._found_damage = True
            return False
        self._set_index(ix, folder)
        self._stamp = self._state_stamp()
        return True

    def _set_index(self, ix: Any, folder: Path) -> None:
        self._close_searcher()
        if self._ix is not None and self._ix is not ix:
            with contextlib.suppress(Exception):
                self._ix.close()
        self._ix = ix
        self._dir = folder

    def _doc_count(self) -> int:
        return int(self._ix.doc_count())

    # -- writing -----------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> int:
        """Catch up with the store; returns how many documents were written."""
        if self._as_is:
            return 0
        self.finish_rebuild()
        with index_write_lock(self.index_dir, self.wait):
            if self._ix is None and not self._open_existing():
                return self._rebuild_locked(progress or _noop)
            written = self._sync_locked(progress or _noop)
            if self._doc_count() != self.library.articles.count():
                return self._rebuild_locked(progress or _noop)
            return written

    def repair(self, damaged: str | None, progress: Progress | None = None) -> int:
        """Rebuild the index found damaged in folder ``damaged``, unless another writer
        has swapped in a new folder meanwhile (then only catch up with the store)."""
        with index_write_lock(self.index_dir, self.wait):
            state = read_state(self.index_dir)
            if state is not None and state.dir != damaged and self._open_existing():
                written = self._sync_locked(progress or _noop)
                if self._doc_count() == self.library.articles.count():
                    return written
            return self._rebuild_locked(progress or _noop)

    def rebuild(self, progress: Progress | None = None) -> int:
        """Recreate the index from the store; returns how many documents were written."""
        self.finish_rebuild()
        with index_write_lock(self.index_dir, self.wait):
            return self._rebuild_locked(progress or _noop)

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
        folder = self.whoosh_dir
        try:
            done = self._write_segments(
                self._ix, articles.changed_since(since), total, progress,
                add_only=empty, bulk=total > BULK_THRESHOLD, removed=removed,
            )
            files = checksums(folder, index_files(self._ix), state.files if state else None)
            write_state(self.index_dir, IndexState(SCHEMA_VERSION, target, folder.name, files))
        except OSError as exc:
            if _disk_full(exc):
                raise IndexDiskFullError(DISK_FULL_MESSAGE) from exc
            raise
        self._close_searcher()
        self._stamp = self._state_stamp()
        return done

    def _write_segments(
        self,
        ix: Any,
        source: Any,
        total: int,
        progress: Progress,
        *,
        add_only: bool,
        bulk: bool,
        removed: Sequence[str] = (),
    ) -> int:
        """Write ``source`` in commits of about ``SEGMENT_DOCS`` documents each (see
        ``segment_take``), so the bulk writer's memory stays bounded however large the
        library."""
        articles = iter(source)
        done = 0
        first = True
        while True:
            take = segment_take(total - done)
            chunk = list(islice(articles, take))
            if not chunk and not (first and removed):
                break
            # Every write goes through the bulk writer: Whoosh's own posting pool cannot
            # take the value-less postings of the counted fields (``schema.Counts``).
            writer = BulkWriter(segment_writer(ix, limitmb=WRITER_LIMIT_MB, codec=_codec()))
            try:
                if first:
                    for article_id in removed:
                        writer.delete_by_term("id", article_id)
                done = self._write_all(writer, chunk, done, total, progress, add_only)
            except BaseException:
                abandon_writer(writer)
                raise
            # Bulk segments are not merged (that would pool them in memory again).
            writer.commit(merge=not bulk)
            first = False
            if len(chunk) < take:
                break
        progress(done, total)
        return done

    def _write_all(
        self,
        writer: Any,
        source: Sequence[Any],
        done: int,
        total: int,
        progress: Progress,
        add_only: bool,
    ) -> int:
        annotations = self.library.annotations
        write = writer.add_document if add_only else writer.update_document
        for start in range(0, len(source), BATCH):
            batch = source[start : start + BATCH]
            for doc in index_documents(annotations, batch):
                write(**doc)
            done += len(batch)
            progress(done, total)
        return done

    def _rebuild_locked(self, progress: Progress) -> int:
        """Build a complete index in a new folder, then swap it in (see ``state``)."""
        name = self._new_folder_name()
        folder = self.index_dir / name
        ix: Any = None
        try:
            folder.mkdir()
            ix = windex.create_in(str(folder), build_schema())
            articles = self.library.articles
            target = articles.generation()
            total = articles.count()
            progress(0, total)
            done = self._write_segments(
                ix, articles.iter_articles(), total, progress, add_only=True, bulk=True
            )
            files = checksums(folder, index_files(ix))
            write_state(self.index_dir, IndexState(SCHEMA_VERSION, target, name, files))
        except BaseException as exc:
            # The index in use (if any) stays as it was; only the new folder goes.
            if ix is not None:
                with contextlib.suppress(Exception):
                    ix.close()
            shutil.rmtree(folder, ignore_errors=True)
            if _disk_full(exc):
                raise IndexDiskFullError(DISK_FULL_MESSAGE) from exc
            raise
        self._set_index(ix, folder)
        self._broken = None
        self._stamp = self._state_stamp()
        self._remove_other_folders(name)
        if self.notice in (DISK_FULL_NOTICE, BUSY_NOTICE):
            self.notice = None
        return done

    def _new_folder_name(self) -> str:
        state = read_state(self.index_dir)
        current = state.dir if state is not None else None
        if current != WHOOSH_DIR and not (self.index_dir / WHOOSH_DIR).exists():
            return WHOOSH_DIR
        return _FOLDER_PREFIX + uuid.uuid4().hex[:12]

    def _remove_other_folders(self, keep: str) -> None:
        """Remove index folders other than ``keep`` (old indexes, interrupted rebuilds)."""
        for child in self.index_dir.iterdir():
            if child.name == keep or not child.is_dir():
                continue
            if child.name == WHOOSH_DIR or child.name.startswith(_FOLDER_PREFIX):
                # Readers that still have old files open keep reading them (POSIX); where
                # a file is in use (Windows) it stays and goes with the next rebuild.
                shutil.rmtree(child, ignore_errors=True)

    # -- searching -----------------------------------------------------------

    def searcher(self) -> Searcher:
        """A warm searcher, reopened only when the index changed.

        Waits for a background rebuild; raises ``IndexDamagedError`` when the index
        cannot be read (``search`` then answers from the store).
        """
        self.finish_rebuild()
        if self._broken is not None:
            raise IndexDamagedError(self._broken)
        if self._ix is None:
            raise NotFoundError("The search index is closed.")
        stamp = self._state_stamp()
        if stamp != self._stamp and stamp is not None:
            # Written elsewhere (another process rebuilt it, say): reopen from scratch,
            # since a rebuilt index can reuse the generation number of the old one.
            self._close_searcher()
            if not self._open_existing():
                raise IndexDamagedError("the index changed and cannot be read")
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
            with contextlib.suppress(Exception):  # closed already by its user
                self._searcher.close()
            self._searcher = None

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a query; raises ``QuerySyntaxError`` for a malformed one.

        While the index is damaged (and rebuilt on a thread) the answer comes from
        the store, with a notice that says so.
        """
        started = time.perf_counter()
        parsed = parse(request.query)
        node = parsed.node
        try:
            result = self._answer(request, node)
        except sqlite3.Error as exc:  # the store, not the index, failed
            raise library_fault(exc, self.library.db_path) from exc
        took = (time.perf_counter() - started) * 1000.0
        update: dict[str, Any] = {"took_ms": round(took, 3)}
        notices = [*parsed.notices, result.notice, self.notice, self._broken]
        joined = " ".join(dict.fromkeys(n for n in notices if n))
        if joined != (result.notice or ""):
            update["notice"] = joined or None
        return result.model_copy(update=update)

    def _answer(self, request: SearchRequest, node: Any) -> SearchResult:
        if self._rebuild is not None and self._rebuild.running():
            return scan(self.library, request, node)
        try:
            return ResultBuilder(self.searcher(), self.library, request, node).run()
        except (UserError, sqlite3.Error) as exc:
            if not isinstance(exc, IndexDamagedError):
                raise
            reason: BaseException = exc
        except Exception as exc:  # noqa: BLE001 - any failure reading the index is damage
            reason = exc
        if self._broken is None:
            self._damaged(reason)
        return scan(self.library, request, node)

    def _damaged(self, exc: BaseException) -> None:
        """Damage found while reading: rebuild on a thread, or say why it cannot be."""
        self._close_searcher()
        if self._as_is:
            self._broken = READ_ONLY_DAMAGED_NOTICE
        else:
            self._start_rebuild()

    def _start_rebuild(self) -> None:
        if self._rebuild is None:
            self._broken = REBUILDING_NOTICE
            self._rebuild = _Rebuild(self.library, self.index_dir, self.wait)

    def rebuilding(self) -> bool:
        """Whether a damaged index is being rebuilt on a background thread."""
        return self._rebuild is not None and self._rebuild.running()

    def finish_rebuild(self, abandon: bool = False) -> None:
        """Wait for a background rebuild (``abandon``: stop it) and use its index."""
        job, self._rebuild = self._rebuild, None
        if job is None:
            return
        job.join(abandon=abandon)
        if abandon:
            return
        if job.error is not None:
            self._broken = REBUILD_FAILED_NOTICE.format(error=_reason(job.error))
            return
        self._close_searcher()
        if self._open_existing():
            self._broken = None
        else:
            self._broken = REBUILD_FAILED_NOTICE.format(error="the new index cannot be read")

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
        except sqlite3.Error as again:  # the store cannot be read to rebuild from
            raise library_fault(again, self.library.db_path) from again
        except Exception as again:  # noqa: BLE001 - reported as one line to the user
            raise IndexDamagedError(
                f"The search index is damaged ({exc}) and could not be rebuilt ({again}). "
                "Run 'archive-browser reindex'."
            ) from again

    def all_ids(self, request: SearchRequest) -> list[str]:
        """Every article id ``request`` matches, in its order (``limit``/``offset`` ignored)."""
        return all_result_ids(self.search, request)

    def more_like_this(self, article_id: str, limit: int = 10) -> list[SearchHit]:
        """Articles that share the most distinctive words with ``article_id``."""
        article = self.library.articles.get(article_id)
        try:
            searcher = self.searcher()
        except IndexDamagedError as exc:
            self._recover(exc)  # no store answer for this one: rebuild first
            searcher = self.searcher()
        return similar_hits(searcher, self.library.articles, article, limit)

    def highlight_spans(self, body: str, query: str) -> list[tuple[int, int]]:
        """Code-point spans in ``body`` of ``query``'s terms and phrases (for the reader):
        one span per hit, a phrase or a two-syllable word being one hit."""
        from desktop.core.search.highlight import find_spans

        node = parse(query).node
        if self._rebuild is not None and self._rebuild.running():
            # Never wait for a background rebuild: mark the query's words as typed.
            return find_spans(body, positive_words(node))
        try:
            builder = ResultBuilder(
                self.searcher(), self.library, SearchRequest(query=query), node
            )
            words = builder.hit_words()
        except IndexDamagedError:
            words = positive_words(node)
        except UserError:
            raise
        except Exception:  # noqa: BLE001 - a damaged index: mark syllables as typed
            words = positive_words(node)
        return find_spans(body, words)

    def doc_count(self) -> int:
        """Documents in the index (after a background rebuild, when one runs)."""
        self.finish_rebuild()
        return self._doc_count() if self._ix is not None else 0

    # -- closing -----------------------------------------------------------

    def close(self, abandon_rebuild: bool = False) -> None:
        """Close the index; a background rebuild is waited for unless abandoned."""
        self.finish_rebuild(abandon=abandon_rebuild)
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
            for leaf, _offset in reader.leaf_readers():
                # A segment in which no article has a date has no column to read.
                count = leaf.doc_count_all()
                if count and leaf.has_column("published"):
                    leaf.column_reader("published")[count - 1]
            s.stored_fields(n - 1)
            list(s.search(wq.Every(), limit=1))


def _usable(index_dir: Path, library: Library) -> IndexState | None:
    """The state of ``index_dir`` when its index can be copied and used as it is."""
    state = read_state(index_dir)
    if (
        state is not None
        and state.schema_version == SCHEMA_VERSION
        and state.generation == library.articles.generation()
        and (index_dir / state.dir).is_dir()
    ):
        return state
    return None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
