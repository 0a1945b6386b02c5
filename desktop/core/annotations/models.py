"""The annotation model, after the W3C Web Annotation Data Model.

An annotation targets a passage of one article through two selectors: a
``TextQuoteSelector`` (the exact text plus about 32 characters of context on
each side) and a ``TextPositionSelector`` (start/end in code points of the
article's NFC body, end exclusive). The article's content hash at annotation
time is kept so anchoring knows when the text changed. Tags are hierarchical
codes (``policy/funding``), colours come from a named palette or ``#rrggbb``.
``author`` is who made the annotation and ``editor`` who changed it last (the
library's user at the time; empty when not known).
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from desktop.core.errors import UserError

CONTEXT_CHARS = 32
"""How many characters of prefix and suffix a quote selector keeps."""

Status = Literal["anchored", "orphaned"]

PALETTE: dict[str, str] = {
    "yellow": "#ffe066",
    "green": "#8ce99a",
    "blue": "#74c0fc",
    "pink": "#faa2c1",
    "orange": "#ffc078",
    "purple": "#b197fc",
}
DEFAULT_COLOR = "yellow"

_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextQuoteSelector(_Frozen):
    """The quoted passage with some context on either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


class TextPositionSelector(_Frozen):
    """Start and end (exclusive) in code points of the article's NFC body."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> TextPositionSelector:
        if self.end < self.start:
            raise ValueError("end must not be before start")
        return self


class Annotation(_Frozen):
    """One stored annotation."""

    id: str
    article_id: str
    quote: TextQuoteSelector
    position: TextPositionSelector
    content_hash: str
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str = DEFAULT_COLOR
    status: Status = "anchored"
    created: datetime
    modified: datetime
    author: str = ""
    editor: str = ""

    @property
    def start(self) -> int:
        return self.position.start

    @property
    def end(self) -> int:
        return self.position.end

    @property
    def exact(self) -> str:
        return self.quote.exact

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"


class AnnotationFilter(_Frozen):
    """Filters for listing annotations across the library (all ANDed).

    ``tag`` matches the tag and everything below it (``policy`` matches
    ``policy/funding``); ``text`` is matched accent-insensitively against quotes
    and notes; ``created_from``/``created_to`` are inclusive UTC dates.
    """

    tag: str | None = None
    color: str | None = None
    article_id: str | None = None
    article_ids: tuple[str, ...] | None = None
    created_from: date | None = None
    created_to: date | None = None
    text: str | None = None
    status: Status | None = None


def new_annotation_id() -> str:
    return str(uuid.uuid4())


_ID_NAMESPACE = uuid.UUID("5f1d7c52-2b8e-4c55-9a57-3f0a2a0b7e11")


def annotation_id_from(external: str) -> str:
    """A stable uuid-form id for an id read from a file (``urn:uuid:...`` or any IRI)."""
    text = external.strip()
    for head in ("urn:uuid:", "uuid:"):
        if text.lower().startswith(head):
            text = text[len(head):]
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return str(uuid.uuid5(_ID_NAMESPACE, external.strip()))


def utc_now() -> datetime:
    """Now in UTC, to the millisecond (the precision stored and exported)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def normalize_color(color: str | None) -> str:
    """A palette name (case-insensitive) or ``#rrggbb`` (lower-cased); None gives the default."""
    if color is None or not color.strip():
        return DEFAULT_COLOR
    value = color.strip().lower()
    if value in PALETTE:
        return value
    if _HEX_COLOR.fullmatch(value):
        return value
    names = ", ".join(PALETTE)
    raise UserError(f"Unknown colour {color!r}: use one of {names} or #rrggbb.")


def color_hex(color: str) -> str:
    """The ``#rrggbb`` value of a stored colour."""
    return PALETTE.get(color, color if _HEX_COLOR.fullmatch(color) else PALETTE[DEFAULT_COLOR])


def quote_for_span(body: str, start: int, end: int) -> TextQuoteSelector:
    """The quote selector of ``body[start:end]`` with its context."""
    return TextQuoteSelector(
        exact=body[start:end],
        prefix=body[max(0, start - CONTEXT_CHARS) : start],
        suffix=body[end : end + CONTEXT_CHARS],
    )
