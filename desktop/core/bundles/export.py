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
from typing import IO, Any, Literal

from pydantic import BaseModel, ConfigDict

from desktop import __version__
from desktop.core.bundles import links
from desktop.core.bundles.manifest import (
    ANNOTATIONS_NAME,
    ARTICLES_NAME,
    INDEX_DIR,
    MANIFEST_NAME,
    BundleCounts,
    BundleManifest,
    MemberInfo,
)
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.bundles.records import dump_line, original_member, record_for
from desktop.core.errors import NotFoundError, UserError
from desktop.core.models import Article, Original
from desktop.core.store import Library

Scope = Literal["library", "query", "selection"]
# Index files that only matter to a running writer.
_INDEX_SKIP_SUFFIXES = (".lock", "_LOCK", "WRITELOCK", ".tmp")


class ExportReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    bytes: int
    scope: Scope
    articles: int
    originals: int
    annotations: int
    index_files: int


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
    library: Library,
    out: Path,
    *,
    ids: Sequence[str] | None = None,
    query: str | None = None,
    with_originals: bool = False,
    with_index: bool = False,
    progress: ProgressFn | None = None,
) -> ExportReport:
    """Write a bundle of the library (or of ``ids`` / the articles matching ``query``)."""
    if ids is not None and query is not None:
        raise UserError("Export either a query result or a selection, not both.")
    scope: Scope = "library" if ids is None and query is None else (
        "query" if query is not None else "selection"
    )
    if with_index and scope != "library":
        raise UserError("A search index can only be included when exporting the whole library.")
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
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise UserError(f"Cannot write a bundle in {out.parent}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        counts, members, index_gen = _write_zip(
            library, tmp, ids, with_originals, with_index, progress
        )
        manifest = BundleManifest(
            app_version=__version__,
            created=datetime.now(UTC).replace(microsecond=0),
            scope=scope,
            query=query,
            counts=counts,
            index_generation=index_gen,
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
        index_files=counts.index_files,
    )


def _existing_ids(library: Library, ids: Sequence[str]) -> list[str]:
    """Full ids for the given ids or prefixes, deduplicated; unknown ids are an error."""
    seen: dict[str, None] = {}
    for given in ids:
        seen.setdefault(library.articles.resolve_id(given), None)
    return list(seen)


def _articles(library: Library, ids: list[str] | None) -> Iterator[Article]:
    if ids is None:
        yield from library.articles.iter_articles()
        return
    for start in range(0, len(ids), 500):
        yield from library.articles.get_many(ids[start : start + 500])


def _original(library: Library, article_id: str) -> Original | None:
    try:
        return library.articles.original(article_id)
    except NotFoundError:
        return None


def _further_sources(
    library: Library, article: Article, with_originals: bool
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
    library: Library,
    path: Path,
    ids: list[str] | None,
    with_originals: bool,
    with_index: bool,
    progress: ProgressFn | None,
) -> tuple[BundleCounts, list[MemberInfo], int | None]:
    members: list[MemberInfo] = []
    total = library.articles.count() if ids is None else len(ids)
    n_articles = n_originals = n_annotations = n_index = 0
    index_gen: int | None = None
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

        if with_index:
            with links.index_snapshot(library) as index_gen:
                files = _index_files(library.index_dir)
                for done, (rel, file) in enumerate(files, 1):
                    members.append(_write_member(zf, INDEX_DIR + rel, file.read_bytes()))
                    if progress is not None:
                        progress(BundleProgress("index", done, len(files)))
            n_index = len(files)
    counts = BundleCounts(
        articles=n_articles,
        originals=n_originals,
        annotations=n_annotations,
        index_files=n_index,
    )
    return counts, members, index_gen


def _write_member(zf: zipfile.ZipFile, name: str, data: bytes) -> MemberInfo:
    zf.writestr(name, data)
    return MemberInfo(name=name, size=len(data), sha256=hashlib.sha256(data).hexdigest())


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")


def _index_files(index_dir: Path) -> list[tuple[str, Path]]:
    if not index_dir.is_dir():
        return []
    found = []
    for file in sorted(index_dir.rglob("*")):
        if file.is_file() and not file.is_symlink() and not file.name.endswith(
            _INDEX_SKIP_SUFFIXES
        ):
            found.append((file.relative_to(index_dir).as_posix(), file))
    return found
