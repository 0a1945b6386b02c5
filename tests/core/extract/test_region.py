"""The maximum-sum contiguous region used to choose a dump's article lines."""

from __future__ import annotations

from desktop.core.extract.region import best_region


def test_bridges_a_cheap_gap_between_prose() -> None:
    assert best_region([-5, 30, -2, 40, -50, 20]) == (1, 3)


def test_a_costly_gap_separates_blocks_and_the_larger_wins() -> None:
    assert best_region([10, -40, 25, 5]) == (2, 3)


def test_no_positive_score_gives_none() -> None:
    assert best_region([-1, -3, 0]) is None
    assert best_region([]) is None


def test_ties_keep_the_first_region() -> None:
    assert best_region([5, -10, 5]) == (0, 0)
