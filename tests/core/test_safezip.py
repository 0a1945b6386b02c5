"""One set of zip checks, two policies: an import skips a bad member, a bundle is refused."""

from __future__ import annotations

import io
import zipfile

import pytest

from desktop.core.errors import UnsafeArchiveError
from desktop.core.safezip import (
    REFUSE_ARCHIVE,
    SKIP_MEMBER,
    ArchiveBudget,
    CountingReader,
    Problem,
    ZipLimits,
    member_problem,
)


def _info(name: str) -> zipfile.ZipInfo:
    return zipfile.ZipInfo(name)


@pytest.mark.parametrize(
    ("name", "problem"),
    [("../x.txt", Problem.OUTSIDE), ("/etc/x", Problem.ABSOLUTE), ("C:/x", Problem.ABSOLUTE)],
)
def test_both_policies_find_the_same_unsafe_names(name: str, problem: Problem) -> None:
    for policy in (SKIP_MEMBER, REFUSE_ARCHIVE):
        assert member_problem(_info(name), set(), policy) is problem


def test_only_archives_this_program_writes_are_held_to_plain_names() -> None:
    # A user's zip made on Windows may use backslashes and differ only in case.
    seen: set[str] = set()
    assert member_problem(_info("dir\\a.txt"), seen, SKIP_MEMBER) is None
    assert member_problem(_info("dir/A.txt"), seen, SKIP_MEMBER) is None
    assert member_problem(_info("dir\\a.txt"), set(), REFUSE_ARCHIVE) is Problem.ABSOLUTE
    strict: set[str] = set()
    assert member_problem(_info("dir/a.txt"), strict, REFUSE_ARCHIVE) is None
    assert member_problem(_info("dir/A.txt"), strict, REFUSE_ARCHIVE) is Problem.DUPLICATE


def test_each_policy_words_the_outcome() -> None:
    assert "first one was used" in SKIP_MEMBER.say(Problem.DUPLICATE)
    assert REFUSE_ARCHIVE.say(Problem.DUPLICATE, name="a") == (
        "Archive member 'a' appears more than once."
    )


def test_the_counting_reader_holds_the_ratio_and_the_total() -> None:
    limits = ZipLimits(max_ratio=10, ratio_floor=100)
    reader = CountingReader(
        io.BytesIO(b"x" * 1000), name="m", cap=10**6, compressed_size=5, limits=limits,
        budget=ArchiveBudget(10**6, REFUSE_ARCHIVE, "b.zip"),
    )
    with pytest.raises(UnsafeArchiveError, match="'m' expands more than 10 times"):
        while reader.read(64):
            pass
    budget = ArchiveBudget(150, SKIP_MEMBER)
    reader = CountingReader(
        io.BytesIO(b"x" * 1000), name="m", cap=10**6, compressed_size=1000, limits=limits,
        budget=budget,
    )
    with pytest.raises(UnsafeArchiveError, match="in total"):
        while reader.read(64):
            pass
    assert budget.used <= 150 + 64
