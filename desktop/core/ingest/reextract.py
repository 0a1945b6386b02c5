"""Running extraction again from the stored originals (after the extractors improve).

Text dumps are re-extracted with the cross-document evidence of the import batch
they came with (their originals carry a ``batch`` hint), so chrome that was
recognized by repetition is recognized again.

The further sources recorded on an article (distinct originals whose text came
out the same) are re-extracted too: one whose text now differs from the
article's becomes an article of its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from desktop.core.errors import NotFoundError, UserError
from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.fields import Extracted
from desktop.core.extract.textdump import LineStats
from desktop.core.ingest.extractors import draft_from, extract_fields
from desktop.core.models import Original, SourceKind, content_hash_for
from desktop.core.store import AddOutcome, ArticleStore, Library


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
        extracted = _extract(library, article.kind, store.original(article_id), evidence)
        if extracted is not None and _update(store, article_id, extracted):
            changed.append(article_id)
            if extracted.hints:  # page offsets follow the new text
                store.merge_hints(article_id, extracted.hints)
        changed.extend(_split_sources(library, article_id, evidence))
        if progress is not None:
            progress(done, len(targets))
    return changed


def _extract(
    library: Library, kind: SourceKind, original: Original, evidence: dict[str, LineStats]
) -> Extracted | None:
    """Fields from one stored original (with its batch's evidence); None when it fails."""
    stats = None
    batch = original.hints.get("batch")
    if kind == "text" and batch:
        if batch not in evidence:
            evidence[batch] = _batch_evidence(library, batch)
        stats = evidence[batch]
    try:
        extracted, _ = extract_fields(
            kind,
            original.data,
            hints=original.hints,
            encoding=original.encoding,
            stats=stats,
            source_name=original.hints.get("name", ""),
        )
    except UserError:
        return None
    return extracted


def _split_sources(
    library: Library, article_id: str, evidence: dict[str, LineStats]
) -> list[str]:
    """Further sources of the article whose text now differs become articles; their ids."""
    body_hash = library.articles.get(article_id).content_hash
    split: list[str] = []
    for source in library.sources.sources_of(article_id):
        original = library.sources.original(source.id)
        extracted = _extract(library, source.kind, original, evidence)
        if extracted is None or content_hash_for(extracted.body) == body_hash:
            continue
        draft = draft_from(
            extracted,
            article_id=source.id,
            source_path=source.source_path,
            source_member=source.source_member,
            kind=source.kind,
            original=original,
        )
        with library.transaction():
            library.sources.remove(source.id)
            [outcome] = library.articles.add_batch([draft], library.bump_generation())
        if outcome is AddOutcome.ADDED:
            split.append(source.id)
    return split


def _update(store: ArticleStore, article_id: str, extracted: Extracted) -> bool:
    try:
        return store.update_text(article_id, **extracted.text_fields())
    except sqlite3.IntegrityError:
        # The new body equals another article's: keep this one's current text.
        return False


def _batch_evidence(library: Library, batch: str) -> LineStats:
    """Line statistics over the stored text dumps of one import batch."""
    stats = LineStats()
    for article_id in library.articles.ids_in_batch(batch):
        original = library.articles.original(article_id)
        try:
            stats.observe(decode_bytes(original.data, known=original.encoding).text)
        except UserError:
            continue
    return stats
