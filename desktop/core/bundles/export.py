"""Writing a bundle: the whole library, a search result or a selection of ids.

The zip is written to a temporary file beside the target and moved into place
with ``os.replace`` only once it is complete, so a failed or cancelled export
never leaves a half-written bundle under the target name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from desktop import __version__
from desktop.core.atomic import temp_beside
from desktop.core.bundles import links
from desktop.core.bundles.lists import LISTS_NAME, dump_lists, lists_for
from desktop.core.bundles.manifest import (
    ANNOTATIONS_NAME,
    ARTICLES_NAME,
    MANIFEST_NAME,
    BundleCounts,
    BundleManifest,
    MemberInfo,
)
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.bundles.records import dump_line, original_member, record_for
from desktop.core.errors import NotFoundError, UserError
from desktop.core.models import Article, Original

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

Scope = Literal["library", "query", "selection", "collection"]


class ExportReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    bytes: int
    scope: Scope
    articles: int
    originals: int
    annotations: int


class _HashingWriter:
    """Counts and hashes what goes through to a zip member stream."""

    def __init__(self, stream: IO[bytes]):
        self.stream = stream
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.stream.write(data)
        self.sha.update(data)
        self.size += len(data)


def export_bundle(
    library: AnyLibrary,
    out: Path,
    *,
    ids: Sequence[str] | None = None,
    query: str | None = None,
    collection: str | None = None,
    with_originals: bool = False,
    progress: ProgressFn | None = None,
) -> ExportReport:
    """Write a bundle of the library (or of ``ids`` / the articles matching ``query`` /
    the articles of the collection named ``collection``).

    A bundle never carries a search index: the reader builds its own (see
    ``index_cache``), because index files are unpickled when read.
    """
    if ids is not None and query is not None:
        raise UserError("Export either a query result or a selection, not both.")
    if collection is not None and (ids is not None or query is not None):
        raise UserError("Export either a collection or a query result or a selection.")
    scope: Scope = "library" if ids is None and query is None else (
        "query" if query is not None else "selection"
    )
    if collection is not None:
        scope = "collection"
        store = library.collections
        ids = store.article_ids(collection)
        collection = store.canonical_name(collection)
    if query is not None:
        ids = links.search_ids(library, query)
    elif ids is not None:
        ids = _existing_ids(library, ids)

    out = Path(out)
    if out.is_dir():
        raise UserError(f"{out} is a folder; give the bundle a file name ending in .zip.")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.")
    try:
        tmp = temp_beside(out, ".part")
    except OSError as exc:
        raise UserError(f"Cannot write a bundle in {out.parent}: {exc.strerror or exc}") from exc
    try:
        counts, members = _write_zip(library, tmp, ids, with_originals, progress)
        manifest = BundleManifest(
            app_version=__version__,
            created=datetime.now(UTC).replace(microsecond=0),
            scope=scope,
            query=query if collection is None else collection,
            counts=counts,
            members=members,
        )
        with zipfile.ZipFile(tmp, "a", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST_NAME, manifest.model_dump_json(indent=1))
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"Cannot write the bundle {out}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportReport(
        path=str(out),
        bytes=out.stat().st_size,
        scope=scope,
        articles=counts.articles,
        originals=counts.originals,
        annotations=counts.annotations,
    )


def _existing_ids(library: AnyLibrary, ids: Sequence[str]) -> list[str]:
    """Full ids for the given ids or prefixes, deduplicated; unknown ids are an error."""
    seen: dict[str, None] = {}
    for given in ids:
        seen.setdefault(library.articles.resolve_id(given), None)
    return list(seen)


def _articles(library: AnyLibrary, ids: list[str] | None) -> Iterator[Article]:
    if ids is None:
        yield from library.articles.iter_articles()
        return
    for start in range(0, len(ids), 500):
        yield from library.articles.get_many(ids[start : start + 500])


def _original(library: AnyLibrary, article_id: str) -> Original | None:
    try:
        return library.articles.original(article_id)
    except NotFoundError:
        return None


def _further_sources(
    library: AnyLibrary, article: Article, with_originals: bool
) -> list[tuple[Article, Original | None]]:
    """The article's further sources as records of the same text under their own ids
    (an import records each on the article again, by its content hash)."""
    out: list[tuple[Article, Original | None]] = []
    for source in library.sources.sources_of(article.id):
        copy = article.model_copy(
            update={
                "id": source.id,
                "source_path": source.source_path,
                "source_member": source.source_member,
                "kind": source.kind,
            }
        )
        out.append((copy, library.sources.original(source.id) if with_originals else None))
    return out


def _write_zip(
    library: AnyLibrary,
    path: Path,
    ids: list[str] | None,
    with_originals: bool,
    progress: ProgressFn | None,
) -> tuple[BundleCounts, list[MemberInfo]]:
    members: list[MemberInfo] = []
    total = library.articles.count() if ids is None else len(ids)
    n_articles = n_originals = n_annotations = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        originals: list[MemberInfo] = []
        # Originals go into the zip as they come; the JSONL waits in a spool file
        # because a zip can only have one member open for writing.
        with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as spool:
            writer = _HashingWriter(spool)
            for article in _articles(library, ids):
                original = _original(library, article.id) if with_originals else None
                for article_or_source, orig in [
                    (article, original),
                    *_further_sources(library, article, with_originals),
                ]:
                    record = record_for(article_or_source, orig)
                    writer.write(dump_line(record))
                    if orig is not None and record.original is not None:
                        name = original_member(article_or_source.id)
                        zf.writestr(name, orig.data)
                        originals.append(
                            MemberInfo(
                                name=name, size=record.original.size,
                                sha256=record.original.sha256,
                            )
                        )
                    n_articles += 1
                if progress is not None and (n_articles % 200 == 0 or n_articles == total):
                    progress(BundleProgress("articles", n_articles, total))
            spool.seek(0)
            with zf.open(ARTICLES_NAME, "w", force_zip64=True) as stream:
                shutil.copyfileobj(spool, stream, 1 << 20)
        members.append(
            MemberInfo(name=ARTICLES_NAME, size=writer.size, sha256=writer.sha.hexdigest())
        )
        members.extend(originals)
        n_originals = len(originals)

        collection = links.export_annotations(library, ids)
        n_annotations = links.count_annotations(collection)
        members.append(_write_member(zf, ANNOTATIONS_NAME, _json_bytes(collection)))
        if progress is not None:
            progress(BundleProgress("annotations", n_annotations, n_annotations))

        lists = lists_for(library, ids)
        if not lists.is_empty():
            members.append(_write_member(zf, LISTS_NAME, dump_lists(lists)))

    counts = BundleCounts(
        articles=n_articles,
        originals=n_originals,
        annotations=n_annotations,
    )
    return counts, members


def _write_member(zf: zipfile.ZipFile, name: str, data: bytes) -> MemberInfo:
    zf.writestr(name, data)
    return MemberInfo(name=name, size=len(data), sha256=hashlib.sha256(data).hexdigest())


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")

