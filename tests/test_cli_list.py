"""``list`` filters by site, year and tag as the app's facets do."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.annotations.store import AnnotationStore
from desktop.core.store import Library
from tests.helpers.search import make_draft


@pytest.fixture
def libdir(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        drafts = [
            make_draft("Lũ ở Huế", "Mưa lớn kéo dài ở Huế.", site="a.vn",
                       published=date(2023, 10, 1)),
            make_draft("Giá lúa tăng", "Giá lúa ở miền Tây tăng.", site="b.vn",
                       published=date(2024, 3, 5)),
            make_draft("Trường học mới", "Một trường học mới ở Đà Nẵng.", site="a.vn",
                       published=date(2024, 9, 2)),
        ]
        lib.articles.add_many(drafts)
        notes = AnnotationStore(lib.conn)
        notes.create(drafts[0].id, 0, 3, tags=["Thiên tai/Lũ lụt"])
        notes.create(drafts[2].id, 0, 3, tags=["Giáo dục"])
    return root


def titles(capsys: pytest.CaptureFixture[str], libdir: Path, *options: str) -> list[str]:
    assert main(["--library", str(libdir), "list", "--json", *options]) == 0
    out = capsys.readouterr().out
    return [json.loads(line)["title"] for line in out.splitlines()]


def test_filters_by_site_year_and_tag(libdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert titles(capsys, libdir) == ["Trường học mới", "Giá lúa tăng", "Lũ ở Huế"]
    assert titles(capsys, libdir, "--site", "a.vn") == ["Trường học mới", "Lũ ở Huế"]
    assert titles(capsys, libdir, "--year", "2024") == ["Trường học mới", "Giá lúa tăng"]
    assert titles(capsys, libdir, "--site", "a.vn", "--year", "2024") == ["Trường học mới"]
    assert titles(capsys, libdir, "--site", "a.vn", "--site", "b.vn", "--sort", "oldest") == [
        "Lũ ở Huế", "Giá lúa tăng", "Trường học mới",
    ]
    # A tag matches ignoring case, and a parent tag takes in the tags below it.
    assert titles(capsys, libdir, "--tag", "thiên tai") == ["Lũ ở Huế"]
    assert titles(capsys, libdir, "--tag", "Thiên tai/lũ lụt") == ["Lũ ở Huế"]
    assert titles(capsys, libdir, "--tag", "lũ lụt") == []
    assert titles(capsys, libdir, "--tag", "giáo dục", "--year", "2023") == []
    assert titles(capsys, libdir, "--year", "2024", "--limit", "1") == ["Trường học mới"]
