"""Fixtures for annotation tests: articles with known bodies (``tests/helpers/annotations``).

``library`` is a library of either kind (a folder or a server library): the
annotation store behaves the same on both.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.store import Library
from tests.helpers.annotations import BODY, AddArticle, make_draft


@pytest.fixture
def library(either_library: Any) -> Any:
    return either_library


@pytest.fixture
def add_article(library: Library) -> AddArticle:
    """Store an article with the given body; returns its id."""

    def add(body: str = BODY, title: str = "Hội nghị tổng kết", **kw: object) -> str:
        draft = make_draft(body, title, **kw)
        library.articles.add(draft)
        return draft.id

    return add
