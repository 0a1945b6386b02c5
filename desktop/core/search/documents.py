"""Turning stored articles (and their annotations) into index documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.models import Article
from desktop.core.search.analysis import PART_BREAK, fold_text
from desktop.core.search.schema import TITLE_WEIGHT
from desktop.core.tags import tag_keys_with_parents

if TYPE_CHECKING:
    from desktop.core.annotations.store import AnnotationStore


@dataclass
class AnnotationText:
    """Notes and tags attached to one article."""

    notes: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)


def annotations_for(store: AnnotationStore, ids: Sequence[str]) -> dict[str, AnnotationText]:
    """Notes and tags of every annotation (anchored or orphaned) on the given articles."""
    found: dict[str, AnnotationText] = defaultdict(AnnotationText)
    if not ids:
        return found
    for article_id, note in store.notes_of(ids):
        if note and note.strip():
            found[article_id].notes.append(note)
    for article_id, tag in store.tags_of(ids):
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
    store: AnnotationStore, articles: Iterable[Article]
) -> list[dict[str, Any]]:
    batch = list(articles)
    notes = annotations_for(store, [a.id for a in batch])
    return [index_document(a, notes.get(a.id)) for a in batch]
