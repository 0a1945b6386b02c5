"""Numbering the syllables of one index segment, for the bulk writer.

Indexing a text once per syllable and once per adjacent pair as strings costs a
Python string (and a hash of it) per occurrence, twice. Here each part of a text
is cut once, lower-cased, into its syllables as written, and every occurrence
becomes a number (one ``dict.setdefault`` per syllable, in C). The folded
syllable, the pair terms (``analysis.pair_key``: ``doi moi|đổi mới``) and their
strings are made once per distinct syllable or pair of the segment, from the
numbers, in NumPy. The terms are exactly those of ``analysis.syllable_list`` and
``analysis.pair_list``.

Folding a lower-cased syllable gives the syllable of the folded text when every
character of the part folds like its lower case, one code point each, and stays a
letter or digit (or not). That is checked for the scripts of the corpus once, on
import; a part with any other character is cut the slow way (both texts, as
``analysis._parts`` does) and its syllables keyed by both spellings.
"""

from __future__ import annotations

import re
from array import array
from itertools import count
from typing import Any

import numpy as np

from desktop.core.search.analysis import PART_BREAK, SYLLABLE, VARIANT_SEP, prepare
from desktop.core.textnorm import fold

# Code points checked for agreement: Latin (with Vietnamese), combining marks,
# punctuation, currency signs.
_VETTED_RANGES = ((0x0000, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00), (0x2000, 0x20D0))
# Keys of syllables whose folded spelling is not their written one folded (see
# ``_slow_keys``): the mark, the folded spelling, the mark, the written one.
_MARK = "\x00"


def _agrees(ch: str) -> bool:
    """Whether ``ch`` folds like its lower case, in one code point of the same kind."""
    low = ch.lower()
    if len(low) != 1 or ch == PART_BREAK:
        return False
    folded = fold(ch)
    return fold(low) == folded and bool(SYLLABLE.match(low)) == bool(SYLLABLE.match(folded))


def _unvetted_pattern() -> re.Pattern[str]:
    good = [chr(cp) for lo, hi in _VETTED_RANGES for cp in range(lo, hi) if _agrees(chr(cp))]
    return re.compile("[^" + "".join(re.escape(ch) for ch in good) + "]")


# Any character that may not fold like its lower case (Greek capital sigma lower-cases
# by context, ``İ`` to two code points, and every script not vetted).
_UNVETTED = _unvetted_pattern()


def _slow_keys(part: str) -> list[str]:
    """The keys of a part with unvetted characters: as ``analysis._parts`` cuts it."""
    folded = fold(part)
    plain = SYLLABLE.findall(folded)
    lower = part.lower()
    if lower == folded or len(plain) < 2:
        written = plain
    else:
        written = SYLLABLE.findall(lower)
        if len(written) != len(plain) or len(lower) != len(folded):
            written = [lower[m.start() : m.end()] for m in SYLLABLE.finditer(folded)]
            if len(lower) != len(folded):
                written = plain
    return [
        w if fold(w) == p else _MARK + p + _MARK + w
        for p, w in zip(plain, written, strict=True)
    ]


class SegmentSyllables:
    """The syllable numbers of one segment's texts, and their spellings once resolved."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}
        self.numbers = count()
        self._last: tuple[str | None, array[int], list[int]] = (None, array("i"), [])
        self._resolved: ResolvedSyllables | None = None

    def split(self, text: str) -> tuple[array[int], list[int]]:
        """(syllable numbers of ``text`` in order, the count of numbers at the end of
        each part). The last text split is kept: a document's body and pairs are the
        same text."""
        last = self._last
        if last[0] is text:
            return last[1], last[2]
        setdefault = self.keys.setdefault
        numbers = self.numbers
        out: array[int] = array("i")
        ends: list[int] = []
        for part in text.split(PART_BREAK):
            part = prepare(part)
            if _UNVETTED.search(part) is None:
                out.extend(map(setdefault, SYLLABLE.findall(part.lower()), numbers))
            else:
                out.extend(map(setdefault, _slow_keys(part), numbers))
            ends.append(len(out))
        self._last = (text, out, ends)
        self._resolved = None
        return out, ends

    def resolved(self) -> ResolvedSyllables:
        """The spellings of every number so far (computed once)."""
        if self._resolved is None:
            self._resolved = ResolvedSyllables(self.keys)
        return self._resolved


class ResolvedSyllables:
    """Dense numbers and spellings of a segment's syllables.

    ``dense[n]`` is the dense number of sparse syllable number ``n`` (as written);
    ``plain_of[d]`` the folded syllable's number, ``plain_names`` the folded
    syllables, ``written``/``plain`` each dense syllable's spellings."""

    def __init__(self, keys: dict[str, int]) -> None:
        written = list(keys)
        sparse = np.fromiter(keys.values(), dtype=np.int64, count=len(written))
        self.size = len(written)
        self.dense = np.zeros(int(sparse.max()) + 1 if self.size else 1, dtype=np.int64)
        self.dense[sparse] = np.arange(self.size, dtype=np.int64)
        plain = fold("\n".join(written)).split("\n") if written else []
        for n, key in enumerate(written):
            if key.startswith(_MARK):
                _, plain[n], written[n] = key.split(_MARK)
        numbering: dict[str, int] = {}
        self.plain_of = np.fromiter(
            (numbering.setdefault(p, len(numbering)) for p in plain), dtype=np.int64,
            count=self.size,
        )
        self.plain_names = list(numbering)
        self.written = written
        self.plain = plain

    def syllable_terms(self, numbers: Any) -> Any:
        """The folded syllable number of each sparse syllable number."""
        return self.plain_of[self.dense[numbers]]

    def pair_names(self, firsts: list[int], seconds: list[int]) -> list[str]:
        """The pair terms of dense syllable numbers (``analysis.pair_key``)."""
        plain, written = self.plain, self.written
        out: list[str] = []
        append = out.append
        for a, b in zip(firsts, seconds, strict=True):
            p = plain[a] + " " + plain[b]
            w = written[a] + " " + written[b]
            append(p if p == w else p + VARIANT_SEP + w)
        return out

    def plain_pairs(self, firsts: list[int], seconds: list[int]) -> list[str]:
        """The folded pairs of dense syllable numbers (``doi moi``)."""
        plain = self.plain
        return [plain[a] + " " + plain[b] for a, b in zip(firsts, seconds, strict=True)]
