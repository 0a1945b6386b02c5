"""Article fields from a PDF, through pypdfium2 (Apache-2.0/BSD-3; never PyMuPDF, AGPL).

Text is read page by page; the body keeps the page order and the offset where each
page starts (the ``pages`` hint, see ``extract/pages``). Title, author and date come
from the document information, or from the XMP packet when the information is empty.
Pages printed from a browser carry a header and footer line (date, title, URL,
``3/10``) on every page: those lines give the URL and capture date and are removed.
A PDF without a text layer becomes an article that says so; an encrypted PDF is an
error unless it opens with the empty password.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date
from typing import Any

from desktop.core.errors import ExtractionError
from desktop.core.extract.fields import Extracted
from desktop.core.extract.meta import derive_title, guess_language
from desktop.core.extract.pages import PAGES_HINT, encode_pages
from desktop.core.extract.urls import site_for
from desktop.core.extract.xmp import xmp_fields
from desktop.core.textnorm import normalize_text

SCANNED_NOTICE = "no text layer (scanned); OCR is not available"
NOTICE_HINT = "notice"
MAX_PAGES = 5000

_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
# Browser print furniture: "3/17/23, 8:05 AM", "17/03/2023 08:05", "2023-03-17 08:05",
# or the time first ("08:05 17/3/23", as Vietnamese Chrome prints it).
_NUMERIC_DATE = r"(?:(\d{1,2})/(\d{1,2})/(\d{2,4})|(\d{4})-(\d{2})-(\d{2}))"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?"
_PRINT_DATE = re.compile(rf"\b{_NUMERIC_DATE}[,\s]+{_TIME}|\b{_TIME}[,\s]+{_NUMERIC_DATE}")
_ANY_DATE = re.compile(rf"\b{_NUMERIC_DATE}\b")
# Titles that only name the file the PDF was made from.
_FILE_TITLE = re.compile(r"\.(?:docx?|odt|rtf|pdf|txt|html?|pptx?|xlsx?)$", re.IGNORECASE)
_APP_PREFIX = re.compile(r"^Microsoft (?:Word|PowerPoint|Excel) - ", re.IGNORECASE)
_PAGE_COUNTER = re.compile(r"(?:\b(?:page|trang)\s+)?\b\d{1,4}\s*(?:/|of|trên)\s*\d{1,4}\s*$",
                           re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")


def extract_pdf(data: bytes, *, source_name: str = "") -> Extracted:
    """Extract one PDF. Raises ``ExtractionError`` for broken or encrypted files."""
    if not data.startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise ExtractionError("not a PDF file (no %PDF header)")
    import pypdfium2 as pdfium  # here: PDFium loads only when a PDF is read

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractionError("the PDF is encrypted (password protected)") from exc
        raise ExtractionError(f"the PDF cannot be read ({_pdfium_reason(exc)})") from exc
    try:
        if len(doc) == 0:
            raise ExtractionError("the PDF has no pages")
        if len(doc) > MAX_PAGES:
            raise ExtractionError(f"the PDF has more than {MAX_PAGES} pages; not read")
        pages = [_page_lines(doc, i) for i in range(len(doc))]
        info = {k: normalize_text(v).strip() for k, v in doc.get_metadata_dict().items()}
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"the PDF cannot be read ({_pdfium_reason(exc)})") from exc
    finally:
        doc.close()
    return _fields(data, pages, info, source_name)


def _pdfium_reason(exc: Exception) -> str:
    match = re.search(r"PDFium: ([^)]+)", str(exc))
    return match.group(1).lower() if match else str(exc)


def _page_lines(doc: Any, index: int) -> list[str]:
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    text = normalize_text(str(text))
    return [" ".join(line.split()) for line in text.split("\n")]


def _fields(
    data: bytes, pages: list[list[str]], info: dict[str, str], source_name: str
) -> Extracted:
    xmp = xmp_fields(data)
    day_first = guess_language(" ".join(" ".join(p[:40]) for p in pages[:3])) == "vi"
    furniture, url, printed = _furniture(pages, day_first=day_first)
    page_texts = [
        _paragraphs([line for n, line in enumerate(lines) if (i, n) not in furniture])
        for i, lines in enumerate(pages)
    ]
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for text in page_texts:
        if parts and text:
            offset += 2  # the blank line between pages
        starts.append(offset)
        if text:
            parts.append(text)
            offset += len(text)
    body = "\n\n".join(parts)
    hints = {PAGES_HINT: encode_pages(starts)}
    if printed is not None:
        hints["date"] = printed.isoformat()
    title = _title(info.get("Title")) or _title(xmp.title) or ""
    published = _pdf_date(info.get("CreationDate")) or xmp.created or printed
    author = info.get("Author") or xmp.creator or None
    if not any(ch.isalpha() for ch in body):  # nothing, or only page numbers
        hints[NOTICE_HINT] = SCANNED_NOTICE
        digest = hashlib.sha256(data).hexdigest()[:16]
        count = len(pages)
        body = (
            f"This PDF has {SCANNED_NOTICE}. Its {count} page{'s' if count != 1 else ''} "
            f"are kept as the original ({source_name or 'PDF'}, SHA-256 {digest}…)."
        )
        hints[PAGES_HINT] = encode_pages([0] * count)
        return Extracted(
            title=title or _name_title(source_name) or "Scanned PDF",
            body=body,
            published=published,
            url=url,
            site=site_for(url),
            author=author,
            hints=hints,
        )
    return Extracted(
        title=title or derive_title(body),
        body=body,
        published=published,
        site=site_for(url),
        url=url,
        author=author,
        language=guess_language(body),
        hints=hints,
    )


def _name_title(name: str) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return " ".join(stem.replace("_", " ").split())


def _title(value: str | None) -> str | None:
    """A document title, without an authoring app's prefix; None when it names a file."""
    if not value:
        return None
    title = _APP_PREFIX.sub("", value).strip()
    if not title or _FILE_TITLE.search(title):
        return None
    return title


def _furniture(
    pages: list[list[str]], *, day_first: bool = False
) -> tuple[set[tuple[int, int]], str | None, date | None]:
    """Header and footer lines printed on every page, with the URL and date they give.

    A candidate is one of the first two or last two lines of a page. It is furniture
    when the same line (digits aside) is on most pages and holds a URL, a page counter
    or a date, or when it has the shape of a browser's print line (a date and time, or
    a URL with a page counter) on any page.
    """
    candidates: list[tuple[int, int, str]] = []
    for i, lines in enumerate(pages):
        filled = [n for n, line in enumerate(lines) if line]
        edge = filled[:2] + [n for n in filled[-2:] if n not in filled[:2]]
        candidates.extend((i, n, lines[n]) for n in edge)
    shapes = Counter(_DIGITS.sub("#", line) for _, _, line in candidates)
    need = max(2, (len(pages) + 1) // 2)
    found: set[tuple[int, int]] = set()
    url: str | None = None
    printed: date | None = None
    for i, n, line in candidates:
        repeated = len(pages) >= 2 and shapes[_DIGITS.sub("#", line)] >= need
        marked = bool(
            _URL.search(line) or _PAGE_COUNTER.search(line) or _ANY_DATE.search(line)
        )
        if not (repeated and marked or _looks_printed(line)):
            continue
        found.add((i, n))
        if url is None and (match := _URL.search(line)):
            url = match.group(0).rstrip(".,;")
        if printed is None:
            printed = _printed_date(line, day_first=day_first)
    return found, url, printed


def _looks_printed(line: str) -> bool:
    if _PRINT_DATE.match(line):
        return True
    return bool(_URL.search(line) and _PAGE_COUNTER.search(line))


def _printed_date(line: str, *, day_first: bool = False) -> date | None:
    """The date in a print line; ``3/4/23`` is read day first for Vietnamese pages."""
    match = _PRINT_DATE.search(line) or _ANY_DATE.search(line)
    if not match:
        return None
    groups = [g for g in match.groups() if g is not None]
    try:
        if len(groups[0]) == 4:  # ISO
            return date(int(groups[0]), int(groups[1]), int(groups[2]))
        first, second, year = int(groups[0]), int(groups[1]), int(groups[2])
        year += 2000 if year < 100 else 0
        if first > 12 or (day_first and second <= 12):
            first, second = second, first
        return date(year, first, second)
    except (ValueError, IndexError):
        return None


def _pdf_date(value: str | None) -> date | None:
    """``D:20230317080500+07'00'`` -> 2023-03-17."""
    if not value:
        return None
    match = _PDF_DATE.match(value.strip())
    if not match or not match.group(2) or not match.group(3):
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _paragraphs(lines: list[str]) -> str:
    """Hard-wrapped PDF lines joined back into paragraphs, one blank line between them.

    A line ends its paragraph when it is followed by an empty line, when it ends a
    sentence well short of the page's usual line width, or when it is much shorter
    than that width and the next line starts with a capital (a heading).
    """
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    usual = widths[int(len(widths) * 0.9)] if len(widths) >= 3 else widths[-1]
    paragraphs: list[str] = []
    current = ""
    for n, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        following = lines[n + 1] if n + 1 < len(lines) else ""
        sentence_end = _SENTENCE_END.search(line) and len(line) < 0.8 * usual
        heading = len(line) < 0.6 * usual and following[:1].isupper()
        if sentence_end or heading:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)
