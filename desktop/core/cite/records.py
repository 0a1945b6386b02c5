"""What a citation says about one article: title, authors, container, URL, dates, language.

Names are kept as written (CSL ``literal``, a braced BibTeX name): the order of
family and given names differs between languages (``Nguyễn Văn An`` starts with
the family name), so splitting them would get many wrong. Several authors are
separated by ``;`` in the article's author field. The accessed date is the
capture date the source recorded (a WARC record, SingleFile, a browser print),
else the day of import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop.core.dates import iso_date
from desktop.core.extract.pages import page_count
from desktop.core.models import Article

CitationType = str  # a CSL type: webpage, book, report, personal_communication, document

_AUTHOR_SPLIT = re.compile(r"\s*;\s*")
_KIND_TYPES = {
    "epub": "book",
    "docx": "report",
    "email": "personal_communication",
}


@dataclass(frozen=True, slots=True)
class Citation:
    id: str
    type: CitationType
    title: str
    authors: tuple[str, ...]
    container: str | None
    url: str | None
    published: date | None
    accessed: date
    language: str | None
    pages: int | None = None


def citation_for(article: Article, hints: Mapping[str, str]) -> Citation:
    """The citation of a stored article (its original's ``hints`` give capture date, pages)."""
    authors = tuple(a for a in _AUTHOR_SPLIT.split(article.author or "") if a)
    kind_type = _KIND_TYPES.get(article.kind)
    if kind_type is None:
        kind_type = "webpage" if article.url or article.site else "document"
    return Citation(
        id=article.id,
        type=kind_type,
        title=article.title,
        authors=authors,
        container=article.site,
        url=article.url,
        published=article.published,
        accessed=iso_date(hints.get("date")) or article.imported_at.date(),
        language=article.language,
        pages=page_count(hints) or None,
    )
