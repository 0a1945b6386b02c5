"""What the walkers hand to the pipeline: documents, per-item failures, finished units.

A *unit* is one thing the user would count: a file, a zip member, a WARC file
or a JSONL file. Progress counts units; a unit may yield many documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.models import SourceKind, format_source


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One document's original bytes and where it came from."""

    path: str
    member: str | None
    kind: SourceKind
    data: bytes
    media_type: str
    hints: dict[str, str] = field(default_factory=dict)
    # Distinguishes several documents cut from one original (a WARC record id).
    salt: str = ""

    @property
    def label(self) -> str:
        return format_source(self.path, self.member)

    @property
    def name(self) -> str:
        """The innermost file name, for messages and extractors."""
        inner = (self.member or self.path).rsplit("!", 1)[-1]
        return inner.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """An input (or part of one) that could not be read; the rest of the batch goes on."""

    path: str
    member: str | None
    error: str

    @property
    def label(self) -> str:
        return format_source(self.path, self.member)


@dataclass(frozen=True, slots=True)
class UnitDone:
    """A unit of work (file or member) has been fully read."""

    label: str


SourceEvent = SourceDocument | SourceFailure | UnitDone


def join_member(parent: str | None, name: str) -> str:
    """Member path inside nested containers: ``inner.zip!a/b.html``."""
    return f"{parent}!{name}" if parent else name
