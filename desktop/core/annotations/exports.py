"""One entry point for every annotation export format (used by the CLI and the UI)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

from desktop.core.annotations.csv_export import write_csv
from desktop.core.annotations.markdown_export import write_markdown
from desktop.core.annotations.models import Annotation
from desktop.core.annotations.qdpx import write_qdpx
from desktop.core.annotations.w3c import write_w3c
from desktop.core.store.articles import ArticleStore

ExportFormat = Literal["w3c", "csv", "markdown", "qdpx"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
SUFFIXES: dict[str, str] = {"w3c": ".jsonld", "csv": ".csv", "markdown": ".md", "qdpx": ".qdpx"}


class ExportReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    format: str
    path: str
    annotations: int
    articles: int
    skipped: int = 0


def export_annotations(
    articles: ArticleStore, annotations: Sequence[Annotation], fmt: str, path: Path
) -> ExportReport:
    """Write ``annotations`` to ``path`` in ``fmt`` (atomically)."""
    annotations = sorted(annotations, key=lambda a: (a.article_id, a.start, a.end, a.id))
    skipped = 0
    if fmt == "w3c":
        write_w3c(path, annotations)
    elif fmt == "csv":
        write_csv(path, articles, annotations)
    elif fmt == "markdown":
        write_markdown(path, articles, annotations)
    elif fmt == "qdpx":
        skipped = write_qdpx(path, articles, annotations).skipped
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return ExportReport(
        format=fmt,
        path=str(path),
        annotations=len(annotations) - skipped,
        articles=len({a.article_id for a in annotations}),
        skipped=skipped,
    )
