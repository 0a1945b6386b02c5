"""Fixtures for bundle tests: a small library and an empty one (``tests/helpers/bundles``);
the empty one is of either kind, so bundles merge alike into a folder and a server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
def empty(either_library: Any) -> Any:
    """An empty library of either kind (a folder, or a server library) to merge into."""
    return either_library
