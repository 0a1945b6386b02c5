"""Whether a line of a page dump is shaped like a headline, in any language.

A headline is short, does not end like a sentence, and is neither a date or
byline, a form widget (``____ (BUTTON) Search``, ``[SUBMIT]``), a list item, nor
a caption. The text-dump extractor looks for such a line just above the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.extract.chrome import LineFeatures

HEADLINE_MAX_WORDS = 40  # Vietnamese syllables count as words
HEADLINE_MAX_CHARS = 250
# Lines this short with a time or a full date are dates or bylines, not headlines.
DATED_MAX_WORDS = 12

_FULL_DATE = re.compile(
    r"\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}\b"  # 23.06.2016, 11/19/19
    r"|\b(?:19|20)\d\d-\d\d-\d\d\b"
    r"|\b\d{1,2}:\d\d\b"  # a time
    r"|\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+(?:19|20)\d\d\b"  # 31. Mai 2012, 5 March 2020
    r"|\b[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+(?:19|20)\d\d\b"  # November 5, 2019
)
# "By Tess Bonn", "Von Anna Muster", "Par ...", "Autor: ...": a byline's opening.
_BYLINE = re.compile(
    r"(?:by|von|par|por|di|door|av|przez|autor(?:in)?|author|posted by|written by)\b[\s:]",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"_{4,}|\(BUTTON\)|^\[|\[(?:INS|IMG|SUBMIT)\b|^\(|^#|^\d+$|^\W+$|[□■☐▢◯●○]"
)
# A tag list: "amiga, dogs, floppy, Hunde" (three commas or more, a word or two each).
_TAGS = re.compile(r"[^,]{1,25}(?:,[^,]{1,25}){3,}")


def headline_shaped(f: LineFeatures) -> bool:
    """Short, no final period, no date, byline, widget or list-item shape."""
    text = f.text
    if f.words > HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS or len(text) < 4:
        return False
    if f.listed or f.bullet or _WIDGET.search(text):
        return False
    end = text.rstrip("\"”»’')]")
    if end.endswith(".") and not end.endswith(("...", "…")):
        return False  # a sentence: a lead or a caption
    if end.endswith((":", ",", ";")):
        return False
    if f.words <= DATED_MAX_WORDS and _FULL_DATE.search(text):
        return False
    if _BYLINE.match(text):
        return False
    if _TAGS.fullmatch(text) and f.words <= 3 * (text.count(",") + 1):
        return False
    # A headline has letters and begins with a capital, a digit or a quote.
    first = text.lstrip("\"“„«‘'¡¿")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())


_WORD = re.compile(r"[^\W\d_]{3,}")


def content_words(texts: Iterable[str]) -> set[str]:
    """Case-folded words of three letters or more (what a headline shares with its text)."""
    out: set[str] = set()
    for text in texts:
        out.update(_WORD.findall(text.casefold()))
    return out


def overlap(headline: str, body_words: set[str]) -> float:
    """The share of a headline's words that the article's opening text also uses."""
    words = content_words([headline])
    if not words:
        return 0.0
    return len(words & body_words) / len(words)


def length_fit(words: int) -> float:
    """How headline-like a line's length is: 0 for 4-20 words, negative otherwise."""
    if words <= 1:
        return -1.0
    if words == 2:
        return -0.5
    if words == 3:
        return -0.2
    return 0.0 if words <= 20 else -0.3
