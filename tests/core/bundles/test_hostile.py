"""Hostile zips are rejected, naming the member, and nothing is written anywhere."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.bundles import (
    SafeZip,
    ZipLimits,
    import_bundle,
    open_bundle_readonly,
    verify_bundle,
)
from desktop.core.errors import UnsafeArchiveError
from desktop.core.store import Library

Maker = Callable[[zipfile.ZipFile], None]


def manifest_for(members: dict[str, bytes]) -> bytes:
    """A truthful manifest for ``members`` (so only the zip itself is hostile)."""
    return json.dumps(
        {
            "format": "archive-browser-bundle",
            "format_version": 1,
            "app_version": "0.1.0",
            "created": "2026-01-01T00:00:00Z",
            "counts": {"articles": 0},
            "members": [
                {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                for n, d in members.items()
            ],
        }
    ).encode()


def hostile(path: Path, name: str, data: bytes = b"evil", *, attr: int | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("articles.jsonl", b"")
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        if attr is not None:
            info.create_system = 3
            info.external_attr = attr << 16
        zf.writestr(info, data)
        zf.writestr("manifest.json", manifest_for({"articles.jsonl": b"", name: data}))
    return path


def snapshot(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path/work holds the bundle and the target library; temp files go to tmp_path/tmp."""
    (tmp_path / "work").mkdir()
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    return tmp_path


def assert_rejected_everywhere(bundle: Path, sandbox: Path, match: str) -> None:
    lib = Library.open(sandbox / "work" / "lib")
    before = snapshot(sandbox)
    try:
        with pytest.raises(UnsafeArchiveError, match=match):
            verify_bundle(bundle)
        with pytest.raises(UnsafeArchiveError, match=match):
            import_bundle(lib, bundle)
        with pytest.raises(UnsafeArchiveError, match=match):
            open_bundle_readonly(bundle)
        assert lib.articles.count() == 0
    finally:
        lib.close()
    after = snapshot(sandbox)
    assert {p for p in after - before if not p.startswith("work/lib/")} == set()
    assert not any("evil" in p for p in after)
    assert list((sandbox / "tmp").iterdir()) == []


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "index/../../evil.txt",
        "index/./../evil.txt",
        "/tmp/evil.txt",
        "C:/evil.txt",
        "index\\..\\..\\evil.txt",
    ],
)
def test_paths_leaving_the_archive(sandbox: Path, name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bundle = hostile(sandbox / "work" / "b.zip", name)
    shown = zipfile.ZipFile(bundle).namelist()[1]  # as zipfile reports it
    assert_rejected_everywhere(bundle, sandbox, "evil")
    with pytest.raises(UnsafeArchiveError) as err:
        SafeZip(bundle)
    assert repr(shown) in str(err.value)


def test_symlink_member(sandbox: Path) -> None:
    bundle = hostile(
        sandbox / "work" / "b.zip", "index/evil-link", b"/etc/passwd", attr=stat.S_IFLNK | 0o777
    )
    assert_rejected_everywhere(bundle, sandbox, "'index/evil-link' is a symbolic link")


def test_duplicate_names(sandbox: Path) -> None:
    path = sandbox / "work" / "b.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("articles.jsonl", b"")
            zf.writestr("articles.jsonl", b'{"evil": 1}\n')
            zf.writestr("manifest.json", manifest_for({"articles.jsonl": b""}))
    assert_rejected_everywhere(path, sandbox, "'articles.jsonl' appears more than once")


def test_names_differing_only_in_case(sandbox: Path) -> None:
    path = sandbox / "work" / "b.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("index/Seg", b"a")
        zf.writestr("index/seg", b"b")
        zf.writestr("manifest.json", b"{}")
    assert_rejected_everywhere(path, sandbox, "'index/seg' appears more than once")


def test_zip_bomb_by_ratio(sandbox: Path) -> None:
    bundle = hostile(sandbox / "work" / "b.zip", "index/bomb", bytes(20 * 1024 * 1024))
    assert_rejected_everywhere(bundle, sandbox, "'index/bomb' expands more than")


def _patch_sizes(path: Path, name: str, fake: int) -> None:
    """Make both headers of ``name`` claim ``fake`` uncompressed bytes."""
    data = bytearray(path.read_bytes())
    raw = name.encode()
    local = data.index(b"PK\x03\x04" + data[4:4])  # first local header
    while data[local + 30 : local + 30 + len(raw)] != raw:
        local = data.index(b"PK\x03\x04", local + 4)
    struct.pack_into("<I", data, local + 22, fake)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(raw)] != raw:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, fake)
    path.write_bytes(bytes(data))


def test_bomb_whose_headers_lie_about_its_size(sandbox: Path) -> None:
    bundle = hostile(sandbox / "work" / "b.zip", "index/bomb", bytes(20 * 1024 * 1024))
    _patch_sizes(bundle, "index/bomb", 4096)
    with SafeZip(bundle) as zf:  # the headers alone look harmless
        assert zf.info("index/bomb").file_size == 4096
        with pytest.raises(UnsafeArchiveError, match="'index/bomb'"):
            zf.read("index/bomb")
    assert_rejected_everywhere(bundle, sandbox, "index/bomb")


def test_total_size_and_member_count_are_capped(sandbox: Path) -> None:
    path = sandbox / "work" / "b.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(5):
            zf.writestr(f"index/part{i}", bytes(range(256)) * 4)
    with pytest.raises(UnsafeArchiveError, match="more than 3000 bytes.*'index/part2'"):
        SafeZip(path, ZipLimits(max_total_bytes=3000))
    with pytest.raises(UnsafeArchiveError, match="5 members"):
        SafeZip(path, ZipLimits(max_members=4))
    with pytest.raises(UnsafeArchiveError, match="'index/part0' is too large"):
        SafeZip(path, ZipLimits(max_member_bytes=1000))


def test_encrypted_member(sandbox: Path) -> None:
    bundle = hostile(sandbox / "work" / "b.zip", "index/secret")
    data = bytearray(bundle.read_bytes())
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + 12] != b"index/secret":
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 8] |= 0x1
    bundle.write_bytes(bytes(data))
    assert_rejected_everywhere(bundle, sandbox, "'index/secret' is encrypted")


def test_not_a_zip_at_all(sandbox: Path) -> None:
    path = sandbox / "work" / "b.zip"
    path.write_bytes(b"this is not a zip file\n" * 10)
    assert_rejected_everywhere(path, sandbox, "not a readable zip")
    with pytest.raises(UnsafeArchiveError, match="does not exist"):
        verify_bundle(sandbox / "work" / "missing.zip")


def test_extract_never_leaves_the_target(tmp_path: Path) -> None:
    path = tmp_path / "ok.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("index/a/b.seg", b"data")
    target = tmp_path / "target"
    with SafeZip(path) as zf:
        written = zf.extract("index/a/b.seg", target, "a/b.seg")
        assert written == (target / "a" / "b.seg").resolve()
        assert written.read_bytes() == b"data"
        for bad in ("../x", "/abs", "a/../../x"):
            with pytest.raises(UnsafeArchiveError):
                zf.extract("index/a/b.seg", target, bad)
    assert snapshot(tmp_path) == {"ok.zip", "target", "target/a", "target/a/b.seg"}


def test_lines_are_split_across_chunks_and_capped() -> None:
    from desktop.core.safezip import split_lines

    chunks = [b"ab", b"c\n\nde", b"f\ng", b"h"]
    assert list(split_lines(chunks, "x")) == [b"abc", b"", b"def", b"gh"]
    assert list(split_lines([b"a\n"], "x")) == [b"a"]
    with pytest.raises(UnsafeArchiveError, match="'articles.jsonl' has a line longer than 8"):
        list(split_lines([b"12345", b"67890", b"\n"], "articles.jsonl", max_line=8))


def test_endless_line_in_articles_is_rejected(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.core.safezip.MAX_LINE_BYTES", 1000)
    body = b"x" * 5000
    path = sandbox / "work" / "b.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("articles.jsonl", body)
        zf.writestr("manifest.json", manifest_for({"articles.jsonl": body}))
    with pytest.raises(UnsafeArchiveError, match="line longer"):
        verify_bundle(path)
