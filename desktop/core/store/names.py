"""Names the user gives to saved searches and collections: cleaned and checked once."""

from __future__ import annotations

import unicodedata

from desktop.core.errors import UserError
from desktop.core.textnorm import normalize_text

MAX_NAME_CHARS = 120


def clean_name(name: str, what: str) -> str:
    """``name`` as stored: NFC, spaces collapsed; a clear error when empty or too long.

    ``what`` names the kind of thing in the error ("collection", "saved search").
    """
    text = " ".join(normalize_text(str(name)).split())
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise UserError(f"A {what} name cannot contain control characters.")
    if not text:
        raise UserError(f"A {what} needs a name.")
    if len(text) > MAX_NAME_CHARS:
        raise UserError(f"A {what} name can have at most {MAX_NAME_CHARS} characters.")
    return text


def name_key(name: str, what: str) -> str:
    """What makes two names the same: the cleaned name, case-folded (Vietnamese too)."""
    return unicodedata.normalize("NFC", clean_name(name, what).casefold())
