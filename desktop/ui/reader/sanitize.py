"""Making a stored HTML original safe to display: nothing active, nothing remote.

Scripts, styles, iframes/objects/embeds, forms, ``<link>``/``<meta>``, comments
and every ``on*`` event handler are removed; ``src``/``srcset`` pointing
anywhere but a ``data:`` URL are dropped, and links are kept only as text
with their address in a tooltip (the viewer never follows them). Plain
Python (lxml), so it can be tested without Qt.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from lxml_html_clean import Cleaner

_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    links=True,
    meta=True,
    page_structure=False,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=False,
    safe_attrs_only=True,
    safe_attrs=frozenset(
        {"href", "src", "alt", "title", "colspan", "rowspan", "lang", "dir", "width", "height"}
    ),
    kill_tags=["noscript", "template", "svg", "math", "canvas", "audio", "video", "picture"],
    remove_tags=["form", "button", "input", "select", "textarea"],
)

_URL_ATTRS = ("src", "srcset", "background", "poster", "data", "action", "formaction")


def sanitize_html(source: str) -> str:
    """Safe, static HTML for the original viewer (a complete document string)."""
    if not source.strip():
        return "<html><body></body></html>"
    try:
        doc = lxml_html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return "<html><body><pre></pre></body></html>"
    cleaned = _CLEANER.clean_html(doc)
    for element in cleaned.iter():
        if not isinstance(element.tag, str):
            continue
        for attr in list(element.attrib):
            value = element.attrib[attr]
            if attr.lower().startswith("on"):
                del element.attrib[attr]
            elif attr.lower() in _URL_ATTRS and not value.strip().lower().startswith("data:"):
                del element.attrib[attr]
        if element.tag == "a" and "href" in element.attrib:
            element.attrib["title"] = element.attrib.pop("href")
        if element.tag == "img" and "src" not in element.attrib:
            alt = element.attrib.get("alt", "")
            element.attrib.clear()
            element.tag = "span"
            element.text = f"[{alt}]" if alt else ""
    return str(lxml_html.tostring(cleaned, encoding="unicode", method="html"))
