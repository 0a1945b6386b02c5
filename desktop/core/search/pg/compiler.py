"""A parsed query (``search.query``) -> one SQL condition over ``search_docs``.

The condition is EXACT for every row that is not ``lossy`` (see ``vectors``), and a
superset for lossy rows and for ``NEAR``; ``Compiler.checks`` says which rows the
caller must check on the stored text (``store_scan.verified``):

* a plain word is one lexeme of ``body_v`` (title, body and notes; a GIN lookup);
  ``title:``/``author:``/``note:`` ask ``fields_v`` for their weight;
* a two-syllable phrase is one ``pairs_v`` lexeme; a longer one the intersection
  of its pairs, then ``<->`` on ``body_v``; a fielded phrase ``<->`` with the
  field's weight; a row whose pairs were cut answers every pair query (checked);
* a prefix is a tsquery prefix; a fuzzy word the vocabulary's spellings within
  its edits (first letter kept, ``MAX_EXPANSION`` of them, as the Whoosh index);
* ``site:``/``tag:``/``published:`` and date ranges are columns; ``collection:``
  and the store-backed filters are article ids from the store (``storefilters``);
* ``NEAR`` needs all its words (the distance is checked on the text); NOT over a
  node that is only a superset constrains nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rapidfuzz.distance import Levenshtein

from desktop.core.search.docsets import FUZZY_PREFIX, MAX_EXPANSION, filter_terms
from desktop.core.search.pg.vectors import AUTHOR, BODY, NOTE, PAIRS_CUT, TITLE, pair_tokens
from desktop.core.search.query import (
    All,
    Any_,
    DateRange,
    MatchAll,
    Near,
    Node,
    Not,
    Value,
    Word,
    any_word_or_near,
)
from desktop.core.search.storefilters import STORE_FIELDS, IdSet, StoreFilters

FIELD_WEIGHTS = {"title": TITLE, "author": AUTHOR, "note": NOTE}

# Terms of the vocabulary within a fuzzy word's edits: (first letters, min len, max len).
VocabLookup = Callable[[str, int, int], list[str]]


def lexeme(term: str, weight: str = "", prefix: bool = False) -> str:
    """One tsquery operand. Syllables are letters and digits only: no quoting needed."""
    return f"'{term}'" + (":" if prefix or weight else "") + ("*" if prefix else "") + weight


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def checked_on_lossy(node: Node) -> bool:
    """True when the condition of ``node`` is only a superset on ``lossy`` rows, whose
    matches are checked on the stored text: NEAR and every phrase (a lossy row's
    positions and pairs may be cut; ``vectors``)."""
    return any_word_or_near(node, lambda w: w.is_phrase)


def has_near(node: Node) -> bool:
    return any_word_or_near(node, lambda _w: False)


def _plain_body_word(node: Node) -> bool:
    """A one-syllable word or prefix in the default fields (one ``body_v`` operand)."""
    return (
        isinstance(node, Word) and node.field in (None, "body")
        and node.mode in ("term", "prefix") and len(node.syllables) == 1
    )


def _operand(word: Word) -> str:
    return lexeme(word.syllables[0], prefix=word.mode == "prefix")


class Compiler:
    """Builds SQL conditions; parameters collect in ``params`` (``:p0``, ``:p1``...)."""

    def __init__(self, vocab: VocabLookup, store: StoreFilters | None):
        self.vocab = vocab
        self.store = store
        self.params: dict[str, Any] = {}
        self._fuzzy: dict[tuple[str, int], list[str]] = {}

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return ":" + name

    def tsq(self, query: str) -> str:
        return self.param(query) + "::tsquery"

    # -- nodes -----------------------------------------------------------------

    def cond(self, node: Node) -> str:
        if isinstance(node, MatchAll):
            return "TRUE"
        if isinstance(node, Word):
            return self.word(node)
        if isinstance(node, Value):
            return self._value(node)
        if isinstance(node, DateRange):
            parts = ["published IS NOT NULL"]
            if node.lo is not None:
                parts.append(f"published >= {self.param(node.lo)}")
            if node.hi is not None:
                parts.append(f"published <= {self.param(node.hi)}")
            return "(" + " AND ".join(parts) + ")"
        if isinstance(node, Near):
            return "(" + " AND ".join(self.word(w) for w in node.children) + ")"
        if isinstance(node, All):
            # Plain words ANDed: one tsquery, so each vector is read once per row.
            plain = [c for c in node.children if _plain_body_word(c)]
            rest = [c for c in node.children if not _plain_body_word(c)]
            parts = [self.cond(c) for c in rest]
            if plain:
                every = " & ".join(dict.fromkeys(_operand(w) for w in plain))  # type: ignore[arg-type]
                parts.insert(0, "body_v @@ " + self.tsq(every))
            return "(" + " AND ".join(parts) + ")" if parts else "TRUE"
        if isinstance(node, Any_):
            parts = [self.cond(c) for c in node.children]
            return "(" + " OR ".join(parts) + ")" if parts else "FALSE"
        if isinstance(node, Not):
            if has_near(node.child):
                return "TRUE"  # checked on the text
            inner = f"NOT COALESCE({self.cond(node.child)}, FALSE)"
            return f"(lossy OR {inner})" if checked_on_lossy(node.child) else f"({inner})"
        raise TypeError(f"unknown query node {node!r}")

    def word(self, word: Word) -> str:
        in_body = word.field in (None, "body")
        column = "body_v" if in_body else "fields_v"
        weight = "" if in_body else FIELD_WEIGHTS.get(word.field or "", "")
        if not in_body and not weight:
            return "FALSE"
        syls = word.syllables
        if word.mode == "fuzzy":
            terms = self.fuzzy_terms(syls[0], word.fuzz)
            if not terms:
                return "FALSE"
            return f"{column} @@ " + self.tsq(" | ".join(lexeme(t, weight) for t in terms))
        if word.mode == "prefix":
            return f"{column} @@ " + self.tsq(lexeme(syls[0], weight, prefix=True))
        if len(syls) == 1:
            return f"{column} @@ " + self.tsq(lexeme(syls[0], weight))
        if word.field is None:
            # A row whose pairs were cut answers every pair query (checked on the text).
            every_pair = " & ".join(lexeme(p) for p in dict.fromkeys(pair_tokens(syls)))
            pairs = "pairs_v @@ " + self.tsq(f"({every_pair}) | {lexeme(PAIRS_CUT)}")
            if len(syls) == 2:
                return pairs
            phrase = " <-> ".join(lexeme(s) for s in syls)
            return f"({pairs} AND (lossy OR body_v @@ {self.tsq(phrase)}))"
        # A fielded phrase (``body:`` means the article's body alone, as on the text).
        weight = BODY if word.field == "body" else weight
        every = " & ".join(lexeme(s) for s in dict.fromkeys(syls))
        phrase = " <-> ".join(lexeme(s, weight) for s in syls)
        return f"({column} @@ {self.tsq(every)} AND (lossy OR {column} @@ {self.tsq(phrase)}))"

    def fuzzy_terms(self, text: str, distance: int) -> list[str]:
        key = (text, distance)
        found = self._fuzzy.get(key)
        if found is None:
            candidates = self.vocab(text[:FUZZY_PREFIX], len(text) - distance, len(text) + distance)
            found = [
                t for t in candidates
                if Levenshtein.distance(t, text, score_cutoff=distance) <= distance
            ][:MAX_EXPANSION]
            self._fuzzy[key] = found
        return found

    def _value(self, node: Value) -> str:
        if node.field in STORE_FIELDS:
            if self.store is None:
                return "FALSE"
            return self.ids(self.store.field_ids(node.field, node.text, node.prefix))
        if node.field == "site":
            if node.prefix:
                return f"site_key LIKE {self.param(_like_prefix(node.text))}"
            return f"site_key = {self.param(node.text)}"
        if node.field == "tag":
            if node.prefix:
                return (
                    "EXISTS (SELECT 1 FROM unnest(tags) t WHERE t LIKE "
                    f"{self.param(_like_prefix(node.text))})"
                )
            return f"tags @> ARRAY[{self.param(node.text)}::text]"
        if node.field == "published":
            if node.prefix and len(node.text) == 4:
                return f"year = {self.param(node.text)}"
            if node.prefix:
                return f"published LIKE {self.param(_like_prefix(node.text))}"
            return f"published = {self.param(node.text)}"
        return "FALSE"

    def ids(self, found: IdSet) -> str:
        if not found.ids:
            return "TRUE" if found.negate else "FALSE"
        listed = f"(SELECT jsonb_array_elements_text({self.param(json.dumps(found.ids))}::jsonb))"
        return f"article_id {'NOT IN' if found.negate else 'IN'} {listed}"

    # -- the UI's facet filters ------------------------------------------------

    def filters(self, filters: Mapping[str, Sequence[str]]) -> str:
        """The facet filters (values ORed, keys ANDed) as one condition."""
        parts: list[str] = []
        for key, values in filters.items():
            values = [v for v in values if v is not None and str(v).strip()]
            if not values:
                continue
            terms = filter_terms(key, values)
            if terms is None:
                if self.store is not None:
                    parts.append(self.ids(self.store.filter_ids(key, values)))
                continue
            column = {"site": "site_key", "year": "year"}.get(key)
            if column is not None:
                parts.append(f"{column} = ANY({self.param(list(terms))}::text[])")
            else:
                parts.append(f"tags && {self.param(list(terms))}::text[]")
        return " AND ".join(parts) if parts else "TRUE"
