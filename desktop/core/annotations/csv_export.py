"""CSV export of annotations, one row per annotation.

Columns: ``article id, title, published, site, quote, note, tags, colour,
author, created, modified, page``; ``author`` is who made the annotation (empty
when not known); tags are joined with ``"; "``; ``page`` is the PDF page of the
passage (empty for articles without pages). The file is UTF-8 *with a
byte order mark* and CRLF line ends: without the BOM, Excel opens UTF-8 CSV as
the local ANSI code page and Vietnamese turns into mojibake; LibreOffice and
Python's ``csv`` (with ``utf-8-sig``) read it correctly either way.

Text cells that begin with ``=``, ``+`` or ``@`` get a leading apostrophe, so a
spreadsheet shows them as text instead of running them as formulas (scraped
pages can carry such text on purpose). ``-`` is left alone: Vietnamese news
uses it to open quoted speech.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from desktop.core.annotations.models import Annotation
from desktop.core.annotations.pages import annotation_pages
from desktop.core.atomic import atomic_write_bytes
from desktop.core.store.articles import ArticleStore

COLUMNS = (
    "article id", "title", "published", "site", "quote", "note", "tags", "colour",
    "author", "created", "modified", "page",
)
TAG_SEPARATOR = "; "
ENCODING = "utf-8-sig"


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "@") else text


def csv_text(store: ArticleStore, annotations: Sequence[Annotation]) -> str:
    articles = {
        a.id: a for a in store.get_many(sorted({x.article_id for x in annotations}))
    }
    pages = annotation_pages(store, annotations)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for ann in annotations:
        art = articles.get(ann.article_id)
        writer.writerow(
            [
                ann.article_id,
                _cell(art.title) if art else "",
                art.published.isoformat() if art and art.published else "",
                _cell(art.site or "") if art else "",
                _cell(ann.quote.exact),
                _cell(ann.note),
                _cell(TAG_SEPARATOR.join(ann.tags)),
                ann.color,
                _cell(ann.author),
                ann.created.isoformat(),
                ann.modified.isoformat(),
                str(pages[ann.id]) if ann.id in pages else "",
            ]
        )
    return out.getvalue()


def write_csv(path: Path, articles: ArticleStore, annotations: Sequence[Annotation]) -> None:
    atomic_write_bytes(path, csv_text(articles, annotations).encode(ENCODING))
