"""Importing collections: files, folders, zips, text, HTML, MHTML, PDF, EPUB, DOCX,
e-mail, WARC/ARC/WACZ and JSON Lines.

``import_paths`` walks the inputs, extracts every document and stores the
articles in committed chunks; ``reextract`` re-runs extraction from the stored
originals.
"""

from desktop.core.ingest.limits import ImportLimits
from desktop.core.ingest.pipeline import import_paths
from desktop.core.ingest.reextract import reextract

__all__ = ["ImportLimits", "import_paths", "reextract"]
