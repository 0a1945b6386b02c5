"""A temporary stand-in for the text-dump extractor while it is being written.

``ensure_textdump()`` installs it only when ``desktop.core.extract.textdump`` cannot
be imported; once the real module exists, the real one is always used.
"""

from __future__ import annotations

import sys
import types

from desktop.core.errors import ExtractionError
from desktop.core.extract.fields import Extracted
from desktop.core.textnorm import normalize_text, tidy_body


class _LineStats:
    def __init__(self) -> None:
        self.documents = 0

    def observe(self, text: str) -> None:
        self.documents += 1


def _extract_text_dump(
    text: str, *, stats: _LineStats | None = None, source_name: str = ""
) -> Extracted:
    lines = [ln.strip() for ln in normalize_text(text).split("\n") if ln.strip()]
    if len(lines) < 2:
        raise ExtractionError("no article text found")
    return Extracted(title=lines[0], body=tidy_body("\n\n".join(lines[1:])))


def ensure_textdump() -> None:
    try:
        import desktop.core.extract.textdump  # noqa: F401
    except ModuleNotFoundError as exc:
        if exc.name != "desktop.core.extract.textdump":
            raise
        module = types.ModuleType("desktop.core.extract.textdump")
        module.LineStats = _LineStats  # type: ignore[attr-defined]
        module.extract_text_dump = _extract_text_dump  # type: ignore[attr-defined]
        sys.modules["desktop.core.extract.textdump"] = module
