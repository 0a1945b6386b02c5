"""Reading the machine-written dates that sources carry, in one place.

- ``iso_date``: a date at the start of an ISO 8601 value (``2023-05-01``,
  ``2023-05-01T09:30:00+07:00``, a WARC date ``2017-03-06T04:02:06Z``, or
  ``2023-5-1`` as some JSON exports write it), as in HTML metadata, JSON Lines,
  XMP, DOCX core properties and import hints, and the dates the store and the
  search index hold (``YYYY-MM-DD``, read on a fast path);
- ``mail_date``: an RFC 2822 date header (e-mail, MHTML).

Both give ``None`` for anything else, never an error: a date is a hint, and an
article without one still imports. Dates written for people (Vietnamese date
lines in text dumps) are found by ``extract/vndate``.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def iso_date(value: Any) -> date | None:
    """The calendar date an ISO 8601 value starts with; None when there is none."""
    if not value:
        return None
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":  # as stored
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    match = _ISO_DATE.match(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def mail_date(value: str | None) -> date | None:
    """The calendar date of an RFC 2822 ``Date:`` header; None when it cannot be read."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
