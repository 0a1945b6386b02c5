"""Finding query matches in stored (accented) text: spans, snippets, phrase checks.

Matching runs on the folded text (``fold``: lower-case, no diacritics), whose
code points line up one to one with the stored body, so a folded query
(``doi moi``) marks the accented words (``đổi mới``) and the spans are
code-point offsets into the stored body.

What is marked (and counted as a hit) are the query's terms, not its syllables:
a phrase or compound is one hit, and neighbouring query syllables that form a
word (``hit_words``, told by the index which pairs are words) are one hit, so
``đổi mới sáng tạo`` never marks "Sáng" (morning) on its own. A term typed with
diacritics marks only its exact spellings when the text has any ("mới", not
"mỗi"), and its folded matches otherwise.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

from rapidfuzz.distance import Levenshtein

from desktop.core.search.analysis import SYLLABLE
from desktop.core.search.query import Node, Word, parse_query, positive_words, top_level_words
from desktop.core.textnorm import fold

_BEFORE = r"(?<![^\W_])"
_AFTER = r"(?![^\W_])"
_GAP = r"[\W_]+"

SNIPPET_CHARS = 240
# ``proximity``: a stretch of this many characters per syllable looked for, and at most
# this many matches of each syllable looked at.
PROX_CHARS_PER_SYLLABLE = 7
PROX_CAP = 300
# Snippet windows are chosen among the first this many matches.
MAX_WINDOW_SPANS = 120


def phrase_regex(syllables: Iterable[str]) -> re.Pattern[str]:
    """Regex for adjacent folded syllables, to run over FOLDED text (``fold_text``)."""
    return _phrase_regex(tuple(syllables))


@lru_cache(maxsize=1024)
def _phrase_regex(syllables: tuple[str, ...]) -> re.Pattern[str]:
    parts = [re.escape(s) for s in syllables]
    return re.compile(_BEFORE + _GAP.join(parts) + _AFTER)


def exact_in_lower(syllables: tuple[str, ...], text: str, lower: str | None = None) -> Any:
    """``exact_regex`` run over ``text`` (matches' spans are those of ``text``), as a
    literal-led pattern over its lower case when that keeps every offset (much faster:
    the regex engine then skips ahead to the first syllable)."""
    if lower is None:
        lower = text.lower()
    if len(lower) == len(text):
        return _exact_lower_regex(syllables).finditer(lower)
    return exact_regex(syllables).finditer(text)


@lru_cache(maxsize=1024)
def _exact_lower_regex(syllables: tuple[str, ...]) -> re.Pattern[str]:
    """Lower-case ``syllables`` exactly, over lower-cased text: the first syllable comes
    first so the engine can search for it literally; the boundary before it is checked
    afterwards, by a look-behind over the syllable's own width."""
    first = re.escape(syllables[0])
    before = r"(?<![^\W_]" + "." * len(syllables[0]) + ")"
    rest = "".join(_GAP + re.escape(s) for s in syllables[1:])
    return re.compile(first + before + rest + _AFTER, re.DOTALL)


@lru_cache(maxsize=1024)
def exact_regex(syllables: tuple[str, ...]) -> re.Pattern[str]:
    """Regex for syllables spelled exactly (diacritics kept), in any letter case."""
    parts = [re.escape(s) for s in syllables]
    return re.compile(_BEFORE + _GAP.join(parts) + _AFTER, re.IGNORECASE)


def has_literal(text: str, spellings: Sequence[str]) -> bool:
    """Whether one of ``spellings`` (lower-case, single-spaced) occurs in ``text`` in any
    letter case, as whole syllables. False can also mean "not as a plain substring"
    (a capital inside a syllable, or a character whose lower case is longer): the
    caller then decides with ``raw_regex``.

    The text is never lower-cased whole: a part of the spelling that keeps its case
    in running text (a syllable without its first letter) is found with ``str.find``
    and only the stretch around it is lower-cased and compared."""
    for needle in spellings:
        anchor, shift = _anchor(needle)
        if not anchor:
            if _literal_at(text.lower(), needle, text):
                return True
            continue
        size = len(needle)
        at = text.find(anchor)
        while at >= 0:
            start = at - shift
            if (
                start >= 0
                and text[start : start + size].lower() == needle
                and _whole_syllables(text, start, start + size)
            ):
                return True
            at = text.find(anchor, at + 1)
    return False


def _whole_syllables(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no letter or digit right before or after it."""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


@lru_cache(maxsize=1024)
def _anchor(needle: str) -> tuple[str, int]:
    """The longest syllable of ``needle`` without its first letter, and where it starts
    in ``needle`` ("", 0 when every syllable has one letter)."""
    best, shift, at = "", 0, 0
    for syllable in needle.split(" "):
        if len(syllable) - 1 > len(best):
            best, shift = syllable[1:], at + 1
        at += len(syllable) + 1
    return best, shift


def _literal_at(lower: str, needle: str, text: str) -> bool:
    """``needle`` as whole syllables in ``lower``, the lower case of ``text`` (only when
    lower-casing kept every offset)."""
    if len(lower) != len(text):
        return False
    at = lower.find(needle)
    while at >= 0:
        if _whole_syllables(lower, at, at + len(needle)):
            return True
        at = lower.find(needle, at + 1)
    return False


def near_match(folded: str, words: Sequence[Word], slop: int) -> bool:
    """Whether one occurrence of every word lies within ``slop`` extra syllables
    in the FOLDED text (in any order)."""
    tokens = SYLLABLE.findall(folded)
    if not tokens or not words:
        return False
    where: dict[str, list[int]] = {}
    for pos, token in enumerate(tokens):
        where.setdefault(token, []).append(pos)
    occurrences: list[tuple[int, int, int]] = []  # (start, end, word index)
    for n, word in enumerate(words):
        syls = list(word.syllables)
        found = False
        for pos in where.get(syls[0], ()):
            if tokens[pos : pos + len(syls)] == syls:
                occurrences.append((pos, pos + len(syls), n))
                found = True
        if not found:
            return False
    occurrences.sort()
    need = len(words)
    own = sum(len(w.syllables) for w in words)
    inside: Counter[int] = Counter()
    left = 0
    ends: list[int] = []
    for right, (_start, end, n) in enumerate(occurrences):
        inside[n] += 1
        ends.append(end)
        while len(inside) == need:
            first = occurrences[left][0]
            span = max(ends[left : right + 1]) - first
            if span - own <= slop:
                return True
            m = occurrences[left][2]
            inside[m] -= 1
            if not inside[m]:
                del inside[m]
            left += 1
    return False


def proximity(text: str, syls: Sequence[str]) -> float:
    """The largest share of ``syls`` (distinct folded syllables) found together in
    one stretch of ``text`` about as long as they would be written in a row.

    Pass the rarest syllable first. The syllables are taken in turn: the stretches
    around the matches of each are looked at (the later syllables only there), and
    once a stretch holds as many as are left to take, no stretch without those
    taken can hold more, so the rest of the text is never scanned for the others."""
    need = len(syls)
    width = PROX_CHARS_PER_SYLLABLE * need
    taken: list[list[int]] = []
    best = 0
    for n, syl in enumerate(syls):
        starts = _starts(raw_regex((syl,)), text)
        taken.append(starts)
        for lo, hi in _stretches(starts, width):
            found = [
                (at, m)
                for m, earlier in enumerate(taken)
                for at in earlier[bisect_left(earlier, lo) : bisect_right(earlier, hi)]
            ]
            for m, later in enumerate(syls[n + 1 :], start=n + 1):
                end = min(len(text), hi + len(later) + 1)
                found.extend(
                    (match.start(), m)
                    for match in raw_regex((later,)).finditer(text, lo, end)
                    if match.start() <= hi
                )
            best = max(best, _most_together(found, need, width))
            if best == need:
                return 1.0
        # A stretch without any syllable taken so far holds need - n - 1 at most.
        if best >= need - n - 1:
            break
    return best / need


def _starts(rx: re.Pattern[str], text: str) -> list[int]:
    """Where the first ``PROX_CAP`` matches of ``rx`` in ``text`` start."""
    return [m.start() for m in islice(rx.finditer(text), PROX_CAP)]


def _stretches(starts: list[int], width: int) -> list[tuple[int, int]]:
    """The stretches within ``width`` of each of ``starts`` (sorted), overlapping ones
    joined: every window of ``width`` holding one of ``starts`` lies in one of them."""
    out: list[tuple[int, int]] = []
    for at in starts:
        lo, hi = max(0, at - width), at + width
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _most_together(found: list[tuple[int, int]], need: int, width: int) -> int:
    """The most distinct syllables (numbered below ``need``) whose matches (start,
    number) start within ``width`` of each other."""
    if not found:
        return 0
    found.sort()
    inside = [0] * need
    distinct = best = left = 0
    for start, n in found:
        if not inside[n]:
            distinct += 1
        inside[n] += 1
        while start - found[left][0] > width:
            m = found[left][1]
            inside[m] -= 1
            if not inside[m]:
                distinct -= 1
            left += 1
        if distinct > best:
            best = distinct
            if best == need:
                break
    return best


def hit_words(node: Node, is_word: Callable[[str, str], bool] | None = None) -> list[Word]:
    """The terms of ``node`` to mark, in query order.

    Quoted phrases and compounds stay whole. Neighbouring single-syllable plain
    words are joined, left to right, when ``is_word(first, second)`` says the
    folded pair is a word of its own (``khoa học``).
    """
    run = [w for w in top_level_words(node) if w.mode == "term"]
    joined: list[Word] = []
    i = 0
    while i < len(run):
        word = run[i]
        nxt = run[i + 1] if i + 1 < len(run) else None
        if (
            nxt is not None
            and is_word is not None
            and len(word.syllables) == 1
            and len(nxt.syllables) == 1
            and is_word(word.syllables[0], nxt.syllables[0])
        ):
            exact = (*_exact_of(word), *_exact_of(nxt))
            joined.append(
                Word(None, f"{word.text} {nxt.text}", (*word.syllables, *nxt.syllables), exact)
            )
            i += 2
            continue
        joined.append(word)
        i += 1
    in_run = {id(w) for w in run}
    rest = [w for w in positive_words(node) if id(w) not in in_run]
    return list(dict.fromkeys([*joined, *rest]))


def _exact_of(word: Word) -> tuple[str, ...]:
    return word.exact if len(word.exact) == len(word.syllables) else word.syllables


def _typed_with_diacritics(word: Word) -> bool:
    return word.mode == "term" and _exact_of(word) != word.syllables


def find_spans(
    text: str, words: list[Word], folded: str | None = None, limit: int | None = None
) -> list[tuple[int, int]]:
    """Sorted, non-overlapping code-point spans of ``words`` in (NFC) ``text``.

    Longer terms claim their matches first; a term typed with diacritics keeps
    only its exact spellings when there are any. ``folded`` is ``fold(text)``
    when the caller has it already; ``limit`` stops each term after that many
    matches (snippets need only the first few hundred).
    """
    if not words:
        return []
    taken: list[tuple[int, int]] = []
    # One flag per code point of ``text``: claimed by a longer term's match.
    occupied = bytearray(len(text))
    lower: str | None = None
    ordered = sorted(
        (w for w in words if w.mode != "fuzzy"), key=lambda w: -len(w.syllables)
    )
    for word in ordered:
        found: list[tuple[int, int]] = []
        if _typed_with_diacritics(word):
            if lower is None:
                lower = text.lower()
            matches = exact_in_lower(_exact_of(word), text, lower)
            found = [m.span() for m in islice(matches, limit)]
        if not found:
            if word.mode == "fuzzy":
                continue
            rx = raw_regex(word.syllables, prefix=word.mode == "prefix")
            found = [m.span() for m in islice(rx.finditer(text), limit)]
        for start, end in found:
            if end > start and not occupied[start] and not occupied[end - 1]:
                taken.append((start, end))
                occupied[start:end] = b"\x01" * (end - start)
    spans = taken
    fuzzy = [w for w in words if w.mode == "fuzzy"]
    if fuzzy:
        # One code point per code point: spans in the folded text are spans in ``text``.
        if folded is None or len(folded) != len(text):
            folded = fold(text)
        for m in SYLLABLE.finditer(folded):
            token = m.group()
            for w in fuzzy:
                target = w.syllables[0]
                if (
                    token[:1] == target[:1]
                    and Levenshtein.distance(token, target, score_cutoff=w.fuzz) <= w.fuzz
                ):
                    spans.append(m.span())
                    break
    return _merge(spans)


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
    head = spans[:MAX_WINDOW_SPANS]
    # Each matched word as a number: its folded form's first appearance.
    codes: dict[str, int] = {}
    of_written: dict[str, int] = {}
    keys: list[int] = []
    for s, e in head:
        written = text[s:e]
        code = of_written.get(written)
        if code is None:
            code = of_written[written] = codes.setdefault(fold(written), len(codes))
        keys.append(code)
    best = (0, -1, 0)  # (distinct, count, start index)
    inside = [0] * len(codes)
    distinct = 0
    j = 0
    for i, (start, _end) in enumerate(head):
        if j < i:
            j = i
            inside = [0] * len(codes)
            distinct = 0
        while j < len(keys) and head[j][1] - start <= SNIPPET_CHARS:
            if not inside[keys[j]]:
                distinct += 1
            inside[keys[j]] += 1
            j += 1
        count = max(j - i, 1)
        seen = max(distinct, 1)
        # A later window wins only with more distinct words, or as many and more matches.
        if seen > best[0] or (seen == best[0] and count > best[1]):
            best = (seen, count, i)
        if j > i:
            inside[keys[i]] -= 1
            if not inside[keys[i]]:
                distinct -= 1
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


def make_snippet(text: str, words: list[Word], folded: str | None = None) -> str:
    """HTML-escaped excerpt of ``text`` with matches wrapped in ``<mark>``
    (``folded``: ``fold(text)`` if the caller has it, for fuzzy words)."""
    spans = find_spans(text, words, folded, limit=MAX_WINDOW_SPANS)
    start, end = _best_window(text, spans)
    out: list[str] = []
    if start > 0:
        out.append("… ")
    pos = start
    # Spans are sorted and do not overlap: only those from the window's start on.
    for s, e in spans[max(bisect_right(spans, (start, -1)) - 1, 0) :]:
        if s >= end:
            break
        if e <= start:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[pos:s].replace("\n", " ")))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end].replace("\n", " ")))
    if end < len(text):
        out.append(" …")
    return "".join(out)


@lru_cache(maxsize=1)
def _unfolded() -> dict[str, str]:
    """Folded character -> every character that folds to it (``a`` -> ``aAáÁàÀ…``)."""
    found: dict[str, set[str]] = {}
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if ch.isalnum():
            folded = fold(ch)
            if folded != ch:
                found.setdefault(folded, {folded}).add(ch)
    return {k: "".join(sorted(v)) for k, v in found.items()}


def _class(folded_char: str) -> str:
    chars = _unfolded().get(folded_char, folded_char)
    if len(chars) == 1:
        return re.escape(chars)
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@lru_cache(maxsize=1024)
def raw_regex(syllables: tuple[str, ...], prefix: bool = False) -> re.Pattern[str]:
    """A regex over STORED text matching exactly where ``phrase_regex(syllables)``
    matches its folded form (folding maps one code point to one, and keeps letters
    letters), so the scan never folds whole articles."""
    classes = [[_class(c) for c in syllable] for syllable in syllables]
    first = classes[0][0]
    # The first letter comes before the "no letter before it" check (a two-character
    # look-behind), so the regex engine can skip ahead to candidate letters.
    head = first + r"(?<![^\W_]" + first + ")" + "".join(classes[0][1:])
    body = _GAP.join([head, *("".join(c) for c in classes[1:])])
    return re.compile(body + (r"[^\W_]*" if prefix else _AFTER))


def query_spans(body: str, query: str) -> list[tuple[int, int]]:
    """Code-point spans in ``body`` of what ``query`` searches for (the reader's hits)."""
    return find_spans(body, positive_words(parse_query(query)))
