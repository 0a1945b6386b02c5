"""Finding query matches in stored (accented) text: spans, snippets, phrase checks.

A folded syllable such as ``doi`` becomes a regex of character classes
(``[dđĐD][oòóỏõọôồốổỗộơờớởỡợ...][iìíỉĩị...]``) that runs directly on the stored
NFC text, so a folded query marks the accented words (``đổi``) without folding
whole bodies, and the spans are code-point offsets into the stored body.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from desktop.core.search.analysis import SYLLABLE
from desktop.core.search.query import Word
from desktop.core.textnorm import fold

_BEFORE = r"(?<![^\W_])"
_AFTER = r"(?![^\W_])"
_GAP = r"[\W_]+"

SNIPPET_CHARS = 240
# Snippet windows are chosen among the first this many matches.
MAX_WINDOW_SPANS = 300


# Code point ranges holding every letter that folds to a Latin letter or digit.
_FOLDABLE = (range(0x30, 0x250), range(0x1E00, 0x1F00), range(0xFF10, 0xFF5B))


def _build_classes() -> dict[str, str]:
    variants: dict[str, set[str]] = defaultdict(set)
    for block in _FOLDABLE:
        for cp in block:
            ch = chr(cp)
            base = fold(ch)
            if base.isalnum() and len(base) == 1:
                variants[base].add(ch)
                variants[base].add(base)
    return {
        base: "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
        for base, chars in variants.items()
    }


_CLASSES = _build_classes()


@lru_cache(maxsize=4096)
def syllable_pattern(syllable: str) -> str:
    """Regex matching every accented or upper-case spelling of a folded syllable."""
    return "".join(_CLASSES.get(ch) or re.escape(ch) for ch in syllable)


def word_pattern(word: Word) -> str | None:
    """A regex (over stored text) for one query word; None for fuzzy words."""
    if word.mode == "fuzzy":
        return None
    parts = [syllable_pattern(s) for s in word.syllables]
    if word.mode == "prefix":
        parts[-1] += r"[^\W_]*"
        return _BEFORE + _GAP.join(parts)
    return _BEFORE + _GAP.join(parts) + _AFTER


def phrase_regex(syllables: Iterable[str]) -> re.Pattern[str]:
    """Regex for adjacent folded syllables over stored (accented) text."""
    return _phrase_regex(tuple(syllables))


@lru_cache(maxsize=1024)
def _phrase_regex(syllables: tuple[str, ...]) -> re.Pattern[str]:
    parts = [syllable_pattern(s) for s in syllables]
    return re.compile(_BEFORE + _GAP.join(parts) + _AFTER)


@lru_cache(maxsize=1024)
def exact_regex(syllables: tuple[str, ...]) -> re.Pattern[str]:
    """Regex for syllables spelled exactly (diacritics kept), in any letter case."""
    parts = [re.escape(s) for s in syllables]
    return re.compile(_BEFORE + _GAP.join(parts) + _AFTER, re.IGNORECASE)


def find_spans(text: str, words: list[Word]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping code-point spans of ``words`` in (NFC) ``text``."""
    if not words:
        return []
    spans: list[tuple[int, int]] = []
    patterns = [p for p in (word_pattern(w) for w in words) if p]
    if patterns:
        # Longer alternatives first, so a phrase wins over its own syllables.
        patterns.sort(key=len, reverse=True)
        combined = _combined(tuple(patterns))
        spans.extend(m.span() for m in combined.finditer(text) if m.end() > m.start())
    fuzzy = [w for w in words if w.mode == "fuzzy"]
    if fuzzy:
        for m in SYLLABLE.finditer(text):
            token = fold(m.group().lower())
            for w in fuzzy:
                target = w.syllables[0]
                if (
                    token[:1] == target[:1]
                    and Levenshtein.distance(token, target, score_cutoff=w.fuzz) <= w.fuzz
                ):
                    spans.append(m.span())
                    break
    return _merge(spans)


@lru_cache(maxsize=256)
def _combined(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def _best_window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The window of about ``SNIPPET_CHARS`` holding the most distinct matched words."""
    if not spans:
        end = min(len(text), SNIPPET_CHARS)
        return 0, end
    keys = [fold(text[s:e].lower()) for s, e in spans[:MAX_WINDOW_SPANS]]
    best = (0, -1, 0)  # (distinct, count, start index)
    inside: Counter[str] = Counter()
    j = 0
    for i, (start, _end) in enumerate(spans[:MAX_WINDOW_SPANS]):
        if j < i:
            j = i
            inside.clear()
        while j < len(keys) and spans[j][1] - start <= SNIPPET_CHARS:
            inside[keys[j]] += 1
            j += 1
        count = max(j - i, 1)
        distinct = max(len(inside), 1)
        if (distinct, count, -i) > (best[0], best[1], -best[2]):
            best = (distinct, count, i)
        if j > i:
            inside[keys[i]] -= 1
            if not inside[keys[i]]:
                del inside[keys[i]]
    first = spans[best[2]]
    last_end = first[1]
    for _s, e in spans[best[2] :]:
        if e - first[0] > SNIPPET_CHARS:
            break
        last_end = e
    slack = max(0, SNIPPET_CHARS - (last_end - first[0]))
    start = max(0, first[0] - min(slack // 2, 80))
    # Start at a word boundary.
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), max(last_end, start + SNIPPET_CHARS))
    if end < len(text):
        space = text.find(" ", end, end + 20)
        end = space if space >= 0 else end
    return start, end


def make_snippet(text: str, words: list[Word]) -> str:
    """HTML-escaped excerpt of ``text`` with matches wrapped in ``<mark>``."""
    spans = find_spans(text, words)
    start, end = _best_window(text, spans)
    out: list[str] = []
    if start > 0:
        out.append("… ")
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[pos:s].replace("\n", " ")))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end].replace("\n", " ")))
    if end < len(text):
        out.append(" …")
    return "".join(out)
