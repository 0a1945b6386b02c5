"""Annotations on PDF articles cite their page in the CSV and Markdown exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.core.annotations.exports import export_annotations
from desktop.core.annotations.store import AnnotationStore
from desktop.core.ingest import import_paths
from desktop.core.store import Library
from tests.helpers.pdf import text_pdf


def test_exports_give_the_page_of_each_passage(library: Library, tmp_path: Path) -> None:
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(text_pdf([
        ["The board opened the meeting at nine."],
        ["The budget for the new library was approved."],
        ["The meeting closed at noon."],
    ]))
    (article_id,) = import_paths(library, [pdf], workers=0).ids
    store = AnnotationStore(library.conn)
    on_two = store.create_from_quote(article_id, "budget for the new library").annotation
    on_three = store.create_from_quote(article_id, "closed at noon").annotation
    out = tmp_path / "a.csv"
    export_annotations(library.articles, [on_two, on_three], "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["quote"]: r["page"] for r in rows} == {
        "budget for the new library": "2", "closed at noon": "3",
    }
    md = tmp_path / "a.md"
    export_annotations(library.articles, [on_two], "markdown", md)
    assert "> budget for the new library\n\n*Page 2*" in md.read_text(encoding="utf-8")


def test_articles_without_pages_leave_the_page_empty(
    library: Library, tmp_path: Path
) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Tin ngắn\nMột đoạn văn về thư viện mới của tỉnh.\n", encoding="utf-8")
    (article_id,) = import_paths(library, [page], workers=0).ids
    ann = AnnotationStore(library.conn).create_from_quote(article_id, "thư viện mới").annotation
    out = tmp_path / "a.csv"
    export_annotations(library.articles, [ann], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    assert row["page"] == ""
