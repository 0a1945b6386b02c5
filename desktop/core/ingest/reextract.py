"""Running extraction again from the stored originals (after the extractors improve).

Text dumps are re-extracted with the cross-document evidence of the import batch
they came with (their originals carry a ``batch`` hint), so chrome that was
recognized by repetition is recognized again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from desktop.core.errors import NotFoundError, UserError
from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.fields import Extracted
from desktop.core.extract.textdump import LineStats
from desktop.core.ingest.extractors import extract_fields
from desktop.core.store import ArticleStore, Library


def reextract(
    library: Library,
    ids: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Re-extract ``ids`` (default: every article); returns the ids whose text changed.

    Articles whose original can no longer be extracted, or whose new text would
    equal another article's, keep their current text.
    """
    store = library.articles
    targets = list(ids) if ids is not None else store.all_ids()
    missing = [i for i in targets if not store.exists(i)]
    if missing:
        raise NotFoundError(f"No article with id {missing[0]!r}.")
    evidence: dict[str, LineStats] = {}
    changed: list[str] = []
    for done, article_id in enumerate(targets, start=1):
        article = store.get(article_id)
        original = store.original(article_id)
        stats = None
        batch = original.hints.get("batch")
        if article.kind == "text" and batch:
            if batch not in evidence:
                evidence[batch] = _batch_evidence(library, batch)
            stats = evidence[batch]
        try:
            extracted, _ = extract_fields(
                article.kind,
                original.data,
                hints=original.hints,
                encoding=original.encoding,
                stats=stats,
                source_name=original.hints.get("name", ""),
            )
        except UserError:
            extracted = None
        if extracted is not None and _update(store, article_id, extracted):
            changed.append(article_id)
            if extracted.hints:  # page offsets follow the new text
                store.merge_hints(article_id, extracted.hints)
        if progress is not None:
            progress(done, len(targets))
    return changed


def _update(store: ArticleStore, article_id: str, extracted: Extracted) -> bool:
    try:
        return store.update_text(
            article_id,
            title=extracted.title,
            body=extracted.body,
            published=extracted.published,
            site=extracted.site,
            author=extracted.author,
            url=extracted.url,
            language=extracted.language,
        )
    except sqlite3.IntegrityError:
        # The new body equals another article's: keep this one's current text.
        return False


def _batch_evidence(library: Library, batch: str) -> LineStats:
    """Line statistics over the stored text dumps of one import batch."""
    stats = LineStats()
    rows = library.conn.execute(
        "SELECT article_id FROM originals WHERE json_extract(hints, '$.batch') = ?", (batch,)
    ).fetchall()
    for row in rows:
        original = library.articles.original(str(row[0]))
        try:
            stats.observe(decode_bytes(original.data, known=original.encoding).text)
        except UserError:
            continue
    return stats
