"""Annotations: W3C-style highlights with notes, tags and colours on article passages.

``AnnotationStore`` reads and writes them, ``anchoring.reanchor_article`` finds
them again after an article's text changed, and ``exports``/``w3c``/``qdpx``
write them out (W3C JSON-LD, CSV, Markdown, REFI-QDA) and merge W3C files back.
"""

from desktop.core.annotations.anchoring import ReanchorCounts, reanchor_article
from desktop.core.annotations.exports import FORMATS, ExportReport, export_annotations
from desktop.core.annotations.models import (
    PALETTE,
    Annotation,
    AnnotationFilter,
    TextPositionSelector,
    TextQuoteSelector,
)
from desktop.core.annotations.store import AnnotationStore
from desktop.core.annotations.w3c import MergeReport, merge_collection, to_collection

__all__ = [
    "FORMATS",
    "PALETTE",
    "Annotation",
    "AnnotationFilter",
    "AnnotationStore",
    "ExportReport",
    "MergeReport",
    "ReanchorCounts",
    "TextPositionSelector",
    "TextQuoteSelector",
    "export_annotations",
    "merge_collection",
    "reanchor_article",
    "to_collection",
]
