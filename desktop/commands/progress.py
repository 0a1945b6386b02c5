"""One self-overwriting status line on stderr, shown only when stderr is a terminal.

Every long-running command (import, reindex, bundle export/import) reports
through this, so scripts that redirect stderr never see control characters.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class StatusLine:
    """Throttled single-line status; ``write(..., force=True)`` always shows."""

    def __init__(self, stream: TextIO, every: float = 0.1):
        self.stream = stream
        self.every = every
        self._last = float("-inf")
        self._shown = False

    @classmethod
    def on_stderr(cls, every: float = 0.1) -> StatusLine | None:
        """A status line on stderr, or None when stderr is not a terminal."""
        stream = sys.stderr
        isatty = getattr(stream, "isatty", None)
        return cls(stream, every) if isatty is not None and isatty() else None

    def write(self, text: str, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.every:
            return
        self._last = now
        self.stream.write("\r" + text[:79] + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def counter(self, label: str) -> Callable[[int, int], None]:
        """A ``(done, total)`` callback that shows ``label done/total``."""

        def show(done: int, total: int) -> None:
            self.write(f"{label} {done}/{total}", force=done >= total)

        return show

    def finish(self) -> None:
        """Erase the line, leaving the terminal as it was."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
