"""Citations of articles: CSL-JSON, RIS and BibTeX, for Zotero, EndNote and LaTeX users.

``records`` gathers what a citation says about an article (``Citation``);
``csljson``, ``ris`` and ``bibtex`` write the formats; ``export`` is the one
entry point used by the CLI and the app.
"""

from desktop.core.cite.export import CITATION_FORMATS, SUFFIXES, CitationReport, export_citations
from desktop.core.cite.records import Citation, citation_for

__all__ = [
    "CITATION_FORMATS", "SUFFIXES", "Citation", "CitationReport", "citation_for",
    "export_citations",
]
