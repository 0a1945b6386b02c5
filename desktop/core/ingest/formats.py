"""Recognizing an input's format from its name."""

from __future__ import annotations

import zlib
from typing import Literal

from desktop.core.models import SourceKind

InputFormat = Literal[
    "text", "html", "warc", "wacz", "zip", "jsonl",
    "pdf", "mhtml", "epub", "docx", "email", "mbox",
]

_SUFFIXES: tuple[tuple[str, InputFormat], ...] = (
    (".warc.gz", "warc"),
    (".arc.gz", "warc"),
    (".warc", "warc"),
    (".arc", "warc"),
    (".wacz", "wacz"),
    (".zip", "zip"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".txt", "text"),
    (".pdf", "pdf"),
    (".mhtml", "mhtml"),
    (".mht", "mhtml"),
    (".epub", "epub"),
    (".docx", "docx"),
    (".eml", "email"),
    (".mbox", "mbox"),
)

# Formats read whole as one document: their kind of article and media type.
DOCUMENT_FORMATS: dict[InputFormat, tuple[SourceKind, str]] = {
    "text": ("text", "text/plain"),
    "html": ("html", "text/html"),
    "pdf": ("pdf", "application/pdf"),
    "mhtml": ("mhtml", "multipart/related"),
    "epub": ("epub", "application/epub+zip"),
    "docx": (
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
}

SUPPORTED_SUFFIXES = tuple(suffix for suffix, _ in _SUFFIXES)


def format_for(name: str) -> InputFormat | None:
    """The format for a file name, or None when it is not something we import."""
    lower = name.lower()
    for suffix, fmt in _SUFFIXES:
        if lower.endswith(suffix):
            return fmt
    return None


def is_hidden(name: str) -> bool:
    """Hidden files and folders, and the macOS resource-fork folder in zips."""
    parts = name.replace("\\", "/").split("/")
    return any(p.startswith(".") and p not in (".", "..") or p == "__MACOSX" for p in parts)


_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096


def sniff_format(head: bytes) -> InputFormat | None:
    """The format of a file with an unknown name from its first bytes (WARC/ARC, PDF).

    Web archives are often renamed (``crawl.warc.gz.bad``, ``crawl.warc.open``), and
    PDFs saved without an extension; other types are recognized by name only.
    """
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head[:_SNIFF_BYTES], 64)
        except zlib.error:
            return None
    if head.startswith(b"WARC/") or head.startswith(b"filedesc://"):
        return "warc"
    return None
