"""Shared fixtures. Qt runs offscreen; corpus tests skip when the corpus is absent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from desktop.core.store import Library  # noqa: E402
from tests.helpers import pgserver  # noqa: E402
from tests.helpers.paths import CORPUS, FIXTURES  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test may touch the real per-user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("ARCHIVE_BROWSER_LIBRARY", raising=False)


@pytest.fixture
def corpus() -> Path:
    """The shared real-data corpus; the test is skipped when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib")
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pgserver.Server]:
    """A PostgreSQL server for the whole run; the test skips, saying why, without one."""
    try:
        with pgserver.server() as found:
            yield found
    except pgserver.NoServer as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")


@pytest.fixture
def pg_dsn(pg_server: pgserver.Server) -> Iterator[str]:
    """The address of a fresh, empty database on the test server."""
    with pg_server.database() as dsn:
        yield dsn


@pytest.fixture(params=["folder", "server"])
def either_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty library of either kind is: a folder, or an initialised
    database on the test server (the server half skips, saying why, without one)."""
    if request.param == "folder":
        return str(tmp_path / "lib")
    from desktop.core.server.library import ServerLibrary

    dsn: str = request.getfixturevalue("pg_dsn")
    ServerLibrary.init(dsn)
    return dsn


@pytest.fixture
def either_library(either_location: str) -> Iterator[Any]:
    """A new, empty library of either kind (``LibraryStores``), so that store tests run
    on both backends and the two stay equivalent."""
    from desktop.core.store.locations import open_library

    lib = open_library(either_location)
    yield lib
    lib.close()
