"""Syllable tokens with code-point spans, the unit of word-level diffs and shingles.

Vietnamese writes one syllable per space-separated word, so a token is a run of
word characters; numbers keep their inner separators (``1.983.286``, ``4/6/2024``,
``3,5``) and every other non-space character is a token of its own.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"\w+(?:[.,/:&'’-]\w+)*|[^\w\s]")
_WORD = re.compile(r"\w+")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``; spans are code points into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def words(text: str) -> list[str]:
    """Just the word characters runs (syllables), for shingling folded text."""
    return _WORD.findall(text)
