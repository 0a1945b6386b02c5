"""The CLI's status line: only on a terminal, throttled, erased at the end."""

from __future__ import annotations

import io
import sys

import pytest

from desktop.commands.progress import StatusLine


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert StatusLine.on_stderr() is None
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert StatusLine.on_stderr() is not None


def test_throttled_but_final_count_always_shown() -> None:
    term = _Terminal()
    status = StatusLine(term, every=3600)
    show = status.counter("Indexing")
    for done in range(100):
        show(done, 100)
    show(100, 100)
    lines = [p for p in term.getvalue().split("\r") if p]
    assert lines == ["Indexing 0/100\x1b[K", "Indexing 100/100\x1b[K"]
    status.finish()
    assert term.getvalue().endswith("\r\x1b[K")


def test_long_lines_are_cut_and_finish_without_output_is_silent() -> None:
    term = _Terminal()
    StatusLine(term).finish()
    assert term.getvalue() == ""
    status = StatusLine(term)
    status.write("x" * 500)
    assert term.getvalue() == "\r" + "x" * 79 + "\x1b[K"
