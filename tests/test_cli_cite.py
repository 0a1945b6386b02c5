"""The ``cite`` command end to end through ``cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rispy

from desktop.cli import main
from desktop.core.ingest import import_paths
from desktop.core.search.index import SearchIndex
from desktop.core.store import Library
from tests.helpers.documents import docx_bytes, email_bytes


def _library(library: Library, tmp_path: Path) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.docx").write_bytes(docx_bytes(["Kinh phí nghiên cứu khoa học tăng."]))
    (folder / "mail.eml").write_bytes(email_bytes())
    ids = import_paths(library, [folder], workers=0).ids
    index = SearchIndex.open(library)
    try:
        index.sync()
    finally:
        index.close()
    return ids


def run(library: Library, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(library.root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cite_ids_prefixes_and_json(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _library(library, tmp_path)
    out = tmp_path / "refs.ris"
    code, stdout, err = run(library, capsys, "cite", ids[0][:8], ids[1], "--format", "ris",
                            str(out), "--json")
    assert (code, err) == (0, "")
    assert json.loads(stdout) == {"format": "ris", "path": str(out), "citations": 2}
    refs = rispy.loads(out.read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in refs) == sorted(ids)


def test_cite_a_search_result_or_the_whole_library(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _library(library, tmp_path)
    out = tmp_path / "refs.json"
    code, stdout, _ = run(library, capsys, "cite", "--query", "kinh phi", "--format",
                          "csljson", str(out))
    assert code == 0 and "wrote 1 citation" in stdout
    (item,) = json.loads(out.read_text(encoding="utf-8"))
    assert (item["type"], item["author"]) == ("report", [{"literal": "Phạm Minh Đức"}])
    code, _, _ = run(library, capsys, "cite", "--format", "bibtex", str(tmp_path / "all.bib"))
    assert code == 0
    assert (tmp_path / "all.bib").read_text(encoding="utf-8").count("@") == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["cite", "ffffffff", "--format", "ris", "x.ris"], "No article"),
        (["cite", "--query", "khong co gi", "--format", "ris", "x.ris"], "finds no articles"),
        (["cite", "abc", "--query", "x", "--format", "ris", "x.ris"], "not both"),
    ],
)
def test_cite_errors_are_one_line(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    argv: list[str], message: str,
) -> None:
    _library(library, tmp_path)
    code, _, err = run(library, capsys, *argv)
    assert code == 2
    assert message in err and err.count("\n") == 1
