"""The rows sent in binary are the rows the tsvector literals described.

``reference_vectors`` writes each vector as a tsvector literal, the way the rows
were written before they were sent in binary: lexeme -> positions with weight
letters, parts one position apart, at most 256 positions per lexeme, none past
16,383, no lexeme over 2,046 bytes, no positions when the vector would be too
big. ``row_for`` must give the same lexemes, positions and ``lossy`` flag on
articles that reach every one of those limits; and on a server the binary rows
must read back equal to those literals cast to ``tsvector``.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.core.models import Article
from desktop.core.search.analysis import exact_syllables, syllables
from desktop.core.search.documents import AnnotationText, annotations_for
from desktop.core.search.pg.connection import connect
from desktop.core.search.pg.index import PgSearchIndex
from desktop.core.search.pg.vectors import (
    MAX_LEXEME_BYTES,
    MAX_POSITION,
    MAX_POSITIONS,
    MAX_VECTOR_BYTES,
    PAIRS_CUT,
    row_for,
)
from desktop.core.store import Library
from tests.helpers.search import annotate, make_draft
from tests.helpers.tsvector import decoded

VECTORS = ("body_v", "pairs_v", "fields_v", "accented_v")


def _literal(parts: list[tuple[list[str], str]]) -> tuple[str, bool]:
    """A tsvector literal of syllables part by part, and whether it lost anything."""
    found: dict[str, list[str]] = {}
    lossy = False
    at = 1
    for tokens, weight in parts:
        for token in tokens:
            entry = found.setdefault(token, [])
            if at <= MAX_POSITION:
                entry.append(f"{at}{'' if weight == 'D' else weight}")
            else:
                lossy = True
            at += 1
        at += 1
    out = []
    size = 0
    fitting = [t for t in found if len(t.encode("utf-8")) <= MAX_LEXEME_BYTES]
    lossy = lossy or len(fitting) < len(found)
    for token in fitting:
        positions = found[token]
        if len(positions) > MAX_POSITIONS:
            lossy = True
            positions = positions[:MAX_POSITIONS]
        size += len(token) + 8 + 2 * len(positions)
        out.append(f"'{token}':{','.join(positions)}" if positions else f"'{token}'")
    if size > MAX_VECTOR_BYTES:
        return " ".join(f"'{t}'" for t in fitting), True
    return " ".join(out), lossy


def reference_vectors(article: Article, notes: AnnotationText | None) -> dict[str, object]:
    """The row's vectors as tsvector literals, and its ``lossy`` flag."""
    notes_text = "\n".join(notes.notes) if notes is not None else ""
    texts = ((article.title, "A"), (article.body, "D"), (notes_text, "C"))
    folded = [(syllables(t), w) for t, w in texts]
    accented = []
    for (text, weight), (plain, _) in zip(texts, folded, strict=True):
        exact = exact_syllables(text)
        accented.append((exact if len(exact) == len(plain) else plain, weight))
    pairs = [f"{a}_{b}" for plain, _ in folded for a, b in zip(plain, plain[1:], strict=False)]
    fields = [folded[0], (syllables(article.author or ""), "B"), folded[2]]
    body, body_lossy = _literal(folded)
    fields_v, fields_lossy = _literal(fields)
    every_pair = list(dict.fromkeys(pairs))
    unique = [p for p in every_pair if len(p.encode("utf-8")) <= MAX_LEXEME_BYTES]
    pairs_cut = len(unique) < len(every_pair)  # a pair left out: the row says so
    return {
        "body_v": body,
        "pairs_v": " ".join(f"'{p}'" for p in unique + [PAIRS_CUT] * pairs_cut),
        "fields_v": fields_v,
        "accented_v": _literal(accented)[0],
        "lossy": body_lossy or fields_lossy or pairs_cut,
    }


def _parsed(literal: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for lexeme, positions in re.findall(r"'([^']*)'(?::(\S+))?", literal):
        found.setdefault(lexeme, []).extend(positions.split(",") if positions else [])
    return found


def _articles() -> list[tuple[str, str, str | None, str | None]]:
    """(title, body, author, note) reaching every limit of a tsvector."""
    # Enough distinct syllables that the vector is written without positions.
    distinct = " ".join(f"t{i:05d}" for i in range(MAX_VECTOR_BYTES // 14))
    return [
        ("Đổi mới ở Hà Nội", "Đội tuyển đá bóng Việt Nam. Ông Đặng Thị Ánh nói: đổi mới!",
         "Nguyễn Văn Đức", None),
        ("Tự-do và COVID-19", "Xem https://vnexpress.net/the-gioi/bai-123.html hoặc e-mail "
         "ban.doc@example.vn; giá tăng 3,5% (x²) tại İstanbul, 北京欢迎你, Москва.",
         None, "ghi chú: tự-do"),
        ("Mùa thu", "mùa thu Hà Nội " * (MAX_POSITIONS + 40), None, ""),
        ("Dài", " ".join(f"từ{i % 900} ngữ" for i in range(MAX_POSITION // 2 + 500)),
         "Tác giả", "chú thích cuối"),
        ("Lớn", distinct, None, None),
        ("Chữ dài", f"đầu {'x' * 3000} giữa {'ế' * 700} cuối {'ố' * 600}", None, None),
        ("Trống", "", None, None),
    ]


@pytest.fixture
def stored(library: Library) -> list[Article]:
    drafts = []
    for n, (title, body, author, note) in enumerate(_articles()):
        draft = make_draft(title, body or f"({n})", author=author,
                           published=date(2020, 1, 1 + n) if n % 2 else None,
                           site=None if n == 3 else "tin.example.vn")
        drafts.append(draft)
        library.articles.add_many([draft])
        if note is not None:
            annotate(library, draft.id, note, ["lich-su"] if n % 2 else [])
    return list(library.articles.get_many([d.id for d in drafts]))


def test_the_rows_equal_the_literals(library: Library, stored: list[Article]) -> None:
    notes = annotations_for(library.annotations, [a.id for a in stored])
    lossy = []
    for article in stored:
        row = row_for(article, notes.get(article.id), 1)
        want = reference_vectors(article, notes.get(article.id))
        for column in VECTORS:
            assert decoded(row.vectors[column]) == _parsed(str(want[column])), column
        assert row.values["lossy"] == want["lossy"]
        lossy.append(row.values["lossy"])
    assert lossy == [False, False, True, True, True, True, False]


def test_the_server_reads_them_as_the_literals(
    library: Library, stored: list[Article], pg_dsn: str
) -> None:
    PgSearchIndex.open(library, pg_dsn).close()
    notes = annotations_for(library.annotations, [a.id for a in stored])
    conn = connect(pg_dsn)
    try:
        for article in stored:
            want = reference_vectors(article, notes.get(article.id))
            for column in VECTORS:
                same = conn.run(
                    f"SELECT {column} = :lit::tsvector, {column}::text = :lit::tsvector::text "
                    "FROM search_docs WHERE article_id = :id",
                    lit=want[column], id=article.id,
                )
                assert same == [[True, True]], (article.title, column)
    finally:
        conn.close()
