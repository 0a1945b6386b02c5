"""Turning stored articles (and their annotations) into index documents."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.models import Article
from desktop.core.search.analysis import PART_BREAK, fold_text
from desktop.core.search.schema import TITLE_WEIGHT
from desktop.core.tags import tag_keys_with_parents


@dataclass
class AnnotationText:
    """Notes and tags attached to one article."""

    notes: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)


def annotations_for(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, AnnotationText]:
    """Notes and tags of every annotation (anchored or orphaned) on the given articles."""
    found: dict[str, AnnotationText] = defaultdict(AnnotationText)
    if not ids:
        return found
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for article_id, note in conn.execute(
            f"SELECT article_id, note FROM annotations WHERE article_id IN ({marks})", chunk
        ):
            if note and note.strip():
                found[article_id].notes.append(note)
        for article_id, tag in conn.execute(
            "SELECT a.article_id, t.tag FROM annotation_tags t "
            f"JOIN annotations a ON a.id = t.annotation_id WHERE a.article_id IN ({marks})",
            chunk,
        ):
            found[article_id].tags.update(tag_keys_with_parents(tag))
    return found


def index_document(article: Article, notes: AnnotationText | None = None) -> dict[str, Any]:
    """The fields Whoosh indexes for one article."""
    doc: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
    }
    notes_text = "\n".join(notes.notes) if notes is not None else ""
    parts = [article.title] * TITLE_WEIGHT + [article.body, notes_text]
    # One string for both: the analysis splits it once (``analysis._parts``).
    doc["body"] = doc["pairs"] = PART_BREAK.join(parts)
    if article.published:
        doc["published"] = article.published.isoformat()
        doc["year"] = f"{article.published.year:04d}"
    if article.author:
        doc["author"] = article.author
    if article.site:
        doc["site"] = fold_text(article.site).strip()
        doc["_stored_site"] = article.site
    if notes is not None:
        if notes_text:
            doc["note"] = notes_text
        if notes.tags:
            doc["tag"] = sorted(notes.tags)
    return doc


def index_documents(
    conn: sqlite3.Connection, articles: Iterable[Article]
) -> list[dict[str, Any]]:
    batch = list(articles)
    notes = annotations_for(conn, [a.id for a in batch])
    return [index_document(a, notes.get(a.id)) for a in batch]
