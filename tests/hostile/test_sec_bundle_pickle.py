"""A bundle carrying a search index whose pickle runs code, with a recomputed manifest.

Whoosh unpickles the schema in an index's ``.toc`` file. The forged bundle below
verifies (every hash matches), so only never reading a bundle's index keeps the
payload from running: opening it read-only, importing it and verifying it must
not create the marker file, and its articles must still be searchable.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import tempfile
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex
from whoosh.filedb.structfile import StructFile

from desktop.core.bundles import (
    close_bundle,
    export_bundle,
    import_bundle,
    open_bundle_readonly,
    verify_bundle,
)
from desktop.core.search.index import SearchIndex
from desktop.core.search.models import SearchRequest
from desktop.core.search.schema import SCHEMA_VERSION
from desktop.core.store import Library
from tests.core.bundles.tampering import rewrite
from tests.helpers.bundles import drafts


class _Payload:
    """Unpickling this creates the marker file."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self) -> tuple[Any, tuple[Path]]:
        return (Path.touch, (Path(self.marker),))


def _toc(marker: Path) -> bytes:
    """A Whoosh table of contents, as Whoosh writes one, whose schema pickle is the payload."""
    buf = io.BytesIO()
    stream = StructFile(buf)
    stream.write_varint(windex._INT_SIZE)
    stream.write_varint(windex._LONG_SIZE)
    stream.write_varint(windex._FLOAT_SIZE)
    stream.write_int(-12345)
    stream.write_int(windex._CURRENT_TOC_VERSION)
    for part in (2, 7, 5):
        stream.write_varint(part)
    stream.write_string(pickle.dumps(_Payload(marker)))
    stream.write_int(1)
    stream.write_int(0)
    stream.write_pickle([])
    return buf.getvalue()


def _forge(tmp_path: Path, marker: Path) -> Path:
    source = Library.open(tmp_path / "source")
    source.articles.add_many(drafts())
    clean = tmp_path / "clean.zip"
    export_bundle(source, clean)
    source.close()
    state = json.dumps({"schema_version": SCHEMA_VERSION, "generation": 1}).encode()
    index = {"index/whoosh/_MAIN_1.toc": _toc(marker), "index/state.json": state}

    def list_index(data: dict[str, Any]) -> None:
        data["counts"]["index_files"] = len(index)
        data["members"] += [
            {"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
            for n, b in index.items()
        ]

    return rewrite(clean, tmp_path / "forged.zip", add=index, manifest=list_index)


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    return tmp_path / "pwned"


def test_the_forged_index_really_runs_code_when_whoosh_opens_it(
    tmp_path: Path, marker: Path
) -> None:
    """The payload is live: Whoosh opening it creates the marker (so the tests below mean it)."""
    folder = tmp_path / "ix"
    folder.mkdir()
    (folder / "_MAIN_1.toc").write_bytes(_toc(marker))
    with pytest.raises(Exception):  # noqa: B017 - only the side effect matters
        windex.open_dir(str(folder))
    assert marker.exists()


def test_forged_bundle_verifies_but_opening_it_runs_nothing(
    tmp_path: Path, marker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    forged = _forge(tmp_path, marker)
    assert verify_bundle(forged).counts.index_files == 2

    lib = open_bundle_readonly(forged)
    try:
        with SearchIndex.open(lib) as index:
            hits = index.search(SearchRequest(query="da nang")).hits
        assert len(hits) == 1
        forged_toc = _toc(marker)
        assert all(p.read_bytes() != forged_toc for p in lib.index_dir.rglob("*.toc"))
    finally:
        close_bundle(lib)
    assert not marker.exists()


def test_importing_the_forged_bundle_runs_nothing(
    tmp_path: Path, marker: Path, library: Library
) -> None:
    forged = _forge(tmp_path, marker)
    report = import_bundle(library, forged)
    assert report.imported == 5
    with SearchIndex.open(library) as index:
        assert len(index.search(SearchRequest(query="ha noi")).hits) == 1
    assert not marker.exists()
