"""Aligning two article bodies sentence by sentence, then syllable by syllable.

1. Both bodies are split into sentences (``sentences``); overlong sentences are
   cut into pieces so that no unit is huge.
2. Exact matches: sentences whose folded, whitespace-collapsed text is equal,
   wherever they are (so reordered passages are found).
3. Fuzzy matches among the rest: ``rapidfuzz.process.cdist`` with the better of
   ``fuzz.ratio`` and ``fuzz.token_sort_ratio`` on folded text, then a greedy
   best-first one-to-one assignment above ``threshold``.
4. Inside each changed pair, an Indel (LCS) diff of syllable tokens marks the
   changed words.
5. Unmatched sentences become ``only_a`` / ``only_b``; consecutive runs are
   merged into passages.

Everything runs against a time budget: when it runs out, fuzzy matching or the
word-level diff stops where it is and the result says ``degraded``.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from desktop.core.compare.models import (
    AlignedPair,
    CompareResult,
    ParagraphLink,
    Similarity,
    WordChange,
    WordChangeKind,
)
from desktop.core.compare.sentences import paragraphs, split_sentences
from desktop.core.compare.tokens import Token, tokenize
from desktop.core.textnorm import fold

# Unrelated news sentences score below 62 in 99.9% of cases (max of ratio and
# token_sort_ratio on folded text, measured on the vn-news corpus).
DEFAULT_THRESHOLD = 66.0
# Short sentences need a higher score: "Ông nói." and "Bà nói." are not a rewording.
SHORT_KEY_CHARS = 24
SHORT_THRESHOLD = 80.0
DEFAULT_BUDGET_MS = 2000.0
MAX_UNIT_CHARS = 600
_CDIST_CELLS = 40_000  # per chunk, so the budget is checked often


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    paragraph: int
    key: str
    weight: int  # non-whitespace characters


class _Clock:
    def __init__(self, budget_ms: float | None):
        self.t0 = time.perf_counter()
        self.budget = budget_ms

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.t0) * 1000.0

    def out_of_time(self) -> bool:
        return self.budget is not None and self.elapsed_ms() > self.budget


def compare_texts(
    a: str,
    b: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    time_budget_ms: float | None = DEFAULT_BUDGET_MS,
) -> CompareResult:
    """Align body ``a`` with body ``b``; spans in the result are code points into each."""
    clock = _Clock(time_budget_ms)
    units_a, units_b = _units(a), _units(b)
    match_a: list[int] = [-1] * len(units_a)
    match_b: list[int] = [-1] * len(units_b)
    scores: dict[int, float] = {}
    notices: list[str] = []

    _match_exact(units_a, units_b, match_a, match_b, scores)
    if not _match_fuzzy(units_a, units_b, match_a, match_b, scores, threshold, clock):
        notices.append("fuzzy matching stopped at the time budget")

    groups = _absorb_pieces(units_a, units_b, match_a, match_b, clock)
    sentence_pairs = _sentence_pairs(units_a, units_b, match_a, match_b, groups)
    pairs, words_complete = _with_word_changes(
        a, b, units_a, units_b, sentence_pairs, scores, clock
    )
    if not words_complete:
        notices.append("word-level changes skipped at the time budget")
    merged = _merge_runs(pairs, units_a, units_b)

    similarity = Similarity(
        a_in_b=_aligned_share(units_a, match_a), b_in_a=_aligned_share(units_b, match_b)
    )
    return CompareResult(
        similarity=similarity,
        pairs=merged,
        paragraphs=_paragraph_links(a, b, units_a, units_b, match_a),
        took_ms=clock.elapsed_ms(),
        degraded=bool(notices),
        notice=("Large texts: " + "; ".join(notices) + ".") if notices else None,
    )


# -- units -------------------------------------------------------------------


def _units(text: str) -> list[_Unit]:
    folded = fold(text)
    out: list[_Unit] = []
    for s in split_sentences(text):
        for start, end in _pieces(text, s.start, s.end):
            seg = folded[start:end].split()
            out.append(_Unit(start, end, s.paragraph, " ".join(seg), sum(map(len, seg))))
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` cut at spaces into pieces of at most about MAX_UNIT_CHARS."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_UNIT_CHARS:
        cut = text.rfind(" ", start + MAX_UNIT_CHARS // 2, start + MAX_UNIT_CHARS)
        if cut <= start:
            cut = start + MAX_UNIT_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


# -- matching ----------------------------------------------------------------


def _match_exact(
    ua: list[_Unit], ub: list[_Unit], ma: list[int], mb: list[int], scores: dict[int, float]
) -> None:
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for j, u in enumerate(ub):
        waiting[u.key].append(j)
    for i, u in enumerate(ua):
        queue = waiting.get(u.key)
        if queue:
            j = queue.popleft()
            ma[i], mb[j] = j, i
            scores[i] = 100.0


def _match_fuzzy(
    ua: list[_Unit],
    ub: list[_Unit],
    ma: list[int],
    mb: list[int],
    scores: dict[int, float],
    threshold: float,
    clock: _Clock,
) -> bool:
    """Greedy best-first fuzzy matching of the unmatched units; False if cut short."""
    free_a = [i for i, m in enumerate(ma) if m < 0]
    free_b = [j for j, m in enumerate(mb) if m < 0]
    if not free_a or not free_b:
        return True
    keys_b = [ub[j].key for j in free_b]
    short_b = np.array([len(k) < SHORT_KEY_CHARS for k in keys_b])
    rows = max(1, _CDIST_CELLS // len(free_b))
    found: list[tuple[float, int, int]] = []
    complete = True
    for lo in range(0, len(free_a), rows):
        if clock.out_of_time():
            complete = False
            break
        chunk = free_a[lo : lo + rows]
        keys_a = [ua[i].key for i in chunk]
        m = process.cdist(keys_a, keys_b, scorer=fuzz.ratio, score_cutoff=threshold,
                          dtype=np.float32)
        m2 = process.cdist(keys_a, keys_b, scorer=fuzz.token_sort_ratio,
                           score_cutoff=threshold, dtype=np.float32)
        np.maximum(m, m2, out=m)
        short_a = np.array([len(k) < SHORT_KEY_CHARS for k in keys_a])
        short = short_a[:, None] | short_b[None, :]
        m[short & (m < SHORT_THRESHOLD)] = 0
        for r, c in zip(*np.nonzero(m), strict=True):
            found.append((float(m[r, c]), chunk[r], free_b[c]))
    # Best score first; among equals prefer partners at similar positions.
    found.sort(key=lambda t: (-t[0], abs(t[1] / len(ua) - t[2] / len(ub))))
    for score, i, j in found:
        if ma[i] < 0 and mb[j] < 0:
            ma[i], mb[j] = j, i
            scores[i] = score
    return complete


# -- pairs -------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """Contiguous runs of units aligned together (one sentence split into several)."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def _absorb_pieces(
    ua: list[_Unit], ub: list[_Unit], ma: list[int], mb: list[int], clock: _Clock
) -> dict[int, _Group]:
    """Attach unmatched sentences to a neighbour's pair when they are part of its partner.

    When A says in one sentence what B says in two, one of B's two matched the
    A sentence and the other is left over; it joins the pair when it lies next
    to the pair in B, in the same paragraph, and reappears in the A sentence.
    Returns the groups keyed by their main A unit; ``mb`` of an absorbed B unit
    is the main A unit, ``ma`` of an absorbed A unit is the main B unit.
    """
    groups = {i: _Group(i, i, j, j) for i, j in enumerate(ma) if j >= 0}
    if clock.out_of_time():
        return groups
    owner_a = {i: i for i in groups}
    for j, u in enumerate(ub):
        if mb[j] >= 0:
            continue
        for nb in (j - 1, j + 1):
            if not 0 <= nb < len(ub) or mb[nb] < 0 or ub[nb].paragraph != u.paragraph:
                continue
            g = groups[mb[nb]]
            if _fits(u, ua[g.a_lo : g.a_hi + 1], ub[g.b_lo : g.b_hi + 1]):
                mb[j] = mb[nb]
                g.b_lo, g.b_hi = min(g.b_lo, j), max(g.b_hi, j)
                break
    for i, u in enumerate(ua):
        if ma[i] >= 0:
            continue
        for nb in (i - 1, i + 1):
            if not 0 <= nb < len(ua) or ma[nb] < 0 or ua[nb].paragraph != u.paragraph:
                continue
            main = owner_a.get(nb)
            if main is None:
                continue
            g = groups[main]
            if _fits(u, ub[g.b_lo : g.b_hi + 1], ua[g.a_lo : g.a_hi + 1]):
                ma[i] = ma[main]
                owner_a[i] = main
                g.a_lo, g.a_hi = min(g.a_lo, i), max(g.a_hi, i)
                break
    return groups


def _fits(piece: _Unit, partner: list[_Unit], own: list[_Unit]) -> bool:
    """Whether ``piece`` is also found in ``partner``, beyond what ``own`` already covers."""
    partner_len = sum(len(u.key) for u in partner)
    own_len = sum(len(u.key) for u in own)
    if len(piece.key) < SHORT_KEY_CHARS or partner_len < own_len + 0.5 * len(piece.key):
        return False
    partner_key = " ".join(u.key for u in partner)
    return fuzz.partial_ratio(piece.key, partner_key) >= SHORT_THRESHOLD


@dataclass(slots=True)
class _SPair:
    # Unit ranges (inclusive) on each side; -1 where the side is missing.
    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def _sentence_pairs(
    ua: list[_Unit], ub: list[_Unit], ma: list[int], mb: list[int], groups: dict[int, _Group]
) -> list[_SPair]:
    """One pair per group in A's order; B-only units follow their preceding matched B unit."""
    after: dict[int, list[int]] = defaultdict(list)
    anchor = -1
    for j in range(len(ub)):
        if mb[j] >= 0:
            anchor = mb[j]
        else:
            after[anchor].append(j)
    # B-only units before B's first match go just before that match's pair (or last).
    first = next((m for m in mb if m >= 0), -1)
    lead = [_SPair(-1, -1, j, j) for j in after.get(-1, [])]
    out: list[_SPair] = []
    for i in range(len(ua)):
        if i == first:
            out.extend(lead)
        g = groups.get(i)
        if g is not None:
            out.append(_SPair(g.a_lo, g.a_hi, g.b_lo, g.b_hi))
        elif ma[i] < 0:
            out.append(_SPair(i, i, -1, -1))
        # else: absorbed into a neighbour's group
        out.extend(_SPair(-1, -1, j, j) for j in after.get(i, []))
    if first < 0:
        out.extend(lead)
    return out


def _with_word_changes(
    a: str,
    b: str,
    ua: list[_Unit],
    ub: list[_Unit],
    spairs: list[_SPair],
    scores: dict[int, float],
    clock: _Clock,
) -> tuple[list[tuple[_SPair, AlignedPair]], bool]:
    out: list[tuple[_SPair, AlignedPair]] = []
    complete = True
    for sp in spairs:
        if sp.a_lo < 0:
            out.append((sp, AlignedPair(kind="only_b", b=(ub[sp.b_lo].start, ub[sp.b_hi].end))))
            continue
        span_a = (ua[sp.a_lo].start, ua[sp.a_hi].end)
        if sp.b_lo < 0:
            out.append((sp, AlignedPair(kind="only_a", a=span_a)))
            continue
        span_b = (ub[sp.b_lo].start, ub[sp.b_hi].end)
        if " ".join(a[slice(*span_a)].split()) == " ".join(b[slice(*span_b)].split()):
            out.append((sp, AlignedPair(kind="same", a=span_a, b=span_b, score=100.0)))
            continue
        words: tuple[WordChange, ...] = ()
        if complete and clock.out_of_time():
            complete = False
        if complete:
            words = word_changes(a, b, span_a, span_b)
            if not words:
                out.append((sp, AlignedPair(kind="same", a=span_a, b=span_b, score=100.0)))
                continue
        score = _group_score(scores, sp.a_lo, sp.a_hi)
        out.append(
            (sp, AlignedPair(kind="changed", a=span_a, b=span_b, score=score, words=words))
        )
    return out, complete


def _group_score(scores: dict[int, float], lo: int, hi: int) -> float:
    return max((scores.get(i, 0.0) for i in range(lo, hi + 1)), default=0.0)


def word_changes(
    a: str, b: str, span_a: tuple[int, int], span_b: tuple[int, int]
) -> tuple[WordChange, ...]:
    """Changed syllables between ``a[span_a]`` and ``b[span_b]`` (case-insensitive)."""
    ta = tokenize(a, *span_a)
    tb = tokenize(b, *span_b)
    la = [t.text.lower() for t in ta]
    lb = [t.text.lower() for t in tb]
    if la == lb:
        return ()
    # Indel knows only deletions and insertions; runs of them with no equal
    # stretch between are one change, a replacement when both sides have text.
    changes: list[WordChange] = []
    run: list[int] | None = None  # [src_start, src_end, dest_start, dest_end]
    for op in [*Indel.opcodes(la, lb), None]:
        if op is not None and op.tag != "equal":
            if run is None:
                run = [op.src_start, op.src_end, op.dest_start, op.dest_end]
            else:
                run[1], run[3] = op.src_end, op.dest_end
            continue
        if run is not None:
            sa = _token_span(ta, run[0], run[1])
            sb = _token_span(tb, run[2], run[3])
            kind: WordChangeKind = "replace" if sa and sb else ("delete" if sa else "insert")
            changes.append(WordChange(kind=kind, a=sa, b=sb))
            run = None
    return tuple(changes)


def _token_span(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    if hi <= lo:
        return None
    return (tokens[lo].start, tokens[hi - 1].end)


def _merge_runs(
    pairs: list[tuple[_SPair, AlignedPair]], ua: list[_Unit], ub: list[_Unit]
) -> list[AlignedPair]:
    """Join consecutive same / only_a / only_b sentences of one paragraph into passages."""
    out: list[AlignedPair] = []
    last: _SPair | None = None
    for sp, pair in pairs:
        prev = out[-1] if out else None
        if prev is not None and last is not None and prev.kind == pair.kind and pair.kind != (
            "changed"
        ) and _continues(last, sp, ua, ub):
            out[-1] = AlignedPair(
                kind=pair.kind,
                a=_join(prev.a, pair.a),
                b=_join(prev.b, pair.b),
                score=pair.score,
            )
        else:
            out.append(pair)
        last = sp
    return out


def _continues(prev: _SPair, cur: _SPair, ua: list[_Unit], ub: list[_Unit]) -> bool:
    for p_hi, c_lo, units in ((prev.a_hi, cur.a_lo, ua), (prev.b_hi, cur.b_lo, ub)):
        if (p_hi < 0) != (c_lo < 0):
            return False
        if c_lo >= 0 and (c_lo != p_hi + 1 or units[c_lo].paragraph != units[p_hi].paragraph):
            return False
    return True


def _join(x: tuple[int, int] | None, y: tuple[int, int] | None) -> tuple[int, int] | None:
    if x is None or y is None:
        return x or y
    return (min(x[0], y[0]), max(x[1], y[1]))


# -- figures -----------------------------------------------------------------


def _aligned_share(units: list[_Unit], matches: list[int]) -> float:
    total = sum(u.weight for u in units)
    if not total:
        return 0.0
    return sum(u.weight for u, m in zip(units, matches, strict=True) if m >= 0) / total


def _paragraph_links(
    a: str, b: str, ua: list[_Unit], ub: list[_Unit], ma: list[int]
) -> list[ParagraphLink]:
    paras_a, paras_b = paragraphs(a), paragraphs(b)
    totals: dict[int, int] = defaultdict(int)
    shared: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for i, u in enumerate(ua):
        totals[u.paragraph] += u.weight
        if ma[i] >= 0:
            shared[u.paragraph][ub[ma[i]].paragraph] += u.weight
    links: list[ParagraphLink] = []
    for pa in sorted(shared):
        pb, n = max(shared[pa].items(), key=lambda kv: (kv[1], -kv[0]))
        links.append(
            ParagraphLink(
                a=(paras_a[pa].start, paras_a[pa].end),
                b=(paras_b[pb].start, paras_b[pb].end),
                a_index=pa,
                b_index=pb,
                share=n / totals[pa] if totals[pa] else 0.0,
            )
        )
    return links
