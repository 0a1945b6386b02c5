"""The bundle's ``manifest.json``: format, versions, counts and every member's hash.

A bundle is a zip holding ``manifest.json`` plus the members it lists:

- ``articles.jsonl``: one JSON object per article (see ``records.ArticleRecord``);
- ``originals/<article id>``: the raw bytes an article was extracted from, one
  member each (only with ``--with-originals``); media type, encoding and hints
  are in the article's record;
- ``annotations.jsonld``: the annotations as a W3C Web Annotation collection;
- ``lists.json``: saved searches and collections (see ``lists``), when there are any;
- ``index/<path>``: only in bundles of older versions (``--with-index``): the files
  of a search index. They are verified like any member but never read, because
  Whoosh unpickles an index, and the manifest proves integrity, not authorship.

The manifest names every other member with its size and SHA-256, so that a
reader can tell a complete, untampered bundle from anything else.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

FORMAT_NAME = "archive-browser-bundle"
FORMAT_VERSION = 1

MANIFEST_NAME = "manifest.json"
ARTICLES_NAME = "articles.jsonl"
ANNOTATIONS_NAME = "annotations.jsonld"
ORIGINALS_DIR = "originals/"
INDEX_DIR = "index/"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MemberInfo(_Model):
    """One member of the bundle: its size in bytes and SHA-256 (hex)."""

    name: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class BundleCounts(_Model):
    articles: int = Field(default=0, ge=0)
    originals: int = Field(default=0, ge=0)
    annotations: int = Field(default=0, ge=0)
    index_files: int = Field(default=0, ge=0)


class BundleManifest(_Model):
    """What ``manifest.json`` holds. Unknown keys are rejected."""

    format: str = FORMAT_NAME
    format_version: int = FORMAT_VERSION
    app_version: str
    created: datetime
    # What was exported: "library", "query", "selection" or "collection"; the query text
    # (for a collection, its name) if any.
    scope: str = "library"
    query: str | None = None
    counts: BundleCounts
    # Older bundles with index files: the source library's generation (never used).
    index_generation: int | None = None
    members: list[MemberInfo]

    def member(self, name: str) -> MemberInfo | None:
        for info in self.members:
            if info.name == name:
                return info
        return None

    def names(self) -> list[str]:
        return [m.name for m in self.members]
