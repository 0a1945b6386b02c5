"""The Whoosh internals module refuses another Whoosh version than the pinned one."""

from __future__ import annotations

import importlib

import pytest
import whoosh

from desktop.core.search import whoosh_internals


def test_another_whoosh_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whoosh, "__version__", (2, 7, 6))
    try:
        with pytest.raises(ImportError, match="whoosh-reloaded 2.7.5"):
            importlib.reload(whoosh_internals)
    finally:
        monkeypatch.undo()
        importlib.reload(whoosh_internals)
    assert whoosh_internals.PINNED_VERSION == (2, 7, 5)


def test_private_whoosh_api_is_used_only_there() -> None:
    from pathlib import Path

    package = Path(whoosh_internals.__file__).parent
    offenders = []
    for path in package.glob("*.py"):
        if path.name == "whoosh_internals.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("._flush_segment", "._postwriter", "._perdoc", "._read_data",
                       "._next_block", "._check_state", "._terms"):
            if needle in text:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []
