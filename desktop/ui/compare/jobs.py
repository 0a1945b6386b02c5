"""Work the compare widgets run off the GUI thread, each on its own library connection.

A lock serializes near-duplicate refreshes so that two widgets asking at once
do not both hash the library.
"""

from __future__ import annotations

import threading

from desktop.core.compare.neardup import NearDuplicateIndex, Progress
from desktop.core.compare.similar import (
    ClusterEntry,
    SimilarArticle,
    library_clusters,
    similar_articles,
)
from desktop.core.store.library import LibraryOpener

_REFRESH_LOCK = threading.Lock()


def find_similar(opener: LibraryOpener, article_id: str, limit: int) -> list[SimilarArticle]:
    with _REFRESH_LOCK, opener() as lib:
        return similar_articles(lib, article_id, limit)


def find_clusters(
    opener: LibraryOpener, min_size: int = 2, progress: Progress | None = None
) -> list[list[ClusterEntry]]:
    with _REFRESH_LOCK, opener() as lib:
        index = NearDuplicateIndex.for_library(lib)
        index.refresh(progress=progress)
        return library_clusters(lib, min_size, index=index)
