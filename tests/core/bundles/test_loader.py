"""Verifying and loading in one pass: each member read once, nothing kept on failure."""

from __future__ import annotations

import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.bundles import export_bundle, import_bundle, open_bundle_readonly
from desktop.core.errors import UnsafeArchiveError
from desktop.core.safezip import SafeZip
from desktop.core.store import Library
from tests.core.bundles.tampering import rewrite
from tests.helpers.bundles import drafts


@pytest.fixture
def big(tmp_path: Path) -> Library:
    lib = Library.open(tmp_path / "big")
    lib.articles.add_many(drafts(23))
    return lib


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    reads: Counter[str] = Counter()
    for method in ("iter_chunks", "read_with_zlib"):
        real = getattr(SafeZip, method)

        def spy(self: SafeZip, name: str, *a: object, _real: object = real) -> object:
            reads[name] += 1
            return _real(self, name, *a)  # type: ignore[operator]

        monkeypatch.setattr(SafeZip, method, spy)
    return reads


def test_import_reads_each_article_member_once(
    big: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "b.zip"
    export_bundle(big, out, with_originals=True)
    reads = _count_reads(monkeypatch)
    target = Library.open(tmp_path / "target")
    report = import_bundle(target, out)
    assert report.imported == 23
    originals = [n for n in reads if n.startswith("originals/")]
    assert len(originals) == 23
    assert all(reads[n] == 1 for n in originals)
    assert reads["articles.jsonl"] == 1
    for article_id in big.articles.all_ids():
        assert target.articles.original(article_id) == big.articles.original(article_id)
        assert target.articles.get(article_id).body == big.articles.get(article_id).body
    target.close()


def test_damage_found_after_batches_were_written_adds_nothing(
    big: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.core.bundles.loader.BATCH", 2)
    out = tmp_path / "b.zip"
    export_bundle(big, out, with_originals=True)
    with zipfile.ZipFile(out) as zf:
        last = [n for n in zf.namelist() if n.startswith("originals/")][-1]
    bad = rewrite(out, tmp_path / "bad.zip", lambda n, d: d + b"!" if n == last else d)
    target = Library.open(tmp_path / "target")
    target.articles.add_many(drafts(1))
    before = target.articles.generation()
    with pytest.raises(UnsafeArchiveError, match="bytes; the manifest says"):
        import_bundle(target, bad)
    assert target.articles.count() == 1
    assert target.articles.generation() == before
    target.close()


def test_read_only_open_keeps_what_a_merge_keeps(big: Library, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    export_bundle(big, out, with_originals=True)
    ro = open_bundle_readonly(out)
    try:
        assert sorted(ro.articles.all_ids()) == sorted(big.articles.all_ids())
        some = big.articles.all_ids()[7]
        assert ro.articles.get(some).model_dump(exclude={"imported_at"}) == big.articles.get(
            some
        ).model_dump(exclude={"imported_at"})
        assert ro.articles.original(some) == big.articles.original(some)
        assert list(ro.articles.changed_since(ro.articles.generation())) == []
    finally:
        from desktop.core.bundles import close_bundle

        close_bundle(ro)


def _zip(path: Path, members: dict[str, bytes], method: int) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_read_with_zlib_reuses_the_compressed_bytes(tmp_path: Path) -> None:
    data = ("Hà Nội mùa thu, lá vàng rơi. " * 300).encode()
    with SafeZip(_zip(tmp_path / "d.zip", {"a": data, "b": b""}, zipfile.ZIP_DEFLATED)) as zf:
        got, packed = zf.read_with_zlib("a")
        assert got == data
        assert packed is not None and zlib.decompress(packed) == data
        assert len(packed) == zf.info("a").compress_size + 6
        assert zf.read_with_zlib("b")[0] == b""
    with SafeZip(_zip(tmp_path / "s.zip", {"a": data}, zipfile.ZIP_STORED)) as zf:
        assert zf.read_with_zlib("a") == (data, None)


def test_read_with_zlib_rejects_damage_and_lying_headers(tmp_path: Path) -> None:
    data = ("Đà Nẵng " * 2000).encode()
    path = _zip(tmp_path / "d.zip", {"a": data}, zipfile.ZIP_DEFLATED)
    raw = bytearray(path.read_bytes())
    start = raw.index(b"PK\x03\x04") + 30 + 1 + 5
    for i in range(start, start + 8):
        raw[i] ^= 0x5A
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    with SafeZip(damaged) as zf, pytest.raises(UnsafeArchiveError, match="damaged|truncated"):
        zf.read_with_zlib("a")

    # A central directory that understates the size: more data than the header says.
    raw = bytearray(path.read_bytes())
    central = raw.index(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (100).to_bytes(4, "little")
    lying = tmp_path / "lying.zip"
    lying.write_bytes(bytes(raw))
    with SafeZip(lying) as zf, pytest.raises(UnsafeArchiveError, match="more data"):
        zf.read_with_zlib("a")


def _forge_hashes(src: Path, dst: Path, value: str) -> Path:
    import json

    def change(name: str, data: bytes) -> bytes:
        if name != "articles.jsonl":
            return data
        lines = []
        for line in data.splitlines():
            record = json.loads(line)
            record["content_hash"] = value
            lines.append(json.dumps(record, ensure_ascii=False).encode())
        return b"\n".join(lines) + b"\n"

    return rewrite(src, dst, change, rehash=True)


def test_a_merge_hashes_bodies_itself(filled: Library, tmp_path: Path) -> None:
    from desktop.core.bundles import close_bundle
    from desktop.core.models import content_hash_for

    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    forged = _forge_hashes(out, tmp_path / "forged.zip", "0" * 32)
    target = Library.open(tmp_path / "target")
    assert import_bundle(target, forged).imported == 5
    for article in target.articles.iter_articles():
        assert article.content_hash == content_hash_for(article.body)
    target.close()
    # The read-only open keeps the records' hashes: the same hash twice is a duplicate.
    ro = open_bundle_readonly(forged)
    try:
        assert ro.articles.count() == 1
    finally:
        close_bundle(ro)


def test_malformed_content_hash_is_rejected(filled: Library, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    export_bundle(filled, out)
    forged = _forge_hashes(out, tmp_path / "forged.zip", "not-a-hash")
    with pytest.raises(UnsafeArchiveError, match="line 1: content_hash"):
        open_bundle_readonly(forged)
