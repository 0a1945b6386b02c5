"""The words the annotation views show for stored values: colour names, statuses, columns.

The store keeps English keys (``yellow``, ``anchored``); these functions give
the translated label for each, with every string spelled out so that lupdate
finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def color_label(name: str) -> str:
    """``yellow`` -> "yellow" or "vàng"; a custom ``#rrggbb`` colour stays as it is."""
    labels = {
        "yellow": QCoreApplication.translate("AnnotationLabels", "yellow"),
        "green": QCoreApplication.translate("AnnotationLabels", "green"),
        "blue": QCoreApplication.translate("AnnotationLabels", "blue"),
        "pink": QCoreApplication.translate("AnnotationLabels", "pink"),
        "orange": QCoreApplication.translate("AnnotationLabels", "orange"),
        "purple": QCoreApplication.translate("AnnotationLabels", "purple"),
    }
    return labels.get(name, name)


def status_label(status: str) -> str:
    labels = {
        "anchored": QCoreApplication.translate("AnnotationLabels", "anchored"),
        "orphaned": QCoreApplication.translate("AnnotationLabels", "orphaned"),
    }
    return labels.get(status, status)


def column_titles() -> tuple[str, ...]:
    """The library-wide table's column titles, in column order."""
    return (
        QCoreApplication.translate("AnnotationLabels", "Quote"),
        QCoreApplication.translate("AnnotationLabels", "Note"),
        QCoreApplication.translate("AnnotationLabels", "Tags"),
        QCoreApplication.translate("AnnotationLabels", "Colour"),
        QCoreApplication.translate("AnnotationLabels", "Article"),
        QCoreApplication.translate("AnnotationLabels", "Created"),
        QCoreApplication.translate("AnnotationLabels", "Status"),
        QCoreApplication.translate("AnnotationLabels", "Author"),
    )


def author_label(author: str, mine: bool) -> str:
    """Who made an annotation, as the lists show it: "(you)" after the user's own."""
    if not author:
        return QCoreApplication.translate("AnnotationLabels", "unknown")
    if mine:
        return QCoreApplication.translate("AnnotationLabels", "{name} (you)").format(name=author)
    return author


def author_note(author: str) -> str:
    """The tool-tip line naming who made an annotation."""
    return QCoreApplication.translate("AnnotationLabels", "By {name}").format(
        name=author or QCoreApplication.translate("AnnotationLabels", "unknown")
    )


def orphaned_note() -> str:
    return QCoreApplication.translate(
        "AnnotationLabels", "This passage is no longer found in the article."
    )


def panel_titles() -> tuple[str, str]:
    """The dock titles: this article's annotations, and every annotation of the library."""
    return (
        QCoreApplication.translate("AnnotationLabels", "Annotations"),
        QCoreApplication.translate("AnnotationLabels", "All annotations"),
    )
