"""Fixtures for bundle tests: a small library and an empty one (``tests/helpers/bundles``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.store import Library
from tests.helpers.bundles import drafts


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "source")
    lib.articles.add_many(drafts())
    yield lib
    lib.close()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "target")
    yield lib
    lib.close()
