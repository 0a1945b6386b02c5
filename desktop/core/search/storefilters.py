"""Query fields and filters answered from the library database, not the index.

``collection:NAME`` and the UI's ``collection``, ``read`` and ``since`` filters
name sets of article ids kept in SQLite (collections, reading state, article
``seq``); ``DocSets`` turns those ids into document numbers. The index stores
none of this, so adding an article to a collection or marking it read never
re-indexes anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.errors import QuerySyntaxError
from desktop.core.store.interface import LibraryStores
from desktop.core.store.names import name_key

# Query fields (``field:value``) looked up here.
STORE_FIELDS = ("collection",)
# Filter keys of ``SearchRequest.filters`` looked up here.
STORE_FILTERS = ("collection", "read", "since")
READ_VALUES = ("read", "unread")


@dataclass(frozen=True)
class IdSet:
    """Article ids; with ``negate``, every article except these."""

    ids: tuple[str, ...]
    negate: bool = False


class StoreFilters:
    """Resolves store-backed fields and filters to article ids of one library."""

    def __init__(self, library: LibraryStores):
        self.library = library

    def field_ids(self, field: str, value: str, prefix: bool = False) -> IdSet:
        """Ids matching ``field:value`` (``collection:Name``, ``collection:Na*``)."""
        if field == "collection":
            return IdSet(
                tuple(self.library.collections.article_ids_matching(value, prefix=prefix))
            )
        raise QuerySyntaxError(f"Unknown field {field + ':'!r}.")

    def filter_ids(self, key: str, values: Sequence[str]) -> IdSet:
        """Ids passing one filter (its values ORed)."""
        if key == "collection":
            found: dict[str, None] = {}
            for name in values:
                found.update(dict.fromkeys(self.field_ids("collection", name).ids))
            return IdSet(tuple(found))
        if key == "read":
            wanted = {v.strip().lower() for v in values}
            unknown = wanted - set(READ_VALUES)
            if unknown:
                raise QuerySyntaxError(
                    f"Unknown read filter {sorted(unknown)[0]!r}; use read or unread."
                )
            if wanted == set(READ_VALUES):
                return IdSet((), negate=True)  # read or unread: everything
            read = tuple(self.library.reading_state.read_ids())
            return IdSet(read, negate="unread" in wanted)
        if key == "since":
            try:
                seq = min(int(v) for v in values)
            except ValueError:
                raise QuerySyntaxError("The since filter takes an article number.") from None
            return IdSet(tuple(self.library.articles.ids_after_seq(seq)))
        raise QuerySyntaxError(f"Unknown filter {key!r}.")


def sql_clause(key: str, values: Sequence[str], alias: str = "a") -> tuple[str, list[object]]:
    """The same filter as an SQL condition on ``articles`` (as ``alias``), for listings
    that do not go through the index. Unknown keys and values raise ``QuerySyntaxError``."""
    col = f"{alias}.id"
    if key == "collection":
        keys = [name_key(v, "collection") for v in values]
        marks = ",".join("?" * len(keys))
        return (
            f"{col} IN (SELECT m.article_id FROM collection_articles m JOIN collections c "
            f"ON c.id = m.collection_id WHERE c.key IN ({marks}))",
            list(keys),
        )
    if key == "read":
        wanted = {v.strip().lower() for v in values}
        if wanted - set(READ_VALUES):
            raise QuerySyntaxError("The read filter takes read or unread.")
        if wanted == set(READ_VALUES):
            return "1 = 1", []
        read = "(SELECT r.article_id FROM reading_state r WHERE r.read = 1)"
        return (f"{col} NOT IN {read}" if "unread" in wanted else f"{col} IN {read}"), []
    if key == "since":
        try:
            seq = min(int(v) for v in values)
        except ValueError:
            raise QuerySyntaxError("The since filter takes an article number.") from None
        return f"{alias}.seq > ?", [seq]
    raise QuerySyntaxError(f"Unknown filter {key!r}.")
