"""The fields an extractor finds in one document."""

from __future__ import annotations

from desktop.core.models import ArticleText


class Extracted(ArticleText):
    """Clean article fields. ``body`` is NFC, paragraphs separated by blank lines."""

    # More hints to keep with the original: a PDF's page offsets (``pages``), a
    # capture date found in the document (``date``), a notice for the reader.
    hints: dict[str, str] = {}
