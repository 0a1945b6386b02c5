"""One article as a line of ``articles.jsonl``, and back.

The record keeps every stored field (id, content hash, title, body, dates,
site, url, author, language, source, kind, import time). When the bundle holds
originals, ``original`` describes the member ``originals/<id>`` that holds the
raw bytes (media type, encoding, extractor hints, size, SHA-256).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.core.bundles.manifest import ORIGINALS_DIR
from desktop.core.errors import UnsafeArchiveError
from desktop.core.models import Article, ArticleDraft, Original

# Ids name zip members (originals/<id>), so they are kept to a safe alphabet.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"


class OriginalRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    member: str
    media_type: str = "application/octet-stream"
    encoding: str | None = None
    hints: dict[str, str] = Field(default_factory=dict)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ArticleRecord(Article):
    """A stored article's fields, with safe ids and a description of its original."""

    id: str = Field(pattern=ID_PATTERN)
    content_hash: str = Field(pattern=r"^[0-9a-f]{32}$")
    original: OriginalRecord | None = None


def original_member(article_id: str) -> str:
    return f"{ORIGINALS_DIR}{article_id}"


def record_for(article: Article, original: Original | None) -> ArticleRecord:
    orig = None
    if original is not None:
        orig = OriginalRecord(
            member=original_member(article.id),
            media_type=original.media_type,
            encoding=original.encoding,
            hints=dict(original.hints),
            size=len(original.data),
            sha256=hashlib.sha256(original.data).hexdigest(),
        )
    fields = article.source_fields()
    fields.update(title=_nfc(article.title), body=_nfc(article.body))
    return ArticleRecord(
        **fields,
        id=article.id,
        content_hash=article.content_hash,
        imported_at=article.imported_at,
        original=orig,
    )


def dump_line(record: ArticleRecord) -> bytes:
    return (json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n").encode("utf-8")


def parse_line(line: bytes, number: int) -> ArticleRecord:
    """A record from one JSONL line; bad lines raise an error naming the line."""
    try:
        return ArticleRecord.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "record"
        raise UnsafeArchiveError(
            f"articles.jsonl line {number}: {where}: {first['msg']}."
        ) from exc


def draft_for(
    record: ArticleRecord,
    content: tuple[bytes, bytes | None] | None,
    bundle_name: str,
    *,
    keep_content_hash: bool = False,
) -> ArticleDraft:
    """A draft that keeps the record's id, text and metadata.

    ``content`` is the original's bytes and their zlib form (or None), already
    checked against the record; the record itself was validated when its line
    was parsed, so nothing is validated again here. Without an original in the
    bundle, the body text itself (UTF-8) becomes the stored original, with a
    hint saying which bundle it came from. With ``keep_content_hash`` the
    record's content hash is kept instead of being computed again by the store.
    """
    body = _nfc(record.body)
    if content is None or record.original is None:
        original = Original.model_construct(
            data=body.encode("utf-8"),
            media_type="text/plain",
            encoding="utf-8",
            hints={"bundle": bundle_name},
            zlib_data=None,
        )
    else:
        info = record.original
        original = Original.model_construct(
            data=content[0],
            media_type=info.media_type,
            encoding=info.encoding,
            hints=dict(info.hints),
            zlib_data=content[1],
        )
    fields = record.source_fields()
    fields.update(title=_nfc(record.title), body=body)
    return ArticleDraft.model_construct(
        **fields,
        id=record.id,
        original=original,
        content_hash=record.content_hash if keep_content_hash else None,
    )


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
