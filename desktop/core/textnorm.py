"""Text hygiene shared by every importer and by search.

NFC, line endings, stray combining marks, and the diacritic folding used for
accent-insensitive matching (``đ`` folds to ``d`` too, unlike most folders).
"""

from __future__ import annotations

import re
import unicodedata

_LINE_ENDINGS = re.compile(r"\r\n?|\u2028|\u2029|\x85")
# Controls, byte-order marks, zero-width spaces and soft hyphens: invisible, and a
# soft hyphen inside a word ("Zusam\u00admen") would keep search from finding it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b\u00ad]")
# A combining mark preceded by whitespace: "thi ̣t" -> "thịt".
_DETACHED_MARK = re.compile(r"(\w)[ \t\u00a0]+([\u0300-\u036f]+)")
_LEADING_MARK = re.compile(r"(^|[\s])[\u0300-\u036f]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
# Anything the slow path below would change besides NFC itself: one scan decides.
# (NFC itself creates no U+0300-U+036F mark that the mark fixes would touch.)
_NEEDS_WORK = re.compile(
    r"[\r\u2028\u2029\x85\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b\u00ad\u0300-\u036f]"
)
_BLANK_RUN = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")


def normalize_text(text: str) -> str:
    """NFC, unified newlines, no control characters, re-attached combining marks."""
    if _NEEDS_WORK.search(text) is None:
        return unicodedata.normalize("NFC", text)
    text = _LINE_ENDINGS.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _has_combining(text):
        text = _DETACHED_MARK.sub(r"\1\2", text)
        text = unicodedata.normalize("NFC", text)
        text = _LEADING_MARK.sub(r"\1", text)
    return text


def _has_combining(text: str) -> bool:
    return _COMBINING.search(text) is not None


def paragraphs_to_body(paragraphs: list[str]) -> str:
    """Join cleaned paragraphs with one blank line between them."""
    cleaned = [" ".join(p.split()) for p in paragraphs]
    return "\n\n".join(p for p in cleaned if p)


def tidy_body(text: str) -> str:
    """Normalize and collapse a body to paragraphs separated by blank lines."""
    text = normalize_text(text)
    text = _TRAILING_SPACE.sub("\n", text)
    return paragraphs_to_body(_BLANK_RUN.split(text.replace("\n", "\n\n")))


_FOLD_EXTRA = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"}


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled lazily: code point -> folded code point."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        base = _FOLD_EXTRA.get(ch)
        if base is None:
            decomposed = unicodedata.normalize("NFD", ch)
            base = decomposed[0]
            if unicodedata.combining(base) and len(decomposed) == 1:
                base = ch
            lower = base.lower()
            base = lower if len(lower) == 1 else base
        self[cp] = base
        return base


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case and strip diacritics (``Đổi`` -> ``doi``), one code point per code point.

    Each input code point maps to exactly one output code point, so offsets in
    the folded text equal offsets in the NFC text.
    """
    return text.translate(_FOLD_TABLE)


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()
