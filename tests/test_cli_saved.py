"""``saved`` and ``collection`` commands, and ``bundle export --collection``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.store import Library
from tests.helpers.search import make_draft


@pytest.fixture
def libdir(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.articles.add_many(
            [
                make_draft("Đổi mới sáng tạo ở Bình Định", "Hội thảo đổi mới sáng tạo."),
                make_draft("Mưa lớn", "Mưa lớn ở Huế."),
            ]
        )
    return root


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_keyword_tracking_loop(libdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(libdir)]
    code, out, _ = cli(capsys, *lib, "saved", "add", "Đổi mới", "doi moi", "--sort", "newest",
                       "--json")
    assert code == 0 and json.loads(out)["filters"] == {}
    code, out, _ = cli(capsys, *lib, "saved", "list", "--json")
    [entry] = json.loads(out)
    assert (entry["name"], entry["query"], entry["new"]) == ("Đổi mới", "doi moi", 0)

    with Library.open(libdir) as opened:
        opened.articles.add(make_draft("Đổi mới giáo dục", "Đổi mới chương trình."))
        opened.articles.add(make_draft("Nắng nóng", "Trời nắng."))
    code, out, _ = cli(capsys, *lib, "saved", "list")
    assert "Đổi mới  (1 new)" in out
    code, out, _ = cli(capsys, *lib, "saved", "run", "đổi mới", "--new-since-last", "--json")
    data = json.loads(out)
    assert data["new"] == 1 and data["new_since_last"] is True
    assert [h["title"] for h in data["result"]["hits"]] == ["Đổi mới giáo dục"]
    code, out, _ = cli(capsys, *lib, "saved", "run", "Đổi mới", "--new-since-last", "--json")
    assert json.loads(out)["result"]["total"] == 0
    code, out, _ = cli(capsys, *lib, "saved", "run", "Đổi mới")
    assert code == 0 and "0 new since last opened" in out and "2 result(s)" in out


def test_saved_errors_are_one_line(libdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(libdir)]
    code, _, err = cli(capsys, *lib, "saved", "add", "bad", "mua published:2023-13")
    assert code == 2 and err.count("\n") == 1 and "date" in err.lower()
    code, _, err = cli(capsys, *lib, "saved", "run", "missing")
    assert code == 2 and "No saved search" in err
    cli(capsys, *lib, "saved", "add", "x", "mua", "--site", "tin.example.vn", "--unread")
    code, _, err = cli(capsys, *lib, "saved", "add", "X", "mua")
    assert code == 2 and "already exists" in err
    code, out, _ = cli(capsys, *lib, "saved", "run", "x", "--json")
    assert json.loads(out)["filters"] == {"site": ["tin.example.vn"], "read": ["unread"]}
    assert json.loads(out)["result"]["total"] == 1
    assert cli(capsys, *lib, "saved", "remove", "x")[0] == 0
    assert json.loads(cli(capsys, *lib, "saved", "list", "--json")[1]) == []


def test_collections_and_collection_bundle(
    libdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(libdir)]
    with Library.open(libdir) as opened:
        first, second = opened.articles.all_ids()
    code, out, _ = cli(capsys, *lib, "collection", "add", "Gốm", first[:8], "--json")
    assert json.loads(out) == {"name": "Gốm", "added": 1, "articles": 1}
    cli(capsys, *lib, "collection", "add", "gốm", second)
    code, out, _ = cli(capsys, *lib, "collection", "list", "--json")
    assert [(c["name"], c["articles"]) for c in json.loads(out)] == [("Gốm", 2)]
    code, out, _ = cli(capsys, *lib, "search", 'collection:"GỐM" mua', "--json")
    assert json.loads(out)["total"] == 1
    code, out, _ = cli(capsys, *lib, "collection", "remove", "Gốm", second, "--json")
    assert json.loads(out)["articles"] == 1
    code, out, _ = cli(capsys, *lib, "collection", "show", "gốm", "--json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [first]

    bundle = tmp_path / "gom.zip"
    code, out, _ = cli(capsys, *lib, "bundle", "export", str(bundle), "--collection", "Gốm",
                       "--json")
    assert (json.loads(out)["scope"], json.loads(out)["articles"]) == ("collection", 1)
    code, _, err = cli(capsys, *lib, "bundle", "export", str(tmp_path / "x.zip"),
                       "--collection", "nope")
    assert code == 2 and "No collection named 'nope'" in err

    cli(capsys, *lib, "collection", "rename", "Gốm", "Đồ gốm")
    code, _, err = cli(capsys, *lib, "collection", "show", "Gốm")
    assert code == 2 and "No collection" in err
    assert cli(capsys, *lib, "collection", "delete", "đồ gốm")[0] == 0
    with Library.open(libdir) as opened:
        assert opened.articles.count() == 2


def test_reading_state_from_the_command_line(
    libdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(libdir)]
    with Library.open(libdir) as opened:
        first, second = opened.articles.all_ids()
    code, out, _ = cli(capsys, *lib, "reading", "mark", first[:8], second, "--json")
    assert json.loads(out) == {"changed": 2, "articles": 2}
    code, out, _ = cli(capsys, *lib, "reading", "unmark", second)
    assert "Marked 1 article(s) unread" in out
    code, out, _ = cli(capsys, *lib, "reading", "status", first, second, "--json")
    assert [json.loads(line)["read"] for line in out.splitlines()] == [True, False]
    code, _, err = cli(capsys, *lib, "reading", "mark", "zzzz")
    assert code == 2 and "No article" in err
