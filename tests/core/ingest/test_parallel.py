"""Extraction in worker processes gives exactly what in-process extraction gives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from desktop.core.ingest import import_paths
from desktop.core.ingest.pipeline import _auto_workers
from desktop.core.models import content_hash_for
from desktop.core.store import Library
from tests.core.ingest._builders import article_html, text_dump


def _mixed_zip(path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(150):
            zf.writestr(
                f"tin/{i:03d}.txt",
                text_dump(
                    f"Tin thứ {i} trong lô",
                    f"Đoạn mở đầu của tin thứ {i}, viết riêng cho bài kiểm tra này.",
                    f"Nội dung chính của tin {i} kể về một sự kiện ở xã số {i * 31}.",
                ),
            )
            if i % 50 == 0:
                zf.writestr(f"tin/{i:03d}-empty.txt", b"")
                zf.writestr(f"tin/{i:03d}.html", article_html(f"Trang {i}", [f"Đoạn văn {i}."]))
    path.write_bytes(buf.getvalue())
    return path


def _snapshot(lib: Library) -> list[tuple[object, ...]]:
    rows = []
    for a in lib.articles.iter_articles():
        original = lib.articles.original(a.id)
        assert a.content_hash == content_hash_for(a.body)
        rows.append(
            (a.id, a.title, a.body, a.published, a.site, a.kind, a.source_member,
             original.data, original.encoding, original.media_type)
        )
    return sorted(rows)


def test_worker_extraction_matches_in_process(tmp_path: Path) -> None:
    source = _mixed_zip(tmp_path / "mixed.zip")
    results = {}
    for workers in (0, 1):
        lib = Library.open(tmp_path / f"lib{workers}")
        try:
            report = import_paths(lib, [source], workers=workers, chunk_size=40)
            results[workers] = (report.public_dict(), _snapshot(lib))
        finally:
            lib.close()
    assert results[0] == results[1]
    report, articles = results[1]
    assert report["imported"] == 153
    assert [f["path"].rsplit("!", 1)[1] for f in report["failed"]] == [
        "tin/000-empty.txt", "tin/050-empty.txt", "tin/100-empty.txt"
    ]


def test_cancel_with_a_worker_keeps_whole_chunks(tmp_path: Path) -> None:
    source = _mixed_zip(tmp_path / "mixed.zip")
    lib = Library.open(tmp_path / "lib")
    try:
        report = import_paths(
            lib, [source], workers=1, chunk_size=20,
            cancel=lambda: lib.articles.count() >= 40,
        )
        assert report.cancelled
        assert report.imported == lib.articles.count() == 40
        rest = import_paths(lib, [source], workers=1)
        assert rest.imported == 153 - 40
    finally:
        lib.close()


def test_workers_only_for_large_batches() -> None:
    assert _auto_workers(10, 3) == 0
    assert _auto_workers(100_000, 0) in (0, 1)
    assert _auto_workers(0, 500) in (0, 2)


def test_extraction_processes_start_without_the_html_extractor() -> None:
    import subprocess
    import sys

    # Every worker process imports the extraction stack on start; trafilatura (slow to
    # import) loads only when a page needs it.
    code = (
        "import sys, desktop.core.ingest.parallel, desktop.cli\n"
        "from desktop.core.extract.html import extract_html\n"
        "assert 'trafilatura' not in sys.modules\n"
        "extract_html('<html><body><p>' + 'Một đoạn văn dài. ' * 20 + '</p></body></html>')\n"
        "assert 'trafilatura' in sys.modules\n"
    )
    repo = Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
