"""W3C Web Annotation JSON-LD: export as an ``AnnotationCollection`` and merge back.

Each annotation becomes an ``Annotation`` whose target is
``{"source": "urn:archive-browser:article:<id>", "selector": [TextQuoteSelector,
TextPositionSelector]}``. The note is a ``TextualBody`` (``format: text/markdown``,
``purpose: commenting``); each tag is a ``TextualBody`` with ``purpose: tagging``.
The colour, the article's content hash and the anchoring status are extension
properties in the ``archiveBrowser:`` namespace declared in the ``@context``.
Who made the annotation is its ``creator`` (a ``Person`` with a ``name``), who
changed it last ``archiveBrowser:editor``; files without them read as unknown.

``merge_collection`` merges by annotation id (the newer ``modified`` wins, no
duplicates), re-anchors every incoming annotation against the current article
text, and keeps annotations whose article is missing as orphaned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.core.annotations.anchoring import reanchored
from desktop.core.annotations.models import (
    Annotation,
    TextPositionSelector,
    TextQuoteSelector,
    annotation_id_from,
    normalize_color,
    quote_for_span,
    utc_now,
)
from desktop.core.annotations.store import AnnotationStore
from desktop.core.annotations.w3c_read import EXPECTED, annotation_items, read_w3c_file, types_of
from desktop.core.atomic import atomic_write_text
from desktop.core.errors import UserError
from desktop.core.people import clean_name
from desktop.core.tags import normalize_tags
from desktop.core.textnorm import normalize_text

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXT_PREFIX = "archiveBrowser"
EXT_NAMESPACE = "urn:archive-browser:vocab#"
CONTEXT: list[Any] = [ANNO_CONTEXT, {EXT_PREFIX: EXT_NAMESPACE}]
SOURCE_PREFIX = "urn:archive-browser:article:"
COLOR_KEY = f"{EXT_PREFIX}:color"
HASH_KEY = f"{EXT_PREFIX}:contentHash"
STATUS_KEY = f"{EXT_PREFIX}:status"
EDITOR_KEY = f"{EXT_PREFIX}:editor"


class MergeReport(BaseModel):
    """What merging a collection did; ``failed`` lists items that could not be read."""

    model_config = ConfigDict(extra="forbid")

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    orphaned: int = 0
    failed: list[str] = Field(default_factory=list)


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def annotation_to_w3c(a: Annotation) -> dict[str, Any]:
    """One annotation as a W3C ``Annotation`` object (without ``@context``)."""
    bodies: list[dict[str, Any]] = []
    if a.note:
        bodies.append(
            {"type": "TextualBody", "value": a.note, "format": "text/markdown",
             "purpose": "commenting"}
        )
    bodies.extend({"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags)
    item: dict[str, Any] = {
        "id": f"urn:uuid:{a.id}",
        "type": "Annotation",
        "motivation": "commenting" if a.note else "highlighting",
        "created": _stamp(a.created),
        "modified": _stamp(a.modified),
    }
    if a.author:
        item["creator"] = {"type": "Person", "name": a.author}
    if bodies:
        item["body"] = bodies
    item["target"] = {
        "source": SOURCE_PREFIX + a.article_id,
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.quote.exact, "prefix": a.quote.prefix,
             "suffix": a.quote.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ],
    }
    item[COLOR_KEY] = a.color
    item[HASH_KEY] = a.content_hash
    item[STATUS_KEY] = a.status
    if a.editor:
        item[EDITOR_KEY] = a.editor
    return item


def collection_of(annotations: Sequence[Annotation], label: str = "") -> dict[str, Any]:
    items = [annotation_to_w3c(a) for a in annotations]
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{annotation_id_from(','.join(a.id for a in annotations))}",
        "type": "AnnotationCollection",
        "label": label or "Archive Browser annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return data


def to_collection(store: AnnotationStore, ids: Iterable[str] | None = None) -> dict[str, Any]:
    """The library's annotations (all, or those with ``ids``) as an AnnotationCollection."""
    annotations = store.list_all() if ids is None else store.get_many(list(ids))
    annotations = sorted(annotations, key=lambda a: (a.article_id, a.start, a.end, a.id))
    return collection_of(annotations)


def write_w3c(path: Path, annotations: Sequence[Annotation]) -> None:
    text = json.dumps(collection_of(annotations), ensure_ascii=False, indent=1)
    atomic_write_text(path, text + "\n")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _parse_time(value: Any, fallback: datetime) -> datetime:
    if not isinstance(value, str):
        return fallback
    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _creator_name(value: Any) -> str:
    """The name of a W3C ``creator``: a string, or an agent object's name or nickname."""
    for agent in _as_list(value):
        if isinstance(agent, dict):
            agent = agent.get("name", agent.get("nickname"))
        name = clean_name(agent)
        if name:
            return name
    return ""


def annotation_from_w3c(item: Any) -> Annotation:
    """Read one W3C ``Annotation``; raises ``ValueError`` when it cannot be used."""
    if not isinstance(item, dict) or "Annotation" not in types_of(item):
        raise ValueError("not an Annotation object")
    raw_id = item.get("id", item.get("@id"))
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise ValueError("annotation without an id")
    targets = [t for t in _as_list(item.get("target")) if isinstance(t, dict)]
    if not targets:
        raise ValueError("annotation without a target")
    target = targets[0]
    source = str(target.get("source", ""))
    article_id = source.removeprefix(SOURCE_PREFIX)
    if not article_id:
        raise ValueError("target without a source")
    quote: TextQuoteSelector | None = None
    position: TextPositionSelector | None = None
    for sel in _as_list(target.get("selector")):
        if not isinstance(sel, dict):
            continue
        kinds = types_of(sel)
        if "TextQuoteSelector" in kinds and isinstance(sel.get("exact"), str):
            quote = TextQuoteSelector(
                exact=normalize_text(sel["exact"]),
                prefix=normalize_text(str(sel.get("prefix") or "")),
                suffix=normalize_text(str(sel.get("suffix") or "")),
            )
        elif "TextPositionSelector" in kinds:
            position = TextPositionSelector(start=int(sel["start"]), end=int(sel["end"]))
    if quote is None or not quote.exact:
        raise ValueError("target without a TextQuoteSelector")
    note_parts: list[str] = []
    tags: list[str] = []
    for body in _as_list(item.get("body")):
        if isinstance(body, str):
            note_parts.append(body)
            continue
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purposes = set(_as_list(body.get("purpose")))
        (tags if "tagging" in purposes else note_parts).append(body["value"])
    now = utc_now()
    created = _parse_time(item.get("created"), now)
    modified = _parse_time(item.get("modified"), created)
    color = item.get(COLOR_KEY)
    try:
        color_value = normalize_color(color if isinstance(color, str) else None)
    except UserError:
        color_value = normalize_color(None)
    return Annotation(
        id=annotation_id_from(raw_id),
        article_id=article_id,
        quote=quote,
        position=position or TextPositionSelector(start=0, end=0),
        content_hash=str(item.get(HASH_KEY, "")),
        note=normalize_text("\n\n".join(note_parts)),
        tags=tuple(sorted(normalize_tags(tags))),
        color=color_value,
        status="anchored",
        created=created,
        modified=modified,
        author=_creator_name(item.get("creator")),
        editor=clean_name(item.get(EDITOR_KEY)),
    )


def import_annotation_file(library: AnyLibrary, path: Path) -> MergeReport:
    """Merge an annotation file; a file none of whose items can be read is an error."""
    return merge_collection(library, read_w3c_file(path), require_some=True)


def merge_collection(
    library: AnyLibrary, data: dict[str, Any] | list[Any], *, require_some: bool = False
) -> MergeReport:
    """Merge W3C annotations into the library (see the module docstring).

    With ``require_some``, items that are there but none of which can be read
    raise a ``UserError`` naming what was expected instead of merging nothing.
    """
    report = MergeReport()
    store = library.annotations
    incoming: list[Annotation] = []
    for n, item in enumerate(annotation_items(data), start=1):
        try:
            incoming.append(annotation_from_w3c(item))
        except (ValueError, TypeError, KeyError, ValidationError, UserError) as exc:
            report.failed.append(f"item {n}: {_reason(exc)}")
    if require_some and report.failed and not incoming:
        raise UserError(
            f"None of the {len(report.failed)} item(s) could be read ({EXPECTED}; "
            f"{report.failed[0]})."
        )
    with store.writing() as touched:
        for ann in incoming:
            local = store.find(ann.id)
            if local is not None and local.modified >= ann.modified:
                report.unchanged += 1
                continue
            article = library.articles.find(ann.article_id)
            if ann.position.end == 0 and article is not None:
                hit = article.body.find(ann.quote.exact)
                if hit >= 0:
                    span = TextPositionSelector(start=hit, end=hit + len(ann.quote.exact))
                    ann = ann.model_copy(
                        update={"position": span,
                                "quote": quote_for_span(article.body, span.start, span.end)}
                    )
            placed, method = reanchored(ann, article)
            store.write_row(placed)
            touched.add(placed.article_id)
            if local is None:
                report.added += 1
            else:
                report.updated += 1
            if method == "orphaned":
                report.orphaned += 1
    return report


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(exc) or type(exc).__name__
