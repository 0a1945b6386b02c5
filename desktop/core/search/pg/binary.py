"""PostgreSQL's binary ``COPY`` format, for writing ``search_docs`` rows in bulk.

The search rows are sent with ``COPY ... FROM STDIN WITH (FORMAT binary)``: the
server reads a binary tsvector several times faster than it parses a tsvector
literal, and no JSON or text escaping is built or parsed on either side.

``HEADER`` opens the stream and ``TRAILER`` ends it; ``copy_tuple`` is one row of
fields, each ``None`` (NULL) or the bytes of its binary form: ``text``, ``bigint``,
``boolean`` and ``text_array`` make them; tsvectors come from ``vectors``.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
TRAILER = struct.pack(">h", -1)

_I16 = struct.Struct(">h")
_I32 = struct.Struct(">i")
_I64 = struct.Struct(">q")
_NULL = _I32.pack(-1)
# pg_type OID of ``text`` (an array's element type).
TEXT_OID = 25


def text(value: str | None) -> bytes | None:
    """A ``text`` field; ``None`` is NULL."""
    return None if value is None else value.encode("utf-8")


def bigint(value: int) -> bytes:
    return _I64.pack(value)


def boolean(value: bool) -> bytes:
    return b"\x01" if value else b"\x00"


def text_array(values: Sequence[str]) -> bytes:
    """A one-dimensional ``text[]`` without NULLs (``{}`` when empty)."""
    if not values:
        return struct.pack(">iiI", 0, 0, TEXT_OID)
    parts = [struct.pack(">iiIii", 1, 0, TEXT_OID, len(values), 1)]
    for value in values:
        data = value.encode("utf-8")
        parts += (_I32.pack(len(data)), data)
    return b"".join(parts)


def copy_tuple(fields: Sequence[bytes | None]) -> bytes:
    """One row of the stream: its field count, then each field's length and bytes."""
    parts = [_I16.pack(len(fields))]
    for field in fields:
        if field is None:
            parts.append(_NULL)
        else:
            parts += (_I32.pack(len(field)), field)
    return b"".join(parts)
