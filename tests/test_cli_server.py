"""The CLI on a server library: ``server init``, then the same commands as on a folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.core.ingest._builders import PARAGRAPHS, article_html, text_dump
from tests.helpers.pgserver import Server, reader_role


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


def test_an_unreachable_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--library", "postgresql://ab@127.0.0.1:1/team", "list")
    assert code != 0
    assert "refused" in err and err.count("\n") == 1 and "Traceback" not in err


def test_server_init_refuses_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "server", "init", str(tmp_path))
    assert code != 0 and "Not a server address" in err


def test_annotations_on_a_server_library_record_and_list(
    pg_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "server", "init", pg_dsn)[0] == 0
    folder = _inputs(tmp_path / "in")
    code, out, _ = _run(capsys, "--library", pg_dsn, "import", str(folder), "--json")
    article = json.loads(out)["ids"][0]
    code, out, _ = _run(capsys, "--library", pg_dsn, "show", article, "--json")
    quote = json.loads(out)["body"][:12]
    code, _, err = _run(
        capsys, "--library", pg_dsn, "annotations", "add", article, "--quote", quote,
        "--tag", "nhóm/máy chủ", "--note", "chung",
    )
    assert code == 0, err
    code, out, _ = _run(capsys, "--library", pg_dsn, "annotations", "list", "--json")
    assert code == 0 and "chung" in out and "nhóm/máy chủ" in out
    code, out, _ = _run(capsys, "--library", pg_dsn, "list", "--tag", "nhóm", "--json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [article]


def test_every_write_on_a_read_only_role_is_refused_in_one_line(
    pg_server: Server, pg_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "server", "init", pg_dsn)[0] == 0
    folder = _inputs(tmp_path / "in")
    code, out, _ = _run(capsys, "--library", pg_dsn, "import", str(folder), "--json")
    article = json.loads(out)["ids"][0]
    with reader_role(pg_server, pg_dsn) as reader:
        code, out, err = _run(capsys, "--library", reader, "list", "--json")
        assert code == 0 and len(out.splitlines()) == 2
        for argv in (
            ["import", str(folder)],
            ["collection", "add", "X", article],
            ["saved", "add", "X", "tin"],
            ["reading", "mark", article],
            ["annotations", "add", article, "--quote", "x"],
        ):
            code, _, err = _run(capsys, "--library", reader, *argv)
            assert code != 0, argv
            assert "read-only" in err and err.count("\n") == 1, (argv, err)


def test_stats_and_bundles_on_a_server_library(
    pg_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "server", "init", pg_dsn)[0] == 0
    folder = _inputs(tmp_path / "in")
    code, out, _ = _run(capsys, "--library", pg_dsn, "import", str(folder), "--json")
    ids = json.loads(out)["ids"]
    code, out, _ = _run(capsys, "--library", pg_dsn, "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["articles"] == 2 and "@" in stats["library"]
    bundle = tmp_path / "team.zip"
    code, _, err = _run(capsys, "--library", pg_dsn, "bundle", "export", str(bundle))
    assert code == 0, err
    laptop = str(tmp_path / "laptop")
    code, out, _ = _run(capsys, "--library", laptop, "bundle", "import", str(bundle), "--json")
    assert code == 0 and sorted(json.loads(out)["ids"]) == sorted(ids)
    code, out, _ = _run(capsys, "--library", pg_dsn, "bundle", "import", str(bundle), "--json")
    assert code == 0 and json.loads(out)["duplicates"] == 2
