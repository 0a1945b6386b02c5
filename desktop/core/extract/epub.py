"""Article fields from an EPUB book, with ``zipfile`` and lxml (never EbookLib, AGPL).

The package document (OPF, found through ``META-INF/container.xml``) gives the
title, author (``dc:creator``), date and language, and the spine gives the reading
order of the XHTML chapters, whose block text becomes the body.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from urllib.parse import unquote

from lxml import etree

from desktop.core.errors import ExtractionError
from desktop.core.extract.blocks import block_texts, parse_html
from desktop.core.extract.fields import Extracted
from desktop.core.extract.meta import derive_title, guess_language
from desktop.core.extract.zipped import ZippedDocument
from desktop.core.textnorm import normalize_text, paragraphs_to_body

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_FONT_OBFUSCATION = frozenset({
    "http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC",
})
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_XHTML_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")


def extract_epub(data: bytes) -> Extracted:
    """Extract one EPUB as one article. Raises ``ExtractionError``."""
    book = ZippedDocument(data, "EPUB")
    try:
        container = book.xml(_CONTAINER)
        rootfile = container.find(".//c:rootfile", _NS)
        opf_path = rootfile.get("full-path") if rootfile is not None else None
        if not opf_path:
            raise ExtractionError("not a readable EPUB (no package document)")
        opf = book.xml(opf_path)
        base = posixpath.dirname(opf_path)
        encrypted = _encrypted(book)
        paragraphs: list[str] = []
        for href in _spine(opf):
            name = posixpath.normpath(posixpath.join(base, unquote(href)))
            if name in encrypted:
                raise ExtractionError("the EPUB is encrypted (DRM); its text cannot be read")
            if name not in book.names():
                continue
            paragraphs.extend(block_texts(parse_html(book.read(name))))
    finally:
        book.close()
    body = paragraphs_to_body(paragraphs)
    if not body:
        raise ExtractionError("the EPUB has no text")
    title = _meta(opf, "title")
    return Extracted(
        title=title or derive_title(body),
        body=body,
        published=_date(_meta(opf, "date")),
        author=_creators(opf),
        language=(_meta(opf, "language") or "").lower()[:3] or guess_language(body),
    )


def _encrypted(book: ZippedDocument) -> set[str]:
    """Members encrypted by ``META-INF/encryption.xml``, fonts merely obfuscated aside."""
    if _ENCRYPTION not in book.names():
        return set()
    out = set()
    for data in book.xml(_ENCRYPTION).iter("{http://www.w3.org/2001/04/xmlenc#}EncryptedData"):
        method = data.find("{http://www.w3.org/2001/04/xmlenc#}EncryptionMethod")
        algorithm = method.get("Algorithm", "") if method is not None else ""
        if algorithm in _FONT_OBFUSCATION:
            continue
        for ref in data.iter("{http://www.w3.org/2001/04/xmlenc#}CipherReference"):
            uri = ref.get("URI")
            if uri:
                out.add(posixpath.normpath(unquote(uri)))
    return out


def _spine(opf: etree._Element) -> list[str]:
    manifest = {
        item.get("id"): item for item in opf.iterfind(".//opf:manifest/opf:item", _NS)
    }
    hrefs = []
    for ref in opf.iterfind(".//opf:spine/opf:itemref", _NS):
        item = manifest.get(ref.get("idref"))
        if item is None or item.get("media-type") not in _XHTML_TYPES:
            continue
        if "nav" in (item.get("properties") or "").split():
            continue  # the table of contents
        href = item.get("href")
        if href:
            hrefs.append(href)
    return hrefs


def _meta(opf: etree._Element, name: str) -> str | None:
    element = opf.find(f".//opf:metadata/dc:{name}", _NS)
    if element is None:
        element = opf.find(f".//dc:{name}", _NS)
    if element is None:
        return None
    text = " ".join(normalize_text("".join(element.itertext())).split())
    return text or None


def _creators(opf: etree._Element) -> str | None:
    names = [
        " ".join(normalize_text("".join(e.itertext())).split())
        for e in opf.iterfind(".//dc:creator", _NS)
    ]
    names = [n for n in names if n]
    return "; ".join(names) if names else None


def _date(value: str | None) -> date | None:
    match = _DATE.match(value or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None
