"""Exported files and bundles get the user's umask (like any editor's files), not 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.annotations.exports import FORMATS, export_annotations
from desktop.core.annotations.store import AnnotationStore
from desktop.core.atomic import atomic_write_text
from desktop.core.bundles import export_bundle
from desktop.core.store import Library
from tests.helpers.annotations import make_draft

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    atomic_write_text(tmp_path / "a.txt", "x")
    assert _mode(tmp_path / "a.txt") == 0o644
    os.umask(0o077)
    atomic_write_text(tmp_path / "b.txt", "x")
    assert _mode(tmp_path / "b.txt") == 0o600


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "shared.md"
    target.write_text("old")
    target.chmod(0o664)
    atomic_write_text(target, "new")
    assert (target.read_text(), _mode(target)) == ("new", 0o664)


def test_bundle_and_every_annotation_export(
    library: Library, tmp_path: Path, umask_022: None
) -> None:
    draft = make_draft()
    library.articles.add(draft)
    ann = AnnotationStore(library.conn).create_from_quote(draft.id, "Kinh phí").annotation
    out = tmp_path / "b.zip"
    export_bundle(library, out)
    assert _mode(out) == 0o644
    for fmt in FORMATS:
        path = tmp_path / f"a.{fmt}"
        export_annotations(library.articles, [ann], fmt, path)
        assert _mode(path) == 0o644, fmt
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
