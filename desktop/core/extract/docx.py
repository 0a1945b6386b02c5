"""Article fields from a Word document (``.docx``), reading its XML directly.

``word/document.xml`` gives the paragraphs (a table row by row) and
``docProps/core.xml`` the title, author (``dc:creator``), date and language.
The parts are read under the import caps (``extract/zipped``); python-docx is not
needed for text and core properties, and would read parts without those caps.
"""

from __future__ import annotations

from lxml import etree

from desktop.core.dates import iso_date
from desktop.core.errors import ExtractionError
from desktop.core.extract.fields import Extracted
from desktop.core.extract.meta import derive_title, guess_language
from desktop.core.extract.zipped import ZippedDocument
from desktop.core.textnorm import normalize_text, paragraphs_to_body

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {
    "w": _W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"
# Word saves a password-protected document in an OLE container, not a zip.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extract_docx(data: bytes) -> Extracted:
    """Extract one DOCX. Raises ``ExtractionError``."""
    if data.startswith(_OLE_MAGIC):
        raise ExtractionError(
            "the DOCX is password protected (encrypted), or an old .doc file; not read"
        )
    document = ZippedDocument(data, "DOCX document")
    try:
        root = document.xml(_DOCUMENT)
        core = document.xml(_CORE) if _CORE in document.names() else None
    finally:
        document.close()
    body = paragraphs_to_body(_paragraphs(root))
    if not body:
        raise ExtractionError("the DOCX document has no text")
    title = _core(core, "dc:title")
    language = _core(core, "dc:language")
    return Extracted(
        title=title or derive_title(body),
        body=body,
        published=iso_date(_core(core, "dcterms:created")),
        author=_core(core, "dc:creator"),
        language=language.lower()[:2] if language else guess_language(body),
    )


def _paragraphs(root: etree._Element) -> list[str]:
    """Paragraphs in document order; a table row becomes one line, cells split by ``|``."""
    out: list[str] = []
    for child in root:
        if not isinstance(child.tag, str):
            continue
        local = etree.QName(child).localname
        if local == "p":
            text = _paragraph_text(child)
            if text:
                out.append(text)
        elif local == "tbl":
            for row in child.iterfind("w:tr", _NS):
                cells = [
                    " ".join(_paragraph_text(p) for p in cell.iter(f"{{{_W}}}p")).strip()
                    for cell in row.iterfind("w:tc", _NS)
                ]
                line = " | ".join(cells)
                if line.strip(" |"):
                    out.append(line)
        else:  # the body, content controls, ...
            out.extend(_paragraphs(child))
    return out


def _paragraph_text(para: etree._Element) -> str:
    pieces: list[str] = []
    for node in para.iter(f"{{{_W}}}t", f"{{{_W}}}tab", f"{{{_W}}}br", f"{{{_W}}}cr"):
        is_text = etree.QName(node).localname == "t"
        pieces.append((node.text or "") if is_text else " ")
    return " ".join(normalize_text("".join(pieces)).split())


def _core(core: etree._Element | None, path: str) -> str | None:
    if core is None:
        return None
    element = core.find(path, _NS)
    if element is None or not element.text:
        return None
    text = " ".join(normalize_text(element.text).split())
    return text or None
