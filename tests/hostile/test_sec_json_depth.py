"""JSON nested thousands deep (bundle manifest, annotations, records, annotation files)
is refused with one line instead of ending in ``RecursionError``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.annotations.w3c import import_annotation_file
from desktop.core.bundles import export_bundle, import_bundle, verify_bundle
from desktop.core.errors import UnsafeArchiveError, UserError
from desktop.core.jsondata import MAX_DEPTH, depth_exceeds, load_json
from desktop.core.store import Library
from tests.core.bundles.tampering import rewrite
from tests.helpers.bundles import drafts

DEEP = 50_000


def _deep(n: int = DEEP) -> str:
    return "[" * n + "]" * n


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    lib = Library.open(tmp_path / "source")
    lib.articles.add_many(drafts())
    out = tmp_path / "b.zip"
    export_bundle(lib, out)
    lib.close()
    return out


def test_load_json_caps_depth() -> None:
    assert load_json("[" * MAX_DEPTH + "]" * MAX_DEPTH, "x") is not None
    with pytest.raises(UserError, match="x is nested too deeply"):
        load_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "x")
    with pytest.raises(UserError, match="nested too deeply"):
        load_json(_deep(), "x")
    assert not depth_exceeds({"a": [1, {"b": 2}]}, 3) and depth_exceeds({"a": [1, {"b": [2]}]}, 3)


def test_deep_manifest_is_refused(bundle: Path, tmp_path: Path, library: Library) -> None:
    with zipfile.ZipFile(bundle) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    forged = tmp_path / "deep.zip"
    with zipfile.ZipFile(forged, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members.items():
            if name != "manifest.json":
                zout.writestr(name, data)
        zout.writestr("manifest.json", '{"format": "archive-browser-bundle", "x": '
                      + _deep() + "}")
    with pytest.raises(UnsafeArchiveError, match="manifest.json is nested too deeply"):
        verify_bundle(forged)
    with pytest.raises(UnsafeArchiveError, match="nested too deeply"):
        import_bundle(library, forged)
    assert library.articles.count() == 0


def test_deep_annotations_with_matching_hash_are_refused(
    bundle: Path, tmp_path: Path, library: Library
) -> None:
    deep = ('{"type": "AnnotationCollection", "items": ' + _deep() + "}").encode()
    forged = rewrite(
        bundle, tmp_path / "deep.zip",
        lambda n, d: deep if n == "annotations.jsonld" else d, rehash=True,
    )
    with pytest.raises(UnsafeArchiveError, match="annotations.jsonld is nested too deeply"):
        verify_bundle(forged)
    with pytest.raises(UnsafeArchiveError, match="nested too deeply"):
        import_bundle(library, forged)
    assert library.articles.count() == 0


def test_deep_record_is_refused(bundle: Path, tmp_path: Path) -> None:
    forged = rewrite(
        bundle, tmp_path / "deep.zip",
        lambda n, d: d.replace(b'"title":', b'"x":' + _deep().encode() + b',"title":', 1)
        if n == "articles.jsonl" else d,
        rehash=True,
    )
    with pytest.raises(UnsafeArchiveError, match="articles.jsonl line 1"):
        verify_bundle(forged)


def test_cli_one_line(bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = ('{"items": ' + _deep() + "}").encode()
    forged = rewrite(
        bundle, tmp_path / "deep.zip",
        lambda n, d: deep if n == "annotations.jsonld" else d, rehash=True,
    )
    assert main(["bundle", "verify", str(forged)]) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_deep_annotation_file_is_refused(tmp_path: Path, library: Library) -> None:
    for text in (_deep(), json.dumps({"type": "Annotation"}) + "\n" + _deep() + "\n"):
        path = tmp_path / "deep.jsonld"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(UserError, match="nested too deeply"):
            import_annotation_file(library, path)
