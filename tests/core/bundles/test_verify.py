"""``verify`` catches every kind of damage and every lie in the manifest, naming the member."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.core.bundles import export_bundle, import_bundle, verify_bundle
from desktop.core.errors import UnsafeArchiveError, UserError
from desktop.core.store import Library
from tests.core.bundles.tampering import rewrite


@pytest.fixture
def bundle(filled: Library, tmp_path: Path) -> Path:
    out = tmp_path / "good.zip"
    export_bundle(filled, out, with_originals=True)
    return out


def first_original(bundle: Path) -> str:
    import zipfile

    with zipfile.ZipFile(bundle) as zf:
        return next(n for n in zf.namelist() if n.startswith("originals/"))


def assert_rejected(path: Path, empty: Library, match: str) -> None:
    with pytest.raises(UnsafeArchiveError, match=match):
        verify_bundle(path)
    with pytest.raises(UnsafeArchiveError, match=match):
        import_bundle(empty, path)
    assert empty.articles.count() == 0


def test_a_good_bundle_verifies(bundle: Path) -> None:
    report = verify_bundle(bundle)
    assert report.ok
    assert (report.counts.articles, report.counts.originals) == (5, 5)
    assert report.members == 5 + 3  # originals, articles, annotations, manifest


def test_changed_bytes_same_size(bundle: Path, tmp_path: Path, empty: Library) -> None:
    name = first_original(bundle)
    bad = rewrite(
        bundle, tmp_path / "bad.zip", lambda n, d: d.replace(b"<h1>", b"<h2>") if n == name else d
    )
    assert_rejected(bad, empty, f"{name}.*SHA-256")


def test_changed_size(bundle: Path, tmp_path: Path, empty: Library) -> None:
    bad = rewrite(
        bundle, tmp_path / "bad.zip", lambda n, d: d + b"\n" if n == "articles.jsonl" else d
    )
    assert_rejected(bad, empty, "'articles.jsonl' has .* bytes; the manifest says")


def test_missing_member(bundle: Path, tmp_path: Path, empty: Library) -> None:
    name = first_original(bundle)
    bad = rewrite(bundle, tmp_path / "bad.zip", lambda n, d: None if n == name else d)
    assert_rejected(bad, empty, f"{name}.*missing")


def test_extra_member(bundle: Path, tmp_path: Path, empty: Library) -> None:
    bad = rewrite(bundle, tmp_path / "bad.zip", add={"originals/extra": b"x"})
    assert_rejected(bad, empty, "'originals/extra' is not listed")


def test_no_manifest_is_not_a_bundle(tmp_path: Path, empty: Library) -> None:
    import zipfile

    path = tmp_path / "plain.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("articles.jsonl", b"")
    assert_rejected(path, empty, "not an Archive Browser bundle")


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.98])
def test_truncated_file(bundle: Path, tmp_path: Path, empty: Library, keep: float) -> None:
    data = bundle.read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: int(len(data) * keep)])
    assert_rejected(cut, empty, "zip|truncated|damaged")


def test_damaged_compressed_data(bundle: Path, tmp_path: Path, empty: Library) -> None:
    data = bytearray(bundle.read_bytes())
    start = data.index(b"PK\x03\x04") + 30 + 40  # inside the first member's data
    for i in range(start, start + 16):
        data[i] ^= 0x5A
    bad = tmp_path / "flipped.zip"
    bad.write_bytes(bytes(data))
    assert_rejected(bad, empty, "damaged|SHA-256|zip")


def _set(path: list[Any], value: Any) -> Any:
    def edit(manifest: dict[str, Any]) -> None:
        target: Any = manifest
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "match"),
    [
        (_set(["counts", "articles"], 6), "holds 5 articles; the manifest says 6"),
        (_set(["counts", "originals"], 2), "holds 5 originals; the manifest says 2"),
        (_set(["counts", "annotations"], 3), "holds 0 annotations; the manifest says 3"),
        (_set(["counts", "index_files"], 1), "holds 0 index files"),
        (_set(["members", 0, "size"], 10), "has .* bytes; the manifest says 10"),
        (_set(["members", 0, "sha256"], "0" * 64), "SHA-256"),
        (_set(["members", 0, "name"], "originals/../../evil"), "outside"),
        (_set(["members", 0, "name"], "notes.txt"), "not a kind of member"),
        (_set(["format"], "something-else"), "not an Archive Browser bundle"),
        (_set(["members", 1], {"name": "x"}), "manifest.json is invalid"),
        (_set(["surprise"], 1), "manifest.json is invalid"),
    ],
)
def test_manifest_that_lies(
    bundle: Path, tmp_path: Path, empty: Library, edit: Any, match: str
) -> None:
    bad = rewrite(bundle, tmp_path / "bad.zip", manifest=edit)
    assert_rejected(bad, empty, match)


def test_manifest_listing_a_member_twice(bundle: Path, tmp_path: Path, empty: Library) -> None:
    def twice(manifest: dict[str, Any]) -> None:
        manifest["members"].append(manifest["members"][0])

    bad = rewrite(bundle, tmp_path / "bad.zip", manifest=twice)
    assert_rejected(bad, empty, "twice")


def test_consistent_forgery_of_an_original_is_caught_by_its_record(
    bundle: Path, tmp_path: Path, empty: Library
) -> None:
    name = first_original(bundle)
    bad = rewrite(
        bundle,
        tmp_path / "bad.zip",
        lambda n, d: b"<p>replaced</p>" if n == name else d,
        rehash=True,
    )
    assert_rejected(bad, empty, "articles.jsonl line .* original")


def test_bad_record_is_named_by_line(bundle: Path, tmp_path: Path, empty: Library) -> None:
    def break_second(name: str, data: bytes) -> bytes:
        if name != "articles.jsonl":
            return data
        lines = data.split(b"\n")
        record = json.loads(lines[1])
        record["kind"] = "spreadsheet"
        lines[1] = json.dumps(record).encode()
        return b"\n".join(lines)

    bad = rewrite(bundle, tmp_path / "bad.zip", break_second, rehash=True)
    assert_rejected(bad, empty, "articles.jsonl line 2: kind")


def test_newer_format_is_a_clear_error(bundle: Path, tmp_path: Path) -> None:
    bad = rewrite(bundle, tmp_path / "new.zip", manifest=_set(["format_version"], 99))
    with pytest.raises(UserError, match="newer version"):
        verify_bundle(bad)


def test_is_bundle_tells_bundles_from_other_zips(bundle: Path, tmp_path: Path) -> None:
    import zipfile

    from desktop.core.bundles import is_bundle

    assert is_bundle(bundle)
    other = tmp_path / "pages.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("a.html", "<p>x</p>")
    assert not is_bundle(other)
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("manifest.json", '{"format": "something"}')
    assert not is_bundle(foreign)
    text = tmp_path / "a.txt"
    text.write_text("not a zip")
    assert not is_bundle(text)
    assert not is_bundle(tmp_path / "missing.zip")
