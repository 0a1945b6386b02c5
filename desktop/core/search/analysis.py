"""Vietnamese-aware text analysis for the search index.

Text is NFC-normalized, lower-cased and folded (``Đổi`` -> ``doi``) with
``desktop.core.textnorm.fold``, then cut into syllables: runs of letters and
digits. There are no stop words and no stemming, so ``An`` in "Hội An" and
one-letter syllables such as ``ở`` or ``ý`` are indexed like any other word.

Folding maps one code point to one code point, so a syllable's offsets in the
folded text are its offsets in the stored body.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from desktop.core.textnorm import fold

# A syllable: letters and digits (``\w`` without the underscore).
SYLLABLE = re.compile(r"[^\W_]+")


def prepare(text: str) -> str:
    """NFC when needed: text in NFD form would split syllables at combining marks."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text)


def fold_text(text: str) -> str:
    """NFC then folded (lower-case, no diacritics, ``đ`` -> ``d``)."""
    return fold(prepare(text))


def syllables(text: str) -> list[str]:
    """Folded syllables of ``text`` in order."""
    return SYLLABLE.findall(fold_text(text))


def exact_syllables(text: str) -> list[str]:
    """Lower-cased syllables that keep their diacritics, in order."""
    return SYLLABLE.findall(prepare(text).lower())


def term_counts(text: str) -> Counter[str]:
    """Folded syllable -> number of occurrences, for indexing."""
    return Counter(SYLLABLE.findall(fold_text(text)))


class FoldingTokenizer(Tokenizer):  # type: ignore[misc]
    """A Whoosh tokenizer yielding folded syllables (one reused ``Token``)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FoldingTokenizer)

    def __hash__(self) -> int:
        return hash(FoldingTokenizer)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        folded = fold_text(value)
        if not tokenize:
            token.original = token.text = folded
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        for pos, match in enumerate(SYLLABLE.finditer(folded), start_pos):
            token.text = match.group()
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = token.text
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


def folding_analyzer() -> FoldingTokenizer:
    return FoldingTokenizer()
