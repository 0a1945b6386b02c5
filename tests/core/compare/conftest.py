"""Fixtures for compare tests (their helpers are in ``tests/helpers/compare``)."""

from __future__ import annotations

import random

import pytest


@pytest.fixture
def rng() -> random.Random:
    return random.Random(1234)
