"""Reading untrusted zips safely: no path tricks, no symlinks, no zip bombs.

``SafeZip`` checks every entry of the central directory before anything is read
(names, types, duplicates, declared sizes) and then counts the bytes actually
decompressed while reading, so a header that lies about sizes cannot get past
the limits. Files are only ever written below a target folder that the caller
names. Every problem raises ``UnsafeArchiveError`` naming the member.
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from desktop.core.closing import Closing
from desktop.core.errors import UnsafeArchiveError

CHUNK = 1 << 20
MAX_LINE_BYTES = 256 * 1024 * 1024
# A zlib stream header (deflate, 32 KiB window, default level) for wrapping raw deflate data.
_ZLIB_HEADER = b"\x78\x9c"
# A zip local file header (APPNOTE 4.3.7): the name and extra lengths are its last fields.
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class ZipLimits:
    """Caps applied while reading; the defaults fit a large library with originals."""

    max_members: int = 2_000_000
    max_total_bytes: int = 16 * 1024**3
    max_member_bytes: int = 4 * 1024**3
    # Highest allowed uncompressed/compressed ratio for members above ``ratio_floor`` bytes.
    max_ratio: float = 200.0
    ratio_floor: int = 1024 * 1024


DEFAULT_LIMITS = ZipLimits()


def check_member_name(name: str) -> str:
    """The name if it is a plain relative path inside the archive, else raise."""
    if not name or "\x00" in name:
        raise UnsafeArchiveError(f"Archive member {name!r} has an invalid name.")
    if "\\" in name or name.startswith("/") or _DRIVE.match(name):
        raise UnsafeArchiveError(f"Archive member {name!r} has an absolute or Windows path.")
    # Plain string checks (a bundle names every original): with "//" and a leading
    # "/" refused, the only empty part is after a folder's trailing "/".
    if "//" in name or any(part in ("..", ".") for part in name.split("/")):
        raise UnsafeArchiveError(f"Archive member {name!r} points outside the archive.")
    return name


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


class SafeZip(Closing):
    """An untrusted zip opened for reading, checked before use."""

    def __init__(self, path: Path, limits: ZipLimits = DEFAULT_LIMITS):
        self.path = Path(path)
        self.limits = limits
        self._total_read = 0
        self._raw: IO[bytes] | None = None
        try:
            self._zf = zipfile.ZipFile(self.path)
        except FileNotFoundError as exc:
            raise UnsafeArchiveError(f"{self.path} does not exist.") from exc
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnsafeArchiveError(f"{self.path.name} is not a readable zip: {exc}") from exc
        try:
            self._infos = self._check_entries()
        except BaseException:
            self._zf.close()
            raise

    def _check_entries(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zf.infolist()
        if len(infos) > self.limits.max_members:
            raise UnsafeArchiveError(
                f"{self.path.name} has {len(infos)} members (at most "
                f"{self.limits.max_members} are accepted)."
            )
        seen: dict[str, zipfile.ZipInfo] = {}
        folded: set[str] = set()
        declared = 0
        for info in infos:
            name = check_member_name(info.filename)
            if _is_symlink(info):
                raise UnsafeArchiveError(f"Archive member {name!r} is a symbolic link.")
            if name in seen or name.casefold() in folded:
                raise UnsafeArchiveError(f"Archive member {name!r} appears more than once.")
            if info.flag_bits & 0x1:
                raise UnsafeArchiveError(f"Archive member {name!r} is encrypted.")
            if info.file_size > self.limits.max_member_bytes:
                raise UnsafeArchiveError(f"Archive member {name!r} is too large.")
            self._check_ratio(name, info.file_size, info.compress_size)
            declared += info.file_size
            if declared > self.limits.max_total_bytes:
                raise UnsafeArchiveError(
                    f"{self.path.name} unpacks to more than "
                    f"{self.limits.max_total_bytes} bytes (at member {name!r})."
                )
            seen[name] = info
            folded.add(name.casefold())
        return seen

    def _check_ratio(self, name: str, size: int, compressed: int) -> None:
        if size > self.limits.ratio_floor and size > self.limits.max_ratio * max(compressed, 1):
            raise UnsafeArchiveError(
                f"Archive member {name!r} expands more than {self.limits.max_ratio:.0f} times "
                "(a zip bomb?)."
            )

    # -- what is inside ------------------------------------------------------

    def names(self) -> list[str]:
        """File members (folders left out), in archive order."""
        return [n for n, i in self._infos.items() if not i.is_dir()]

    def has(self, name: str) -> bool:
        return name in self._infos and not self._infos[name].is_dir()

    def info(self, name: str) -> zipfile.ZipInfo:
        try:
            return self._infos[name]
        except KeyError:
            raise UnsafeArchiveError(f"{self.path.name} has no member {name!r}.") from None

    # -- reading, with the bytes counted -------------------------------------

    def iter_chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes in chunks, checked against every limit while reading."""
        info = self.info(name)
        got = 0
        try:
            with self._zf.open(info) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    got += len(chunk)
                    self._total_read += len(chunk)
                    if got > info.file_size or got > self.limits.max_member_bytes:
                        raise UnsafeArchiveError(
                            f"Archive member {name!r} holds more data than its header says."
                        )
                    self._check_ratio(name, got, info.compress_size)
                    if self._total_read > self.limits.max_total_bytes:
                        raise UnsafeArchiveError(
                            f"{self.path.name} unpacks to more than "
                            f"{self.limits.max_total_bytes} bytes (at member {name!r})."
                        )
                    yield chunk
        except (
            zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError
        ) as exc:
            raise UnsafeArchiveError(
                f"Archive member {name!r} is damaged or truncated: {exc}"
            ) from exc
        except RuntimeError as exc:  # zipfile raises it for encrypted or odd members
            raise UnsafeArchiveError(f"Archive member {name!r} cannot be read: {exc}") from exc
        if got != info.file_size:
            raise UnsafeArchiveError(
                f"Archive member {name!r} is truncated ({got} of {info.file_size} bytes)."
            )

    def read(self, name: str, max_bytes: int | None = None) -> bytes:
        """The whole member; ``max_bytes`` caps what is accepted for this member."""
        info = self.info(name)
        if max_bytes is not None and info.file_size > max_bytes:
            raise UnsafeArchiveError(f"Archive member {name!r} is too large.")
        return b"".join(self.iter_chunks(name))

    def read_with_zlib(self, name: str) -> tuple[bytes, bytes | None]:
        """The member's bytes and, for a deflated member, the same bytes as a zlib stream.

        The zlib stream wraps the member's own compressed data, so nothing is
        compressed again. Other members come back with None. The same limits and
        checks apply as for ``read`` (size, total, CRC).
        """
        info = self.info(name)
        if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
            return self.read(name), None
        raw = self._compressed(info)
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            data = inflater.decompress(raw, info.file_size + 1)
        except zlib.error as exc:
            raise UnsafeArchiveError(
                f"Archive member {name!r} is damaged or truncated: {exc}"
            ) from exc
        if len(data) > info.file_size:
            raise UnsafeArchiveError(
                f"Archive member {name!r} holds more data than its header says."
            )
        if len(data) != info.file_size or not inflater.eof:
            raise UnsafeArchiveError(
                f"Archive member {name!r} is truncated ({len(data)} of {info.file_size} bytes)."
            )
        if zlib.crc32(data) != info.CRC:
            raise UnsafeArchiveError(f"Archive member {name!r} is damaged (bad CRC-32).")
        self._total_read += len(data)
        if self._total_read > self.limits.max_total_bytes:
            raise UnsafeArchiveError(
                f"{self.path.name} unpacks to more than "
                f"{self.limits.max_total_bytes} bytes (at member {name!r})."
            )
        return data, _ZLIB_HEADER + raw + struct.pack(">I", zlib.adler32(data))

    def _compressed(self, info: zipfile.ZipInfo) -> bytes:
        """The member's compressed bytes, found through its local header."""
        name = info.filename
        try:
            if self._raw is None:
                self._raw = open(self.path, "rb")  # noqa: SIM115 - closed in close()
            fp = self._raw
            fp.seek(info.header_offset)
            header = fp.read(_LOCAL_HEADER.size)
            if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
                raise UnsafeArchiveError(f"Archive member {name!r} has a damaged local header.")
            fields = _LOCAL_HEADER.unpack(header)
            local_name = fp.read(fields[10])
            if local_name.decode("utf-8", "replace") != name and local_name.decode(
                "cp437", "replace"
            ) != name:
                raise UnsafeArchiveError(f"Archive member {name!r} has a damaged local header.")
            fp.seek(fields[11], 1)
            raw = fp.read(info.compress_size)
        except OSError as exc:
            raise UnsafeArchiveError(f"Archive member {name!r} cannot be read: {exc}") from exc
        if len(raw) != info.compress_size:
            raise UnsafeArchiveError(f"Archive member {name!r} is truncated.")
        return raw

    def digest(self, name: str) -> tuple[int, str]:
        """(size, SHA-256 hex) of the member, computed from its bytes."""
        h = hashlib.sha256()
        size = 0
        for chunk in self.iter_chunks(name):
            h.update(chunk)
            size += len(chunk)
        return size, h.hexdigest()

    def iter_lines(self, name: str) -> Iterator[bytes]:
        """The member split into lines (without line ends), streamed."""
        return split_lines(self.iter_chunks(name), name)

    def extract(self, name: str, target: Path, relative: str) -> Path:
        """Write member ``name`` to ``target/relative``, never anywhere else."""
        root = Path(target).resolve()
        check_member_name(relative)
        dest = (root / relative).resolve()
        if not dest.is_relative_to(root) or dest == root:
            raise UnsafeArchiveError(f"Archive member {name!r} would be written outside {root}.")
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(dest, "xb") as out:
            _copy_chunks(self.iter_chunks(name), out)
        return dest

    # -- lifetime ------------------------------------------------------------

    def close(self) -> None:
        self._zf.close()
        if self._raw is not None:
            self._raw.close()
            self._raw = None


def split_lines(
    chunks: Iterable[bytes], name: str, max_line: int | None = None
) -> Iterator[bytes]:
    """Lines (without line ends) from a stream of chunks; an endless line is an error."""
    limit = MAX_LINE_BYTES if max_line is None else max_line
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            parts.append(chunk[start:end])
            yield b"".join(parts)
            parts, size = [], 0
            start = end + 1
        if start < len(chunk):
            parts.append(chunk[start:])
            size += len(chunk) - start
            if size > limit:
                raise UnsafeArchiveError(
                    f"Archive member {name!r} has a line longer than {limit} bytes."
                )
    if parts:
        yield b"".join(parts)


def _copy_chunks(chunks: Iterator[bytes], out: IO[bytes]) -> None:
    for chunk in chunks:
        out.write(chunk)
