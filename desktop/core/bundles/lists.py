"""The bundle member ``lists.json``: saved searches and collections travel with the articles.

The member is data from a stranger: it is parsed as JSON into strict models
(unknown keys, wrong types and oversized values are rejected with one line),
and merged without replacing anything already in the library: saved searches
whose names are taken are skipped, collections of the same name are joined,
and memberships of articles the library does not have are dropped.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from desktop.core.bundles.records import ID_PATTERN
from desktop.core.errors import UnsafeArchiveError
from desktop.core.store.names import MAX_NAME_CHARS
from desktop.core.store.saved_searches import SavedSearch

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

LISTS_NAME = "lists.json"
MAX_LISTS_BYTES = 256 * 1024 * 1024
_Name = Field(min_length=1, max_length=MAX_NAME_CHARS)


class CollectionRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = _Name
    articles: list[Annotated[str, StringConstraints(pattern=ID_PATTERN)]] = Field(
        default_factory=list
    )


class ListsRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    saved_searches: list[SavedSearch] = Field(default_factory=list)
    collections: list[CollectionRecord] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.saved_searches and not self.collections


class ListsMerge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    saved_searches: int = 0
    collection_entries: int = 0


def lists_for(library: AnyLibrary, ids: list[str] | None) -> ListsRecord:
    """Every saved search, and the collections of the articles ``ids`` (all when None)."""
    memberships = library.collections.memberships(ids)
    return ListsRecord(
        saved_searches=library.saved_searches.list_all(),
        collections=[CollectionRecord(name=k, articles=v) for k, v in memberships.items()],
    )


def dump_lists(record: ListsRecord) -> bytes:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=1).encode()


def parse_lists(raw: bytes) -> ListsRecord:
    try:
        return ListsRecord.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        raise UnsafeArchiveError(f"{LISTS_NAME} is invalid at {where}: {first['msg']}.") from exc


def merge_lists(library: AnyLibrary, record: ListsRecord) -> ListsMerge:
    added = library.saved_searches.merge(record.saved_searches)
    entries = library.collections.merge(
        {c.name: list(c.articles) for c in record.collections}
    )
    return ListsMerge(saved_searches=added, collection_entries=entries)
