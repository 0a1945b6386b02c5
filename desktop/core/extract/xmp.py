"""Title, creator and creation date from an XMP packet embedded in a file (PDF).

XMP packets are stored uncompressed by convention, so they are found in the raw
bytes. Parsed with lxml without entities or network access; anything broken is
ignored (XMP only fills fields the document information leaves empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import etree

from desktop.core.dates import iso_date
from desktop.core.textnorm import normalize_text

_START = b"<x:xmpmeta"
_END = b"</x:xmpmeta>"
_MAX_PACKET = 1 << 20
_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


@dataclass(frozen=True, slots=True)
class XmpFields:
    title: str | None = None
    creator: str | None = None
    created: date | None = None


def xmp_fields(data: bytes) -> XmpFields:
    """The fields of the first XMP packet in ``data`` (empty fields when none)."""
    start = data.find(_START)
    if start < 0:
        return XmpFields()
    end = data.find(_END, start, start + _MAX_PACKET)
    if end < 0:
        return XmpFields()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data[start : end + len(_END)], parser)
    except etree.XMLSyntaxError:
        return XmpFields()
    return XmpFields(
        title=_first(root, ".//dc:title//rdf:li") or _first(root, ".//dc:title"),
        creator=_joined(root, ".//dc:creator//rdf:li") or _first(root, ".//dc:creator"),
        created=iso_date(_first(root, ".//xmp:CreateDate") or _attr(root, "CreateDate")),
    )


def _texts(root: etree._Element, path: str) -> list[str]:
    out = []
    for element in root.iterfind(path, _NS):
        text = " ".join(normalize_text("".join(element.itertext())).split())
        if text:
            out.append(text)
    return out


def _first(root: etree._Element, path: str) -> str | None:
    texts = _texts(root, path)
    return texts[0] if texts else None


def _joined(root: etree._Element, path: str) -> str | None:
    texts = _texts(root, path)
    return "; ".join(texts) if texts else None


def _attr(root: etree._Element, name: str) -> str | None:
    for element in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        value = element.get(f"{{{_NS['xmp']}}}{name}")
        if value:
            return str(value)
    return None
