"""``vectors``: the binary tsvectors of a row, within a tsvector's limits."""

from __future__ import annotations

from desktop.core.search.pg.vectors import (
    BODY,
    MAX_POSITIONS,
    MAX_VECTOR_BYTES,
    PAIRS_CUT,
    TITLE,
    Vector,
    row_for,
    stripped,
    stripped_within,
)
from desktop.core.store import Library
from tests.helpers.search import huge_body, make_draft, syllable_name
from tests.helpers.tsvector import decoded


def test_positions_follow_the_parts_with_their_weights() -> None:
    vector = Vector()
    vector.add(["ha", "noi"], TITLE)
    vector.add(["mua", "thu", "ha", "noi", "ha"], BODY)
    assert decoded(vector.encoded()) == {"ha": ["1A", "6", "8"], "noi": ["2A", "7"],
                                         "mua": ["4"], "thu": ["5"]}
    assert vector.lexemes() == {"ha", "noi", "mua", "thu"}
    assert not vector.lossy


def test_a_syllable_past_the_position_limit_makes_the_row_lossy() -> None:
    vector = Vector()
    vector.add(["mua"] * (MAX_POSITIONS + 10) + ["thu"], BODY)
    parsed = decoded(vector.encoded())
    assert parsed["mua"] == [str(p) for p in range(1, MAX_POSITIONS + 1)]
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
    assert decoded(stripped(["ha_noi", long, "ha_noi", "mua_thu"])) == {"ha_noi": [],
                                                                        "mua_thu": []}
    assert decoded(stripped([])) == {} and decoded(stripped([long])) == {}
    vector = Vector()
    vector.add(["mua", long, "thu"], BODY)
    assert decoded(vector.encoded()) == {"mua": ["1"], "thu": ["3"]}
    assert vector.lexemes() == {"mua", "thu"} and vector.lossy


def test_an_empty_vector_has_no_lexemes() -> None:
    vector = Vector()
    vector.add([], TITLE)
    vector.add([], BODY)
    assert decoded(vector.encoded()) == {} and not vector.lossy


def test_pairs_past_a_tsvector_s_size_are_cut_and_the_row_is_lossy(library: Library) -> None:
    tokens = [f"{syllable_name(n)}_{syllable_name(n + 1)}" for n in range(150_000)]
    data, cut = stripped_within(tokens)
    kept = decoded(data)
    assert cut and sum(len(t) for t in kept) <= MAX_VECTOR_BYTES
    assert 0 < len(kept) < len(tokens) and sorted(kept) == sorted(tokens)[: len(kept)]
    assert stripped_within(tokens[:100]) == (stripped(tokens[:100]), False)
    draft = make_draft("Bài rất dài", huge_body(150_000))
    library.articles.add_many([draft])
    row = row_for(library.articles.get(draft.id), None, 1)
    pairs = decoded(row.vectors["pairs_v"])
    assert row.values["lossy"] and PAIRS_CUT in pairs
    assert sum(len(t) for t in pairs) <= MAX_VECTOR_BYTES + len(PAIRS_CUT)
    assert len(decoded(row.vectors["body_v"])) == 150_000 + 3  # every word is still there
