"""The single writer's job: import, then index catch-up, then one last message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.models import ImportReport
from desktop.core.search.state import read_state
from desktop.core.store import Library
from desktop.core.writer_job import run_writer_job
from tests.core.ingest._builders import PARAGRAPHS, text_dump


def test_the_job_imports_indexes_and_ends_with_done(library: Library, tmp_path: Path) -> None:
    page = tmp_path / "bai.txt"
    page.write_text(text_dump("Tin mới về giáo dục", *PARAGRAPHS), encoding="utf-8")
    messages: list[tuple[str, Any]] = []
    run_writer_job(library.root, [page], lambda k, p: messages.append((k, p)), lambda: False)
    kinds = [kind for kind, _ in messages]
    assert kinds[-1] == "done"
    assert kinds.index("imported") < kinds.index("done")
    report = dict(messages)["imported"]
    assert isinstance(report, ImportReport) and report.imported == 1
    state = read_state(library.index_dir)
    assert state is not None and state.generation == library.articles.generation()


def test_a_missing_library_is_one_error_line(tmp_path: Path) -> None:
    messages: list[tuple[str, Any]] = []
    run_writer_job(tmp_path / "none", None, lambda k, p: messages.append((k, p)), lambda: False)
    assert [kind for kind, _ in messages] == ["error"]
    assert "\n" not in messages[0][1]
