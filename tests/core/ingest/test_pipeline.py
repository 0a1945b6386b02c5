"""The import pipeline over files and folders: kinds, bad input, idempotency, progress, cancel."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.core.ingest import ImportLimits, import_paths
from desktop.core.models import ImportProgress
from desktop.core.store import Library
from tests.core.ingest._builders import PARAGRAPHS, article_html, cp1258_bytes, text_dump


def _dumps(folder: Path, count: int, *, prefix: str = "tin") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{prefix}{i:04d}.txt"
        path.write_text(
            text_dump(
                f"Tin số {i}: hội nghị khoa học lần thứ {i}",
                f"Hội nghị khoa học lần thứ {i} đã diễn ra thành công tốt đẹp với nhiều "
                f"báo cáo có giá trị về nông nghiệp và môi trường của tỉnh ({i}).",
                *PARAGRAPHS,
                f"Số hiệu báo cáo {i * 7919} được lưu trong hồ sơ của Sở.",
            ),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_text_dumps_import_with_fields_and_source(library: Library, tmp_path: Path) -> None:
    (path,) = _dumps(tmp_path / "in", 1)
    report = import_paths(library, [path])
    assert (report.imported, report.duplicates, report.failed) == (1, 0, [])
    article = library.articles.get(report.ids[0])
    assert article.kind == "text"
    assert article.title == "Tin số 0: hội nghị khoa học lần thứ 0"
    assert PARAGRAPHS[1] in article.body
    assert article.source_path == str(path)
    original = library.articles.original(article.id)
    assert original.data == path.read_bytes()
    assert original.encoding == "utf-8"


def test_soft_hyphens_in_a_dump_do_not_split_its_words(library: Library, tmp_path: Path) -> None:
    from desktop.core.search.index import SearchIndex
    from desktop.core.search.models import SearchRequest

    path = tmp_path / "dump.txt"
    hinted = "Die Zusam\u00admen\u00adarbeit der Gemeinden wurde am Montag beschlossen."
    path.write_text(text_dump("Gemeinden beschließen Zusammenarbeit", hinted, *PARAGRAPHS),
                    encoding="utf-8")
    report = import_paths(library, [path])
    article = library.articles.get(report.ids[0])
    assert "\u00ad" not in article.body
    assert "Die Zusammenarbeit der Gemeinden" in article.body
    index = SearchIndex.open(library, wait=2.0)
    try:
        found = index.search(SearchRequest(query='"zusammenarbeit der gemeinden"'))
        assert [h.id for h in found.hits] == [article.id]
    finally:
        index.close()


def test_reimport_is_idempotent(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _dumps(folder, 5)
    first = import_paths(library, [folder])
    again = import_paths(library, [folder])
    assert (first.imported, first.duplicates) == (5, 0)
    assert (again.imported, again.duplicates, again.ids) == (0, 5, [])
    assert library.articles.count() == 5


def test_folder_walk_skips_hidden_libraries_and_counts_unknown_files(
    library: Library, tmp_path: Path
) -> None:
    root = tmp_path / "in"
    _dumps(root / "a", 2)
    _dumps(root / ".hidden", 1, prefix="hidden")
    (root / ".secret.txt").write_text(text_dump("Ẩn"), encoding="utf-8")
    _dumps(root / "lib", 1, prefix="inlib")
    (root / "lib" / "library.sqlite3").write_bytes(b"")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not text")
    (root / "notes.md").write_text("# notes", encoding="utf-8")
    report = import_paths(library, [root])
    assert report.imported == 2
    assert report.failed == []
    assert report.skipped == 2
    sources = {a.source_path for a in library.articles.iter_articles()}
    assert all("/a/" in s for s in sources)


def test_a_library_folder_is_never_imported(library: Library, tmp_path: Path) -> None:
    _dumps(tmp_path / "in", 2)
    import_paths(library, [tmp_path / "in"])
    (library.root / "cache").mkdir(exist_ok=True)
    _dumps(library.root / "cache", 1, prefix="cached")
    report = import_paths(library, [library.root])
    assert (report.imported, report.duplicates, report.failed) == (0, 0, [])


def test_explicit_unsupported_file_is_a_failure(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not text")
    report = import_paths(library, [path])
    assert report.imported == 0
    assert [(f.path, f.error) for f in report.failed] == [
        (str(path), "unsupported file type (.jpg)")
    ]


def test_missing_path_is_a_failure(library: Library, tmp_path: Path) -> None:
    report = import_paths(library, [tmp_path / "nope.txt"])
    assert report.failed[0].error == "no such file or folder"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.html", b"  \n\n", "empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 200, "binary"),
        ("noText.html", b"<html><body><img src='a.png'><script>x=1</script></body></html>", "text"),
    ],
)
def test_bad_files_fail_one_by_one_and_the_rest_imports(
    library: Library, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    folder = tmp_path / "in"
    _dumps(folder, 2)
    (folder / name).write_bytes(data)
    report = import_paths(library, [folder])
    assert report.imported == 2
    assert len(report.failed) == 1
    assert report.failed[0].path == str(folder / name)
    assert reason in report.failed[0].error


def test_huge_file_is_refused_without_reading_it(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5000)
    report = import_paths(library, [path], limits=ImportLimits(max_document_bytes=1000))
    assert report.imported == 0
    assert "too large" in report.failed[0].error


def test_html_file_and_cp1258_text_dump(library: Library, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(article_html(), encoding="utf-8")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        cp1258_bytes(text_dump("Tin cũ mã hoá Windows-1258", *reversed(PARAGRAPHS)))
    )
    report = import_paths(library, [page, legacy])
    assert report.failed == []
    by_kind = {a.kind: a for a in library.articles.iter_articles()}
    assert by_kind["html"].title == "Đội tuyển trường giành cúp vô địch"
    assert by_kind["text"].title == "Tin cũ mã hoá Windows-1258"
    assert PARAGRAPHS[2] in by_kind["text"].body
    assert library.articles.original(by_kind["text"].id).encoding == "cp1258"


def test_utf16_text_dump(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(text_dump("Bản tin UTF-16", *PARAGRAPHS).encode("utf-16"))
    report = import_paths(library, [path])
    assert report.failed == []
    assert library.articles.get(report.ids[0]).title == "Bản tin UTF-16"


def test_jsonl_file_with_a_bad_line(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"title": "Một", "body": PARAGRAPHS[0], "date": "2022-02-03",
                    "url": "https://www.tin.vn/1"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"title": "Hai", "text": PARAGRAPHS[1], "site": "tin.vn"}),
        json.dumps(["a list"]),
        json.dumps({"title": "Không có nội dung"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_paths(library, [path])
    assert report.imported == 2
    assert sorted(f.path for f in report.failed) == [
        f"{path}!line 3", f"{path}!line 5", f"{path}!line 6"
    ]
    first = library.articles.get(report.ids[0])
    assert (first.title, first.site, str(first.published)) == ("Một", "tin.vn", "2022-02-03")
    assert first.kind == "jsonl"
    assert import_paths(library, [path]).duplicates == 2


def test_progress_is_throttled_with_known_total_and_a_final_call(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    _dumps(folder, 30)
    calls: list[ImportProgress] = []
    import_paths(library, [folder], progress=calls.append, chunk_size=7)
    assert 2 <= len(calls) <= 30
    final = calls[-1]
    assert (final.done, final.total, final.imported) == (30, 30, 30)
    assert all(c.total in (None, 30) for c in calls)
    assert all(c.done == 0 for c in calls if c.total is None)
    assert [c.done for c in calls] == sorted(c.done for c in calls)


def test_chunks_are_committed_separately(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _dumps(folder, 10)
    before = library.articles.generation()
    import_paths(library, [folder], chunk_size=3)
    assert library.articles.generation() - before == 4


def test_cancel_keeps_whole_chunks_and_reports_it(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _dumps(folder, 20)
    report = import_paths(
        library, [folder], cancel=lambda: library.articles.count() >= 8, chunk_size=4
    )
    assert report.cancelled
    assert report.imported == 8
    assert library.articles.count() == 8
    rows = library.conn.execute("SELECT COUNT(*) FROM originals").fetchone()[0]
    assert rows == 8
    rest = import_paths(library, [folder])
    assert (rest.imported, rest.duplicates) == (20 - report.imported, report.imported)


def test_cancel_before_start_imports_nothing(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _dumps(folder, 3)
    report = import_paths(library, [folder], cancel=lambda: True)
    assert report.cancelled and report.imported == 0
    assert library.articles.count() == 0


def test_library_written_by_another_thread_opens(tmp_path: Path) -> None:
    import threading

    folder = tmp_path / "in"
    _dumps(folder, 3)
    root = tmp_path / "lib"
    results = []

    def work() -> None:
        lib = Library.open(root)
        try:
            results.append(import_paths(lib, [folder]))
        finally:
            lib.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert results[0].imported == 3
    conn = sqlite3.connect(root / "library.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
    conn.close()


def test_overlong_jsonl_line_stops_that_file(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    good = json.dumps({"title": "Ngắn", "body": PARAGRAPHS[0]}, ensure_ascii=False)
    path.write_text(good + "\n" + "x" * 5000 + "\n" + good + "\n", encoding="utf-8")
    report = import_paths(library, [path], limits=ImportLimits(max_document_bytes=1000))
    assert report.imported == 1
    assert [f.path for f in report.failed] == [f"{path}!line 2"]
    assert "the rest of the file was not read" in report.failed[0].error
