"""The ``search`` and ``reindex`` commands: the JSON contract, --batch, errors."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.store import Library
from tests.helpers.search import make_draft


def _make_library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    lib = Library.open(root)
    lib.articles.add_many(
        [
            make_draft("Hà Nội mưa lớn", "Mưa lớn ở Hà Nội gây ngập.", site="a.vn",
                       published=date(2023, 5, 1)),
            make_draft("Huế nắng", "Nắng nóng <gay gắt> ở Huế.", site="b.vn",
                       published=date(2022, 7, 1)),
            make_draft("Không ngày", "Mưa phùn.", site="a.vn"),
        ]
    )
    lib.close()
    return root


@pytest.fixture
def folder_lib(tmp_path: Path) -> Path:
    """A library searched through its Whoosh index folder."""
    return _make_library(tmp_path)


@pytest.fixture(params=["whoosh", "postgresql"])
def libdir(
    tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A library whose searches run on each backend in turn: the Whoosh folder, then
    PostgreSQL tables on the test server (skipped, saying why, without one)."""
    if request.param == "postgresql":
        import desktop.commands.search as command
        from desktop.core.search.interface import open_search

        dsn = str(request.getfixturevalue("pg_dsn"))

        def on_server(library: Library, **kw: object) -> object:
            return open_search(library, dsn=dsn, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(command, "open_search", on_server)
    return _make_library(tmp_path)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_contract(libdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--library", str(libdir), "search", "mua", "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["query", "total", "hits", "facets", "notice", "took_ms"]
    assert data["query"] == "mua" and data["total"] == 2 and data["notice"] is None
    assert isinstance(data["took_ms"], float) and data["took_ms"] > 0
    assert data["facets"] == {"site": {"a.vn": 2}, "year": {"2023": 1}}
    hit = data["hits"][0]
    assert list(hit) == ["id", "title", "score", "snippet", "published", "site"]
    assert hit["title"] == "Hà Nội mưa lớn" and hit["published"] == "2023-05-01"
    assert "<mark>Mưa</mark>" in hit["snippet"]
    assert data["hits"][1]["published"] is None


def test_search_paging_sorting_and_notice(libdir: Path, capsys) -> None:
    _, out, _ = cli(capsys, "--library", str(libdir), "search", "mua", "--json",
                    "--limit", "1", "--offset", "1", "--sort", "newest")
    data = json.loads(out)
    assert data["total"] == 2 and [h["title"] for h in data["hits"]] == ["Không ngày"]
    _, out, _ = cli(capsys, "--library", str(libdir), "search", "mưa tuyết", "--json")
    data = json.loads(out)
    assert data["notice"] and data["total"] == 2


def test_search_readable_output(libdir: Path, capsys) -> None:
    code, out, _ = cli(capsys, "--library", str(libdir), "search", "nang")
    assert code == 0
    assert "1 result(s)" in out and "Huế nắng" in out
    assert "<mark>" not in out and "Nắng nóng <gay gắt>" in out


def test_malformed_query_is_one_line_error(libdir: Path, capsys) -> None:
    code, out, err = cli(
        capsys, "--library", str(libdir), "search", "published:[2024 TO 2023]", "--json"
    )
    assert code == 2 and out == ""
    assert err.startswith("archive-browser: error:") and "start is after" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unclosed_quote_is_a_phrase_with_a_notice(libdir: Path, capsys) -> None:
    code, out, _ = cli(capsys, "--library", str(libdir), "search", '"mưa lớn', "--json")
    data = json.loads(out)
    assert code == 0 and data["total"] == 1 and "quote" in data["notice"]


def test_batch_runs_every_line_in_one_process(libdir: Path, tmp_path: Path, capsys) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text(
        "mua\n\n  \nnang\npublished:2023-13\nsite:a.vn\n(mua\n", encoding="utf-8"
    )
    code, out, _ = cli(capsys, "--library", str(libdir), "search", "--batch", str(batch))
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["query"] for d in lines] == ["mua", "nang", "published:2023-13", "site:a.vn",
                                           "(mua"]
    assert lines[0]["total"] == 2 and lines[1]["total"] == 1 and lines[3]["total"] == 2
    assert "error" in lines[2] and "Bad date" in lines[2]["error"]
    assert lines[4]["total"] == 2
    assert code == 1


def test_batch_file_missing(libdir: Path, tmp_path: Path, capsys) -> None:
    code, _, err = cli(capsys, "--library", str(libdir), "search", "--batch",
                       str(tmp_path / "nope.txt"))
    assert code == 2 and "Cannot read the batch file" in err


def test_reindex(folder_lib: Path, capsys) -> None:
    libdir = folder_lib
    code, out, _ = cli(capsys, "--library", str(libdir), "reindex", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["indexed"] == 3 and data["documents"] == 3
    for f in (libdir / "index" / "whoosh").iterdir():
        f.write_bytes(b"junk")
    code, out, _ = cli(capsys, "--library", str(libdir), "search", "hue", "--json")
    assert code == 0 and json.loads(out)["total"] == 1
    code, out, err = cli(capsys, "--library", str(libdir), "reindex")
    assert code == 0 and "Indexed 3 article(s)" in out and err == ""


class _FakeTerminal:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def test_reindex_progress_only_on_a_terminal(
    folder_lib: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    term = _FakeTerminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert main(["--library", str(folder_lib), "reindex"]) == 0
    assert "\rIndexing 3/3" in term.text and term.text.endswith("\r\x1b[K")
