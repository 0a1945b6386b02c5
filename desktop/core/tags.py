"""Tags: one canonical form, one matching key, one order for a tag's parents.

A tag is hierarchical (``policy/funding/eu``). It is stored in its canonical
form: NFC, runs of spaces made one, ``/`` between non-empty levels, case kept
as the researcher typed it; a tag with no level left is refused. Tags match
case-insensitively through ``tag_key`` (the canonical form lower-cased, and
empty for text that is no tag), which is also the form the search index holds.
Parents are always listed from the root down: ``a``, ``a/b``, ``a/b/c``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop.core.errors import UserError

_SPACES = re.compile(r"\s+")


def _levels(tag: str) -> list[str]:
    text = tag if tag.isascii() else unicodedata.normalize("NFC", tag)
    parts = (_SPACES.sub(" ", p).strip() for p in text.split("/"))
    return [p for p in parts if p]


def normalize_tag(tag: str) -> str:
    """Canonical form of a tag: NFC, single spaces, ``/`` between non-empty levels."""
    parts = _levels(tag)
    if not parts:
        raise UserError(f"Not a usable tag: {tag!r}.")
    return "/".join(parts)


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Canonical, de-duplicated tags in the order given; empty ones are left out."""
    seen: dict[str, None] = {}
    for tag in tags:
        parts = _levels(tag)
        if parts:
            seen.setdefault("/".join(parts), None)
    return tuple(seen)


def tag_key(tag: str) -> str:
    """The form tags are matched in: canonical and lower-case; ``""`` when no level is left."""
    return "/".join(_levels(tag)).lower()


def tag_ancestors(tag: str) -> list[str]:
    """``a/b/c`` -> ``["a", "a/b", "a/b/c"]`` (root first, the tag itself last)."""
    parts = tag.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def tag_keys_with_parents(tag: str) -> list[str]:
    """The matching keys of a tag and of every parent, root first; ``[]`` for no tag."""
    key = tag_key(tag)
    return tag_ancestors(key) if key else []


def has_tag(tags: Iterable[str], wanted: str) -> bool:
    """True if one of ``tags`` is ``wanted`` or below it (case-insensitive)."""
    key = tag_key(wanted)
    return bool(key) and any(key in tag_keys_with_parents(own) for own in tags)
