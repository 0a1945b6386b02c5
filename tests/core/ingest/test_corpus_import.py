"""Importing the shared real-data corpus (skipped when it is absent)."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from desktop.core.ingest import import_paths
from desktop.core.store import Library


def test_seed_text_dumps(library: Library, corpus: Path) -> None:
    report = import_paths(library, [corpus / "seeds"])
    assert (report.imported, report.failed) == (5, [])
    for article in library.articles.iter_articles():
        assert article.kind == "text"
        assert article.title.strip()
        assert len(article.body) > 500
        assert article.body == unicodedata.normalize("NFC", article.body)


def test_html_pages_zip(library: Library, corpus: Path) -> None:
    path = corpus / "html-pages.zip"
    report = import_paths(library, [path])
    assert report.imported + report.duplicates + len(report.failed) == 110
    assert report.imported >= 100
    for failure in report.failed:
        assert failure.path.startswith(f"{path}!html-pages/")
        assert "Error" not in failure.error  # a clear reason, not an exception name
    for article in library.articles.iter_articles():
        assert article.kind == "html"
        assert article.title.strip() and article.body.strip()
        assert article.source_member and article.source_member.startswith("html-pages/")


def test_vn_news_sample_including_the_nfd_article(
    library: Library, corpus: Path, tmp_path: Path
) -> None:
    sample = tmp_path / "sample.zip"
    with zipfile.ZipFile(corpus / "vn-news-35k.zip") as src, zipfile.ZipFile(sample, "w") as dst:
        names = [n for n in src.namelist() if n.endswith(".txt")][:300]
        names.append("vn-news/22652214.txt")
        for name in dict.fromkeys(names):
            dst.writestr(name, src.read(name))
    report = import_paths(library, [sample])
    assert report.imported + report.duplicates + len(report.failed) == len(set(names))
    assert report.imported >= 280
    nfd = [a for a in library.articles.iter_articles() if a.source_member == "vn-news/22652214.txt"]
    assert len(nfd) == 1
    assert nfd[0].body == unicodedata.normalize("NFC", nfd[0].body)
    assert nfd[0].title == unicodedata.normalize("NFC", nfd[0].title)
