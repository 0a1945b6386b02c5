"""Vietnamese-aware text analysis for the search index.

Text is NFC-normalized, lower-cased and folded (``Đổi`` -> ``doi``) with
``desktop.core.textnorm.fold``, then cut into syllables: runs of letters and
digits. There are no stop words and no stemming, so ``An`` in "Hội An" and
one-letter syllables such as ``ở`` or ``ý`` are indexed like any other word.

Folding maps one code point to one code point, so a syllable's offsets in the
folded text are its offsets in the stored body.

Adjacent syllables are also indexed as pairs (``pair_terms``), so a two-syllable
phrase is one posting list and longer phrases an intersection. A pair term is
the folded pair, followed by ``|`` and the pair as written (lower-case, with
its diacritics) when that differs: ``doi moi|đổi mới``. The folded pair is all
its variants together; one variant is the exact-diacritic match; and the
variants' document counts say which spelling a folded query most likely means.
Pairs too rare to pay for their own term share hashed buckets (``pair_buckets``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np
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


# Separates the parts of a text (title, body, notes) that no pair may straddle.
PART_BREAK = "\u2029"
VARIANT_SEP = "|"


def pair_key(folded: tuple[str, str], exact: tuple[str, str]) -> str:
    """The pair term of two syllables: ``doi moi`` or ``doi moi|đổi mới``."""
    plain = folded[0] + " " + folded[1]
    written = exact[0] + " " + exact[1]
    return plain if written == plain else plain + VARIANT_SEP + written


# Bulk writes keep a pair term only when at least this many documents of the segment
# have it. A rarer pair is put in BUCKET_HASHES hashed bucket terms (of PAIR_BUCKETS
# each): the documents in all of its buckets are few, and are checked on the stored
# text when asked for, so the answer stays exact. A term costs the index far more
# than a posting, so several buckets per pair are cheap and cut the checks sharply.
MIN_PAIR_DOCS = 32
PAIR_BUCKETS = 4096
BUCKET_HASHES = 3


def pair_bucket_numbers(term: str) -> list[int]:
    """The pair's bucket in each of the ``BUCKET_HASHES`` hashings (the same for every
    spelling of a pair): independent slices of one 64-bit hash of the folded pair."""
    plain = term.split(VARIANT_SEP, 1)[0].encode("utf-8")
    code = int.from_bytes(hashlib.blake2b(plain, digest_size=8).digest(), "little")
    return [(code >> (16 * n)) % PAIR_BUCKETS for n in range(BUCKET_HASHES)]


def pair_bucket_array(terms: list[str]) -> Any:
    """``pair_bucket_numbers`` of many terms at once: an array of one row per term."""
    return plain_bucket_array([t.split(VARIANT_SEP, 1)[0] for t in terms])


def plain_bucket_array(plains: list[str]) -> Any:
    """``pair_bucket_array`` of folded pairs (``doi moi``, no spelling after ``|``)."""
    blake2b = hashlib.blake2b
    digests = b"".join([blake2b(p.encode("utf-8"), digest_size=8).digest() for p in plains])
    codes = np.frombuffer(digests, dtype="<u8")
    shifts = np.arange(BUCKET_HASHES, dtype=np.uint64) * np.uint64(16)
    return ((codes[:, None] >> shifts[None, :]) % np.uint64(PAIR_BUCKETS)).astype(np.int64)


# Bucket terms start with it; pair terms never do (they start with a letter or digit).
BUCKET_MARK = "#"


def bucket_name(hashing: int, bucket: int) -> str:
    return f"{BUCKET_MARK}{hashing}{bucket:04x}"


def pair_buckets(term: str) -> tuple[str, ...]:
    """The hashed bucket terms of a pair term."""
    return tuple(bucket_name(n, b) for n, b in enumerate(pair_bucket_numbers(term)))


# The syllables of the last text split (see ``_parts``): the bulk writer counts the
# same text twice in a row, as syllables (``body``) and as pairs (``pairs``).
_last_split: tuple[str | None, list[tuple[list[str], list[str]]]] = (None, [])


def _parts(text: str) -> list[tuple[list[str], list[str]]]:
    """(folded syllables, syllables as written in lower case) of each part of ``text``."""
    global _last_split
    last = _last_split
    if last[0] is text:
        return last[1]
    out: list[tuple[list[str], list[str]]] = []
    for part in text.split(PART_BREAK):
        part = prepare(part)
        folded = fold(part)
        plain = SYLLABLE.findall(folded)
        lower = part.lower()
        if lower == folded or len(plain) < 2:
            out.append((plain, plain))
            continue
        written = SYLLABLE.findall(lower)
        if len(written) != len(plain) or len(lower) != len(folded):
            # Boundaries moved (a rare character): spell each syllable from its span.
            written = [lower[m.start() : m.end()] for m in SYLLABLE.finditer(folded)]
            if len(lower) != len(folded):
                written = plain
        out.append((plain, written))
    _last_split = (text, out)
    return out


def pair_list(text: str) -> list[str]:
    """Every pair term of ``text`` in order, one per occurrence: adjacent syllables
    within each part."""
    out: list[str] = []
    for plain, written in _parts(text):
        if len(plain) < 2:
            continue
        pairs = [a + " " + b for a, b in zip(plain, plain[1:], strict=False)]
        if written is plain:
            out += pairs
            continue
        exact = [a + " " + b for a, b in zip(written, written[1:], strict=False)]
        out += [p if p == x else p + VARIANT_SEP + x for p, x in zip(pairs, exact, strict=True)]
    return out


def pair_terms(text: str) -> Counter[str]:
    """Pair term -> occurrences, over adjacent syllables within each part of ``text``."""
    return Counter(pair_list(text))


def syllable_list(text: str) -> list[str]:
    """Every folded syllable of ``text`` in order (a new list)."""
    return list(chain.from_iterable(plain for plain, _ in _parts(text)))


def term_counts(text: str) -> Counter[str]:
    """Folded syllable -> number of occurrences, for indexing."""
    return Counter(syllable_list(text))


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
