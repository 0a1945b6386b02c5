"""Progress reports for long bundle work (export, verify, import)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class BundleProgress:
    """``stage`` is articles, annotations, index or verify; ``total`` None while unknown."""

    stage: str
    done: int
    total: int | None


ProgressFn = Callable[[BundleProgress], None]
