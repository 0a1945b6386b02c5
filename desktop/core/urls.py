"""Which links from articles may be opened outside the app.

An article's URL comes from the page or file it was imported from, so it is
data from a stranger: a ``javascript:``, ``file:`` or custom-scheme link must
never be handed to the system's URL opener or written as a clickable link.
``openable_url`` is the one place that decides.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
# Characters kept as they are when a URL is written as a Markdown or HTML link;
# everything else (spaces, quotes, angle brackets, controls) is percent-encoded.
_LINK_SAFE = "/:?#[]@!$&'()*+,;=%~.-_"


def openable_url(url: str | None) -> str | None:
    """``url`` trimmed when it is an http(s) link with a host or a mailto link, else None."""
    if not url:
        return None
    text = url.strip()
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        return None
    if scheme in ("http", "https") and not parts.hostname:
        return None
    if scheme == "mailto" and not parts.path:
        return None
    return text


def link_target(url: str | None) -> str | None:
    """An openable ``url`` percent-encoded so it cannot end a link early; else None."""
    text = openable_url(url)
    if text is None:
        return None
    return quote(text, safe=_LINK_SAFE)
