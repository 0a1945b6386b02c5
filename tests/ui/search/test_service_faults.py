"""The search thread turns a damaged database into one line that says what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.search.models import SearchRequest
from desktop.core.store import Library
from desktop.ui.search import backend as backend_module
from desktop.ui.search.service import _SearchWorker


def test_a_damaged_database_while_searching_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    Library.open(root).close()

    def broken(self: object, request: SearchRequest) -> object:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(backend_module.Backend, "run", broken)
    worker = _SearchWorker(lambda: Library.open(root, create=False), use_index=False)
    messages: list[str] = []
    worker.failed.connect(lambda _rid, _gen, message: messages.append(message))
    worker.run_request(1, 0, SearchRequest(query="x"))
    worker.shutdown()
    assert len(messages) == 1
    assert str(root / "library.sqlite3") in messages[0]
    assert "damaged" in messages[0] and "recover" in messages[0]
