"""Re-anchoring an article's annotations after its text changed.

Called after re-extraction and after a bundle merge. Each annotation is found
again with ``matching.anchor`` (stored position, exact quote, fuzzy match);
anchored ones get their new positions and the quote/context of the new text,
the others are marked ``orphaned`` (kept with their old quote, never deleted).
``modified`` is left alone: it records the user's last edit, which merging
compares.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from desktop.core.annotations.matching import anchor
from desktop.core.annotations.models import (
    Annotation,
    TextPositionSelector,
    quote_for_span,
)
from desktop.core.annotations.store import AnnotationStore
from desktop.core.models import Article


class ReanchorCounts(BaseModel):
    """How an article's annotations fared: still in place, moved, fuzzy, orphaned."""

    model_config = ConfigDict(extra="forbid")

    kept: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphaned: int = 0

    def __add__(self, other: ReanchorCounts) -> ReanchorCounts:
        return ReanchorCounts(
            kept=self.kept + other.kept,
            moved=self.moved + other.moved,
            fuzzy=self.fuzzy + other.fuzzy,
            orphaned=self.orphaned + other.orphaned,
        )

    @property
    def total(self) -> int:
        return self.kept + self.moved + self.fuzzy + self.orphaned


def reanchored(annotation: Annotation, article: Article | None) -> tuple[Annotation, str]:
    """The annotation placed in ``article``'s current text, and how ('kept', ... 'orphaned')."""
    if article is None or annotation.article_id != article.id:
        return annotation.model_copy(update={"status": "orphaned"}), "orphaned"
    found = anchor(article.body, annotation.quote, annotation.position)
    if found is None:
        return annotation.model_copy(update={"status": "orphaned"}), "orphaned"
    method: str = found.method
    if method == "kept" and annotation.status == "orphaned":
        method = "moved"
    return (
        annotation.model_copy(
            update={
                "status": "anchored",
                "position": TextPositionSelector(start=found.start, end=found.end),
                "quote": quote_for_span(article.body, found.start, found.end),
                "content_hash": article.content_hash,
            }
        ),
        method,
    )


def reanchor_article(store: AnnotationStore, article: Article) -> ReanchorCounts:
    """Re-anchor every annotation of ``article`` against its current body."""
    counts = ReanchorCounts()
    changed: list[Annotation] = []
    for ann in store.for_article(article.id):
        placed, method = reanchored(ann, article)
        setattr(counts, method, getattr(counts, method) + 1)
        if placed != ann:
            changed.append(placed)
    if changed:
        with store.writing() as touched:
            for ann in changed:
                store.write_row(ann, keep_history=False)
            touched.add(article.id)
    return counts


def orphan_missing(store: AnnotationStore, article_id: str) -> int:
    """Mark the annotations of a removed article orphaned; returns how many changed."""
    changed = [a for a in store.for_article(article_id) if a.status != "orphaned"]
    if changed:
        with store.writing() as touched:
            for ann in changed:
                store.write_row(ann.model_copy(update={"status": "orphaned"}), keep_history=False)
            touched.add(article_id)
    return len(changed)
