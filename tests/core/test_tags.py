"""Tags: one canonical form to store, one case-insensitive key to match, parents root first."""

from __future__ import annotations

import pytest

from desktop.core.errors import UserError
from desktop.core.tags import (
    has_tag,
    normalize_tag,
    normalize_tags,
    tag_ancestors,
    tag_key,
    tag_keys_with_parents,
)


def test_tags_are_canonical_and_hierarchical() -> None:
    assert normalize_tag("  policy /  funding  ") == "policy/funding"
    assert normalize_tag("Chi\u0301nh sách//công   nghệ/") == "Chính sách/công nghệ"
    assert normalize_tags(["a", "a", " a ", "", "b/c"]) == ("a", "b/c")
    assert tag_ancestors("a/b/c") == ["a", "a/b", "a/b/c"]
    with pytest.raises(UserError):
        normalize_tag(" / ")


def test_the_key_matches_ignoring_case_and_spacing_and_is_empty_for_no_tag() -> None:
    assert tag_key(" Chi\u0301nh Sách /  Công   Nghệ ") == "chính sách/công nghệ"
    assert tag_key(" / ") == ""
    assert tag_keys_with_parents("Policy/Funding/EU") == [
        "policy", "policy/funding", "policy/funding/eu"
    ]
    assert tag_keys_with_parents("//") == []


def test_a_tag_is_had_by_itself_and_its_children_only() -> None:
    tags = ["Policy/Funding", "Lịch sử"]
    assert has_tag(tags, "policy")
    assert has_tag(tags, "POLICY/funding")
    assert has_tag(tags, "lịch sử")
    assert not has_tag(tags, "policy/fund")
    assert not has_tag(tags, "funding")
    assert not has_tag(tags, " / ")
