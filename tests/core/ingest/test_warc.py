"""WARC, ARC and WACZ input: HTML 200 captures become articles; damage is one failure."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.core.ingest import import_paths
from desktop.core.store import Library
from tests.core.ingest._builders import article_html, warc_bytes, zip_bytes

OTHER = [
    "Nhà máy xử lý rác thải mới của thành phố đã chính thức đi vào hoạt động từ sáng nay, "
    "với công suất năm trăm tấn mỗi ngày theo thiết kế ban đầu.",
    "Người dân sống gần khu vực nhà máy bày tỏ sự hài lòng vì mùi hôi đã giảm rõ rệt so "
    "với thời gian bãi rác cũ còn hoạt động.",
]


def _captures() -> list[tuple[str, str, str, bytes]]:
    return [
        ("https://www.tin.vn/a.html", "200 OK", "text/html; charset=utf-8",
         article_html().encode()),
        ("https://www.tin.vn/missing.html", "404 Not Found", "text/html", b"<p>not found</p>"),
        ("https://www.tin.vn/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://www.tin.vn/b.html", "200 OK", "text/html",
         article_html("Nhà máy rác mới hoạt động", OTHER, published=None).encode()),
    ]


@pytest.mark.parametrize("gzip", [True, False])
def test_html_200_responses_become_articles(
    library: Library, tmp_path: Path, gzip: bool
) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes(_captures(), gzip=gzip))
    report = import_paths(library, [path])
    assert (report.imported, report.failed) == (2, [])
    articles = {a.url: a for a in library.articles.iter_articles()}
    assert set(articles) == {"https://www.tin.vn/a.html", "https://www.tin.vn/b.html"}
    a, b = articles["https://www.tin.vn/a.html"], articles["https://www.tin.vn/b.html"]
    assert a.kind == "warc" and a.site == "tin.vn"
    assert a.published == date(2023, 3, 17)  # from the page
    assert b.published == date(2021, 5, 4)  # capture date as the fallback
    assert b.title == "Nhà máy rác mới hoạt động"
    assert a.source_member == "https://www.tin.vn/a.html"
    original = library.articles.original(a.id)
    assert original.data == article_html().encode()
    assert original.hints["url"] == "https://www.tin.vn/a.html"
    assert original.hints["date"] == "2021-05-04T10:00:00Z"
    assert original.hints["record_id"].startswith("<urn:uuid:")
    assert "text/html" in original.hints["content_type"]
    again = import_paths(library, [path])
    assert (again.imported, again.duplicates) == (0, 2)


def test_truncated_gzip_warc_keeps_records_before_the_damage(
    library: Library, tmp_path: Path
) -> None:
    data = warc_bytes(_captures())
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    report = import_paths(library, [path])
    assert report.imported == 1
    assert library.articles.summaries()[0].url == "https://www.tin.vn/a.html"
    assert len(report.failed) == 1
    assert report.failed[0].path == str(path)
    assert "damaged or truncated" in report.failed[0].error


def test_warc_inside_a_zip(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "crawls.zip"
    path.write_bytes(zip_bytes([("2021/crawl.warc.gz", warc_bytes(_captures()))]))
    report = import_paths(library, [path])
    assert report.imported == 2
    members = {a.source_member for a in library.articles.iter_articles()}
    assert "2021/crawl.warc.gz!https://www.tin.vn/a.html" in members


def test_wacz_uses_page_titles_as_hints(library: Library, tmp_path: Path) -> None:
    untitled = article_html(with_title=False, paragraphs=OTHER).encode()
    warc = warc_bytes([("https://www.tin.vn/c.html", "200 OK", "text/html", untitled)])
    pages = "\n".join([
        json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}),
        json.dumps({"id": "p1", "url": "https://www.tin.vn/c.html", "title": "Nhà máy rác",
                    "ts": "2021-05-04T10:00:00Z"}, ensure_ascii=False),
    ])
    path = tmp_path / "crawl.wacz"
    path.write_bytes(zip_bytes([
        ("datapackage.json", b"{}"),
        ("pages/pages.jsonl", pages.encode()),
        ("archive/data.warc.gz", warc),
        ("indexes/index.cdx", b""),
    ]))
    report = import_paths(library, [path])
    assert (report.imported, report.failed, report.skipped) == (1, [], 0)
    article = library.articles.get(report.ids[0])
    assert article.title == "Nhà máy rác"
    assert article.source_member == "archive/data.warc.gz!https://www.tin.vn/c.html"


CORPUS_BROKEN = {
    "example-trunc.warc",
    "example-bad.warc.gz.bad",
    "example-wrong-chunks.warc.gz",
    "bad.arc",
    "example-bad-non-chunked.warc.gz",
}


def test_corpus_warcs(library: Library, corpus: Path) -> None:
    folder = corpus / "warc"
    files = sorted(p for p in folder.iterdir() if p.is_file())
    report = import_paths(library, files)
    failed = {Path(f.path).name for f in report.failed}
    assert failed == CORPUS_BROKEN
    assert all("damaged or truncated" in f.error for f in report.failed)
    articles = list(library.articles.iter_articles())
    urls = {a.url for a in articles}
    assert {"http://example.com/", "http://www.iana.org/"} <= urls
    for article in articles:
        assert article.kind == "warc"
        assert article.url and article.site in ("example.com", "iana.org")
        assert article.published is not None
        assert article.title.strip() and article.body.strip()
    # re-importing the same archives changes nothing
    again = import_paths(library, files)
    assert again.imported == 0
    assert again.duplicates == report.imported + report.duplicates


def test_corpus_arc_capture(library: Library, corpus: Path) -> None:
    report = import_paths(library, [corpus / "warc" / "example.arc"])
    assert report.imported == 1 and report.failed == []
    article = library.articles.get(report.ids[0])
    assert article.url == "http://example.com/"
    assert article.title == "Example Domain"
    assert article.published == date(2014, 2, 16)
    assert import_paths(library, [corpus / "warc" / "example.arc"]).duplicates == 1


def test_oversized_capture_is_one_failure(library: Library, tmp_path: Path) -> None:
    from desktop.core.ingest import ImportLimits

    path = tmp_path / "big.warc.gz"
    path.write_bytes(warc_bytes(_captures()))
    limit = len(article_html().encode()) - 1
    report = import_paths(library, [path], limits=ImportLimits(max_document_bytes=limit))
    assert report.imported == 1
    assert [f.path for f in report.failed] == [f"{path}!https://www.tin.vn/a.html"]
    assert "too large" in report.failed[0].error


def test_charset_from_the_http_header(library: Library, tmp_path: Path) -> None:
    from tests.core.ingest._builders import cp1258_bytes

    page = article_html("Tin mã hoá cũ", OTHER, charset="x-unknown")
    path = tmp_path / "legacy.warc"
    path.write_bytes(
        warc_bytes(
            [("http://tin.vn/c", "200 OK", "text/html; charset=windows-1258", cp1258_bytes(page))],
            gzip=False,
        )
    )
    report = import_paths(library, [path])
    assert report.failed == []
    article = library.articles.get(report.ids[0])
    assert article.title == "Tin mã hoá cũ"
    assert OTHER[0] in article.body
