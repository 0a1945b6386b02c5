"""Turning one document's text or markup into article fields.

Each extractor returns an ``Extracted``; the ingest pipeline adds the id,
source and original bytes and stores the result.
"""

from desktop.core.extract.fields import Extracted

__all__ = ["Extracted"]
