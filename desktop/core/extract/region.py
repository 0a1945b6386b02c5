"""The best contiguous region of a scored sequence (maximum-sum subarray).

The text-dump extractor scores every line of a page (prose positive, chrome,
menus and list runs negative) and takes the article as the contiguous run of
lines with the largest total: short headings or captions between paragraphs
cost a little and are bridged; a long run of chrome costs more than the prose
beyond it is worth, so a comment thread or a related-articles list after a
footer stays out.
"""

from __future__ import annotations

from collections.abc import Sequence


def best_region(scores: Sequence[float]) -> tuple[int, int] | None:
    """First and last index of the contiguous run with the largest positive sum.

    ``None`` when no score is positive. Ties keep the earliest run (Kadane).
    """
    best_sum = 0.0
    best: tuple[int, int] | None = None
    run_sum = 0.0
    run_start = 0
    for i, s in enumerate(scores):
        if run_sum <= 0.0:
            run_sum, run_start = s, i
        else:
            run_sum += s
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i)
    return best
