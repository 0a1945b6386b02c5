"""Article fields from one HTML page, through trafilatura (offline, recall-oriented).

``extract_html`` takes the page as bytes or text plus what the container knows
(URL, capture date, a title hint) and returns an ``Extracted``: main text as
paragraphs (when trafilatura finds none, the page's visible text read by the
text-dump extractor), title, publication date, author, site (host name without ``www.``,
else the site name), URL and language (from ``<html lang>`` or metadata).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import lxml.etree
import lxml.html

from desktop.core.dates import iso_date
from desktop.core.errors import ExtractionError
from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.fields import Extracted
from desktop.core.extract.textdump import extract_text_dump
from desktop.core.extract.urls import site_for
from desktop.core.textnorm import normalize_text, tidy_body

_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I
)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_MAX_TITLE = 120
_SNIFF_CHARS = 8192
# Elements that start a new line when a page is read as a text dump.
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
    "th", "table", "section", "article", "header", "footer", "nav", "aside", "blockquote",
    "pre", "dd", "dt", "figcaption", "form", "main", "hr",
)


def extract_html(
    page: bytes | str,
    *,
    url: str | None = None,
    fallback_date: date | None = None,
    title_hint: str | None = None,
    encoding: str | None = None,
    declared_charset: str | None = None,
) -> Extracted:
    """Extract one article from a web page. Raises ``ExtractionError`` when no text is found."""
    if isinstance(page, bytes):
        text = decode_bytes(page, html=True, known=encoding, declared=declared_charset).text
    else:
        text = page
    text = normalize_text(text)
    if not text.strip():
        raise ExtractionError("empty page")
    try:
        # trafilatura is imported on first use: most imports (text dumps) never need it,
        # and every extraction process would pay its start-up.
        from trafilatura import bare_extraction

        doc = bare_extraction(
            text,
            url=url,
            favor_recall=True,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on hostile markup
        raise ExtractionError(f"HTML could not be parsed: {exc}") from exc
    meta: dict[str, Any] = {}
    if isinstance(doc, dict):
        meta = doc
    elif doc is not None:
        meta = doc.as_dict()
    body = tidy_body(str(meta.get("text") or ""))
    dumped: Extracted | None = None
    if not body:
        # trafilatura found no main text: read the page's text as a text dump.
        dumped = _as_text_dump(text)
        if dumped is None:
            raise ExtractionError("no article text found in the HTML page")
        body = dumped.body
    page_url = url or _clean(meta.get("url"))
    title = (
        _clean(meta.get("title"))
        or _clean(title_hint)
        or _title_tag(text)
        or (dumped.title if dumped else None)
        or _title_from_body(body)
    )
    return Extracted(
        title=title,
        body=_without_title(body, title),
        published=iso_date(meta.get("date")) or fallback_date,
        site=site_for(page_url) or _clean(meta.get("sitename")),
        url=page_url,
        author=_clean(meta.get("author")) or (dumped.author if dumped else None),
        language=_language(text, meta),
    )


def _as_text_dump(page: str) -> Extracted | None:
    """The page's visible text, one block per line, through the text-dump extractor.

    Text without a single tag is no web page (a truncated part, a stray header), so
    it gets no fallback: its import fails as "no article text".
    """
    if not re.search(r"<[A-Za-z!/]", page):
        return None
    try:
        root = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return None
    for junk in root.xpath("//script|//style|//noscript|//template|//head"):
        junk.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    text = root.text_content()
    try:
        return extract_text_dump(text)
    except ExtractionError:
        return None


def _clean(value: Any) -> str | None:
    if not value:
        return None
    cleaned = " ".join(normalize_text(str(value)).split())
    return cleaned or None


def _without_title(body: str, title: str) -> str:
    """The body without a first paragraph that only repeats the title (the page's h1)."""
    first, sep, rest = body.partition("\n\n")
    if sep and rest and first.casefold() == title.casefold():
        return rest
    return body


def _title_tag(text: str) -> str | None:
    match = _TITLE_TAG.search(text[: _SNIFF_CHARS * 4])
    return _clean(match.group(1)) if match else None


def _title_from_body(body: str) -> str:
    first = body.split("\n", 1)[0]
    if len(first) <= _MAX_TITLE:
        return first
    cut = first[:_MAX_TITLE].rsplit(" ", 1)[0]
    return cut + "…"



def _language(text: str, meta: dict[str, Any]) -> str | None:
    lang = meta.get("language")
    if lang:
        return str(lang).lower()[:3]
    match = _HTML_LANG.search(text[:_SNIFF_CHARS])
    return match.group(1).lower() if match else None
