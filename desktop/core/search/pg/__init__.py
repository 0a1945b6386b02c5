"""The search index of a library kept in PostgreSQL (for a shared server library).

The same query language (``search.query``), results, snippets and facets as the
Whoosh index; a cache of the store like the index folder, rebuilt from it.

* ``connection`` opens a server address (``postgresql://user@host/db``).
* ``schema``     the search tables, created and versioned by ``ensure(conn)``.
* ``vectors``    an article -> its row: tsvectors built from OUR syllables.
* ``binary``     PostgreSQL's binary COPY format, in which the rows are sent.
* ``rowpool``    the rows of a large fill built in worker processes.
* ``compiler``   a parsed query -> an SQL condition over those vectors.
* ``index``      ``PgSearchIndex``: sync from the store, search, facets, similar.
"""
