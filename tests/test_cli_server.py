"""The CLI on a server library: ``server init``, then the same commands as on a folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.core.ingest._builders import PARAGRAPHS, article_html, text_dump


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "page.html").write_text(article_html(), encoding="utf-8")
    (folder / "dump.txt").write_text(
        text_dump("Bản tin máy chủ", *reversed(PARAGRAPHS)), encoding="utf-8"
    )
    return folder


def test_a_command_on_a_database_never_initialised_says_to_run_server_init(
    pg_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "--library", pg_dsn, "list")
    assert code != 0
    assert "archive-browser server init" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_init_import_list_show_annotate_and_lists_on_a_server(
    pg_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "server", "init", pg_dsn, "--json")
    assert code == 0 and json.loads(out)["schema_version"] >= 4
    folder = _inputs(tmp_path / "in")
    code, out, _ = _run(capsys, "--library", pg_dsn, "import", str(folder), "--json")
    assert code == 0
    imported = json.loads(out)
    assert imported["imported"] == 2
    code, out, _ = _run(capsys, "--library", pg_dsn, "import", str(folder), "--json")
    assert json.loads(out)["duplicates"] == 2

    code, out, _ = _run(capsys, "--library", pg_dsn, "list", "--json")
    assert {json.loads(line)["id"] for line in out.splitlines()} == set(imported["ids"])
    first = imported["ids"][0]
    code, out, _ = _run(capsys, "--library", pg_dsn, "show", first, "--json")
    assert code == 0 and json.loads(out)["body"]

    code, _, _ = _run(capsys, "--library", pg_dsn, "collection", "add", "Máy chủ", first)
    assert code == 0
    code, out, _ = _run(capsys, "--library", pg_dsn, "collection", "list", "--json")
    assert "Máy chủ" in out
    code, _, _ = _run(capsys, "--library", pg_dsn, "saved", "add", "Tin", "máy chủ")
    assert code == 0
    code, out, _ = _run(capsys, "--library", pg_dsn, "saved", "list")
    assert code == 0 and "Tin" in out


def test_search_on_a_server_library_is_one_line_until_it_is_available(
    pg_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "server", "init", pg_dsn)[0] == 0
    code, _, err = _run(capsys, "--library", pg_dsn, "search", "máy chủ")
    assert code != 0 and "server libraries" in err and err.count("\n") == 1


def test_an_unreachable_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--library", "postgresql://ab@127.0.0.1:1/team", "list")
    assert code != 0
    assert "refused" in err and err.count("\n") == 1 and "Traceback" not in err


def test_server_init_refuses_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "server", "init", str(tmp_path))
    assert code != 0 and "Not a server address" in err
