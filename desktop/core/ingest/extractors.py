"""From a document's original bytes to article fields, per kind of source.

Used by the import pipeline and again by re-extraction, so both always agree.
"""

from __future__ import annotations

from desktop.core.dates import iso_date
from desktop.core.errors import ExtractionError
from desktop.core.extract.docx import extract_docx
from desktop.core.extract.email_msg import extract_email
from desktop.core.extract.encoding import charset_from_content_type, decode_bytes
from desktop.core.extract.epub import extract_epub
from desktop.core.extract.fields import Extracted
from desktop.core.extract.html import extract_html
from desktop.core.extract.jsonl import extract_jsonl_record
from desktop.core.extract.mhtml import extract_mhtml
from desktop.core.extract.pdf import extract_pdf
from desktop.core.extract.singlefile import singlefile_header
from desktop.core.extract.textdump import LineStats, extract_text_dump
from desktop.core.ingest.sources import SourceDocument
from desktop.core.models import ArticleDraft, Original, SourceKind, article_id_for


def extract_fields(
    kind: SourceKind,
    data: bytes,
    *,
    hints: dict[str, str],
    encoding: str | None = None,
    stats: LineStats | None = None,
    source_name: str = "",
) -> tuple[Extracted, str | None]:
    """The article fields and the character encoding the bytes were read with."""
    if kind == "text":
        decoded = decode_bytes(data, known=encoding)
        return extract_text_dump(decoded.text, stats=stats, source_name=source_name), (
            decoded.encoding
        )
    if kind in ("html", "warc"):
        decoded = decode_bytes(
            data,
            html=True,
            known=encoding,
            declared=charset_from_content_type(hints.get("content_type")),
        )
        url, date_hint = hints.get("url") or None, hints.get("date")
        saved = singlefile_header(decoded.text) if kind == "html" else None
        if saved is not None:
            url, date_hint = url or saved.url, date_hint or saved.saved
        extracted = extract_html(
            decoded.text,
            url=url,
            fallback_date=iso_date(date_hint),
            title_hint=hints.get("title"),
        )
        if saved is not None and saved.saved and "date" not in hints:
            extracted = extracted.model_copy(update={"hints": {"date": saved.saved}})
        return extracted, decoded.encoding
    if kind == "jsonl":
        return extract_jsonl_record(data), "utf-8"
    if kind == "pdf":
        return extract_pdf(data, source_name=source_name), None
    if kind == "mhtml":
        return extract_mhtml(data), None
    if kind == "epub":
        return extract_epub(data), None
    if kind == "docx":
        return extract_docx(data), None
    if kind == "email":
        return extract_email(data), None
    raise ExtractionError(f"articles of kind {kind!r} cannot be extracted again")



def draft_for(
    doc: SourceDocument, *, stats: LineStats | None = None, batch: str | None = None
) -> ArticleDraft:
    """Extract one document into a draft ready for the store. Raises ``UserError``s."""
    extracted, encoding = extract_fields(
        doc.kind, doc.data, hints=doc.hints, stats=stats, source_name=doc.name
    )
    return build_draft(doc, extracted, encoding, batch=batch)


def build_draft(
    doc: SourceDocument,
    extracted: Extracted,
    encoding: str | None,
    *,
    batch: str | None = None,
    content_hash: str | None = None,
    zlib_data: bytes | None = None,
) -> ArticleDraft:
    """The store's draft for a document and the fields extracted from it.

    ``content_hash`` and ``zlib_data`` are the store's own values when already
    computed (by an extraction worker); the store computes them otherwise.
    """
    hints = dict(doc.hints)
    hints.update(extracted.hints)
    if doc.kind == "text":
        hints["name"] = doc.name
        if batch:
            hints["batch"] = batch
    return draft_from(
        extracted,
        article_id=article_id_for(doc.data, salt=doc.salt),
        source_path=doc.path,
        source_member=doc.member,
        kind=doc.kind,
        original=Original(
            data=doc.data,
            media_type=doc.media_type,
            encoding=encoding,
            hints=hints,
            zlib_data=zlib_data,
        ),
        content_hash=content_hash,
    )


def draft_from(
    extracted: Extracted,
    *,
    article_id: str,
    source_path: str,
    source_member: str | None,
    kind: SourceKind,
    original: Original,
    content_hash: str | None = None,
) -> ArticleDraft:
    """The article to store for the fields extracted from one source."""
    return ArticleDraft(
        **extracted.text_fields(),
        id=article_id,
        source_path=source_path,
        source_member=source_member,
        kind=kind,
        original=original,
        content_hash=content_hash,
    )
