"""RIS (EndNote, Zotero, Mendeley), written with rispy (MIT)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import rispy
from rispy.writer import RisWriter

from desktop.core.cite.records import Citation

_TYPES = {
    "webpage": "ELEC",
    "book": "BOOK",
    "report": "RPRT",
    "personal_communication": "PCOMM",
    "document": "GEN",
}


class _PlainRisWriter(RisWriter):  # type: ignore[misc]
    """rispy's writer without its ``1.`` line before each reference (EndNote rejects it)."""

    def set_header(self, count: int) -> str:
        return ""


def ris_reference(citation: Citation) -> dict[str, Any]:
    ref: dict[str, Any] = {
        "type_of_reference": _TYPES.get(citation.type, "GEN"),
        "id": citation.id,
        "title": _line(citation.title),
    }
    if citation.authors:
        ref["authors"] = [_line(a) for a in citation.authors]
    if citation.container:
        ref["secondary_title"] = _line(citation.container)
    if citation.url:
        ref["urls"] = [_line(citation.url)]
    if citation.published:
        ref["year"] = str(citation.published.year)
        ref["date"] = _date(citation.published)
    ref["access_date"] = _date(citation.accessed)
    if citation.language:
        ref["language"] = citation.language
    return ref


def ris(citations: Sequence[Citation]) -> str:
    text: str = rispy.dumps([ris_reference(c) for c in citations], implementation=_PlainRisWriter)
    return text


def _date(value: date) -> str:
    return f"{value.year:04d}/{value.month:02d}/{value.day:02d}/"


def _line(value: str) -> str:
    return " ".join(value.split())
