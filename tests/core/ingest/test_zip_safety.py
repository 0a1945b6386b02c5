"""Zips read as streams: hostile members are refused one by one, the rest imports."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from desktop.core.ingest import ImportLimits, import_paths
from desktop.core.store import Library
from tests.core.ingest._builders import (
    PARAGRAPHS,
    article_html,
    symlink_info,
    text_dump,
    zip_bytes,
)

GOOD = text_dump(
    "Bài viết hợp lệ trong kho nén",
    "Bài viết này nằm trong kho nén và phải được nhập bình thường vào thư viện.",
    *reversed(PARAGRAPHS),
).encode("utf-8")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _failures(report: object) -> dict[str, str]:
    return {f.path: f.error for f in report.failed}  # type: ignore[attr-defined]


def test_zip_members_import_with_member_names(library: Library, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pages.zip",
        zip_bytes(
            [("a/b.html", article_html().encode()), ("a/c.txt", GOOD), ("d/readme.md", b"x")]
        ),
    )
    report = import_paths(library, [path])
    assert (report.imported, report.failed, report.skipped) == (2, [], 1)
    members = {a.source_member: a.kind for a in library.articles.iter_articles()}
    assert members == {"a/b.html": "html", "a/c.txt": "text"}
    assert {a.source_path for a in library.articles.iter_articles()} == {str(path)}


def test_zip_bomb_is_refused_and_the_rest_imports(library: Library, tmp_path: Path) -> None:
    bomb = b"\0" * (20 * 1024 * 1024)  # compresses far beyond 100:1
    path = _write(tmp_path / "bomb.zip", zip_bytes([("bomb.txt", bomb), ("ok.txt", GOOD)]))
    report = import_paths(library, [path], limits=ImportLimits(max_document_bytes=64 << 20))
    assert report.imported == 1
    assert "compression ratio" in _failures(report)[f"{path}!bomb.txt"]


def test_member_over_the_size_cap_stops_while_reading(library: Library, tmp_path: Path) -> None:
    big = ("Câu văn dài. " * 2000).encode()
    path = _write(tmp_path / "big.zip", zip_bytes([("big.txt", big), ("ok.txt", GOOD)]))
    report = import_paths(library, [path], limits=ImportLimits(max_document_bytes=10_000))
    assert report.imported == 1
    assert "limit" in _failures(report)[f"{path}!big.txt"]


def test_lying_size_header_cannot_pass_the_cap(tmp_path: Path) -> None:
    """The cap holds while reading even when the header claims a small member."""
    from desktop.core.errors import UnsafeArchiveError
    from desktop.core.safezip import SKIP_MEMBER, ArchiveBudget, CountingReader

    limits = ImportLimits(max_document_bytes=1000)
    reader = CountingReader(
        io.BytesIO(b"x" * 5000), name="m.txt", cap=1000, compressed_size=10,
        limits=limits.zip_limits, budget=ArchiveBudget(10**9, SKIP_MEMBER),
    )
    try:
        while reader.read(300):
            pass
    except UnsafeArchiveError as exc:
        assert "limit" in str(exc)
        assert reader.count <= 1200
    else:
        raise AssertionError("the cap was not enforced")


def test_archive_total_cap(library: Library, tmp_path: Path) -> None:
    members = [(f"m{i}.txt", text_dump(f"Tin {i}", f"Nội dung riêng {i}. " * 40).encode())
               for i in range(6)]
    path = _write(tmp_path / "many.zip", zip_bytes(members))
    size = len(members[0][1])
    report = import_paths(
        library, [path], limits=ImportLimits(max_archive_bytes=int(size * 3.5))
    )
    assert report.imported == 3
    assert any("in total" in f.error for f in report.failed)


def test_traversal_absolute_symlink_and_duplicate_members(
    library: Library, tmp_path: Path
) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../evil.txt", GOOD)
        zf.writestr("/etc/evil.txt", GOOD)
        zf.writestr(symlink_info("link.txt"), "/etc/passwd")
        zf.writestr("same.txt", GOOD)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zf.writestr("same.txt", text_dump("Bản sao khác", PARAGRAPHS[0]).encode())
        zf.writestr("fine/ok.html", article_html().encode())
    path = _write(tmp_path / "evil.zip", buf.getvalue())
    report = import_paths(library, [path])
    failures = _failures(report)
    assert "outside the archive" in failures[f"{path}!../evil.txt"]
    assert "absolute" in failures[f"{path}!/etc/evil.txt"]
    assert "symbolic link" in failures[f"{path}!link.txt"]
    assert "duplicate" in failures[f"{path}!same.txt"]
    assert report.imported == 2
    assert not (tmp_path.parent / "evil.txt").exists()


def test_nested_zips_to_a_small_depth(library: Library, tmp_path: Path) -> None:
    level3 = zip_bytes([("deep.txt", GOOD)])
    level2 = zip_bytes([("l3.zip", level3), ("mid.html", article_html().encode())])
    level1 = zip_bytes([("l2.zip", level2)])
    path = _write(tmp_path / "outer.zip", level1)
    report = import_paths(library, [path], limits=ImportLimits(max_depth=2))
    assert report.imported == 1
    assert library.articles.get(report.ids[0]).source_member == "l2.zip!mid.html"
    assert "nested" in _failures(report)[f"{path}!l2.zip!l3.zip"]
    deeper = import_paths(library, [path], limits=ImportLimits(max_depth=3))
    assert deeper.imported == 1
    assert library.articles.get(deeper.ids[0]).source_member == "l2.zip!l3.zip!deep.txt"


def test_broken_and_fake_zips(library: Library, tmp_path: Path) -> None:
    fake = _write(tmp_path / "fake.zip", b"this is not a zip at all")
    good = zip_bytes([("ok.txt", GOOD)])
    cut = _write(tmp_path / "cut.zip", good[: len(good) // 2])
    corrupt = bytearray(zip_bytes([("ok.txt", GOOD)], compression=zipfile.ZIP_DEFLATED))
    start = corrupt.index(b"ok.txt") + len("ok.txt")
    for i in range(start + 5, start + 40):
        corrupt[i] ^= 0x55
    damaged = _write(tmp_path / "damaged.zip", bytes(corrupt))
    report = import_paths(library, [fake, cut, damaged])
    failures = _failures(report)
    assert "not a readable zip" in failures[str(fake)]
    assert "not a readable zip" in failures[str(cut)]
    assert "damaged" in failures[f"{damaged}!ok.txt"]
    assert report.imported == 0
