"""Comparing articles: sentence alignment, word-level changes and near-duplicate detection.

``compare_texts`` aligns two bodies (see ``align``); ``NearDuplicateIndex`` finds
reused text across a library (see ``neardup``); ``render_report`` writes a
self-contained HTML comparison (see ``report``). Plain Python, no Qt.
"""

from desktop.core.compare.align import compare_texts
from desktop.core.compare.models import (
    AlignedPair,
    CompareResult,
    PairKind,
    ParagraphLink,
    Similarity,
    WordChange,
)

__all__ = [
    "AlignedPair",
    "CompareResult",
    "PairKind",
    "ParagraphLink",
    "Similarity",
    "WordChange",
    "compare_texts",
]
