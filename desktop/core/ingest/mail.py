"""E-mail as input: ``.eml`` files and ``.mbox`` mailboxes, one article per message.

A mailbox is split into messages while it is read, by the rule of the standard
``mailbox`` module (a message starts at a line beginning ``From ``), so a mailbox
inside a zip needs no temporary file and every message is capped as it is read.
Each message becomes an ``email`` document (``extract/email_msg`` reads it);
its attachments of a supported kind (PDF, DOCX, EPUB, HTML, text...) become
documents of their own, named ``message!attachment.pdf``.
"""

from __future__ import annotations

from collections.abc import Iterator
from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import IO

from desktop.core.ingest.formats import DOCUMENT_FORMATS, format_for, is_hidden
from desktop.core.ingest.limits import ImportLimits
from desktop.core.ingest.sources import SourceDocument, SourceEvent, SourceFailure, join_member

EMAIL_MEDIA_TYPE = "message/rfc822"


def iter_message(
    data: bytes, *, path: str, member: str | None, limits: ImportLimits
) -> Iterator[SourceEvent]:
    """One message (an ``.eml`` file or a mailbox entry) and its supported attachments."""
    if len(data) > limits.max_document_bytes:
        yield SourceFailure(path, member, limits.too_large(len(data)))
        return
    if not data.strip():
        yield SourceFailure(path, member, "empty message")
        return
    yield SourceDocument(path, member, "email", data, EMAIL_MEDIA_TYPE)
    yield from _attachments(data, path=path, member=member, limits=limits)


def iter_mbox(
    stream: IO[bytes], *, path: str, member: str | None, limits: ImportLimits
) -> Iterator[SourceEvent]:
    """Every message of a mailbox, read as a stream."""
    cap = limits.max_document_bytes
    number = 0
    lines: list[bytes] = []
    size = 0
    skipping = False
    started = False
    while True:
        line = stream.readline(cap + 1)
        if not line or line.startswith(b"From "):
            if started:
                label = join_member(member, f"message {number}")
                if skipping:
                    yield SourceFailure(path, label, limits.too_large(size))
                else:
                    yield from iter_message(
                        b"".join(lines), path=path, member=label, limits=limits
                    )
            if not line:
                if not started:
                    yield SourceFailure(path, member, "not a mailbox (no 'From ' line)")
                return
            number += 1
            started = True
            lines, size, skipping = [], 0, False
            continue
        if not started:
            if line.strip():
                yield SourceFailure(path, member, "not a mailbox (no 'From ' line)")
                return
            continue
        size += len(line)
        if size > cap:
            skipping, lines = True, []
        elif not skipping:
            lines.append(line)


def _attachments(
    data: bytes, *, path: str, member: str | None, limits: ImportLimits
) -> Iterator[SourceEvent]:
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (ValueError, TypeError, LookupError):
        return  # the message itself reports what is wrong with it
    seen: set[str] = set()
    for part in message.walk():
        name = _filename(part)
        if not name or part.is_multipart():
            continue
        fmt = format_for(name)
        if fmt not in DOCUMENT_FORMATS or is_hidden(name):
            continue
        label = join_member(member, _unique(name, seen))
        try:
            payload = part.get_payload(decode=True)
        except (ValueError, TypeError, LookupError) as exc:
            yield SourceFailure(path, label, f"the attachment cannot be decoded: {exc}")
            continue
        if not isinstance(payload, bytes) or not payload:
            yield SourceFailure(path, label, "empty attachment")
            continue
        if len(payload) > limits.max_document_bytes:
            yield SourceFailure(path, label, limits.too_large(len(payload)))
            continue
        kind, media_type = DOCUMENT_FORMATS[fmt]
        yield SourceDocument(path, label, kind, payload, media_type)


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except (ValueError, TypeError, LookupError):
        return None
    if not name:
        return None
    return str(name).replace("\\", "/").rsplit("/", 1)[-1].replace("!", "_").strip() or None


def _unique(name: str, seen: set[str]) -> str:
    candidate, n = name, 1
    while candidate in seen:
        n += 1
        candidate = f"{n}-{name}"
    seen.add(candidate)
    return candidate
