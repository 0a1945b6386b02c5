"""The small file beside the Whoosh index saying what it reflects.

``state.json`` holds the schema version, the store generation the index was
last brought in line with, the folder (inside the index folder) that holds the
current Whoosh files, and the size and CRC-32 of each of those files. It is
written only after a Whoosh commit, so a crash leaves an older generation
behind and the next open catches up. Writing it is also how a rebuilt index
is swapped in: the new folder is named here only once it is complete.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.atomic import atomic_write_text

STATE_FILE = "state.json"
# The folder of an index written before folders were named in the state.
DEFAULT_DIR = "whoosh"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class IndexState:
    schema_version: int
    generation: int
    dir: str = DEFAULT_DIR
    # file name -> (size in bytes, CRC-32)
    files: dict[str, tuple[int, int]] = field(default_factory=dict)


def read_state(index_dir: Path) -> IndexState | None:
    """The recorded state, or None when missing or unreadable."""
    try:
        raw = json.loads((index_dir / STATE_FILE).read_text(encoding="utf-8"))
        folder = str(raw.get("dir", DEFAULT_DIR))
        if not folder or "/" in folder or "\\" in folder or folder.startswith("."):
            return None
        files = {
            str(name): (int(size), int(crc))
            for name, (size, crc) in dict(raw.get("files", {})).items()
        }
        return IndexState(int(raw["schema_version"]), int(raw["generation"]), folder, files)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_state(index_dir: Path, state: IndexState) -> None:
    atomic_write_text(
        index_dir / STATE_FILE,
        json.dumps(
            {
                "schema_version": state.schema_version,
                "generation": state.generation,
                "dir": state.dir,
                "files": {name: list(v) for name, v in sorted(state.files.items())},
            }
        ),
    )


def clear_state(index_dir: Path) -> None:
    try:
        (index_dir / STATE_FILE).unlink()
    except FileNotFoundError:
        pass


def file_checksum(path: Path) -> tuple[int, int]:
    """(size, CRC-32) of a file, read in chunks."""
    crc = 0
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return size, crc


def checksums(
    folder: Path, names: list[str], known: dict[str, tuple[int, int]] | None = None
) -> dict[str, tuple[int, int]]:
    """Checksums of ``names`` in ``folder``; files already in ``known`` with the same
    size are taken from it (Whoosh never rewrites a committed file in place)."""
    known = known or {}
    out: dict[str, tuple[int, int]] = {}
    for name in names:
        path = folder / name
        previous = known.get(name)
        if previous is not None and path.stat().st_size == previous[0]:
            out[name] = previous
        else:
            out[name] = file_checksum(path)
    return out


def damaged_files(folder: Path, state: IndexState) -> list[str]:
    """Files named in ``state`` that are missing or differ from their checksum."""
    bad: list[str] = []
    for name, expected in state.files.items():
        try:
            if file_checksum(folder / name) != tuple(expected):
                bad.append(name)
        except OSError:
            bad.append(name)
    return bad
