"""Pydantic models for everything that crosses a module boundary.

Offsets anywhere in the core count Unicode code points in an article's stored
(NFC) body text.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ID_HEX_CHARS = 20

SourceKind = Literal[
    "text", "html", "warc", "jsonl", "bundle", "pdf", "mhtml", "epub", "docx", "email"
]


def article_id_for(original: bytes, salt: str = "") -> str:
    """Deterministic article id: the same source bytes give the same id everywhere.

    ``salt`` distinguishes several articles cut from one original (a JSONL line
    number is not used: callers pass something intrinsic, such as a WARC record id).
    """
    h = hashlib.sha256()
    if salt:
        h.update(salt.encode("utf-8"))
        h.update(b"\0")
    h.update(original)
    return h.hexdigest()[:ID_HEX_CHARS]


def content_hash_for(body: str) -> str:
    """Hash of a normalized (NFC, whitespace-folded) body, for duplicate detection."""
    folded = " ".join(body.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Original(_Frozen):
    """The bytes an article came from, kept so it can be shown and re-extracted."""

    data: bytes
    media_type: str = "application/octet-stream"
    encoding: str | None = None
    # Hints the extractor needs again on re-extraction (url, capture date, ...).
    hints: dict[str, str] = Field(default_factory=dict)
    # ``data`` already zlib-compressed (an import worker process may do it ahead of
    # the store); None lets the store compress ``data`` itself.
    zlib_data: bytes | None = None


class ArticleText(_Frozen):
    """The one declaration of an article's text and metadata fields.

    An extractor finds them (``extract/fields.Extracted``); the draft, the stored
    article and a bundle's record (``bundles/records``) keep them, all derived
    from this class, and ``text_fields`` copies them from one form to the next.
    """

    title: str
    body: str
    published: date | None = None
    site: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None

    def text_fields(self) -> dict[str, Any]:
        """The fields declared here, by name (for building another form)."""
        return {name: getattr(self, name) for name in ArticleText.model_fields}


class _FromSource(ArticleText):
    """An article's fields with the source it was read from."""

    source_path: str
    source_member: str | None = None
    kind: SourceKind

    def source_fields(self) -> dict[str, Any]:
        """The text fields and the source fields, by name."""
        return {name: getattr(self, name) for name in _FromSource.model_fields}


class ArticleDraft(_FromSource):
    """An extracted article before it is stored."""

    id: str
    original: Original
    # ``content_hash_for(body)`` when computed ahead of the store (an import worker
    # process); None lets the store compute it.
    content_hash: str | None = None


class ArticleSummary(_Frozen):
    """What lists and the CLI ``list`` command show."""

    id: str
    title: str
    published: date | None = None
    site: str | None = None
    author: str | None = None
    url: str | None = None
    source: str


class Article(_FromSource):
    """A stored article."""

    id: str
    content_hash: str
    imported_at: datetime

    @property
    def source(self) -> str:
        return format_source(self.source_path, self.source_member)

    def summary(self) -> ArticleSummary:
        return ArticleSummary(
            id=self.id,
            title=self.title,
            published=self.published,
            site=self.site,
            author=self.author,
            url=self.url,
            source=self.source,
        )


def format_source(path: str, member: str | None) -> str:
    return f"{path}!{member}" if member else path


class ArticleSource(_Frozen):
    """A further source of a stored article: a distinct original with the same text."""

    id: str  # the id the source would have had as an article (a hash of its bytes)
    article_id: str
    source: str
    source_path: str
    source_member: str | None = None
    kind: SourceKind
    added_at: datetime


class DuplicateNote(_Frozen):
    """An imported document whose text equals a stored article's (nothing is dropped:
    a distinct original is recorded on that article as a further source)."""

    source: str
    article_id: str
    title: str
    recorded: bool  # a distinct original, recorded on the article (else the same bytes)


class ImportFailure(_Frozen):
    path: str
    error: str


class ImportReport(BaseModel):
    """Outcome of one import run; the CLI prints it as JSON."""

    model_config = ConfigDict(extra="forbid")

    imported: int = 0
    duplicates: int = 0
    failed: list[ImportFailure] = Field(default_factory=list)
    ids: list[str] = Field(default_factory=list)
    cancelled: bool = False
    # Files of unsupported types passed over while walking folders and zips.
    skipped: int = 0
    # For each duplicate: which stored article it duplicates.
    duplicate_of: list[DuplicateNote] = Field(default_factory=list)

    def public_dict(self) -> dict[str, object]:
        """The JSON contract: imported, duplicates, failed, ids."""
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "failed": [f.model_dump() for f in self.failed],
            "ids": list(self.ids),
        }


class ImportProgress(_Frozen):
    """Sent to progress callbacks during import; ``total`` is None while unknown."""

    done: int
    total: int | None
    current: str
    imported: int
    duplicates: int
    failed: int
