"""Checking a bundle against its manifest before anything is taken from it.

Every member's size and SHA-256 must match the manifest, the manifest must list
exactly the members present, and its counts must match what the members hold.
Any mismatch raises ``UnsafeArchiveError`` naming the member.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from desktop.core.bundles import links
from desktop.core.bundles.lists import LISTS_NAME, MAX_LISTS_BYTES, ListsRecord, parse_lists
from desktop.core.bundles.manifest import (
    ANNOTATIONS_NAME,
    ARTICLES_NAME,
    FORMAT_NAME,
    FORMAT_VERSION,
    INDEX_DIR,
    MANIFEST_NAME,
    ORIGINALS_DIR,
    BundleCounts,
    BundleManifest,
    MemberInfo,
)
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.bundles.records import ID_PATTERN, ArticleRecord, parse_line
from desktop.core.errors import UnsafeArchiveError, UserError
from desktop.core.jsondata import load_json
from desktop.core.safezip import (
    DEFAULT_LIMITS,
    SafeZip,
    ZipLimits,
    check_member_name,
    split_lines,
)

# Receives each checked record with its original's bytes and their zlib form (or None).
ArticleSink = Callable[[ArticleRecord, tuple[bytes, bytes | None] | None], None]

MAX_MANIFEST_BYTES = 256 * 1024 * 1024
MAX_ANNOTATIONS_BYTES = 1024 * 1024 * 1024


class VerifyReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    ok: bool
    format_version: int
    app_version: str
    created: str
    scope: str
    counts: BundleCounts
    members: int
    bytes: int


def verify_bundle(
    path: Path, *, limits: ZipLimits = DEFAULT_LIMITS, progress: ProgressFn | None = None
) -> VerifyReport:
    """Check the bundle at ``path``; raises ``UnsafeArchiveError`` on any problem."""
    with SafeZip(Path(path), limits) as zf:
        manifest = verify_open(zf, progress)
    return VerifyReport(
        path=str(path),
        ok=True,
        format_version=manifest.format_version,
        app_version=manifest.app_version,
        created=manifest.created.isoformat(),
        scope=manifest.scope,
        counts=manifest.counts,
        members=len(manifest.members) + 1,
        bytes=sum(m.size for m in manifest.members),
    )


def read_manifest(zf: SafeZip) -> BundleManifest:
    """The parsed manifest, after checking its format and member names."""
    if not zf.has(MANIFEST_NAME):
        raise UnsafeArchiveError(
            f"{zf.path.name} is not an Archive Browser bundle (no {MANIFEST_NAME})."
        )
    raw = zf.read(MANIFEST_NAME, MAX_MANIFEST_BYTES)
    data = load_json(raw, MANIFEST_NAME, error=UnsafeArchiveError)
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise UnsafeArchiveError(
            f"{zf.path.name} is not an Archive Browser bundle ({MANIFEST_NAME} has another format)."
        )
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise UserError(
            f"{zf.path.name} was written by a newer version of Archive Browser "
            f"(bundle format {version}; this version reads up to {FORMAT_VERSION})."
        )
    try:
        manifest = BundleManifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UnsafeArchiveError(f"{MANIFEST_NAME} is invalid at {where}: {first['msg']}.") from exc
    seen: set[str] = set()
    for info in manifest.members:
        check_member_name(info.name)
        if info.name in seen:
            raise UnsafeArchiveError(f"{MANIFEST_NAME} lists member {info.name!r} twice.")
        seen.add(info.name)
        _check_kind(info.name)
    return manifest


def _check_kind(name: str) -> None:
    if name in (ARTICLES_NAME, ANNOTATIONS_NAME, LISTS_NAME):
        return
    if name.startswith(ORIGINALS_DIR) and re.match(ID_PATTERN, name[len(ORIGINALS_DIR) :]):
        return
    if name.startswith(INDEX_DIR) and len(name) > len(INDEX_DIR) and not name.endswith("/"):
        return
    raise UnsafeArchiveError(f"Bundle member {name!r} is not a kind of member bundles hold.")


def verify_open(
    zf: SafeZip, progress: ProgressFn | None = None, on_article: ArticleSink | None = None
) -> BundleManifest:
    """Verify an opened bundle and return its manifest (see ``verify_manifest``)."""
    manifest = read_manifest(zf)
    verify_manifest(zf, manifest, progress, on_article)
    return manifest


def verify_manifest(
    zf: SafeZip,
    manifest: BundleManifest,
    progress: ProgressFn | None = None,
    on_article: ArticleSink | None = None,
) -> None:
    """Check every member of an opened bundle against its parsed manifest.

    With ``on_article``, each record of ``articles.jsonl`` is handed over as soon
    as it and its original (when it has one) are checked, together with the
    original's bytes and their zlib form (see ``SafeZip.read_with_zlib``); each
    member is then read only once. The bundle as a whole is only verified when
    this returns, so whatever the callback keeps must be dropped if it raises.
    """
    listed = {m.name: m for m in manifest.members}
    present = [n for n in zf.names() if n != MANIFEST_NAME]
    for name in present:
        if name not in listed:
            raise UnsafeArchiveError(f"Bundle member {name!r} is not listed in {MANIFEST_NAME}.")
    present_set = set(present)
    for name in listed:
        if name not in present_set:
            raise UnsafeArchiveError(f"Bundle member {name!r} is missing (listed in the manifest).")
    if ARTICLES_NAME not in listed:
        raise UnsafeArchiveError(f"The bundle has no {ARTICLES_NAME}.")

    total = len(manifest.members)
    checked: set[str] = set()
    n_originals = n_index = 0
    for done, info in enumerate(manifest.members, 1):
        if info.name == ARTICLES_NAME:
            _check_declared_size(zf, info)
            size, sha, records = _check_articles(zf, listed, on_article, checked)
            _check_digest(info, size, sha)
            if records != manifest.counts.articles:
                raise UnsafeArchiveError(
                    f"{ARTICLES_NAME} holds {records} articles; the manifest says "
                    f"{manifest.counts.articles}."
                )
        elif info.name not in checked:
            _check_declared_size(zf, info)
            _check_digest(info, *zf.digest(info.name))
        n_originals += info.name.startswith(ORIGINALS_DIR)
        n_index += info.name.startswith(INDEX_DIR)
        if progress is not None and (done % 200 == 0 or done == total):
            progress(BundleProgress("verify", done, total))

    _check_count("originals", n_originals, manifest.counts.originals)
    _check_count("index files", n_index, manifest.counts.index_files)
    annotations = read_annotations(zf) if ANNOTATIONS_NAME in listed else None
    found = links.count_annotations(annotations) if annotations is not None else 0
    _check_count("annotations", found, manifest.counts.annotations)
    if LISTS_NAME in listed:
        read_lists(zf)


def read_lists(zf: SafeZip) -> ListsRecord:
    """The saved searches and collections of ``lists.json``, checked member by member."""
    return parse_lists(zf.read(LISTS_NAME, MAX_LISTS_BYTES))


def _check_declared_size(zf: SafeZip, info: MemberInfo) -> None:
    declared = zf.info(info.name).file_size
    if declared != info.size:
        raise UnsafeArchiveError(
            f"Bundle member {info.name!r} has {declared} bytes; the manifest says {info.size}."
        )


def _check_digest(info: MemberInfo, size: int, sha: str) -> None:
    if size != info.size:
        raise UnsafeArchiveError(
            f"Bundle member {info.name!r} has {size} bytes; the manifest says {info.size}."
        )
    if sha != info.sha256:
        raise UnsafeArchiveError(
            f"Bundle member {info.name!r} is damaged or was changed (SHA-256 mismatch)."
        )


def _read_checked(zf: SafeZip, info: MemberInfo) -> tuple[bytes, bytes | None]:
    """A member's bytes (and zlib form), checked against its manifest entry."""
    _check_declared_size(zf, info)
    data, zdata = zf.read_with_zlib(info.name)
    _check_digest(info, len(data), hashlib.sha256(data).hexdigest())
    return data, zdata


def _check_count(what: str, found: int, declared: int) -> None:
    if found != declared:
        raise UnsafeArchiveError(
            f"The bundle holds {found} {what}; the manifest says {declared}."
        )


def read_annotations(zf: SafeZip) -> dict[str, Any]:
    raw = zf.read(ANNOTATIONS_NAME, MAX_ANNOTATIONS_BYTES)
    data = load_json(raw, ANNOTATIONS_NAME, error=UnsafeArchiveError)
    if not isinstance(data, dict):
        raise UnsafeArchiveError(f"{ANNOTATIONS_NAME} is not an annotation collection.")
    return data


def _check_articles(
    zf: SafeZip,
    listed: dict[str, MemberInfo],
    on_article: ArticleSink | None,
    checked: set[str],
) -> tuple[int, str, int]:
    """Hash ``articles.jsonl`` and check every record in the same pass.

    With ``on_article``, each record's original is read and checked here too (its
    name goes into ``checked``) and the record is handed over.
    """
    sha = hashlib.sha256()
    size = 0
    records = 0
    ids: set[str] = set()

    def hashed() -> Iterator[bytes]:
        nonlocal size
        for chunk in zf.iter_chunks(ARTICLES_NAME):
            sha.update(chunk)
            size += len(chunk)
            yield chunk

    for number, line in enumerate(split_lines(hashed(), ARTICLES_NAME), 1):
        if not line.strip():
            continue
        record = parse_line(line, number)
        if record.id in ids:
            raise UnsafeArchiveError(
                f"{ARTICLES_NAME} line {number}: article {record.id} appears twice."
            )
        ids.add(record.id)
        orig = record.original
        if orig is not None:
            info = listed.get(orig.member)
            if (
                info is None
                or orig.member != f"{ORIGINALS_DIR}{record.id}"
                or info.size != orig.size
                or info.sha256 != orig.sha256
            ):
                raise UnsafeArchiveError(
                    f"{ARTICLES_NAME} line {number}: original {orig.member!r} does not match "
                    "the bundle's members."
                )
        if on_article is not None:
            content = None
            if orig is not None:
                content = _read_checked(zf, listed[orig.member])
                checked.add(orig.member)
            on_article(record, content)
        records += 1
    return size, sha.hexdigest(), records


def is_bundle(path: Path) -> bool:
    """True when ``path`` is a zip whose manifest says it is an Archive Browser bundle.

    A cheap check for importers that receive any zip; nothing is verified here.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(MANIFEST_NAME)
            if info.file_size > MAX_MANIFEST_BYTES:
                return False
            data = json.loads(zf.read(info))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, RuntimeError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT_NAME
