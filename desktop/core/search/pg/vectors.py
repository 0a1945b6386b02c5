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
* ``pairs_v``    adjacent folded syllables of each part as one lexeme ``ha_noi``:
  a two-syllable phrase is one GIN lookup, longer ones an intersection.
* ``fields_v``   folded syllables of title (A), author (B) and notes (C).
* ``accented_v`` the same syllables and pairs spelled with their diacritics,
  lower case (``đổi_mới``): only for ranking, so typed diacritics count.

A tsvector keeps at most 256 positions per lexeme, positions up to 16,383 and a
lexeme of at most 2,046 bytes; a row that needed more is ``lossy``: every lexeme
is kept (so plain words still match) but positional matches on it are checked
on the stored text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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


@dataclass
class Vector:
    """Lexeme -> positions with weights, written as a tsvector literal."""

    positions: dict[str, list[str]] = field(default_factory=dict)
    next: int = 1
    lossy: bool = False

    def add(self, tokens: Sequence[str], weight: str) -> None:
        for token in tokens:
            at = self.next
            self.next += 1
            if len(token.encode("utf-8")) > MAX_LEXEME_BYTES:
                self.lossy = True
                continue
            entry = self.positions.setdefault(token, [])
            if at > MAX_POSITION or len(entry) >= MAX_POSITIONS:
                self.lossy = True
                continue
            entry.append(f"{at}{weight}")
        self.next += 1  # the gap between parts

    def literal(self) -> str:
        size = sum(len(t.encode("utf-8")) + 8 + 2 * len(p) for t, p in self.positions.items())
        if size > MAX_VECTOR_BYTES:
            self.lossy = True
            return " ".join(f"'{t}'" for t in self.positions)
        return " ".join(
            f"'{t}':{','.join(p)}" if p else f"'{t}'" for t, p in self.positions.items()
        )


def pair_tokens(syls: Sequence[str]) -> list[str]:
    return [a + PAIR_SEP + b for a, b in zip(syls, syls[1:], strict=False)]


def _exact(text: str, folded: list[str]) -> list[str]:
    exact = exact_syllables(text)
    return exact if len(exact) == len(folded) else folded


def row_for(article: Article, notes: AnnotationText | None, gen: int) -> dict[str, Any]:
    """The ``search_docs`` row of ``article`` (values as JSON-able Python)."""
    notes_text = "\n".join(notes.notes) if notes is not None else ""
    parts = ((article.title, TITLE), (article.body, BODY), (notes_text, NOTE))
    body, pairs, accented = Vector(), Vector(), Vector()
    for text, weight in parts:
        folded = syllables(text)
        exact = _exact(text, folded)
        body.add(folded, weight)
        pairs.add(pair_tokens(folded), weight)
        accented.add(exact + pair_tokens(exact), weight)
    fields = Vector()
    for text, weight in ((article.title, TITLE), (article.author or "", AUTHOR),
                         (notes_text, NOTE)):
        fields.add(syllables(text), weight)
    vectors = {
        "body_v": body.literal(),
        "pairs_v": pairs.literal(),
        "fields_v": fields.literal(),
        "accented_v": accented.literal(),
    }
    site = article.site or None
    return {
        "article_id": article.id,
        "gen": gen,
        **vectors,
        "lossy": body.lossy or fields.lossy,  # pairs match without positions
        "site": site,
        "site_key": fold_text(site).strip() if site else None,
        "published": article.published.isoformat() if article.published else None,
        "year": f"{article.published.year:04d}" if article.published else None,
        "tags": sorted(notes.tags) if notes is not None else [],
    }
