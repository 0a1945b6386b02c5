"""The Whoosh schema of the search index and its version.

The index is a cache: it stores only the article id. Titles, dates, sites and
snippet text are read back from SQLite. ``body`` and ``note`` keep term
frequencies but no positions; ``pairs`` holds the adjacent syllable pairs of the
title, body and notes (``analysis.pair_terms``), so two-syllable phrases are
exact posting lookups and longer ones an intersection checked on the stored
text of the survivors only.

Bump ``SCHEMA_VERSION`` whenever the fields or the analysis change: an index
written with another version is rebuilt on open.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh import fields, formats

from desktop.core.search.analysis import (
    folding_analyzer,
    pair_terms,
    term_counts,
)

SCHEMA_VERSION = 5

# Fields a plain (unfielded) query word searches, with their boosts. ``body`` holds
# the title (repeated ``TITLE_WEIGHT`` times, its BM25F weight), the body and the
# notes, so a plain word is one term lookup instead of a union over three fields.
DEFAULT_FIELDS: dict[str, float] = {"body": 1.0}
TITLE_WEIGHT = 3



class Counts(formats.Frequency):  # type: ignore[misc]
    """Term frequencies kept only as the posting weights, with no per-posting value.

    Whoosh's ``Frequency`` stores each frequency twice (a float weight and a 4-byte
    value); the weights alone are what ``postings`` reads, so the value is dropped."""

    posting_size = 0


class FoldedText(fields.TEXT):  # type: ignore[misc]
    """Folded syllables with frequencies only; indexes from a ``Counter`` quickly."""

    # Whether the terms are adjacent syllable pairs (how the bulk writer counts them).
    pairs = False

    def __init__(self, *, phrase: bool = False, field_boost: float = 1.0):
        super().__init__(
            analyzer=folding_analyzer(), phrase=phrase, field_boost=field_boost
        )
        self._phrase = phrase
        if not phrase:
            self.format = Counts(field_boost=field_boost)

    @property
    def positional(self) -> bool:
        """Indexed with positions (through Whoosh's analyzer, not ``counts``)."""
        return self._phrase

    def counts(self, value: str) -> Counter[str]:
        """Term -> occurrences for ``value``."""
        return term_counts(value)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if self._phrase or not isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        for term, freq in self.counts(value).items():
            yield term.encode("utf-8"), freq, freq * boost, b""


class SyllablePairs(FoldedText):
    """Adjacent syllable pairs of the title, body and notes (see ``analysis.pair_terms``).

    The bulk writer moves pairs found in fewer than ``MIN_PAIR_DOCS`` documents of
    a segment into hashed bucket terms (``analysis.pair_buckets``)."""

    prune_rare = True
    pairs = True

    def counts(self, value: str) -> Counter[str]:
        return pair_terms(value)



def build_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=FoldedText(phrase=True),
        body=FoldedText(),
        # The parts of ``body`` (title x TITLE_WEIGHT, body, notes) as pairs.
        pairs=SyllablePairs(),
        note=FoldedText(),
        author=FoldedText(),
        # The folded site for matching; its column keeps the site as stored.
        site=fields.ID(sortable=True),
        # ISO date (``2023-05-01``) or empty; sortable for newest/oldest.
        published=fields.ID(sortable=True),
        year=fields.ID(sortable=True),
        # Tags lower-cased; ``policy/funding`` is also indexed as ``policy``.
        tag=fields.KEYWORD(lowercase=False, commas=True),
    )
