"""Replacing files atomically: temp file in the same folder, fsync, ``os.replace``.

A crash or a full disk leaves either the old file or the new one, never half of
one. ``atomic_path`` is for writers that need a path or a file (NumPy, zipfile);
``atomic_write_bytes``/``atomic_write_text`` write data and turn OS failures
into a ``UserError``.

The new file gets the permissions any program's new file gets (``0666`` less
the user's umask), or keeps those of the file it replaces; ``tempfile.mkstemp``
would make every export private to its owner (``0600``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import UserError


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    On any exception the temporary file is removed and the exception (OS errors
    included, unchanged) propagates; ``path`` is left as it was.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = temp_beside(path)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


def temp_beside(path: Path, suffix: str = ".tmp") -> Path:
    """A new empty file in ``path``'s folder, to be moved over ``path`` when complete.

    Created with mode ``0666`` so the umask applies, as for any new file; when
    ``path`` exists, its permission bits are copied. OS errors propagate.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = folder / f".{path.name}.{secrets.token_hex(6)}{suffix}"
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        break
    else:
        raise FileExistsError(f"no free temporary name beside {path}")
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return tmp
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)
    return tmp


def atomic_write_bytes(path: Path, data: bytes, what: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically; OS failures become a ``UserError``.

    ``what`` names the file in messages ("the report to x.html"); default: the path.
    """
    path = Path(path)
    what = what or str(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Cannot write {what}: folder {folder} does not exist.")
    if path.is_dir():
        raise UserError(f"Cannot write {what}: it is a folder.")
    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise UserError(f"Cannot write {what}: {exc.strerror or exc}") from exc


def atomic_write_text(
    path: Path, text: str, encoding: str = "utf-8", what: str | None = None
) -> None:
    atomic_write_bytes(path, text.encode(encoding), what)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
