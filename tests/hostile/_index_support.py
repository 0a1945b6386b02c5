"""Helpers for the search-index hostile cases: a small library built in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.store import Library
from tests.helpers.search import make_draft


def fill(root: Path, count: int, word: str = "mưa") -> Library:
    """A library at ``root`` with ``count`` articles that all contain ``word``."""
    lib = Library.open(root)
    lib.articles.add_many(
        [make_draft(f"Bài {n}", f"Tin số {n}: {word} lớn ở miền Trung.") for n in range(count)]
    )
    return lib


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from desktop.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
