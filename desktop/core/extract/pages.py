"""Page numbers of paged originals (PDF): where each page starts in the article body.

The extractor records the code-point offset at which every page starts as the
original's ``pages`` hint (``"0,812,1620"``); readers and exports turn a body
offset back into a page number with ``page_at``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

PAGES_HINT = "pages"


def encode_pages(starts: Sequence[int]) -> str:
    return ",".join(str(s) for s in starts)


def page_starts(hints: Mapping[str, str]) -> list[int]:
    """The start offset of every page, or [] for an original without pages."""
    raw = hints.get(PAGES_HINT, "")
    try:
        starts = [int(part) for part in raw.split(",") if part.strip()]
    except ValueError:
        return []
    return starts if starts == sorted(starts) else []


def page_at(hints: Mapping[str, str], offset: int) -> int | None:
    """The 1-based page holding body offset ``offset``, or None without page data."""
    starts = page_starts(hints)
    if not starts:
        return None
    return max(1, bisect_right(starts, max(0, offset)))


def page_count(hints: Mapping[str, str]) -> int:
    return len(page_starts(hints))
