"""Splitting an article body into paragraphs and sentences with code-point spans.

Rules, tuned for Vietnamese news text:

* A blank line ends a paragraph; any line break ends a sentence.
* ``.``, ``!``, ``?``, ``…`` (or ``...``), optionally followed by closing quotes or
  brackets, end a sentence when whitespace and then an upper-case letter, a digit
  or an opening quote/bracket follow.
* A full stop does not end a sentence after a known abbreviation (``TP.``,
  ``PGS.TS.``, ``ThS.``, ``GS.``, ``Q.``, ``P.``, ``TX.`` ...) or after a single
  upper-case initial (``Nguyễn V. Anh``).
* Numbers such as ``1.983.286`` and ``4/6/2024`` never split because a boundary
  needs whitespace after the punctuation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Words that, followed by a full stop, never end a sentence (compared lower-case).
ABBREVIATIONS = frozenset(
    {
        "tp", "q", "p", "tx", "tt", "gs", "pgs", "ts", "ths", "th", "bs", "ks", "ncs",
        "nxb", "mr", "mrs", "ms", "dr", "st", "vs", "tr", "ttg", "gđ", "pgđ",
    }
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?]+)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?(\w))")
_WORD_BEFORE = re.compile(r"([\w.&]+)$")


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


class Paragraph(NamedTuple):
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty paragraphs (blank-line separated), trimmed of surrounding whitespace."""
    spans: list[Paragraph] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Paragraph(start, end))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with its paragraph number."""
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text)):
        line_start = para.start
        for line_end in [m.start() for m in _LINE_BREAK.finditer(text, para.start, para.end)] + [
            para.end
        ]:
            _split_line(text, line_start, line_end, p_index, out)
            line_start = line_end + 1
    return out


def _split_line(text: str, start: int, end: int, p_index: int, out: list[Sentence]) -> None:
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        following = m.group(1)
        if not (following.isupper() or following.isdigit()):
            continue
        if m.group().startswith(".") and not m.group().startswith("...") and _is_abbreviation(
            text, pos, m.start(), m.end(), end
        ):
            continue
        _add_sentence(text, pos, m.end(), p_index, out)
        pos = m.end()
    _add_sentence(text, pos, end, p_index, out)


def _is_abbreviation(text: str, line_start: int, dot: int, after: int, line_end: int) -> bool:
    """Whether the full stop at ``dot`` belongs to an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(line_start, dot - 40), dot)
    if m is None:
        return False
    word = m.group(1).strip(".")
    if not word:
        return False
    if len(word) == 1 and word.lower() not in ABBREVIATIONS:
        # An initial follows a capitalized name: "Nguyễn V. Anh" (but "16 độ C. Sau đó").
        return word.isalpha() and word.isupper() and _after_name(text, line_start, m.start(1))
    parts = [p for p in word.split(".") if p]
    if len(parts) == 1:
        return parts[0].lower() in ABBREVIATIONS
    # "PGS.TS.", "Th.S.": every part an abbreviation or a single letter.
    return all(p.lower() in ABBREVIATIONS or len(p) == 1 for p in parts)


def _after_name(text: str, line_start: int, pos: int) -> bool:
    before = text[max(line_start, pos - 30) : pos].split()
    return bool(before) and before[-1][:1].isupper()


def _add_sentence(text: str, start: int, end: int, p_index: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, p_index))
