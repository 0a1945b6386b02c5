"""Article fields from one JSON Lines record (one article object per line).

Recognized keys: ``title``; ``body``, ``text`` or ``content``; ``published`` or
``date`` (ISO date or date-time); ``url``; ``site``; ``author``; ``language``.
A record without body text, or a line that is not a JSON object, raises
``ExtractionError``.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.dates import iso_date
from desktop.core.errors import ExtractionError
from desktop.core.extract.fields import Extracted
from desktop.core.extract.urls import site_for
from desktop.core.textnorm import normalize_text, tidy_body

BODY_KEYS = ("body", "text", "content")
DATE_KEYS = ("published", "date")
_MAX_TITLE = 120


def extract_jsonl_record(line: bytes | str) -> Extracted:
    """Parse one line. Raises ``ExtractionError`` with the reason when it is unusable."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ExtractionError(f"not valid JSON ({exc})") from exc
    if not isinstance(record, dict):
        raise ExtractionError(f"expected a JSON object, found {type(record).__name__}")
    body = tidy_body(_first_text(record, BODY_KEYS) or "")
    if not body:
        raise ExtractionError("the record has no body text (body, text or content)")
    url = _text(record.get("url"))
    title = _text(record.get("title")) or _title_from_body(body)
    return Extracted(
        title=title,
        body=body,
        published=iso_date(_first_text(record, DATE_KEYS)),
        site=_text(record.get("site")) or site_for(url),
        url=url,
        author=_text(record.get("author")),
        language=_text(record.get("language")),
    )


def _first_text(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _text(value: Any) -> str | None:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    cleaned = " ".join(normalize_text(str(value)).split())
    return cleaned or None


def _title_from_body(body: str) -> str:
    first = body.split("\n", 1)[0]
    if len(first) <= _MAX_TITLE:
        return first
    return first[:_MAX_TITLE].rsplit(" ", 1)[0] + "…"
