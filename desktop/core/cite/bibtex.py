"""BibTeX / biblatex entries, written with bibtexparser (MIT).

Values are LaTeX-escaped (``&``, ``%``, ``{``...); Unicode stays as it is (biber
and modern LaTeX read UTF-8). The language goes out as biblatex's ``langid``
(``vietnamese``) for the languages with a known name. Names are braced so that BibTeX keeps them as
written. Keys are ``<first word of the author or title><year>-<id prefix>``,
folded to ASCII and unique within one export.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from desktop.core.cite.records import Citation
from desktop.core.textnorm import fold

_TYPES = {
    "webpage": "online",
    "book": "book",
    "report": "report",
    "personal_communication": "misc",
    "document": "misc",
}
_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
    "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}",
}
_SPECIAL_RE = re.compile(r"[\\{}%&$#_^~]")
_KEY_WORD = re.compile(r"[a-z0-9]+")
# biblatex's ``langid`` takes babel/polyglossia names, not language codes.
_LANGIDS = {
    "vi": "vietnamese", "en": "english", "fr": "french", "de": "german", "es": "spanish",
    "it": "italian", "pt": "portuguese", "ru": "russian", "nl": "dutch", "pl": "polish",
}


def escape(value: str) -> str:
    """``value`` with LaTeX's special characters escaped, on one line."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], " ".join(value.split()))


def _url(value: str) -> str:
    """URLs are verbatim in biblatex; only characters that break a braced value change."""
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def bibtex_entry(citation: Citation, key: str) -> Entry:
    fields = [Field("title", escape(citation.title))]
    if citation.authors:
        fields.append(Field("author", " and ".join(f"{{{escape(a)}}}" for a in citation.authors)))
    if citation.container:
        container_field = "organization" if citation.type == "webpage" else "publisher"
        fields.append(Field(container_field, escape(citation.container)))
    if citation.published:
        fields.append(Field("date", citation.published.isoformat()))
        fields.append(Field("year", str(citation.published.year)))
    if citation.url:
        fields.append(Field("url", _url(citation.url)))
        fields.append(Field("urldate", citation.accessed.isoformat()))
    langid = _LANGIDS.get((citation.language or "").lower()[:2])
    if langid:
        fields.append(Field("langid", langid))
    if citation.type == "personal_communication":
        fields.append(Field("howpublished", "E-mail"))
    if citation.type == "report" and not citation.container:
        fields.append(Field("type", "Document"))
    if citation.pages:
        fields.append(Field("pagetotal", str(citation.pages)))
    return Entry(_TYPES.get(citation.type, "misc"), key, fields)


def citation_key(citation: Citation, taken: set[str]) -> str:
    words = _KEY_WORD.findall(fold(citation.authors[0] if citation.authors else citation.title))
    stem = (words[0] if words else "article")[:24]
    year = str(citation.published.year) if citation.published else "nd"
    key = f"{stem}{year}-{citation.id[:6]}"
    n = 1
    while key in taken:
        n += 1
        key = f"{stem}{year}-{citation.id[:6]}-{n}"
    taken.add(key)
    return key


def bibtex(citations: Sequence[Citation]) -> str:
    library = Library()
    taken: set[str] = set()
    for citation in citations:
        library.add(bibtex_entry(citation, citation_key(citation, taken)))
    text: str = write_string(library)
    return text
