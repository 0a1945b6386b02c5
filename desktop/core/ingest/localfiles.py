"""Reading the user's own files safely: storable names, regular files only, no escaping links.

A file name on disk may be any bytes; SQLite, JSON and terminals need valid
UTF-8, so bytes that do not decode are shown as ``\\xNN``. Only regular files
are opened (a named pipe or device called ``*.txt`` would block or never end),
and a symbolic link inside a folder being imported may not lead out of it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from desktop.core.errors import UserError

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotRegularFileError(UserError):
    """A path names a pipe, socket, device or folder where a file was expected."""


def storable_path(path: str | os.PathLike[str]) -> str:
    """The absolute path as valid UTF-8 text; undecodable bytes become ``\\xNN``."""
    text = os.path.abspath(os.fspath(path))
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def file_kind_problem(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISDIR(mode):
        kind = "a folder"
    else:
        kind = "a special file"
    return f"not a regular file ({kind}); skipped"


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; anything else raises ``NotRegularFileError``.

    Checked before opening (opening a device may already do something) and again
    on the open descriptor (the name may have been swapped in between). The file
    is opened non-blocking, so even a pipe slipped in cannot hang the import.
    """
    problem = file_kind_problem(os.stat(path).st_mode)
    if problem is not None:
        raise NotRegularFileError(problem)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        problem = file_kind_problem(os.fstat(fd).st_mode)
        if problem is not None:
            raise NotRegularFileError(problem)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def leaves_folder(path: Path, real_root: str) -> bool:
    """True when ``path`` is a symbolic link whose target is outside ``real_root``.

    ``real_root`` is the folder's ``os.path.realpath``.
    """
    if not os.path.islink(path):
        return False
    target = os.path.realpath(path)
    try:
        return os.path.commonpath([target, real_root]) != real_root
    except ValueError:  # different drives
        return True
