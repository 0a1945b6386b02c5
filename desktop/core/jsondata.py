"""Parsing JSON from a stranger (bundles, annotation files) with a cap on nesting depth.

``json.loads`` recurses once per level, so a document nested thousands deep
ends in ``RecursionError``; a document nested a few hundred deep would still
reach the code that walks it. ``load_json`` refuses anything nested deeper than
``MAX_DEPTH`` with one line naming the document. No format this program reads
nests more than a few levels.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import UserError

MAX_DEPTH = 64


def load_json(
    raw: bytes | str,
    what: str,
    *,
    error: type[UserError] = UserError,
    max_depth: int = MAX_DEPTH,
) -> Any:
    """The parsed document; bad JSON or too deep a nesting raises ``error`` naming ``what``."""
    try:
        data = json.loads(raw)
    except RecursionError:
        raise error(_too_deep(what, max_depth)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{what} is not valid JSON: {exc}") from exc
    if depth_exceeds(data, max_depth):
        raise error(_too_deep(what, max_depth))
    return data


def depth_exceeds(data: Any, max_depth: int) -> bool:
    """True when lists and objects in ``data`` nest more than ``max_depth`` levels."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > max_depth:
            return True
        for child in children:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return False


def _too_deep(what: str, max_depth: int) -> str:
    return f"{what} is nested too deeply (more than {max_depth} levels); it was not read."
