"""Pydantic models for the result of comparing two article bodies.

Spans are ``(start, end)`` code-point offsets into the stored body of article A
or B. Figures are fractions between 0 and 1.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PairKind = Literal["same", "changed", "only_a", "only_b"]
WordChangeKind = Literal["replace", "delete", "insert"]
Span = tuple[int, int]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class WordChange(_Frozen):
    """Syllables changed inside an aligned (``changed``) pair.

    ``delete`` has only an A span, ``insert`` only a B span, ``replace`` both.
    """

    kind: WordChangeKind
    a: Span | None = None
    b: Span | None = None

    def public_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "a": list(self.a) if self.a else None,
            "b": list(self.b) if self.b else None,
        }


class AlignedPair(_Frozen):
    """One passage of A and its partner in B (either side missing for one-sided passages).

    ``same`` passages may span several consecutive sentences; ``score`` is the
    fuzzy similarity (0-100) of a ``changed`` pair, 100 for ``same``, 0 otherwise.
    """

    kind: PairKind
    a: Span | None = None
    b: Span | None = None
    score: float = 0.0
    words: tuple[WordChange, ...] = ()

    def public_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "a": list(self.a) if self.a else None,
            "b": list(self.b) if self.b else None,
            "kind": self.kind,
        }
        if self.kind == "changed":
            d["score"] = round(self.score, 1)
            d["words"] = [w.public_dict() for w in self.words]
        return d


class ParagraphLink(_Frozen):
    """A paragraph of A and the paragraph of B that holds most of its aligned text."""

    a: Span
    b: Span
    a_index: int
    b_index: int
    # Share of A's paragraph (non-whitespace characters) aligned into B's paragraph.
    share: float


class Similarity(_Frozen):
    """How much of each text is found again in the other.

    ``a_in_b`` is the share of A's non-whitespace characters that lie in passages
    aligned with B (``same`` or ``changed``); ``b_in_a`` likewise for B.
    """

    a_in_b: float
    b_in_a: float


class CompareResult(_Frozen):
    similarity: Similarity
    pairs: list[AlignedPair]
    paragraphs: list[ParagraphLink] = Field(default_factory=list)
    took_ms: float = 0.0
    # True when the time budget ran out and fuzzy or word-level matching was cut short.
    degraded: bool = False
    notice: str | None = None

    def public_dict(self) -> dict[str, Any]:
        """The JSON contract of ``archive-browser compare --json``."""
        d: dict[str, Any] = {
            "similarity": {
                "a_in_b": round(self.similarity.a_in_b, 4),
                "b_in_a": round(self.similarity.b_in_a, 4),
            },
            "pairs": [p.public_dict() for p in self.pairs],
            "took_ms": round(self.took_ms, 2),
        }
        if self.degraded:
            d["degraded"] = True
            d["notice"] = self.notice
        return d

    def swapped(self) -> CompareResult:
        """The same comparison seen from B: sides, one-sided kinds and figures exchanged."""
        flip_kind: dict[str, PairKind] = {"only_a": "only_b", "only_b": "only_a"}
        flip_word: dict[str, WordChangeKind] = {"delete": "insert", "insert": "delete"}
        pairs = [
            AlignedPair(
                kind=flip_kind.get(p.kind, p.kind),
                a=p.b,
                b=p.a,
                score=p.score,
                words=tuple(
                    WordChange(kind=flip_word.get(w.kind, w.kind), a=w.b, b=w.a) for w in p.words
                ),
            )
            for p in self.pairs
        ]
        pairs.sort(key=lambda p: (p.a is None, p.a or (0, 0)))
        return self.model_copy(
            update={
                "similarity": Similarity(
                    a_in_b=self.similarity.b_in_a, b_in_a=self.similarity.a_in_b
                ),
                "pairs": _with_one_sided_in_place(pairs),
                "paragraphs": [
                    ParagraphLink(a=p.b, b=p.a, a_index=p.b_index, b_index=p.a_index,
                                  share=p.share)
                    for p in self.paragraphs
                ],
            }
        )

    def counts(self) -> dict[str, int]:
        out = {"same": 0, "changed": 0, "only_a": 0, "only_b": 0}
        for p in self.pairs:
            out[p.kind] += 1
        return out


def _with_one_sided_in_place(pairs: list[AlignedPair]) -> list[AlignedPair]:
    """Pairs sorted by A, with B-only pairs placed after the pair preceding them in B."""
    with_a = [p for p in pairs if p.a is not None]
    only_b = sorted((p for p in pairs if p.a is None), key=lambda p: p.b or (0, 0))
    by_b = sorted(
        ((p.b[0], n) for n, p in enumerate(with_a) if p.b is not None), key=lambda t: t[0]
    )
    after: dict[int, list[AlignedPair]] = {}
    for p in only_b:
        assert p.b is not None
        anchor = -1
        for start, n in by_b:
            if start > p.b[0]:
                break
            anchor = n
        after.setdefault(anchor, []).append(p)
    out = list(after.get(-1, []))
    for n, p in enumerate(with_a):
        out.append(p)
        out.extend(after.get(n, []))
    return out
