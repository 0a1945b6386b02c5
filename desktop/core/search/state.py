"""The small file beside the Whoosh index saying what it reflects.

``state.json`` holds the schema version and the store generation the index
was last brought in line with. It is written only after a Whoosh commit, so a
crash leaves an older generation behind and the next open catches up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.atomic import atomic_write_text

STATE_FILE = "state.json"


@dataclass(frozen=True)
class IndexState:
    schema_version: int
    generation: int


def read_state(index_dir: Path) -> IndexState | None:
    """The recorded state, or None when missing or unreadable."""
    try:
        raw = json.loads((index_dir / STATE_FILE).read_text(encoding="utf-8"))
        return IndexState(int(raw["schema_version"]), int(raw["generation"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(index_dir: Path, state: IndexState) -> None:
    atomic_write_text(
        index_dir / STATE_FILE,
        json.dumps({"schema_version": state.schema_version, "generation": state.generation}),
    )


def clear_state(index_dir: Path) -> None:
    try:
        (index_dir / STATE_FILE).unlink()
    except FileNotFoundError:
        pass
