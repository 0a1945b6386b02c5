"""Reading the binary tsvectors of ``search.pg.vectors`` back, for the tests."""

from __future__ import annotations

WEIGHT_LETTERS = ("", "C", "B", "A")  # D (weight 0) is not written, as PostgreSQL shows it


def decoded(data: bytes) -> dict[str, list[str]]:
    """Lexeme -> its positions as PostgreSQL writes them (``"1A"``, ``"6"``), in order."""
    count = int.from_bytes(data[:4], "big")
    at = 4
    found: dict[str, list[str]] = {}
    for _ in range(count):
        end = data.index(b"\0", at)
        lexeme = data[at:end].decode("utf-8")
        n = int.from_bytes(data[end + 1 : end + 3], "big")
        at = end + 3
        positions = []
        for _ in range(n):
            value = int.from_bytes(data[at : at + 2], "big")
            positions.append(f"{value & 0x3FFF}{WEIGHT_LETTERS[value >> 14]}")
            at += 2
        assert lexeme not in found, f"lexeme {lexeme!r} written twice"
        found[lexeme] = positions
    assert at == len(data), "bytes left after the last lexeme"
    return found
