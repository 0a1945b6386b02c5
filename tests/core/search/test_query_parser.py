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
    Not,
    Value,
    Word,
    parse_query,
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
        ('"hà nội', "quote"),
        ("(hà nội", "parenthesis"),
        ("hà nội)", "parenthesis"),
        ("published:[2023 TO", "bracket"),
        ("published:2023]", "bracket"),
        ("published:2023-13", "Bad date"),
        ("published:2023-02-30", "Bad date"),
        ("published:hôm-qua", "Bad date"),
        ("published:[2024 TO 2023]", "start is after"),
        ("published:[2023]", "range"),
        ("colour:red", "Unknown field"),
        ("title:", "needs a value"),
        ("!!! ...", "no words"),
        ("()", "no words"),
        ("OR hà", "OR"),
        ("hà OR", "OR"),
        ("NOT", "NOT"),
        ("hà AND", "AND"),
        ("site:[a TO b]", "Ranges"),
        ("[2023 TO 2024]", "field"),
        ("tuyen~7", "Fuzzy"),
        ("(" * 60 + "a" + ")" * 60, "nested"),
        ("a" * 3000, "too long"),
    ],
)
def test_malformed_queries_raise_query_syntax_error(query: str, fragment: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert fragment.lower() in str(info.value).lower()


ALPHABET = list('abcđĐhàộ ()"[]-+*~:ORANDNOT\\/\t\n.,!?0123456789\u0301\u0323')


def test_random_garbage_never_raises_anything_but_query_syntax_error() -> None:
    rng = random.Random(20240601)
    parsed = failed = 0
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.3:
            text = rng.choice(["title:", "site:", "published:", "tag:", "note:"]) + text
        try:
            parse_query(text)
            parsed += 1
        except QuerySyntaxError as exc:
            assert str(exc)
            failed += 1
    assert parsed > 100 and failed > 100
