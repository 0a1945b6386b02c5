"""Walking the user's inputs: files, folders and containers, as a stream of events.

Folders are walked recursively in name order, skipping hidden entries and library
folders. Only regular files are opened, and a symbolic link may not lead out of
the folder being walked (``localfiles``). Zips (and WACZ files) are read member
by member under the caps of ``ImportLimits``; nested zips are followed to a
small depth. Every problem
becomes a ``SourceFailure`` for that file or member and the walk goes on.

With ``text_only`` the walker reads only plain-text dumps (the pipeline's first
pass, which gathers cross-document evidence) but still reports every unit, so
the first pass also counts the work.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from desktop.core.errors import UserError
from desktop.core.ingest.formats import (
    DOCUMENT_FORMATS,
    InputFormat,
    format_for,
    is_hidden,
    sniff_format,
)
from desktop.core.ingest.limits import ImportLimits
from desktop.core.ingest.localfiles import (
    file_kind_problem,
    leaves_folder,
    open_regular,
    storable_path,
)
from desktop.core.ingest.mail import iter_mbox, iter_message
from desktop.core.ingest.sources import (
    SourceDocument,
    SourceEvent,
    SourceFailure,
    UnitDone,
    join_member,
)
from desktop.core.ingest.warc import iter_warc
from desktop.core.safezip import (
    SKIP_MEMBER,
    ArchiveBudget,
    member_problem,
    open_member,
    read_member,
)
from desktop.core.store.library import DB_NAME

MEDIA_TYPES: dict[str, str] = {
    "text": "text/plain",
    "html": "text/html",
    "jsonl": "application/json",
}
WACZ_PAGES = "pages/pages.jsonl"


class SourceWalker:
    """Turns paths into ``SourceEvent``s. Counts unsupported files it passes over."""

    def __init__(self, limits: ImportLimits | None = None, *, text_only: bool = False):
        self.limits = limits or ImportLimits()
        self.text_only = text_only
        self.skipped = 0
        # Rough count of the web pages a text-only walk passed over unread.
        self.deferred = 0

    def walk(self, paths: Sequence[Path]) -> Iterator[SourceEvent]:
        for path in paths:
            label = storable_path(path)
            if path.is_dir():
                yield from self._walk_folder(path)
            elif path.exists():
                yield from self._file(path, explicit=True)
            else:
                yield SourceFailure(label, None, "no such file or folder")
                yield UnitDone(label)

    # -- folders and files -------------------------------------------------

    def _walk_folder(self, root: Path) -> Iterator[SourceEvent]:
        real_root = os.path.realpath(root)
        for folder, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not is_hidden(d) and not (Path(folder) / d / DB_NAME).exists()
            )
            if (Path(folder) / DB_NAME).exists():
                dirnames.clear()  # a library folder: its index and caches are ours
                continue
            for name in sorted(filenames):
                if is_hidden(name):
                    continue
                yield from self._file(Path(folder) / name, explicit=False, real_root=real_root)

    def _file(
        self, path: Path, *, explicit: bool, real_root: str | None = None
    ) -> Iterator[SourceEvent]:
        label = storable_path(path)
        problem = self._refusal(path, real_root)
        if problem is not None:
            if explicit or format_for(path.name) is not None:
                yield SourceFailure(label, None, problem)
                yield UnitDone(label)
            else:
                self.skipped += 1
            return
        fmt = format_for(path.name) or _sniff(path)
        if fmt is None:
            if explicit:
                kind = path.suffix or "no extension"
                yield SourceFailure(label, None, f"unsupported file type ({kind})")
                yield UnitDone(label)
            else:
                self.skipped += 1
            return
        try:
            yield from self._open_file(path, label, fmt)
        except UserError as exc:
            yield SourceFailure(label, None, str(exc))
        except OSError as exc:
            yield SourceFailure(label, None, f"cannot read the file: {exc.strerror or exc}")
        yield UnitDone(label)

    @staticmethod
    def _refusal(path: Path, real_root: str | None) -> str | None:
        """Why this file is not read at all: a link out of the folder, or not a file."""
        if real_root is not None and leaves_folder(path, real_root):
            return "a symbolic link to a file outside the folder; not read"
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            return f"cannot read the file: {exc.strerror or exc}"
        return file_kind_problem(mode)

    def _open_file(self, path: Path, label: str, fmt: InputFormat) -> Iterator[SourceEvent]:
        if fmt in DOCUMENT_FORMATS or fmt == "email":
            if self.text_only and fmt != "text":
                self.deferred += 1
                return
            with open_regular(path) as fh:
                size = os.fstat(fh.fileno()).st_size
                if size > self.limits.max_document_bytes:
                    yield SourceFailure(label, None, self.limits.too_large(size))
                    return
                data = fh.read(self.limits.max_document_bytes + 1)
            if fmt == "email":
                yield from iter_message(data, path=label, member=None, limits=self.limits)
            else:
                yield self._document(label, None, fmt, data)
        elif fmt in ("zip", "wacz"):
            with open_regular(path) as raw:
                try:
                    zf = zipfile.ZipFile(raw)
                except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
                    yield SourceFailure(label, None, f"not a readable zip archive ({exc})")
                    return
                with zf:
                    yield from self._zip(zf, label, None, depth=1, wacz=fmt == "wacz")
        elif self.text_only:
            self.deferred += _weight(fmt, path.stat().st_size)
            return
        elif fmt == "jsonl":
            with open_regular(path) as fh:
                yield from self._jsonl(fh, label, None)
        elif fmt == "mbox":
            with open_regular(path) as fh:
                yield from iter_mbox(fh, path=label, member=None, limits=self.limits)
        else:
            with open_regular(path) as fh:
                yield from iter_warc(
                    fh, path=label, member=None, limits=self.limits, is_arc=_is_arc(path.name)
                )

    def _document(
        self, path: str, member: str | None, fmt: InputFormat, data: bytes
    ) -> SourceDocument | SourceFailure:
        if len(data) > self.limits.max_document_bytes:
            return SourceFailure(path, member, self.limits.too_large(len(data)))
        kind, media_type = DOCUMENT_FORMATS.get(fmt, ("html", MEDIA_TYPES["html"]))
        return SourceDocument(path, member, kind, data, media_type)

    # -- JSON Lines ----------------------------------------------------------

    def _jsonl(self, stream: IO[bytes], path: str, member: str | None) -> Iterator[SourceEvent]:
        cap = self.limits.max_document_bytes
        number = 0
        while True:
            line = stream.readline(cap + 1)
            if not line:
                return
            number += 1
            if len(line) > cap and not line.endswith(b"\n"):
                yield SourceFailure(
                    path,
                    join_member(member, f"line {number}"),
                    f"{self.limits.too_large(len(line))}; the rest of the file was not read",
                )
                return
            data = line.rstrip(b"\r\n")
            if not data.strip():
                continue
            yield SourceDocument(
                path, join_member(member, f"line {number}"), "jsonl", data, MEDIA_TYPES["jsonl"]
            )

    # -- zips and WACZ ------------------------------------------------------

    def _zip(
        self, zf: zipfile.ZipFile, path: str, prefix: str | None, *, depth: int, wacz: bool
    ) -> Iterator[SourceEvent]:
        budget = ArchiveBudget(self.limits.max_archive_bytes, SKIP_MEMBER)
        seen: set[str] = set()
        titles = self._wacz_titles(zf, budget) if wacz and not self.text_only else {}
        for info in zf.infolist():
            name = info.filename
            if info.is_dir() or is_hidden(name):
                continue
            fmt = format_for(name)
            if wacz and (fmt != "warc" or not name.startswith("archive/")):
                continue
            member = join_member(prefix, name)
            problem = member_problem(info, seen, SKIP_MEMBER)
            if problem is not None:
                yield SourceFailure(path, member, SKIP_MEMBER.say(problem))
                yield UnitDone(f"{path}!{member}")
                continue
            if fmt is None:
                self.skipped += 1
                continue
            try:
                yield from self._member(zf, info, fmt, path, member, budget, depth, titles)
            except UserError as exc:
                yield SourceFailure(path, member, str(exc))
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                yield SourceFailure(path, member, f"the member is damaged: {exc}")
            yield UnitDone(f"{path}!{member}")
            if budget.used > budget.limit:
                return

    def _member(
        self,
        zf: zipfile.ZipFile,
        info: zipfile.ZipInfo,
        fmt: InputFormat,
        path: str,
        member: str,
        budget: ArchiveBudget,
        depth: int,
        titles: dict[str, str],
    ) -> Iterator[SourceEvent]:
        limits = self.limits
        if fmt in DOCUMENT_FORMATS or fmt == "email":
            if self.text_only and fmt != "text":
                self.deferred += 1
                return
            data = read_member(
                zf, info, cap=limits.max_document_bytes, limits=limits.zip_limits, budget=budget
            )
            if fmt == "email":
                yield from iter_message(data, path=path, member=member, limits=limits)
            else:
                yield self._document(path, member, fmt, data)
        elif fmt in ("zip", "wacz"):
            if depth >= limits.max_depth:
                yield SourceFailure(
                    path, member, f"zip nested more than {limits.max_depth} deep; not read"
                )
                return
            data = read_member(
                zf, info, cap=limits.max_nested_archive_bytes, limits=limits.zip_limits,
                budget=budget, what="nested archive",
            )
            try:
                inner = zipfile.ZipFile(io.BytesIO(data))
            except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
                yield SourceFailure(path, member, f"not a readable zip archive ({exc})")
                return
            with inner:
                yield from self._zip(inner, path, member, depth=depth + 1, wacz=fmt == "wacz")
        elif self.text_only:
            self.deferred += _weight(fmt, info.file_size)
            return
        else:
            reader = open_member(
                zf, info, cap=limits.max_container_bytes, limits=limits.zip_limits, budget=budget,
                what="member",
            )
            with io.BufferedReader(reader, buffer_size=1 << 16) as stream:
                if fmt == "jsonl":
                    yield from self._jsonl(stream, path, member)
                elif fmt == "mbox":
                    yield from iter_mbox(stream, path=path, member=member, limits=limits)
                else:
                    yield from iter_warc(
                        stream, path=path, member=member, limits=limits,
                        is_arc=_is_arc(info.filename), titles=titles,
                    )

    def _wacz_titles(self, zf: zipfile.ZipFile, budget: ArchiveBudget) -> dict[str, str]:
        """URL -> page title from a WACZ's ``pages/pages.jsonl`` (hints; errors ignored)."""
        try:
            info = zf.getinfo(WACZ_PAGES)
            data = read_member(
                zf, info, cap=self.limits.max_document_bytes, limits=self.limits.zip_limits,
                budget=budget,
            )
        except (KeyError, UserError):
            return {}
        titles: dict[str, str] = {}
        for line in data.splitlines():
            try:
                page = json.loads(line)
            except ValueError:
                continue
            if isinstance(page, dict):
                url, title = page.get("url"), page.get("title")
                if isinstance(url, str) and isinstance(title, str) and title.strip():
                    titles[url] = title.strip()
        return titles


# A web archive holds about one HTML capture per this many bytes (with its assets).
_ARCHIVE_BYTES_PER_PAGE = 200_000


def _weight(fmt: InputFormat, size: int) -> int:
    """About how many web pages a container of this size holds (JSON Lines: none)."""
    return 0 if fmt == "jsonl" else max(1, size // _ARCHIVE_BYTES_PER_PAGE)


def _is_arc(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(".arc") or lower.endswith(".arc.gz")


def _sniff(path: Path) -> InputFormat | None:
    try:
        with open_regular(path) as fh:
            return sniff_format(fh.read(4096))
    except (OSError, UserError):
        return None
