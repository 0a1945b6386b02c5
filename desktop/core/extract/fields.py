"""The fields an extractor finds in one document."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict


class Extracted(BaseModel):
    """Clean article fields. ``body`` is NFC, paragraphs separated by blank lines."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    body: str
    published: date | None = None
    site: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    # More hints to keep with the original: a PDF's page offsets (``pages``), a
    # capture date found in the document (``date``), a notice for the reader.
    hints: dict[str, str] = {}
