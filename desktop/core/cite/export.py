"""One entry point for every citation format (used by the CLI and the app)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import BaseModel, ConfigDict

from desktop.core.atomic import atomic_write_text
from desktop.core.cite.bibtex import bibtex
from desktop.core.cite.csljson import csl_json
from desktop.core.cite.records import Citation, citation_for
from desktop.core.cite.ris import ris
from desktop.core.errors import UserError

if TYPE_CHECKING:
    from desktop.core.store.locations import AnyLibrary

CitationFormat = Literal["csljson", "ris", "bibtex"]
CITATION_FORMATS: tuple[str, ...] = get_args(CitationFormat)
SUFFIXES: dict[str, str] = {"csljson": ".json", "ris": ".ris", "bibtex": ".bib"}
_WRITERS: dict[str, Callable[[Sequence[Citation]], str]] = {
    "csljson": csl_json, "ris": ris, "bibtex": bibtex,
}


class CitationReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    format: str
    path: str
    citations: int


def citations_for(library: AnyLibrary, ids: Sequence[str]) -> list[Citation]:
    """Citations of ``ids`` in that order (each id once)."""
    seen: set[str] = set()
    out: list[Citation] = []
    for article_id in ids:
        if article_id in seen:
            continue
        seen.add(article_id)
        article = library.articles.get(article_id)
        out.append(citation_for(article, library.articles.hints(article_id)))
    return out


def render_citations(citations: Sequence[Citation], fmt: str) -> str:
    writer = _WRITERS.get(fmt)
    if writer is None:
        choices = ", ".join(CITATION_FORMATS)
        raise UserError(f"Unknown citation format {fmt!r} (choose {choices}).")
    return writer(citations)


def export_citations(
    library: AnyLibrary, ids: Sequence[str], fmt: str, path: Path
) -> CitationReport:
    """Write the citations of ``ids`` to ``path`` in ``fmt``, atomically."""
    if not ids:
        raise UserError("No articles to cite.")
    citations = citations_for(library, ids)
    text = render_citations(citations, fmt)
    atomic_write_text(Path(path), text)
    return CitationReport(format=fmt, path=str(path), citations=len(citations))
