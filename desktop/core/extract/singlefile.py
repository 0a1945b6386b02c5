"""The header comment SingleFile writes into the pages it saves: URL and saved date.

``<!-- Page saved with SingleFile  url: https://...  saved date: Tue Mar 17 2023
08:05:00 GMT+0700 (...) -->`` near the top of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_HEAD_CHARS = 16_384
_COMMENT = re.compile(r"<!--(?P<body>(?:(?!-->).){0,4000}?Page saved with SingleFile.{0,4000}?)-->",
                      re.S | re.I)
_URL = re.compile(r"^\s*url:\s*(?P<url>\S+)\s*$", re.M | re.I)
_SAVED = re.compile(r"^\s*saved date:\s*(?P<value>.+?)\s*$", re.M | re.I)
# ``Tue Mar 17 2023 08:05:00 GMT+0700 (...)`` (JavaScript's Date.toString) or ISO.
_JS_DATE = re.compile(r"(?:[A-Z][a-z]{2},?\s+)?([A-Z][a-z]{2})\s+(\d{1,2}),?\s+(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class SingleFileHeader:
    url: str | None
    saved: str | None  # ISO date (``2023-03-17``)


def singlefile_header(page: str) -> SingleFileHeader | None:
    """The URL and saved date of a SingleFile page, or None for other pages."""
    match = _COMMENT.search(page[:_HEAD_CHARS])
    if not match:
        return None
    body = match.group("body")
    url_match = _URL.search(body)
    url = url_match.group("url") if url_match else None
    if url and not url.lower().startswith(("http://", "https://")):
        url = None
    saved_match = _SAVED.search(body)
    saved = _saved_date(saved_match.group("value")) if saved_match else None
    return SingleFileHeader(url=url, saved=saved.isoformat() if saved else None)


def _saved_date(value: str) -> date | None:
    iso = _ISO.search(value)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        js = _JS_DATE.search(value)
        if js:
            return datetime.strptime(f"{js.group(1)} {js.group(2)} {js.group(3)}",
                                     "%b %d %Y").date()
    except ValueError:
        return None
    return None
