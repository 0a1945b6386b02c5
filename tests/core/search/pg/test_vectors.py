"""``vectors``: the tsvector literals of a row, within a tsvector's limits."""

from __future__ import annotations

import re

from desktop.core.search.pg.vectors import BODY, MAX_POSITIONS, TITLE, Vector, row_for, stripped
from desktop.core.store import Library
from tests.helpers.search import make_draft


def _parsed(literal: str) -> dict[str, list[str]]:
    """Lexeme -> sorted positions of a tsvector literal, merged as PostgreSQL does."""
    found: dict[str, list[str]] = {}
    for lexeme, positions in re.findall(r"'([^']*)'(?::(\S+))?", literal):
        found.setdefault(lexeme, []).extend(positions.split(",") if positions else [])
    return {k: sorted(v, key=lambda p: int(p.rstrip("ABCD"))) for k, v in found.items()}


def test_positions_follow_the_parts_with_their_weights() -> None:
    vector = Vector()
    vector.add(["ha", "noi"], TITLE)
    vector.add(["mua", "thu", "ha", "noi", "ha"], BODY)
    assert _parsed(vector.literal()) == {"ha": ["1A", "6", "8"], "noi": ["2A", "7"], "mua": ["4"],
                             "thu": ["5"]}
    assert vector.lexemes() == {"ha", "noi", "mua", "thu"}
    assert not vector.lossy


def test_a_syllable_past_the_position_limit_makes_the_row_lossy() -> None:
    vector = Vector()
    vector.add(["mua"] * (MAX_POSITIONS + 10) + ["thu"], BODY)
    parsed = _parsed(vector.literal())
    assert len(parsed["mua"]) == MAX_POSITIONS
    assert parsed["thu"] == [str(MAX_POSITIONS + 11)]
    assert vector.lossy


def test_a_row_counts_the_lexemes_of_its_body_vector(library: Library) -> None:
    draft = make_draft("Hà Nội", "Mùa thu Hà Nội")
    library.articles.add_many([draft])
    row = row_for(library.articles.get(draft.id), None, 7)
    assert row.terms == {"ha", "noi", "mua", "thu"}
    assert row.values["gen"] == 7 and not row.values["lossy"]


def test_lexemes_too_long_for_a_tsvector_are_left_out() -> None:
    long = "x" * 3000
    assert stripped(["ha_noi", long, "ha_noi", "mua_thu"]) == "'ha_noi' 'mua_thu'"
    assert stripped([]) == "" and stripped([long]) == ""
    vector = Vector()
    vector.add(["mua", long], BODY)
    assert _parsed(vector.literal()) == {"mua": ["1"]}
    assert vector.lexemes() == {"mua"} and vector.lossy
