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

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
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


# Position labels as tsvector input spells them (``12``, ``12A``), made once: writing
# a million articles formats several hundred million of them otherwise.
_LABELS = {
    weight: [f"{at}{'' if weight == BODY else weight}" for at in range(MAX_POSITION + 1)]
    for weight in (TITLE, AUTHOR, NOTE, BODY)
}
# A lexeme of at most this many code points is short enough whatever its encoding.
_SAFE_LEXEME_CHARS = MAX_LEXEME_BYTES // 4


@dataclass
class Vector:
    """Syllables with their positions (and weight letter), written as a tsvector literal.

    Most rows are written as one ``'lexeme':position`` entry per syllable, which
    PostgreSQL's tsvector input sorts and merges itself (far cheaper than grouping
    in Python); a row past a tsvector's limits is grouped here and trimmed."""

    tokens: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    beyond: list[str] = field(default_factory=list)  # past MAX_POSITION: no position
    next: int = 1
    lossy: bool = False
    counts: Counter[str] = field(default_factory=Counter)  # by ``literal``

    def add(self, tokens: Sequence[str], weight: str) -> None:
        start = self.next
        self.next += len(tokens) + 1  # one unused position between parts
        labels = _LABELS[weight][start : start + len(tokens)]  # none past MAX_POSITION
        self.tokens += tokens[: len(labels)]
        self.labels += labels
        if len(tokens) > len(labels):
            self.lossy = True
            self.beyond += tokens[len(labels) :]

    def literal(self) -> str:
        tokens = self.tokens
        if not tokens and not self.beyond:
            return ""
        counts = self.counts = Counter(tokens)
        if (
            not self.beyond
            and max(counts.values()) <= MAX_POSITIONS
            and max(map(len, counts)) <= _SAFE_LEXEME_CHARS
            and sum(map(len, counts)) + 8 * len(counts) + 2 * len(tokens) <= MAX_VECTOR_BYTES
        ):
            return " ".join(map("'{}':{}".format, tokens, self.labels))
        return self._grouped()

    def lexemes(self) -> set[str]:
        """The distinct lexemes of the literal (after ``literal``)."""
        found = set(self.counts)
        found.update(self.beyond)
        if max(map(len, found), default=0) > _SAFE_LEXEME_CHARS:
            found = {t for t in found if _fits(t)}
        return found

    def _grouped(self) -> str:
        """The literal with positions grouped per lexeme, dropping lexemes and
        positions beyond the limits of a tsvector (the row becomes ``lossy``)."""
        found: defaultdict[str, list[str]] = defaultdict(list)
        for token, label in zip(self.tokens, self.labels, strict=True):
            found[token].append(label)
        for token in self.beyond:
            found[token]  # noqa: B018 - the lexeme without positions
        out: list[str] = []
        size = 0
        for token, at in found.items():
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
            return stripped(found)
        return " ".join(out)


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
    ``body_v`` (what the vocabulary counts)."""

    values: dict[str, Any]
    terms: set[str]


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
    return Row(values, body.lexemes())
