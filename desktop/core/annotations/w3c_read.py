"""Reading annotation files in the shapes W3C Web Annotation tools write.

Accepted: one ``Annotation``; an ``AnnotationCollection`` with ``items``
directly, or with ``first`` as an embedded ``AnnotationPage`` (followed through
``next``) or a list of pages or annotations; an ``AnnotationPage``; a JSON
array of any of these; and JSON Lines (one of these per line). Anything else is
an error naming what was expected, never a silent empty import.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError
from desktop.core.jsondata import load_json

EXPECTED = (
    'expected W3C Web Annotations: objects with "type": "Annotation", an '
    "AnnotationCollection or AnnotationPage holding them in \"items\", a JSON array "
    "of them, or JSON Lines"
)
MAX_PAGES = 100_000


def types_of(obj: dict[str, Any]) -> set[str]:
    """The ``type`` (or ``@type``) values of a JSON-LD object."""
    t = obj.get("type", obj.get("@type", ()))
    if isinstance(t, str):
        return {t}
    return {x for x in t if isinstance(x, str)} if isinstance(t, list) else set()


def read_w3c_file(path: Path) -> dict[str, Any] | list[Any]:
    """Parse an annotation file (JSON or JSON Lines); unreadable files are a ``UserError``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is not a JSON annotation file: {exc}") from exc
    try:
        data = load_json(text, str(path))
    except UserError as whole:
        data = _json_lines(text, path, whole)
    if not isinstance(data, dict | list):
        raise UserError(f"{path} is not an annotation file ({EXPECTED}).")
    return data


def _json_lines(text: str, path: Path, whole: UserError) -> list[Any]:
    """The values of a JSON Lines file; ``whole`` is raised when it is not one either."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if len(lines) < 2 or "nested too deeply" in str(whole):
        raise whole
    values = []
    for n, line in lines:
        try:
            values.append(load_json(line, f"{path} line {n}"))
        except UserError as exc:
            if n == lines[0][0]:
                raise whole from None  # not JSON Lines: the first line is no JSON value
            raise exc from None
    return values


def annotation_items(data: Any) -> Iterator[Any]:
    """Every annotation-like item of a parsed file, in order (see the module docstring)."""
    if isinstance(data, list):
        for value in data:
            if isinstance(value, dict) and _is_container(value):
                yield from annotation_items(value)
            else:
                yield value
        return
    if not isinstance(data, dict):
        raise UserError(f"Not an annotation document ({EXPECTED}).")
    kinds = types_of(data)
    if "Annotation" in kinds:
        yield data
    elif "AnnotationCollection" in kinds:
        yield from _collection_items(data)
    elif "AnnotationPage" in kinds or isinstance(data.get("items"), list):
        yield from _pages(data)
    else:
        raise UserError(f"Not an annotation document ({EXPECTED}).")


def _is_container(obj: dict[str, Any]) -> bool:
    kinds = types_of(obj)
    if kinds & {"AnnotationCollection", "AnnotationPage"}:
        return True
    return "Annotation" not in kinds and isinstance(obj.get("items"), list)


def _collection_items(data: dict[str, Any]) -> Iterator[Any]:
    items = data.get("items")
    if items is not None:
        if not isinstance(items, list):
            raise UserError("An AnnotationCollection's items are not a list.")
        yield from items
    first = data.get("first")
    if isinstance(first, dict):
        yield from _pages(first)
    elif isinstance(first, list):
        yield from annotation_items(first)
    elif isinstance(first, str):
        raise UserError(
            "The collection's pages are not embedded in the file (its \"first\" is a link)."
        )
    elif items is None:
        total = data.get("total")
        if isinstance(total, int) and total > 0:
            raise UserError(
                f"The collection says it holds {total} annotation(s) but has no \"items\" "
                f"or embedded \"first\" page ({EXPECTED})."
            )


def _pages(page: Any) -> Iterator[Any]:
    seen = 0
    while isinstance(page, dict) and seen < MAX_PAGES:
        items = page.get("items", [])
        if not isinstance(items, list):
            raise UserError("An AnnotationPage's items are not a list.")
        yield from items
        seen += 1
        page = page.get("next")
