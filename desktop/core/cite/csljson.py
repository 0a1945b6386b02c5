"""CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc, citeproc)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.core.cite.records import Citation


def csl_item(citation: Citation) -> dict[str, Any]:
    """One CSL-JSON item; ``id`` and ``type`` are always present (the schema's required)."""
    item: dict[str, Any] = {"id": citation.id, "type": citation.type, "title": citation.title}
    if citation.authors:
        item["author"] = [{"literal": name} for name in citation.authors]
    if citation.container:
        item["container-title"] = citation.container
    if citation.url:
        item["URL"] = citation.url
    if citation.published:
        item["issued"] = _date(citation.published)
    item["accessed"] = _date(citation.accessed)
    if citation.language:
        item["language"] = citation.language
    if citation.pages:
        item["number-of-pages"] = str(citation.pages)
    return item


def csl_json(citations: Sequence[Citation]) -> str:
    return json.dumps([csl_item(c) for c in citations], ensure_ascii=False, indent=2) + "\n"


def _date(value: date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[value.year, value.month, value.day]]}
