"""The store tests run on both backends: ``library`` is a folder or a server library."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def library(either_library: Any) -> Any:
    return either_library
