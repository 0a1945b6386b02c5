"""HTML captures from WARC and ARC files, read with warcio.

Only HTML responses with HTTP status 200 (and HTML ``resource`` records) become
documents; the rest of the archive (requests, revisits, metadata, images) is
passed over. A damaged archive (truncated, bad lengths, broken gzip) keeps every
record read before the damage and reports one failure for the file.
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader

from desktop.core.errors import UserError
from desktop.core.ingest.limits import ImportLimits
from desktop.core.ingest.sources import SourceDocument, SourceFailure, join_member

HTML_TYPES = ("text/html", "application/xhtml+xml")
_DRAIN_CHUNK = 1 << 16

# warcio logs (and may print) complaints about records it repairs; damage is
# reported to the user through the import report instead.
logging.getLogger("warcio").setLevel(logging.ERROR)


class _QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator without its stderr warning; ``err_count`` still counts."""

    INC_RECORD = ""


def iter_warc(
    stream: IO[bytes],
    *,
    path: str,
    member: str | None,
    limits: ImportLimits,
    is_arc: bool = False,
    titles: dict[str, str] | None = None,
) -> Iterator[SourceDocument | SourceFailure]:
    """Documents for the HTML captures in one archive, then at most one failure."""
    records = 0
    damage: str | None = None
    iterator = _QuietArchiveIterator(stream, arc2warc=True)
    try:
        for record in iterator:
            if not _valid_length(record):
                damage = "a record has an invalid length"
                continue
            item = _document(record, path=path, member=member, limits=limits, is_arc=is_arc)
            size = len(item.data) if isinstance(item, SourceDocument) else None
            if _cut_short(record, size):
                damage = "the last record is cut short"
                break
            records += 1
            if item is not None:
                if titles and isinstance(item, SourceDocument):
                    title = titles.get(item.hints.get("url", ""))
                    if title:
                        item.hints["title"] = title
                yield item
    except UserError as exc:
        damage = str(exc)
    except (
        ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, IndexError,
        zipfile.BadZipFile,
    ) as exc:
        damage = _reason(exc)
    if damage is None and iterator.err_count:
        damage = "a record is shorter or longer than its header says"
    if damage is not None:
        yield SourceFailure(
            path,
            member,
            f"damaged or truncated archive ({damage}); {records} intact record(s) were read",
        )


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if isinstance(exc, ArchiveLoadFailed):
        text = text.removeprefix("ERROR:").strip().split(". ", 1)[0]
    if not text:
        text = type(exc).__name__
    return text[:160]


def _valid_length(record: Any) -> bool:
    value = record.rec_headers.get_header("Content-Length")
    if value is None:
        return True
    try:
        return int(value) >= 0
    except ValueError:
        return False


def _cut_short(record: Any, payload_size: int | None) -> bool:
    """Read the rest of the record; True when the file ended before its declared length.

    Old ARC files often declare a record length a few bytes off; such a record
    still counts as whole when its HTTP payload is complete.
    """
    stream = record.raw_stream
    while stream.read(_DRAIN_CHUNK):
        pass
    if not isinstance(stream, LimitReader) or stream.limit <= 0:
        return False
    http = record.http_headers
    declared = http.get_header("Content-Length") if http is not None else None
    if payload_size is None or declared is None or not declared.strip().isdigit():
        return True
    return payload_size < int(declared)


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _document(
    record: Any, *, path: str, member: str | None, limits: ImportLimits, is_arc: bool
) -> SourceDocument | SourceFailure | None:
    headers = record.rec_headers
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = headers.get_header("Content-Type")
    else:
        return None
    if _media_type(content_type) not in HTML_TYPES:
        return None
    url = (headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    captured = headers.get_header("WARC-Date") or ""
    record_id = headers.get_header("WARC-Record-ID") or ""
    label = join_member(member, url or record_id or "record")
    try:
        payload = record.content_stream().read(limits.max_document_bytes + 1)
    except (OSError, ValueError, zlib.error, EOFError) as exc:
        return SourceFailure(path, label, f"the capture cannot be read: {_reason(exc)}")
    if len(payload) > limits.max_document_bytes:
        return SourceFailure(path, label, limits.too_large(len(payload)))
    if not payload.strip():
        return None
    hints = {
        "url": url, "date": captured, "content_type": content_type or "", "record_id": record_id
    }
    salt = f"{url} {captured}" if is_arc or not record_id else record_id
    return SourceDocument(
        path=path,
        member=label,
        kind="warc",
        data=payload,
        media_type=_media_type(content_type) or "text/html",
        hints={k: v for k, v in hints.items() if v},
        salt=salt,
    )
