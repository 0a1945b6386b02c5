"""One article -> its row in ``search_docs``: tsvectors of the app's own syllables.

PostgreSQL's parser would cut text differently from the Whoosh analyzer (it keeps
hyphenated compounds, URLs and e-mail addresses whole, and gives a compound and
its parts extra positions), so the vectors are written here as tsvector literals
from ``analysis``'s folded syllables (``đ`` -> ``d`` by ``textnorm.fold``, the same
folding as the Whoosh index), with their positions. A syllable therefore matches
on the server exactly where it matches in the Whoosh index, and ``<->`` means
"the next syllable", as a phrase means in the query language.

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
lexeme of at most 2,046 bytes; a row that needed more is ``lossy``: every lexeme
is kept (so plain words still match) but positional matches on it are checked
on the stored text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from desktop.core.models import Article
from desktop.core.search.analysis import exact_syllables, fold_text, syllables
from desktop.core.search.documents import AnnotationText

PAIR_SEP = "_"
MAX_POSITION = 16383
MAX_POSITIONS = 256
MAX_LEXEME_BYTES = 2046
# Above this estimated size a vector is written without positions (tsvector: 1 MB).
MAX_VECTOR_BYTES = 900_000

TITLE, AUTHOR, NOTE, BODY = "A", "B", "C", "D"


# A lexeme of at most this many code points is short enough whatever its encoding.
_SAFE_LEXEME_CHARS = MAX_LEXEME_BYTES // 4


@dataclass
class Vector:
    """Lexeme -> positions (with their weight letter), written as a tsvector literal."""

    positions: dict[str, list[str]] = field(default_factory=dict)
    next: int = 1
    lossy: bool = False

    def add(self, tokens: Sequence[str], weight: str) -> None:
        suffix = "" if weight == BODY else weight  # D is the default weight
        found = self.positions
        start = self.next
        self.next += len(tokens) + 1  # one unused position between parts
        for at, token in enumerate(tokens, start):
            entry = found.get(token)
            if entry is None:
                entry = found[token] = []
            if at <= MAX_POSITION:
                entry.append(f"{at}{suffix}")
            else:
                self.lossy = True

    def literal(self) -> str:
        out: list[str] = []
        size = 0
        for token, at in self.positions.items():
            if not _fits(token):
                self.lossy = True
                continue
            if len(at) > MAX_POSITIONS:
                self.lossy = True
                at = at[:MAX_POSITIONS]
            size += len(token) + 8 + 2 * len(at)
            out.append(f"'{token}':{','.join(at)}" if at else f"'{token}'")
        if size > MAX_VECTOR_BYTES:
            self.lossy = True
            return stripped(self.positions)
        return " ".join(out)

    def lexemes(self) -> set[str]:
        """The distinct lexemes of the literal."""
        found = set(self.positions)
        if max(map(len, found), default=0) > _SAFE_LEXEME_CHARS:
            found = {t for t in found if _fits(t)}
        return found


def _fits(token: str) -> bool:
    return len(token) <= _SAFE_LEXEME_CHARS or len(token.encode("utf-8")) <= MAX_LEXEME_BYTES


def stripped(tokens: Iterable[str]) -> str:
    """A tsvector literal of lexemes without positions."""
    unique = list(dict.fromkeys(tokens))
    if not unique:
        return ""
    if max(map(len, unique)) > _SAFE_LEXEME_CHARS:
        unique = [t for t in unique if _fits(t)]
        if not unique:
            return ""
    return "'" + "' '".join(unique) + "'"


def pair_tokens(syls: Sequence[str]) -> list[str]:
    return list(map(PAIR_SEP.join, zip(syls, syls[1:], strict=False)))


def _exact(text: str, folded: list[str]) -> list[str]:
    exact = exact_syllables(text)
    return exact if len(exact) == len(folded) else folded


@dataclass(frozen=True)
class Row:
    """One ``search_docs`` row (values as JSON-able Python) and the lexemes of its
    ``body_v`` (what the vocabulary counts), listed only when asked for: a fill from
    scratch counts them, an update merges them in SQL."""

    values: dict[str, Any]
    body: Vector

    @cached_property
    def terms(self) -> set[str]:
        return self.body.lexemes()


def row_for(article: Article, notes: AnnotationText | None, gen: int) -> Row:
    """The ``search_docs`` row of ``article``."""
    notes_text = "\n".join(notes.notes) if notes is not None else ""
    parts = ((article.title, TITLE), (article.body, BODY), (notes_text, NOTE))
    body, accented = Vector(), Vector()
    pairs: list[str] = []
    for text, weight in parts:
        folded = syllables(text)
        body.add(folded, weight)
        pairs += pair_tokens(folded)
        accented.add(_exact(text, folded), weight)
    fields = Vector()
    for text, weight in ((article.title, TITLE), (article.author or "", AUTHOR),
                         (notes_text, NOTE)):
        fields.add(syllables(text), weight)
    vectors = {
        "body_v": body.literal(),
        "pairs_v": stripped(pairs),
        "fields_v": fields.literal(),
        "accented_v": accented.literal(),
    }
    site = article.site or None
    values = {
        "article_id": article.id,
        "gen": gen,
        **vectors,
        "lossy": body.lossy or fields.lossy,
        "site": site,
        "site_key": fold_text(site).strip() if site else None,
        "published": article.published.isoformat() if article.published else None,
        "year": f"{article.published.year:04d}" if article.published else None,
        "tags": sorted(notes.tags) if notes is not None else [],
    }
    return Row(values, body)
