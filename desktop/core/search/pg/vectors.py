"""One article -> its row in ``search_docs``: tsvectors of the app's own syllables.

PostgreSQL's parser would cut text differently from the Whoosh analyzer (it keeps
hyphenated compounds, URLs and e-mail addresses whole, and gives a compound and
its parts extra positions), so the vectors are built here from ``analysis``'s
folded syllables (``đ`` -> ``d`` by ``textnorm.fold``, the same folding as the
Whoosh index), with their positions, and sent in tsvector's binary form
(``binary``): the server neither parses nor changes them, whatever its locale.
A syllable therefore matches on the server exactly where it matches in the
Whoosh index, and ``<->`` means "the next syllable", as a phrase means in the
query language.

Parts (title, body, notes; title, author, notes) are separated by one unused
position, so no phrase straddles two of them. Weights: title A, author B,
notes C, body D (ranking weighs them; a fielded word asks for its weight).

* ``body_v``     folded syllables of title, body and notes (plain words, phrases).
* ``pairs_v``    adjacent folded syllables of each part as one lexeme ``ha_noi``,
  without positions: a two-syllable phrase is one GIN lookup, longer ones an
  intersection.
* ``fields_v``   folded syllables of title (A), author (B) and notes (C).
* ``accented_v`` the syllables spelled with their diacritics, lower case, with
  positions: only for ranking (``ts_rank_cd`` rewards them close together), so
  typed diacritics count.

A tsvector keeps at most 256 positions per lexeme, positions up to 16,383 and a
lexeme of at most 2,046 bytes, in at most 1 MB; a row that needed more is ``lossy``:
every syllable is kept (so plain words still match), but positional matches on it,
and its pairs (``pairs_v`` keeps the pairs that fit, and ``PAIRS_CUT``), are checked
on the stored text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import Any

import numpy as np

from desktop.core.models import Article
from desktop.core.search.analysis import exact_syllables, fold_text, syllables
from desktop.core.search.documents import AnnotationText
from desktop.core.search.pg import binary

PAIR_SEP = "_"
# In ``pairs_v`` of a row whose pairs did not all fit: a pair query asks for it too, and
# the row's matches are checked on the text. A pair has a syllable each side of "_".
PAIRS_CUT = "_cut"
MAX_POSITION = 16383
MAX_POSITIONS = 256
MAX_LEXEME_BYTES = 2046
# Above this estimated size a vector is written without positions (tsvector: 1 MB).
MAX_VECTOR_BYTES = 900_000

TITLE, AUTHOR, NOTE, BODY = "A", "B", "C", "D"
# A position's weight, in the top two bits of its 16 (tsvector's WordEntryPos).
WEIGHT_BITS = {TITLE: 3 << 14, AUTHOR: 2 << 14, NOTE: 1 << 14, BODY: 0}

# The columns of a row, in the order ``Row.encoded`` writes them.
COLUMNS = (
    "article_id", "gen", "body_v", "pairs_v", "fields_v", "accented_v", "lossy",
    "site", "site_key", "published", "year", "tags",
)

# A lexeme of at most this many code points is short enough whatever its encoding.
_SAFE_LEXEME_CHARS = MAX_LEXEME_BYTES // 4
_EMPTY = bytes(4)  # a tsvector of no lexemes: its count, 0


@dataclass
class Vector:
    """Syllables with their positions (and weights), part after part; ``encoded``
    is the binary tsvector."""

    parts: list[tuple[Sequence[str], int, int]] = field(default_factory=list)
    next: int = 1
    lossy: bool = False

    def add(self, tokens: Sequence[str], weight: str) -> None:
        self.parts.append((tokens, self.next, WEIGHT_BITS[weight]))
        self.next += len(tokens) + 1  # one unused position between parts

    def encoded(self) -> bytes:
        tokens = list(chain.from_iterable(p[0] for p in self.parts))
        if not tokens:
            return _EMPTY
        distinct = dict.fromkeys(tokens)
        lexemes = self._fitting(distinct)
        ids = dict(zip(lexemes, range(len(lexemes)), strict=True))
        # A lexeme too long for a tsvector is left out (-1), with its positions.
        look = ids.__getitem__ if len(ids) == len(distinct) else lambda t: ids.get(t, -1)
        id_of = np.fromiter(map(look, tokens), dtype=np.int64, count=len(tokens))
        at = np.concatenate([np.arange(start, start + len(t), dtype=np.int64)
                             for t, start, _ in self.parts])
        bits = np.concatenate([np.full(len(t), b, dtype=np.int64) for t, _, b in self.parts])
        kept = (at <= MAX_POSITION) & (id_of >= 0)
        if at[-1] > MAX_POSITION:
            self.lossy = True
        if not kept.all():
            id_of, at, bits = id_of[kept], at[kept], bits[kept]
        order = np.argsort(id_of, kind="stable")
        id_of, position = id_of[order], (at | bits)[order]
        counts = np.bincount(id_of, minlength=len(lexemes))
        if len(counts) and counts.max() > MAX_POSITIONS:
            self.lossy = True
            kept = _ranks(counts) < MAX_POSITIONS
            id_of, position = id_of[kept], position[kept]
            counts = np.minimum(counts, MAX_POSITIONS)
        size = sum(map(len, lexemes)) + 8 * len(lexemes) + 2 * int(counts.sum())
        if size > MAX_VECTOR_BYTES:
            self.lossy = True
            return stripped(lexemes)
        return _tsvector(lexemes, counts, position)

    def _fitting(self, distinct: dict[str, None]) -> list[str]:
        if max(map(len, distinct)) <= _SAFE_LEXEME_CHARS:
            return sorted(distinct)
        found = sorted(t for t in distinct if _fits(t))
        if len(found) < len(distinct):
            self.lossy = True
        return found

    def lexemes(self) -> set[str]:
        """The distinct lexemes of the vector."""
        found = set(chain.from_iterable(p[0] for p in self.parts))
        if max(map(len, found), default=0) > _SAFE_LEXEME_CHARS:
            found = {t for t in found if _fits(t)}
        return found


def _tsvector(lexemes: list[str], counts: Any, positions: Any) -> bytes:
    """The binary tsvector: the lexeme count, then each lexeme (NUL-ended), its
    position count and positions, 16-bit big-endian; ``positions`` grouped by
    lexeme in ``lexemes``' order.

    Lexemes go in code-point order, which is their UTF-8 bytes' order, the order
    of a tsvector: the server stores them as it receives them, byte for byte as
    it would store the same vector parsed from its literal."""
    names = np.frombuffer(("\0".join(lexemes) + "\0").encode("utf-8"), dtype=np.uint8)
    ends = np.flatnonzero(names == 0)
    lengths = np.diff(ends, prepend=-1)  # with the NUL
    blocks = lengths + 2 + 2 * counts
    starts = 4 + np.cumsum(blocks) - blocks
    out = np.empty(4 + int(blocks.sum()), dtype=np.uint8)
    out[:4] = np.frombuffer(len(lexemes).to_bytes(4, "big"), dtype=np.uint8)
    out[np.arange(len(names)) + np.repeat(starts - (ends + 1 - lengths), lengths)] = names
    count_at = starts + lengths
    out[count_at] = counts >> 8
    out[count_at + 1] = counts & 0xFF
    if len(positions):
        at = np.repeat(count_at + 2, counts) + 2 * _ranks(counts)
        out[at] = positions >> 8
        out[at + 1] = positions & 0xFF
    return out.tobytes()


def _ranks(counts: Any) -> Any:
    """Each entry's rank within its lexeme's run, for entries grouped by lexeme with
    ``counts`` entries a lexeme: 0, 1, ... for the first lexeme, 0, 1, ... for the next."""
    first = np.cumsum(counts) - counts
    return np.arange(int(counts.sum())) - np.repeat(first, counts)


def _fits(token: str) -> bool:
    return len(token) <= _SAFE_LEXEME_CHARS or len(token.encode("utf-8")) <= MAX_LEXEME_BYTES


def stripped(tokens: Iterable[str]) -> bytes:
    """The binary tsvector of lexemes without positions."""
    return stripped_within(tokens)[0]


def stripped_within(tokens: Iterable[str], marker: str = "") -> tuple[bytes, bool]:
    """The binary tsvector of lexemes without positions, and whether it had to leave
    lexemes out: one too long for a tsvector, or the ones past what a tsvector can
    hold (``MAX_VECTOR_BYTES``), which a page of hundreds of thousands of distinct
    syllable pairs would need. A vector that left some out holds ``marker``."""
    unique = sorted(set(tokens))
    full = len(unique)
    if unique and max(map(len, unique)) > _SAFE_LEXEME_CHARS:
        unique = [t for t in unique if _fits(t)]
    # The server keeps a stripped vector's lexemes in one string area of at most
    # 1 MB; a code point is at most 4 bytes of UTF-8.
    if 4 * sum(map(len, unique)) > MAX_VECTOR_BYTES:
        sizes = np.fromiter((len(t.encode("utf-8")) for t in unique), dtype=np.int64,
                            count=len(unique))
        unique = unique[: int(np.searchsorted(np.cumsum(sizes), MAX_VECTOR_BYTES, "right"))]
    cut = len(unique) < full
    if cut and marker:
        unique = sorted([*unique, marker])
    if not unique:
        return _EMPTY, cut
    # Each lexeme, its NUL and a position count of 0 (two more NULs).
    data = len(unique).to_bytes(4, "big") + ("\0\0\0".join(unique) + "\0\0\0").encode("utf-8")
    return data, cut


def pair_tokens(syls: Sequence[str]) -> list[str]:
    return list(map(PAIR_SEP.join, zip(syls, syls[1:], strict=False)))


def _exact(text: str, folded: list[str]) -> list[str]:
    exact = exact_syllables(text)
    return exact if len(exact) == len(folded) else folded


@dataclass(frozen=True)
class Row:
    """One ``search_docs`` row: the values of its plain columns, its binary tsvectors,
    and the lexemes of its ``body_v`` (what the vocabulary counts), listed only when
    asked for: a fill from scratch counts them, an update merges them in SQL."""

    values: dict[str, Any]
    vectors: dict[str, bytes]
    body: Vector

    @cached_property
    def terms(self) -> set[str]:
        return self.body.lexemes()

    def encoded(self) -> bytes:
        """The row as one tuple of a binary ``COPY`` of ``COLUMNS``."""
        v, text = self.values, binary.text
        return binary.copy_tuple((
            text(v["article_id"]), binary.bigint(v["gen"]),
            self.vectors["body_v"], self.vectors["pairs_v"], self.vectors["fields_v"],
            self.vectors["accented_v"], binary.boolean(v["lossy"]),
            text(v["site"]), text(v["site_key"]), text(v["published"]), text(v["year"]),
            binary.text_array(v["tags"]),
        ))


def row_for(article: Article, notes: AnnotationText | None, gen: int) -> Row:
    """The ``search_docs`` row of ``article``."""
    notes_text = "\n".join(notes.notes) if notes is not None else ""
    parts = ((article.title, TITLE), (article.body, BODY), (notes_text, NOTE))
    body, accented = Vector(), Vector()
    pairs: list[str] = []
    split: list[list[str]] = []
    for text, weight in parts:
        folded = syllables(text)
        split.append(folded)
        body.add(folded, weight)
        pairs += pair_tokens(folded)
        accented.add(_exact(text, folded), weight)
    fields = Vector()
    fields.add(split[0], TITLE)
    fields.add(syllables(article.author or ""), AUTHOR)
    fields.add(split[2], NOTE)
    pairs_v, pairs_cut = stripped_within(pairs, PAIRS_CUT)
    vectors = {
        "body_v": body.encoded(),
        "pairs_v": pairs_v,
        "fields_v": fields.encoded(),
        "accented_v": accented.encoded(),
    }
    site = article.site or None
    values = {
        "article_id": article.id,
        "gen": gen,
        "lossy": body.lossy or fields.lossy or pairs_cut,
        "site": site,
        "site_key": fold_text(site).strip() if site else None,
        "published": article.published.isoformat() if article.published else None,
        "year": f"{article.published.year:04d}" if article.published else None,
        "tags": sorted(notes.tags) if notes is not None else [],
    }
    return Row(values, vectors, body)
