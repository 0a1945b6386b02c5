"""Finding a quoted passage in a text, exactly or approximately.

This is the text side of anchoring, with no database: ``locate_quote`` finds a
quote typed by a user (prefix/suffix choose between repeats), ``anchor`` finds
an annotation's passage again after the text changed. ``anchor`` tries, in
order, as Hypothesis does: the stored position if the quote still sits there;
the exact quote nearest the old position (context breaks ties; a short quote
also needs one side of its context to fit); then a fuzzy
match (rapidfuzz) scored on the quote, its prefix and suffix and the distance
from the old position, first in a window around the old position and then over
the whole text. The shorter the quote, the more its context weighs (a short
phrase recurs by chance). Below ``MIN_QUOTE_SIMILARITY``/``MIN_SCORE`` there is
no anchor and the caller marks the annotation orphaned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from desktop.core.annotations.models import TextPositionSelector, TextQuoteSelector

AnchorMethod = Literal["kept", "moved", "fuzzy"]

MIN_FUZZY_LENGTH = 8
"""Quotes shorter than this are only ever matched exactly."""
MIN_QUOTE_SIMILARITY = 0.75
MIN_SCORE = 0.75
SHORT_QUOTE = 32
MIN_SHORT_CONTEXT = 0.6
_MAX_OCCURRENCES = 10_000


class QuoteMatch(BaseModel):
    """Where a quote was found, and whether the choice among repeats was a guess."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    occurrences: int
    ambiguous: bool
    whitespace_flexible: bool = False


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    method: AnchorMethod
    score: float


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    i = text.find(needle)
    while i >= 0 and len(found) < _MAX_OCCURRENCES:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return float(Levenshtein.normalized_similarity(a, b))


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """0..2: how well the text around ``start:end`` matches the expected context."""
    score = 0.0
    if prefix:
        score += _similarity(prefix, text[max(0, start - len(prefix)) : start])
    if suffix:
        score += _similarity(suffix, text[end : end + len(suffix)])
    return score


def _side_support(text: str, start: int, end: int, quote: TextQuoteSelector) -> bool:
    """A short quote found elsewhere counts only if one side of its context still fits."""
    if not quote.prefix and not quote.suffix:
        return True
    sides = []
    if quote.prefix:
        sides.append(_similarity(quote.prefix, text[max(0, start - len(quote.prefix)) : start]))
    if quote.suffix:
        sides.append(_similarity(quote.suffix, text[end : end + len(quote.suffix)]))
    return max(sides) >= MIN_SHORT_CONTEXT


def locate_quote(text: str, quote: str, prefix: str = "", suffix: str = "") -> QuoteMatch | None:
    """Find ``quote`` in ``text``; with several occurrences prefix/suffix pick one.

    Without context the first occurrence is taken and the match is flagged
    ambiguous. If the exact quote is absent, runs of whitespace in the quote
    match any run of whitespace (quotes copied across line breaks).
    """
    spans = [(i, i + len(quote)) for i in _occurrences(text, quote)]
    flexible = False
    if not spans:
        words = quote.split()
        if not words:
            return None
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        flexible = True
    if not spans:
        return None
    if len(spans) == 1 or not (prefix or suffix):
        start, end = spans[0]
        return QuoteMatch(
            start=start, end=end, occurrences=len(spans),
            ambiguous=len(spans) > 1, whitespace_flexible=flexible,
        )
    scored = [(_context_score(text, s, e, prefix, suffix), -s, s, e) for s, e in spans]
    scored.sort(reverse=True)
    best, runner_up = scored[0], scored[1]
    return QuoteMatch(
        start=best[2], end=best[3], occurrences=len(spans),
        ambiguous=best[0] == runner_up[0], whitespace_flexible=flexible,
    )


def anchor(
    text: str, quote: TextQuoteSelector, position: TextPositionSelector
) -> Anchor | None:
    """Find the annotated passage in ``text`` (see the module docstring); None if lost."""
    exact = quote.exact
    if not exact:
        return None
    start, end = position.start, position.end
    if text[start:end] == exact:
        return Anchor(start, end, "kept", 1.0)
    exact_hits = _occurrences(text, exact)
    if exact_hits:
        best = max(
            exact_hits,
            key=lambda s: (
                _context_score(text, s, s + len(exact), quote.prefix, quote.suffix),
                -abs(s - start),
            ),
        )
        if len(exact) >= SHORT_QUOTE or _side_support(text, best, best + len(exact), quote):
            return Anchor(best, best + len(exact), "moved", 1.0)
    if len(exact) < MIN_FUZZY_LENGTH:
        return None
    return _fuzzy(text, quote, start)


def _fuzzy(text: str, quote: TextQuoteSelector, expected: int) -> Anchor | None:
    exact = quote.exact
    slack = max(64, len(exact))
    lo = max(0, min(expected, len(text)) - slack)
    hi = min(len(text), expected + len(exact) + slack)
    regions = [(lo, hi)]
    if (lo, hi) != (0, len(text)):
        regions.append((0, len(text)))
    best: Anchor | None = None
    for r_lo, r_hi in regions:
        found = _fuzzy_in(text, quote, expected, r_lo, r_hi)
        if found is not None and (best is None or found.score > best.score):
            best = found
        if best is not None and best.score >= 0.95:
            break
    return best


def _fuzzy_in(
    text: str, quote: TextQuoteSelector, expected: int, lo: int, hi: int
) -> Anchor | None:
    exact = quote.exact
    region = text[lo:hi]
    if not region.strip():
        return None
    cutoff = MIN_QUOTE_SIMILARITY * 100 * 0.9
    aligned = fuzz.partial_ratio_alignment(exact, region, score_cutoff=cutoff)
    if aligned is None:
        return None
    start, end = _refine(text, exact, lo + aligned.dest_start, lo + aligned.dest_end)
    quote_sim = _similarity(exact, text[start:end])
    if quote_sim < MIN_QUOTE_SIMILARITY:
        return None
    contexts: list[float] = []
    if quote.prefix:
        before = text[max(0, start - len(quote.prefix)) : start]
        contexts.append(_similarity(quote.prefix, before))
    if quote.suffix:
        contexts.append(_similarity(quote.suffix, text[end : end + len(quote.suffix)]))
    context = sum(contexts) / len(contexts) if contexts else quote_sim
    if len(exact) < SHORT_QUOTE and context < MIN_SHORT_CONTEXT:
        return None
    # Short quotes are matched by chance easily: their context counts for more.
    quote_weight = min(0.8, 0.4 + len(exact) / 100)
    distance = 1.0 - min(1.0, abs(start - expected) / max(len(text), 1))
    score = quote_weight * quote_sim + (0.95 - quote_weight) * context + 0.05 * distance
    if score < MIN_SCORE:
        return None
    return Anchor(start, end, "fuzzy", score)


def _refine(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an approximate match to where the quote fits best."""
    reach = max(2, min(32, len(exact) // 3))
    for _ in range(2):
        start = max(
            range(max(0, start - reach), min(end, start + reach) + 1),
            key=lambda s: (_similarity(exact, text[s:end]), -abs(s - start)),
        )
        end = max(
            range(max(start + 1, end - reach), min(len(text), end + reach) + 1),
            key=lambda e: (_similarity(exact, text[start:e]), -abs(e - end)),
        )
    return start, end
