"""Showing an article's stored original: sanitized HTML or plain text, never fetched from afar.

``OfflineTextBrowser.loadResource`` returns nothing for any URL that is not a
``data:`` URL, so a page that references remote images, styles or scripts
cannot make the viewer open a connection; links are not followed.
"""

from __future__ import annotations

import base64
import html
from typing import Any

import charset_normalizer
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.ingest.preview import document_preview
from desktop.core.models import Original
from desktop.ui.reader.sanitize import sanitize_html

MAX_ORIGINAL_CHARS = 2_000_000


class OfflineTextBrowser(QTextBrowser):
    """A text browser that only ever loads ``data:`` resources and follows no links."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked_urls: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt's signature
        if isinstance(name, str):
            name = QUrl(name)
        if name.scheme() == "data":
            payload = name.toString()
            header, _, data = payload.partition(",")
            try:
                if header.endswith(";base64"):
                    return base64.b64decode(data)
                return QUrl.fromPercentEncoding(data.encode()).encode()
            except ValueError:
                return None
        self.blocked_urls.append(name.toString())
        return None

    def show_original(self, original: Original) -> None:
        kind, text = render_original(original)
        if kind == "html":
            self.setHtml(text)
        else:
            self.setPlainText(text)


def decode_original(original: Original) -> str:
    data = original.data
    if original.encoding:
        try:
            return data.decode(original.encoding, errors="replace")
        except LookupError:
            pass
    match = charset_normalizer.from_bytes(data[:200_000]).best()
    encoding = match.encoding if match is not None else "utf-8"
    return data.decode(encoding, errors="replace")


def render_original(original: Original) -> tuple[str, str]:
    """("html", safe html) or ("text", plain text) for the original viewer."""
    preview = document_preview(original)
    if preview is not None:
        kind, text = preview
        if kind == "html":
            return "html", sanitize_html(text[:MAX_ORIGINAL_CHARS])
        return "text", text[:MAX_ORIGINAL_CHARS]
    media = original.media_type.lower()
    if "html" in media or "xml" in media:
        return "html", sanitize_html(decode_original(original)[:MAX_ORIGINAL_CHARS])
    if media.startswith("text/") or "json" in media:
        return "text", decode_original(original)[:MAX_ORIGINAL_CHARS]
    head = decode_original(original)[:20_000]
    if "<html" in head.lower() or "<body" in head.lower():
        return "html", sanitize_html(decode_original(original)[:MAX_ORIGINAL_CHARS])
    note = f"{original.media_type}, {len(original.data):,} bytes"
    return "text", f"[{html.unescape(note)}]\n\n{head}"
