"""The set of document numbers a query matches, from posting lists and set algebra.

Counting and faceting need every match, not just the best ones; reading the
posting lists into Python sets is much faster than driving Whoosh's matchers
document by document. Phrases give the superset "all syllables present" (see
``compiler``); deleted documents are removed at the end.
"""

from __future__ import annotations

from typing import Any

from whoosh.searching import Searcher

from desktop.core.search.compiler import compile_word
from desktop.core.search.query import (
    All,
    Any_,
    DateRange,
    MatchAll,
    Node,
    Not,
    Value,
    Word,
    has_phrase,
)
from desktop.core.search.schema import DEFAULT_FIELDS

MAX_EXPANSION = 2000


class DocSets:
    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.reader: Any = searcher.reader()
        self._live: set[int] | None = None

    def live(self) -> set[int]:
        if self._live is None:
            self._live = set(self.reader.all_doc_ids())
        return self._live

    def matching(self, node: Node) -> set[int]:
        docs = self._eval(node)
        if self.reader.has_deletions():
            docs &= self.live()
        return docs

    def _postings(self, field: str, text: str) -> set[int]:
        term = text.encode("utf-8")
        if (field, term) not in self.reader:
            return set()
        return set(self.reader.postings(field, term).all_ids())

    def _prefix(self, field: str, prefix: str) -> set[int]:
        out: set[int] = set()
        if field not in self.reader.indexed_field_names():
            return out
        for n, term in enumerate(self.reader.expand_prefix(field, prefix)):
            if n >= MAX_EXPANSION:
                break
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            out |= self._postings(field, text)
        return out

    def _word(self, word: Word) -> set[int]:
        fields = list(DEFAULT_FIELDS) if word.field is None else [word.field]
        if word.mode == "fuzzy":
            return set(compile_word(word).docs(self.searcher))
        out: set[int] = set()
        for field in fields:
            if word.mode == "prefix":
                out |= self._prefix(field, word.syllables[0])
                continue
            sets = sorted((self._postings(field, s) for s in word.syllables), key=len)
            found = sets[0]
            for other in sets[1:]:
                found = found & other
            out |= found
        return out

    def _eval(self, node: Node) -> set[int]:
        if isinstance(node, MatchAll):
            return set(self.live())
        if isinstance(node, Word):
            return self._word(node)
        if isinstance(node, Value):
            if node.prefix:
                return self._prefix(node.field, node.text)
            return self._postings(node.field, node.text)
        if isinstance(node, DateRange):
            out: set[int] = set()
            for term in self.reader.lexicon(node.field):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                if (node.lo is None or text >= node.lo) and (node.hi is None or text <= node.hi):
                    out |= self._postings(node.field, text)
            return out
        if isinstance(node, Any_):
            out = set()
            for child in node.children:
                out |= self._eval(child)
            return out
        if isinstance(node, Not):
            if has_phrase(node.child):
                return set(self.live())
            return self.live() - self._eval(node.child)
        if isinstance(node, All):
            positive = [c for c in node.children if not isinstance(c, Not)]
            negative = [c.child for c in node.children if isinstance(c, Not)]
            sets = sorted((self._eval(c) for c in positive), key=len)
            found = sets[0] if sets else set(self.live())
            for other in sets[1:]:
                found &= other
            for child in negative:
                if found and not has_phrase(child):
                    found -= self._eval(child)
            return found
        raise TypeError(f"unknown query node {node!r}")
