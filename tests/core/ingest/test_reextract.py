"""Re-extraction from stored originals (desktop.core.ingest.reextract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.errors import NotFoundError
from desktop.core.ingest import import_paths, reextract
from desktop.core.store import Library
from tests.core.ingest._builders import PARAGRAPHS, article_html, text_dump, warc_bytes


def _spoil(library: Library, article_id: str) -> None:
    article = library.articles.get(article_id)
    library.articles.update_text(
        article_id, title="spoiled", body=f"spoiled body {article_id}", published=None, site=None,
        author=None, url=None, language=None,
    )
    assert library.articles.get(article_id).title == "spoiled" != article.title


def test_reextract_restores_every_kind(library: Library, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(article_html(), encoding="utf-8")
    (tmp_path / "dump.txt").write_text(
        text_dump("Bản tin thử nghiệm", *reversed(PARAGRAPHS)), encoding="utf-8"
    )
    (tmp_path / "rows.jsonl").write_text(
        json.dumps({"title": "Dòng JSON", "body": "Nội dung của dòng JSON duy nhất."},
                   ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes([
        ("https://tin.vn/x", "200 OK", "text/html",
         article_html("Trang lưu trữ", ["Một đoạn văn riêng của trang lưu trữ web này."]).encode()),
    ]))
    report = import_paths(library, [tmp_path])
    assert report.imported == 4 and report.failed == []
    before = {a.id: a for a in library.articles.iter_articles()}
    assert reextract(library) == []
    for article_id in before:
        _spoil(library, article_id)
    progress: list[tuple[int, int]] = []
    changed = reextract(library, progress=lambda done, total: progress.append((done, total)))
    assert sorted(changed) == sorted(before)
    assert progress[-1] == (4, 4)
    for article_id, article in before.items():
        again = library.articles.get(article_id)
        assert (again.title, again.body, again.published, again.url, again.site) == (
            article.title, article.body, article.published, article.url, article.site
        )


def test_reextract_selected_ids_and_unknown_ids(library: Library, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(article_html(), encoding="utf-8")
    (article_id,) = import_paths(library, [tmp_path]).ids
    _spoil(library, article_id)
    assert reextract(library, [article_id]) == [article_id]
    with pytest.raises(NotFoundError):
        reextract(library, ["0" * 20])


def test_reextract_splits_a_further_source_whose_text_now_differs(
    library: Library, tmp_path: Path
) -> None:
    from desktop.core.models import ArticleDraft, Original, article_id_for

    first = text_dump("Bản tin thứ nhất", *PARAGRAPHS).encode()
    second = text_dump("Bản tin thứ hai", *reversed(PARAGRAPHS)).encode()
    # As an older extractor might have stored them: one body for two distinct files.
    drafts = [
        ArticleDraft(
            id=article_id_for(raw), title="Bản tin", body="Chỉ có biểu ngữ cookie.",
            source_path=name, kind="text", original=Original(data=raw, media_type="text/plain"),
        )
        for name, raw in (("a.txt", first), ("b.txt", second))
    ]
    library.articles.add_many(drafts)
    [kept] = library.articles.all_ids()
    assert [s.source_path for s in library.sources.sources_of(kept)] == ["b.txt"]

    changed = reextract(library)
    assert set(changed) == {drafts[0].id, drafts[1].id}
    assert library.sources.sources_of(kept) == []
    split = library.articles.get(drafts[1].id)
    assert split.title == "Bản tin thứ hai" and split.source_path == "b.txt"
    assert library.articles.original(split.id).data == second
    assert library.articles.get(kept).title == "Bản tin thứ nhất"
