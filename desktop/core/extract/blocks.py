"""The text of an (X)HTML document's block elements, one paragraph each.

Used where a page is a document's own text rather than a web page with chrome
(EPUB chapters, an e-mail's HTML part when the web-page extractor finds nothing).
"""

from __future__ import annotations

from lxml import etree

from desktop.core.textnorm import normalize_text

_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre dt dd td th figcaption caption".split()
)
_SKIP = frozenset({"script", "style", "head", "title"})


def parse_html(data: bytes) -> etree._Element:
    """(X)HTML parsed forgivingly, HTML entities (``&nbsp;``) known, nothing fetched."""
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return etree.Element("empty")
    return root


def block_texts(root: etree._Element) -> list[str]:
    """The text of every outermost block element (paragraphs, headings, items)."""
    out: list[str] = []

    def visit(element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        local = etree.QName(element).localname.lower()
        if local in _SKIP:
            return
        if local in _BLOCKS:
            text = " ".join(normalize_text("".join(element.itertext())).split())
            if text:
                out.append(text)
            return
        if local in ("div", "section", "body", "article") and element.text and element.text.strip():
            out.append(" ".join(normalize_text(element.text).split()))
        for child in element:
            visit(child)
            if local in ("div", "section", "body", "article") and child.tail and child.tail.strip():
                out.append(" ".join(normalize_text(child.tail).split()))

    visit(root)
    return out
