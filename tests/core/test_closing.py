"""``with`` support for the core's closable objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.closing import Closing
from desktop.core.store import Library


class _Thing(Closing):
    def __init__(self) -> None:
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


def test_with_returns_the_object_and_closes_it_even_on_error() -> None:
    thing = _Thing()
    with thing as same:
        assert same is thing
    assert thing.closed == 1
    with pytest.raises(ValueError), thing:
        raise ValueError("boom")
    assert thing.closed == 2


def test_library_closes_its_connection(tmp_path: Path) -> None:
    import sqlite3

    with Library.open(tmp_path / "lib") as lib:
        conn = lib.conn
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
