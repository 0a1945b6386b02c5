"""Outcomes of phrase checks on the stored text, kept with the index reader.

A phrase the index cannot prove (three syllables or more, or in one field) is
checked on the stored text of its candidates, which costs a read of every
candidate's article. A reader's documents never change, so each outcome is kept
in the reader's posting cache (``postings.posting_cache``, under its budget) and
a later search for the same phrase on the same reader (the next page, another
sort or filter, a query with the phrase among other words) reads only the
candidates never checked before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from desktop.core.search.postings import BoolArray, IntArray, contains, posting_cache

# The posting cache's "field" for checked phrases (no indexed field has this name).
CHECKED = "\x00checked"


def check_key(syllables: Sequence[str], fields: Sequence[str]) -> tuple[str, str]:
    """The cache key of a phrase looked for in ``fields``."""
    return CHECKED, ",".join(fields) + ":" + " ".join(syllables)


def known(reader: Any, key: tuple[str, str], docs: IntArray) -> tuple[BoolArray, BoolArray]:
    """Which of ``docs`` were found to have the phrase, and which not, by earlier checks."""
    found = posting_cache(reader).get(key)
    if found is None:
        none = np.zeros(len(docs), dtype=bool)
        return none, none.copy()
    ids, outcome = found
    seen = contains(ids, docs)
    if not seen.any():
        return seen, seen.copy()
    passed = np.zeros(len(docs), dtype=bool)
    pos = np.searchsorted(ids, docs[seen])
    passed[seen] = outcome[pos] > 0
    return passed, seen & ~passed


def record(reader: Any, key: tuple[str, str], outcomes: Mapping[int, bool]) -> None:
    """Keep new outcomes (document number -> has the phrase) with the earlier ones."""
    if not outcomes:
        return
    cache = posting_cache(reader)
    new_ids = np.fromiter(outcomes.keys(), dtype=np.int64, count=len(outcomes))
    new_out = np.fromiter(outcomes.values(), dtype=np.float64, count=len(outcomes))
    old = cache.get(key)
    if old is not None:
        fresh = ~contains(old[0], new_ids)
        new_ids = np.concatenate([old[0], new_ids[fresh]])
        new_out = np.concatenate([old[1], new_out[fresh]])
    order = np.argsort(new_ids, kind="stable")
    cache.put(key, (new_ids[order], new_out[order]))
