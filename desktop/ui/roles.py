"""``Role``: the app's item data roles, one value each for every model and view.

A view asks any model for ``index.data(Role.ID)`` and gets the article (or
annotation) id, whichever list it shows; the values start above
``Qt.ItemDataRole.UserRole`` so they never meet Qt's own roles. A model's
``roleNames`` (the names item views and tests look roles up by) come from
:func:`role_names`.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QByteArray, Qt

_USER = int(Qt.ItemDataRole.UserRole.value)


class Role(IntEnum):
    """Custom data roles of the app's item models (see the module docstring)."""

    ID = _USER + 1  # the article's id (the annotation's in the annotation lists)
    TITLE = _USER + 2
    DATE = _USER + 3  # publication date (ISO), or None
    SITE = _USER + 4
    SNIPPET = _USER + 5
    SCORE = _USER + 6
    UNREAD = _USER + 7  # True unless the article is marked read
    ANNOTATION = _USER + 8  # the Annotation object
    SORT = _USER + 9  # the value a sorting proxy compares
    KIND = _USER + 10  # what a row is: "near"/"reuse" (similar), "saved"/"collection" (lists)
    SIMILARITY = _USER + 11
    REPRESENTATIVE = _USER + 12  # a reuse cluster's representative article id
    GROUP = _USER + 13  # a facet's group key
    VALUE = _USER + 14  # a facet's value
    COUNT = _USER + 15  # articles counted (facet value, collection)
    IS_GROUP = _USER + 16  # the row is a group heading
    NAME = _USER + 17  # a saved search's or collection's name
    NEW = _USER + 18  # a saved search's new articles (None: not counted yet)
    QUERY = _USER + 19  # a saved search's query
    AUTHOR = _USER + 20  # who made an annotation ("" when not known)
    MINE = _USER + 21  # the annotation was made by the library's user (this session's)


_NAMES: dict[Role, bytes] = {
    Role.ID: b"articleId",
    Role.TITLE: b"title",
    Role.DATE: b"date",
    Role.SITE: b"site",
    Role.SNIPPET: b"snippet",
    Role.SCORE: b"score",
    Role.UNREAD: b"unread",
    Role.ANNOTATION: b"annotation",
    Role.SORT: b"sortKey",
    Role.KIND: b"kind",
    Role.SIMILARITY: b"similarity",
    Role.REPRESENTATIVE: b"representative",
    Role.GROUP: b"group",
    Role.VALUE: b"value",
    Role.COUNT: b"count",
    Role.IS_GROUP: b"isGroup",
    Role.NAME: b"name",
    Role.NEW: b"newCount",
    Role.QUERY: b"query",
    Role.AUTHOR: b"author",
    Role.MINE: b"mine",
}


def role_names(base: dict[int, QByteArray], *roles: Role) -> dict[int, QByteArray]:
    """A model's ``roleNames()``: Qt's own (``base``) and the names of the ``roles`` it answers."""
    names = dict(base)
    names.update({role: QByteArray(_NAMES[role]) for role in roles})
    return names
