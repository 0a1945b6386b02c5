"""Whether a line of a page dump is shaped like a headline, in any language.

A headline is short, does not end like a sentence, and is neither a date or
byline, a form widget (``____ (BUTTON) Search``, ``[SUBMIT]``), a list item, nor
a caption. The text-dump extractor looks for such a line just above the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum

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
# Breadcrumb separators: "Startseite » Beauty » Tipps", "Home > News > ...".
_CRUMB = re.compile(r"\s[»›>/|]\s|[»›]")
_WIDGET = re.compile(
    r"_{4,}|\(BUTTON\)|^\[|\[(?:INS|IMG|SUBMIT)\b|\[ ?\]|^\(|^#|^\d+$|^\W+$|[□■☐▢◯●○]"
)
# A tag list: "amiga, dogs, floppy, Hunde" (three commas or more, a word or two each).
_TAGS = re.compile(r"[^,]{1,25}(?:,[^,]{1,25}){3,}")


def dateline(f: LineFeatures) -> bool:
    """A byline or a date line: ``By Tess Bonn``, ``von Anna Muster``, ``31. März 2020``."""
    if f.words > DATED_MAX_WORDS:
        return False
    return _BYLINE.match(f.text) is not None or _FULL_DATE.search(f.text) is not None


class Fault(Enum):
    """Why a short line is not shaped like a headline, where a headline may still
    look so (see ``loosely_headline_shaped``)."""

    SENTENCE = "ends with a period"
    DATED = "holds a date"
    TAGGED = "opens with a bracketed tag"
    OTHER = "other"


# "[Rezi] Love is War", "(16) Coronavirus-Update: ...": a short tag in brackets, then words.
_TAG = re.compile(r"[\[(][^\W_][^\])]{0,24}[\])]\s+\S")
_LEADING_WIDGET = re.compile(r"^\[|^\(")
# A first word with a capital after its first letter: a name spelt so ("iPhone", "eBay").
_CAMEL = re.compile(r"[^\W\d_]+[A-Z]")
# A headline that holds a date has this many words besides it.
DATED_MIN_WORDS = 5


def shape_fault(f: LineFeatures) -> Fault | None:
    """``None`` for a headline-shaped line, else the first reason it is not."""
    text = f.text
    if f.words > HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS or len(text) < 4:
        return Fault.OTHER
    if f.listed or f.bullet:
        return Fault.OTHER
    fault: Fault | None = None
    widget = _WIDGET.search(text)
    if widget is not None:
        tag = _TAG.match(text)
        if _LEADING_WIDGET.match(widget.group()) is None or tag is None:
            return Fault.OTHER
        if _WIDGET.search(text, tag.end() - 1) is not None:
            return Fault.OTHER
        fault = Fault.TAGGED
    end = text.rstrip("\"”»’')]")
    if end.endswith(".") and not end.endswith(("...", "…")):
        fault = fault or Fault.SENTENCE  # a sentence: a lead or a caption
    if end.endswith((":", ",", ";")):
        return Fault.OTHER
    if f.words <= DATED_MAX_WORDS and _FULL_DATE.search(text):
        words_besides = len(_FULL_DATE.sub(" ", text).split())
        if words_besides < DATED_MIN_WORDS:
            return Fault.OTHER
        fault = fault or Fault.DATED
    if _BYLINE.match(text) or len(_CRUMB.findall(text)) >= 2:
        return Fault.OTHER  # a byline, a breadcrumb
    if _TAGS.fullmatch(text) and f.words <= 3 * (text.count(",") + 1):
        return Fault.OTHER
    # A headline has letters and begins with a capital, a digit, a quote, a name spelt
    # with an inner capital ("iPhone 14: ..."), or a letter of a script without
    # capitals (Arabic, Chinese, Thai ...).
    opening = text.lstrip("\"“„«‘'¡¿[(")
    first = opening[:1]
    if not first or not (
        first.isupper() or first.isdigit() or not first.isalpha() or first.lower() == first.upper()
        or _CAMEL.match(opening) is not None
    ):
        return Fault.OTHER
    return fault


def headline_shaped(f: LineFeatures) -> bool:
    """Short, no final period, no date, byline, widget or list-item shape."""
    return shape_fault(f) is None


def loosely_headline_shaped(f: LineFeatures) -> bool:
    """Headline-shaped but for one trait that headlines have too, if less often than
    leads, captions and date lines: a final period (``Time to say goodbye.``), a date
    among five words or more (``Protokoll der Sitzung vom 10. Oktober 2019``) or a
    bracketed tag (``[Rezension] ...``)."""
    return shape_fault(f) in (None, Fault.SENTENCE, Fault.DATED, Fault.TAGGED)


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


# An address in the page's text (a link lynx or w3m printed, a share link).
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"'\[\]{}]+", re.IGNORECASE)
# Spaces in a slug or a share link's text: "-", "_", "+", "%20".
_SLUG_SPACE = re.compile(r"%20|[+_]")
_SLUG_WORD = re.compile(r"[^\W_]+")
# The words of a line a slug must spell, from its start: no fewer, and at most this many.
SLUG_MIN_WORDS = 3
SLUG_WORDS = 4


def page_addresses(texts: Iterable[str]) -> str:
    """The addresses in a page's lines, lower-cased, with the spaces of slugs and
    share texts (``+``, ``_``, ``%20``) written as ``-``, for ``named_by_address``."""
    found = [m.group() for text in texts if "/" in text for m in _ADDRESS.finditer(text)]
    return _SLUG_SPACE.sub("-", " ".join(found).casefold())


def named_by_address(headline: str, addresses: str) -> bool:
    """Whether an address on the page spells the line's first words as a slug
    (``/2020/04/bericht-zur-coronalage-vom-...``) or a share link's text: a page's
    address and its share links name the article, a byline or a menu item rarely."""
    words = _SLUG_WORD.findall(headline.casefold())
    if len(words) < SLUG_MIN_WORDS or not addresses:
        return False
    return "-".join(words[:SLUG_WORDS]) in addresses


def length_fit(words: int) -> float:
    """How headline-like a line's length is: best for 4-30 words (Vietnamese syllables
    count as words), worst for one."""
    if words <= 1:
        return -1.0
    if words == 2:
        return 0.0
    if words == 3:
        return 0.25
    return 0.5 if words <= 30 else -0.25
