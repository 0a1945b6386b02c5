"""Vietnamese-aware full-text search over the library (a Whoosh index as a cache).

Entry point: ``desktop.core.search.interface.open_search(library)``, which gives
the Whoosh ``index.SearchIndex`` of a folder library or the PostgreSQL
``pg.index.PgSearchIndex`` of a server library; both are ``SearchBackend``s
(search / all_ids / sync / rebuild / more_like_this / highlight_spans / close).
The parts:

* ``analysis``   NFC + diacritic folding (``đ`` -> ``d``) + syllables; no stop words.
* ``schema``     the Whoosh fields and ``SCHEMA_VERSION``.
* ``documents``  articles and their annotations (notes, tags) -> index documents.
* ``bulkwriter`` fast in-memory segment writing for rebuilds and large syncs.
* ``query``      the forgiving query language -> a small syntax tree, notices, fallbacks.
* ``postings`` / ``docsets``  posting lists as NumPy arrays, set algebra, BM25
  (the one path from a query tree to matching documents).
* ``results``    ranking, phrase checks, paging, facets, snippets, more-like-this.
* ``highlight``  match spans and ``<mark>`` snippets on the stored accented text.
* ``state`` / ``locking``  what the index reflects (with file checksums); one writer.
* ``whoosh_internals``  every use of Whoosh's private API; checks the pinned version.
* ``pg``         the same search on a PostgreSQL server (see ``pg/__init__``).
"""
