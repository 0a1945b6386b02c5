"""CSV, Markdown and atomic writing: every export is read back."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from desktop.core.annotations.csv_export import COLUMNS
from desktop.core.annotations.exports import FORMATS, export_annotations
from desktop.core.annotations.markdown_export import hashtag
from desktop.core.annotations.models import Annotation
from desktop.core.annotations.store import AnnotationStore
from desktop.core.atomic import atomic_write_bytes
from desktop.core.errors import UserError
from desktop.core.store import Library
from tests.helpers.annotations import AddArticle


def annotated(library: Library, add_article: AddArticle) -> list[Annotation]:
    aid = add_article()
    store = AnnotationStore(library.conn)
    return [
        store.create_from_quote(
            aid, "Kinh phí cho nghiên cứu khoa học tăng 12%",
            note='Số liệu, "trích dẫn"\nvà dòng mới', tags=["chính sách/kinh phí", "policy"],
            color="green",
        ).annotation,
        store.create_from_quote(aid, "tổng kết. Kinh phí").annotation,
        store.create_from_quote(aid, "🐷 và cà phê ☕", tags=["ẩm thực"]).annotation,
    ]


def test_csv_has_bom_columns_and_reads_back(
    library: Library, add_article: AddArticle, tmp_path: Path
) -> None:
    made = annotated(library, add_article)
    out = tmp_path / "a.csv"
    report = export_annotations(library.articles, made, "csv", out)
    assert report.annotations == 3 and report.articles == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == COLUMNS
    by_quote = {r["quote"]: r for r in rows}
    first = by_quote["Kinh phí cho nghiên cứu khoa học tăng 12%"]
    assert first["note"] == 'Số liệu, "trích dẫn"\nvà dòng mới'
    assert first["tags"] == "chính sách/kinh phí; policy"
    assert first["colour"] == "green"
    assert first["title"] == "Hội nghị tổng kết" and first["published"] == "2023-01-13"
    assert first["site"] == "dost.example.vn" and first["article id"] == made[0].article_id
    assert "tổng kết.\n\nKinh phí" in by_quote
    assert by_quote["🐷 và cà phê ☕"]["created"].startswith(made[2].created.date().isoformat())


def test_markdown_groups_by_article_with_quotes_notes_and_tags(
    library: Library, add_article: AddArticle, tmp_path: Path
) -> None:
    made = annotated(library, add_article)
    other_id = add_article(body="Một bài khác về thuế.", title="Thuế", published=None, url=None)
    made.append(AnnotationStore(library.conn).create(other_id, 0, 7, note="ghi"))
    out = tmp_path / "a.md"
    export_annotations(library.articles, made, "markdown", out)
    text = out.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == ["Hội nghị tổng kết", "Thuế"]
    assert "- Date: 2023-01-13" in text and "- URL: <https://dost.example.vn/tin/1>" in text
    # Blockquotes read back to the exact quotes, in text order, multi-line ones included.
    quotes = []
    for block in re.findall(r"(?:^>.*\n)+", text, flags=re.M):
        quotes.append("\n".join(line[2:] if line.startswith("> ") else line[1:]
                                for line in block.rstrip("\n").split("\n")))
    assert quotes == [made[1].exact, made[0].exact, made[2].exact, "Một bài"]
    assert 'Số liệu, "trích dẫn"\nvà dòng mới' in text
    assert "#chính-sách/kinh-phí #policy" in text and "#ẩm-thực" in text


def test_hashtags() -> None:
    assert hashtag("policy/funding") == "#policy/funding"
    assert hashtag("quỹ đầu tư/năm 2023!") == "#quỹ-đầu-tư/năm-2023"


def test_atomic_write_replaces_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(os.listdir(tmp_path)) == ["out.txt"]
    with pytest.raises(UserError):
        atomic_write_bytes(tmp_path / "missing" / "x.txt", b"x")
    with pytest.raises(UserError):
        atomic_write_bytes(tmp_path, b"x")


def test_every_format_writes_a_file(
    library: Library, add_article: AddArticle, tmp_path: Path
) -> None:
    made = annotated(library, add_article)
    for fmt in FORMATS:
        out = tmp_path / f"x.{fmt}"
        export_annotations(library.articles, made, fmt, out)
        assert out.stat().st_size > 100
    with pytest.raises(ValueError):
        export_annotations(library.articles, made, "pdf", tmp_path / "x.pdf")


def test_csv_does_not_let_cells_run_as_formulas(
    library: Library, add_article: AddArticle, tmp_path: Path
) -> None:
    aid = add_article(body='=HYPERLINK("http://x.example","bấm") và - lời thoại.')
    store = AnnotationStore(library.conn)
    formula = store.create_from_quote(aid, '=HYPERLINK("http://x.example","bấm")',
                                      note="@SUM(1)").annotation
    speech = store.create_from_quote(aid, "- lời thoại.").annotation
    out = tmp_path / "f.csv"
    export_annotations(library.articles, [formula, speech], "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    by_id = {r["quote"].lstrip("'"): r for r in rows}
    assert by_id[formula.exact]["quote"] == "'" + formula.exact
    assert by_id[formula.exact]["note"] == "'@SUM(1)"
    assert by_id["- lời thoại."]["quote"] == "- lời thoại."
