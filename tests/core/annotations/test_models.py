"""Colours, ids and selectors of the annotation model."""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from desktop.core.annotations.models import (
    PALETTE,
    TextPositionSelector,
    annotation_id_from,
    color_hex,
    normalize_color,
    quote_for_span,
)
from desktop.core.errors import UserError


def test_colours_from_palette_or_hex() -> None:
    assert normalize_color("Yellow") == "yellow"
    assert normalize_color(None) == "yellow"
    assert normalize_color("#A1B2C3") == "#a1b2c3"
    assert color_hex("green") == PALETTE["green"]
    assert color_hex("#a1b2c3") == "#a1b2c3"
    for bad in ("red-ish", "#12345", "#1234567", "rgb(1,2,3)"):
        with pytest.raises(UserError):
            normalize_color(bad)


def test_ids_from_files_are_stable_uuids() -> None:
    u = str(uuid.uuid4())
    assert annotation_id_from(f"urn:uuid:{u}") == u
    assert annotation_id_from(u.upper()) == u
    other = annotation_id_from("http://example.org/anno/7")
    assert other == annotation_id_from("http://example.org/anno/7")
    assert str(uuid.UUID(other)) == other


def test_position_selector_rejects_reversed_span() -> None:
    with pytest.raises(ValidationError):
        TextPositionSelector(start=5, end=2)


def test_quote_context_is_32_code_points() -> None:
    body = "🐷" * 40 + "X" + "é" * 40
    q = quote_for_span(body, 40, 41)
    assert q.exact == "X"
    assert q.prefix == "🐷" * 32
    assert q.suffix == "é" * 32
