"""Reading untrusted zips: one set of checks for imported archives and for bundles.

Members are never extracted blindly. Before a member is read its name, type and
flags are checked (no absolute paths or ``../``, no symbolic links, no
duplicates, no encryption); while it is read, one counting reader holds it to
its size cap, its compression ratio and the archive's total, so a header that
lies about sizes cannot get a zip bomb past the limits.

A ``ZipPolicy`` decides what a bad member means and says so in its words:
``SKIP_MEMBER`` (importing a user's zip: the member is reported and the rest is
read) or ``REFUSE_ARCHIVE`` (a bundle: the whole archive is refused, naming the
member). ``SafeZip`` is an archive opened under ``REFUSE_ARCHIVE``, every entry
checked before anything is read.
"""

from __future__ import annotations

import enum
import hashlib
import io
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
from desktop.core.errors import ExtractionError, UnsafeArchiveError

MIB = 1024 * 1024
CHUNK = 1 << 20
MAX_LINE_BYTES = 256 * 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
# A zlib stream header (deflate, 32 KiB window, default level) for wrapping raw deflate data.
_ZLIB_HEADER = b"\x78\x9c"
# A zip local file header (APPNOTE 4.3.7): the name and extra lengths are its last fields.
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_READ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError)


@dataclass(frozen=True)
class ZipLimits:
    """Caps applied while reading one archive; the defaults fit a large bundle with originals."""

    max_members: int = 2_000_000
    # Uncompressed bytes of all members together.
    max_total_bytes: int = 16 * 1024**3
    max_member_bytes: int = 4 * 1024**3
    # Highest allowed uncompressed/compressed ratio for members above ``ratio_floor`` bytes.
    max_ratio: float = 200.0
    ratio_floor: int = 1024 * 1024


DEFAULT_LIMITS = ZipLimits()


class Problem(enum.Enum):
    """Why a member may not be read at all."""

    INVALID_NAME = enum.auto()
    ABSOLUTE = enum.auto()
    OUTSIDE = enum.auto()
    SYMLINK = enum.auto()
    DUPLICATE = enum.auto()
    ENCRYPTED = enum.auto()
    # Found while reading (or from the declared sizes).
    TOO_LARGE = enum.auto()
    DECLARED_TOO_LARGE = enum.auto()
    RATIO = enum.auto()
    TOTAL = enum.auto()


@dataclass(frozen=True)
class ZipPolicy:
    """What a bad member means: skipped (the rest is read) or the whole archive refused.

    ``strict`` archives are written by this program (bundles): their names are
    plain relative paths (no ``\\``, ``.`` or ``//``) and no two differ only in case.
    ``messages`` words each problem; fields: ``name``, ``archive``, ``what``,
    ``cap_mib``, ``cap``, ``size_mib``, ``ratio``.
    """

    refuse_archive: bool
    strict: bool
    messages: dict[Problem, str]

    def say(self, problem: Problem, **fields: object) -> str:
        return self.messages[problem].format(**fields)

    def error(self, problem: Problem, **fields: object) -> UnsafeArchiveError:
        return UnsafeArchiveError(self.say(problem, **fields))


SKIP_MEMBER = ZipPolicy(
    refuse_archive=False,
    strict=False,
    messages={
        Problem.INVALID_NAME: "unsafe member name (invalid)",
        Problem.ABSOLUTE: "unsafe member name (absolute path)",
        Problem.OUTSIDE: "unsafe member name (it points outside the archive with ../)",
        Problem.SYMLINK: "symbolic link member (not imported)",
        Problem.DUPLICATE: "duplicate member name (the first one was used)",
        Problem.ENCRYPTED: "encrypted member (not supported)",
        Problem.TOO_LARGE: "the {what} expands past {cap_mib} MiB (the limit); not imported",
        Problem.DECLARED_TOO_LARGE: (
            "the {what} declares {size_mib:.1f} MiB (the limit is {cap_mib} MiB); not imported"
        ),
        Problem.RATIO: (
            "suspicious compression ratio (over {ratio:g}:1, a zip bomb?); not imported"
        ),
        Problem.TOTAL: (
            "the archive expands past {cap_mib} MiB in total; the rest of it was not read"
        ),
    },
)

REFUSE_ARCHIVE = ZipPolicy(
    refuse_archive=True,
    strict=True,
    messages={
        Problem.INVALID_NAME: "Archive member {name!r} has an invalid name.",
        Problem.ABSOLUTE: "Archive member {name!r} has an absolute or Windows path.",
        Problem.OUTSIDE: "Archive member {name!r} points outside the archive.",
        Problem.SYMLINK: "Archive member {name!r} is a symbolic link.",
        Problem.DUPLICATE: "Archive member {name!r} appears more than once.",
        Problem.ENCRYPTED: "Archive member {name!r} is encrypted.",
        Problem.TOO_LARGE: "Archive member {name!r} holds more data than its header says.",
        Problem.DECLARED_TOO_LARGE: "Archive member {name!r} is too large.",
        Problem.RATIO: "Archive member {name!r} expands more than {ratio:.0f} times (a zip bomb?).",
        Problem.TOTAL: "{archive} unpacks to more than {cap} bytes (at member {name!r}).",
    },
)


# -- checks before reading ---------------------------------------------------


def name_problem(name: str, policy: ZipPolicy) -> Problem | None:
    """Why ``name`` is not a safe relative path inside the archive, or None."""
    if policy.strict:
        if not name or "\x00" in name:
            return Problem.INVALID_NAME
        if "\\" in name or name.startswith("/") or _DRIVE.match(name):
            return Problem.ABSOLUTE
        # With "//" and a leading "/" refused, the only empty part is after a
        # folder's trailing "/".
        if "//" in name or any(part in ("..", ".") for part in name.split("/")):
            return Problem.OUTSIDE
        return None
    name = name.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        return Problem.ABSOLUTE
    if ".." in name.split("/"):
        return Problem.OUTSIDE
    return None


def check_member_name(name: str) -> str:
    """The name if it is a plain relative path (as a bundle writes them), else raise."""
    problem = name_problem(name, REFUSE_ARCHIVE)
    if problem is not None:
        raise REFUSE_ARCHIVE.error(problem, name=name)
    return name


def member_problem(info: zipfile.ZipInfo, seen: set[str], policy: ZipPolicy) -> Problem | None:
    """Why a member must not be read (name, link, duplicate, encryption), or None.

    ``seen`` collects the names checked so far (case-folded for a strict policy).
    """
    name = info.filename
    problem = name_problem(name, policy)
    if problem is not None:
        return problem
    if stat.S_ISLNK(info.external_attr >> 16):
        return Problem.SYMLINK
    key = name.casefold() if policy.strict else name.replace("\\", "/")
    if key in seen:
        return Problem.DUPLICATE
    seen.add(key)
    if info.flag_bits & 0x1:
        return Problem.ENCRYPTED
    return None


def over_ratio(size: int, compressed: int, limits: ZipLimits) -> bool:
    """True when ``size`` bytes from ``compressed`` bytes pass the allowed ratio."""
    return size > limits.ratio_floor and size > limits.max_ratio * max(compressed, 1)


# -- counting while reading --------------------------------------------------


class ArchiveBudget:
    """Uncompressed bytes read from one archive so far, against its total cap."""

    def __init__(self, limit: int, policy: ZipPolicy, archive: str = ""):
        self.limit = limit
        self.policy = policy
        self.archive = archive
        self.used = 0

    def spend(self, n: int, name: str) -> None:
        self.used += n
        if self.used > self.limit:
            raise self.policy.error(
                Problem.TOTAL, name=name, archive=self.archive, cap=self.limit,
                cap_mib=self.limit // MIB,
            )


class CountingReader(io.RawIOBase):
    """A read-only stream over a zip member that counts bytes against every cap."""

    def __init__(
        self,
        raw: IO[bytes],
        *,
        name: str,
        cap: int,
        compressed_size: int,
        limits: ZipLimits,
        budget: ArchiveBudget,
        what: str = "document",
    ):
        super().__init__()
        self._raw = raw
        self._name = name
        self._cap = cap
        self._compressed = compressed_size
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
        policy = self._budget.policy
        if self.count > self._cap:
            raise policy.error(
                Problem.TOO_LARGE, name=self._name, what=self._what, cap_mib=self._cap // MIB
            )
        if over_ratio(self.count, self._compressed, self._limits):
            raise policy.error(Problem.RATIO, name=self._name, ratio=self._limits.max_ratio)
        self._budget.spend(n, self._name)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


# -- imported archives: a bad member is skipped --------------------------------


def open_member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    cap: int,
    limits: ZipLimits,
    budget: ArchiveBudget,
    what: str = "document",
) -> CountingReader:
    """A counting stream over ``info`` (declared sizes past ``cap`` are refused first)."""
    if info.file_size > cap:
        raise budget.policy.error(
            Problem.DECLARED_TOO_LARGE, name=info.filename, what=what,
            size_mib=info.file_size / MIB, cap_mib=cap // MIB,
        )
    try:
        raw = zf.open(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
        raise ExtractionError(f"cannot read the member: {exc}") from exc
    return CountingReader(
        raw, name=info.filename, cap=cap, compressed_size=info.compress_size, limits=limits,
        budget=budget, what=what,
    )


def read_member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    cap: int,
    limits: ZipLimits,
    budget: ArchiveBudget,
    what: str = "document",
) -> bytes:
    """The member's bytes, read in chunks under the caps."""
    if info.file_size <= min(cap, limits.ratio_floor):
        return _read_small(zf, info, budget)
    reader = open_member(zf, info, cap=cap, limits=limits, budget=budget, what=what)
    parts: list[bytes] = []
    try:
        while chunk := reader.read(CHUNK):
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
    budget.spend(len(data), info.filename)
    return data


# -- bundles: a bad member refuses the archive ---------------------------------


class SafeZip(Closing):
    """An untrusted zip opened for reading, every entry checked before use.

    Files are only ever written below a target folder that the caller names.
    Every problem raises ``UnsafeArchiveError`` naming the member.
    """

    policy = REFUSE_ARCHIVE

    def __init__(self, path: Path, limits: ZipLimits = DEFAULT_LIMITS):
        self.path = Path(path)
        self.limits = limits
        self._raw: IO[bytes] | None = None
        try:
            self._zf = zipfile.ZipFile(self.path)
        except FileNotFoundError as exc:
            raise UnsafeArchiveError(f"{self.path} does not exist.") from exc
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnsafeArchiveError(f"{self.path.name} is not a readable zip: {exc}") from exc
        self._budget = ArchiveBudget(limits.max_total_bytes, self.policy, self.path.name)
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
        found: dict[str, zipfile.ZipInfo] = {}
        seen: set[str] = set()
        declared = ArchiveBudget(self.limits.max_total_bytes, self.policy, self.path.name)
        for info in infos:
            name = info.filename
            problem = member_problem(info, seen, self.policy)
            if problem is None and info.file_size > self.limits.max_member_bytes:
                problem = Problem.DECLARED_TOO_LARGE
            if problem is None and over_ratio(info.file_size, info.compress_size, self.limits):
                problem = Problem.RATIO
            if problem is not None:
                raise self.policy.error(problem, name=name, ratio=self.limits.max_ratio)
            declared.spend(info.file_size, name)
            found[name] = info
        return found

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
            with self._zf.open(info) as raw, CountingReader(
                raw, name=name, cap=min(info.file_size, self.limits.max_member_bytes),
                compressed_size=info.compress_size, limits=self.limits, budget=self._budget,
            ) as stream:
                while chunk := stream.read(CHUNK):
                    got = stream.count
                    yield chunk
        except _READ_ERRORS as exc:
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
            raise self.policy.error(Problem.DECLARED_TOO_LARGE, name=name)
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
            raise self.policy.error(Problem.TOO_LARGE, name=name)
        if len(data) != info.file_size or not inflater.eof:
            raise UnsafeArchiveError(
                f"Archive member {name!r} is truncated ({len(data)} of {info.file_size} bytes)."
            )
        if zlib.crc32(data) != info.CRC:
            raise UnsafeArchiveError(f"Archive member {name!r} is damaged (bad CRC-32).")
        self._budget.spend(len(data), name)
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

    def extract(self, name: str, target: Path, relative: str) -> Path:
        """Write member ``name`` to ``target/relative``, never anywhere else."""
        root = Path(target).resolve()
        check_member_name(relative)
        dest = (root / relative).resolve()
        if not dest.is_relative_to(root) or dest == root:
            raise UnsafeArchiveError(f"Archive member {name!r} would be written outside {root}.")
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(dest, "xb") as out:
            for chunk in self.iter_chunks(name):
                out.write(chunk)
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
