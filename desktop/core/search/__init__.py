"""Vietnamese-aware full-text search over the library (a Whoosh index as a cache)."""
