"""Reading zip members defensively: names, links, duplicates, sizes and ratios.

Members are streamed (never extracted to disk). Bytes are counted while they
are read, so a lying header cannot get a bomb past the caps: reading stops the
moment a member passes its size cap or compression ratio, or the archive passes
its total.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from typing import IO

from desktop.core.errors import ExtractionError, UnsafeArchiveError
from desktop.core.ingest.limits import MIB, ImportLimits

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1024 * 1024


class ArchiveBudget:
    """Uncompressed bytes read from one archive so far, against the archive's cap."""

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0

    def spend(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise UnsafeArchiveError(
                f"the archive expands past {self.limit // MIB} MiB in total; "
                "the rest of it was not read"
            )


def member_problem(info: zipfile.ZipInfo, seen: set[str]) -> str | None:
    """Why a member must be rejected before reading it, or None when it may be read."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        return "unsafe member name (absolute path)"
    if ".." in name.split("/"):
        return "unsafe member name (it points outside the archive with ../)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link member (not imported)"
    if name in seen:
        return "duplicate member name (the first one was used)"
    seen.add(name)
    if info.flag_bits & 0x1:
        return "encrypted member (not supported)"
    return None


class CappedReader(io.RawIOBase):
    """A read-only stream over a zip member that enforces size, ratio and archive caps."""

    def __init__(
        self,
        raw: IO[bytes],
        *,
        cap: int,
        compressed_size: int,
        limits: ImportLimits,
        budget: ArchiveBudget,
        what: str = "document",
    ):
        super().__init__()
        self._raw = raw
        self._cap = cap
        self._compressed = max(compressed_size, 1)
        self._limits = limits
        self._budget = budget
        self._what = what
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self._account(n)
        return n

    def read(self, size: int | None = -1) -> bytes:
        data = self._raw.read(-1 if size is None else size)
        self._account(len(data))
        return data

    def _account(self, n: int) -> None:
        self.count += n
        self._budget.spend(n)
        if self.count > self._cap:
            raise UnsafeArchiveError(
                f"the {self._what} expands past {self._cap // MIB} MiB (the limit); not imported"
            )
        limits = self._limits
        if (
            self.count > limits.ratio_floor_bytes
            and self.count > limits.max_ratio * self._compressed
        ):
            raise UnsafeArchiveError(
                f"suspicious compression ratio (over {limits.max_ratio}:1, a zip bomb?); "
                "not imported"
            )

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def open_member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    cap: int,
    limits: ImportLimits,
    budget: ArchiveBudget,
    what: str = "document",
) -> CappedReader:
    if info.file_size > cap:
        raise UnsafeArchiveError(
            f"the {what} declares {info.file_size / MIB:.1f} MiB (the limit is {cap // MIB} MiB); "
            "not imported"
        )
    try:
        raw = zf.open(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
        raise ExtractionError(f"cannot read the member: {exc}") from exc
    return CappedReader(
        raw, cap=cap, compressed_size=info.compress_size, limits=limits, budget=budget, what=what
    )


def read_member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    cap: int,
    limits: ImportLimits,
    budget: ArchiveBudget,
    what: str = "document",
) -> bytes:
    """The member's bytes, read in chunks under the caps."""
    if info.file_size <= min(cap, limits.ratio_floor_bytes):
        return _read_small(zf, info, budget)
    reader = open_member(zf, info, cap=cap, limits=limits, budget=budget, what=what)
    parts: list[bytes] = []
    try:
        while True:
            chunk = reader.read(_CHUNK)
            if not chunk:
                break
            parts.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise ExtractionError(f"the member is damaged: {exc}") from exc
    finally:
        reader.close()
    return b"".join(parts)


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: ArchiveBudget) -> bytes:
    """Fast path for members declared below every cap: ``zipfile`` never returns more
    than the declared size (a lying header ends in a CRC error), so one read is safe."""
    try:
        with zf.open(info) as raw:
            data = raw.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise ExtractionError(f"the member is damaged: {exc}") from exc
    except RuntimeError as exc:  # encrypted
        raise ExtractionError(f"cannot read the member: {exc}") from exc
    budget.spend(len(data))
    return data
