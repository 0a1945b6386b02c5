"""Whether this program can start ``spawn`` child processes (extraction, indexing)."""

from __future__ import annotations

import sys
from pathlib import Path


def spawn_is_safe() -> bool:
    """Whether ``spawn`` children can start: they re-import the main module.

    True for ``python -m ...`` (the app, pytest), ``-c`` and interactive use, and
    for scripts with a ``__main__`` guard; never in a frozen executable.
    """
    if getattr(sys, "frozen", False):
        return False
    main = sys.modules.get("__main__")
    if getattr(main, "__spec__", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    if not path:
        return True
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "__name__ ==" in source or "__name__==" in source
