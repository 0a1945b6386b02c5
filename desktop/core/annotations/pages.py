"""The page each annotation's passage is on, for articles from paged originals (PDF)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.annotations.models import Annotation
from desktop.core.extract.pages import page_at
from desktop.core.store.articles import ArticleStore


def annotation_pages(articles: ArticleStore, annotations: Sequence[Annotation]) -> dict[str, int]:
    """Annotation id -> 1-based page; annotations without a page (or orphaned) are left out."""
    store = articles
    hints: dict[str, dict[str, str]] = {}
    out: dict[str, int] = {}
    for ann in annotations:
        if ann.orphaned:
            continue
        if ann.article_id not in hints:
            hints[ann.article_id] = store.hints(ann.article_id)
        page = page_at(hints[ann.article_id], ann.start)
        if page is not None:
            out[ann.id] = page
    return out
