"""The SQLite store: the library's source of truth.

``Library`` opens a library folder; ``ArticleStore`` reads and writes articles.
Other stores (annotations, similarity) live beside it and share the connection.
"""

from desktop.core.store.articles import AddOutcome, ArticleStore
from desktop.core.store.library import Library
from desktop.core.store.sources import SourceStore

__all__ = ["AddOutcome", "ArticleStore", "Library", "SourceStore"]
