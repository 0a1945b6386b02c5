"""The query language: features, malformed input and random garbage."""

from __future__ import annotations

import random

import pytest

from desktop.core.errors import QuerySyntaxError
from desktop.core.search.query import (
    All,
    Any_,
    DateRange,
    MatchAll,
    Near,
    Not,
    Value,
    Word,
    parse,
    parse_query,
    relaxed,
)


def test_plain_words_are_anded_and_folded() -> None:
    node = parse_query("Hà Nội")
    assert isinstance(node, All)
    assert [w.syllables for w in node.children] == [("ha",), ("noi",)]  # type: ignore[union-attr]
    assert [w.exact for w in node.children] == [("hà",), ("nội",)]  # type: ignore[union-attr]


def test_empty_query_matches_all() -> None:
    assert parse_query("") == MatchAll()
    assert parse_query("   ") == MatchAll()


def test_phrase_or_not_and_parentheses() -> None:
    # OR binds looser than the implicit AND: a OR (b c).
    node = parse_query('"hà nội" OR (sài gòn -mưa) NOT bão')
    assert isinstance(node, Any_)
    phrase, rest = node.children
    assert isinstance(phrase, Word) and phrase.is_phrase and phrase.syllables == ("ha", "noi")
    assert isinstance(rest, All)
    group, excluded = rest.children
    assert isinstance(group, All) and isinstance(group.children[2], Not)
    assert isinstance(excluded, Not) and excluded.child.syllables == ("bao",)  # type: ignore[union-attr]


def test_fields_prefix_and_fuzzy() -> None:
    node = parse_query("title:Đổi site:VnExpress.net author:Minh tag:Policy/Funding note:xem")
    assert isinstance(node, All)
    title, site, author, tag, note = node.children
    assert isinstance(title, Word) and title.field == "title" and title.syllables == ("doi",)
    assert site == Value("site", "vnexpress.net")
    assert isinstance(author, Word) and author.field == "author"
    assert tag == Value("tag", "policy/funding")
    assert isinstance(note, Word) and note.field == "note"
    prefix = parse_query("thủ*")
    assert isinstance(prefix, Word) and prefix.mode == "prefix" and prefix.syllables == ("thu",)
    fuzzy = parse_query("tuyen~2")
    assert isinstance(fuzzy, Word) and fuzzy.mode == "fuzzy" and fuzzy.fuzz == 2


def test_published_forms() -> None:
    assert parse_query("published:2023") == Value("published", "2023", prefix=True)
    assert parse_query("published:2023-5") == Value("published", "2023-05", prefix=True)
    assert parse_query("published:2023-05-01") == Value("published", "2023-05-01")
    rng = parse_query("published:[2023-01-01 TO 2023-06]")
    assert isinstance(rng, DateRange) and rng.lo == "2023-01-01"
    assert rng.hi is not None and rng.hi.startswith("2023-06")
    assert parse_query("published:[* TO 2020]") == DateRange("published", None, "2020\uffff")


@pytest.mark.parametrize(
    "query, fragment",
    [
        ("published:2023-13", "Bad date"),
        ("published:2023-02-30", "Bad date"),
        ("published:hôm-qua", "Bad date"),
        ("published:[2024 TO 2023]", "start is after"),
        ("published:[2023]", "range"),
        ("published:[* TO *]", "at least one date"),
    ],
)
def test_power_user_field_errors_raise_query_syntax_error(query: str, fragment: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert fragment.lower() in str(info.value).lower()


def _words(node: object) -> list[tuple[str, ...]]:
    from desktop.core.search.query import positive_words

    return [w.syllables for w in positive_words(node)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query, words, notice",
    [
        ('Bộ trưởng nói: "không', [("bo",), ("truong",), ("noi",), ("khong",)], "quote"),
        ('"hà nội', [("ha", "noi")], "quote"),
        ("giá xăng (tăng", [("gia",), ("xang",), ("tang",)], None),
        ("hà nội)", [("ha",), ("noi",)], None),
        ("published:2023] mưa", [("mua",)], None),
        ("http://vnexpress.net/abc", [("http", "vnexpress", "net", "abc")], None),
        ("colour:red", [("colour", "red")], None),
        ("title:", [("title",)], None),
        ("vàng AND", [("vang",)], None),
        ("OR hà", [("ha",)], None),
        ("hà OR", [("ha",)], None),
        ("hà NOT", [("ha",)], None),
        ("hà NEAR", [("ha",)], None),
        ("site:[a TO b]", [("a",), ("b",)], None),
        ("[2023 TO 2024]", [("2023",), ("2024",)], None),
        ("tuyen~7", [("tuyen",)], None),
        ("(" * 60 + "a" + ")" * 60, [("a",)], None),
        ("a " * 1500, [("a",)] * 1000, "long"),
        ("!!! ...", [], "no words"),
        ("()", [], "no words"),
        ("NOT", [], "no words"),
    ],
)
def test_natural_queries_parse_with_at_most_a_notice(
    query: str, words: list[tuple[str, ...]], notice: str | None
) -> None:
    parsed = parse(query)
    assert _words(parsed.node) == words
    if notice is None:
        assert parsed.notices == ()
    else:
        assert any(notice in n.lower() for n in parsed.notices)


def test_compound_is_a_phrase_that_relaxes_to_words() -> None:
    node = parse_query("gian-thời")
    assert isinstance(node, Word) and node.is_phrase and node.compound
    steps = relaxed(node)
    assert [type(s.node) for s in steps] == [All, Any_]
    assert _words(steps[0].node) == [("gian",), ("thoi",)]


def test_proximity_forms() -> None:
    near = parse_query('"khoa học công nghệ"~5')
    assert isinstance(near, Near) and near.slop == 5 and len(near.children) == 4
    assert near.children[0].exact == ("khoa",)
    pair = parse_query("mưa NEAR/3 lũ")
    assert isinstance(pair, Near) and pair.slop == 3 and _words(pair) == [("mua",), ("lu",)]
    default = parse_query("mưa NEAR lũ NEAR bão")
    assert isinstance(default, Near) and len(default.children) == 3


ALPHABET = list('abcđĐhàộ ()"[]-+*~:/\\\t\n.,!?0123456789\u0301\u0323')
PIECES = ["OR", "AND", "NOT", "NEAR", "NEAR/3", "&&", "||", "title:", "site:", "tag:",
          "note:", "author:", "body:", "xyz:", "http://", "~2", '"', "(", ")", "[", "]"]


def test_random_strings_never_raise() -> None:
    rng = random.Random(20240601)
    for _ in range(5000):
        parts: list[str] = []
        for _ in range(rng.randint(0, 12)):
            if rng.random() < 0.35:
                parts.append(rng.choice(PIECES))
            else:
                parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6))))
        text = rng.choice(["", " "]).join(parts)
        parsed = parse(text)  # must not raise
        assert parsed.node is not None
