"""Core messages (query errors, search notices, import failures) in the UI's language.

The core speaks English and knows nothing of Qt. The messages it can send to
the search box are listed here as English templates (``{name}`` marks a part
that varies, such as a date the user typed); ``translate_message`` finds the
template a message matches and returns its translation with the same parts.
A message not listed (or not translated) is shown as the core wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "CoreMessages"

# The core's messages the UI shows: in the search box (query errors, notices), then
# in the import report.
_MARKED = (  # QT_TRANSLATE_NOOP marks them for the translation catalog
    QT_TRANSLATE_NOOP("CoreMessages", 'Unbalanced quote: a phrase needs a closing ".'),
    QT_TRANSLATE_NOOP("CoreMessages", "Unbalanced bracket: write ranges as [2023-01-01 TO 2023-06-30]."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "Unbalanced parenthesis: a ')' has no matching '('."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unbalanced parenthesis: a '(' is never closed."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unexpected {token} in the query."),
    QT_TRANSLATE_NOOP("CoreMessages", "OR needs a word on both sides."),
    QT_TRANSLATE_NOOP("CoreMessages", "AND needs a word on both sides."),
    QT_TRANSLATE_NOOP("CoreMessages", "{word} needs a word after it."),
    QT_TRANSLATE_NOOP("CoreMessages", "The query is nested too deeply."),
    QT_TRANSLATE_NOOP("CoreMessages", "A date range needs a field: published:[2023-01-01 TO 2023-06-30]."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown field {field}; use one of {names}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{field}: needs a value after it."),
    QT_TRANSLATE_NOOP("CoreMessages", "Ranges work only with published:, not {field}:."),
    QT_TRANSLATE_NOOP("CoreMessages", "Bad date {date}: use 2023, 2023-05 or 2023-05-01."),
    QT_TRANSLATE_NOOP("CoreMessages", "Bad date {date}: no such day or month."),
    QT_TRANSLATE_NOOP("CoreMessages", "Bad date range {range}: write [2023-01-01 TO 2023-06-30]."),
    QT_TRANSLATE_NOOP("CoreMessages", "A date range needs at least one date."),
    QT_TRANSLATE_NOOP("CoreMessages", "Bad date range {range}: the start is after the end."),
    QT_TRANSLATE_NOOP("CoreMessages", "The query is too long (over {limit} characters)."),
    QT_TRANSLATE_NOOP("CoreMessages", "The query has no words to search for."),
    QT_TRANSLATE_NOOP("CoreMessages", "No article contains all of the words; showing the best partial matches."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "A quote was not closed: searched the rest of the query as a phrase."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "The query is long: searched its first {limit} characters."),
    QT_TRANSLATE_NOOP("CoreMessages", "The disk is full, so the search index is behind the library: the newest articles may be missing until space is freed."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "The search index is being updated: the newest articles may be missing from these results."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "The search index is damaged and is being rebuilt: until it is ready, results come from reading every article, which is slower."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "The search index is damaged and this library is read-only, so it cannot be rebuilt here: results come from reading every article, which is slower."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "The search index is damaged and could not be rebuilt ({error}): results come from reading every article. Run 'archive-browser reindex'."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "The search index folder {path} is a file, not a folder: searching a temporary index. Move the file away to keep the index between sessions."),  # noqa: E501
    # Why a file could not be imported (the import report).
    QT_TRANSLATE_NOOP("CoreMessages", "damaged or truncated archive ({damage}); {records} intact record(s) were read"),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "{label}the document is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "{label}no article text found (only page chrome)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{label}no article text found"),
    QT_TRANSLATE_NOOP("CoreMessages", "empty file"),
    QT_TRANSLATE_NOOP("CoreMessages", "empty page"),
    QT_TRANSLATE_NOOP("CoreMessages", "binary file, not text (it contains NUL bytes)"),
    QT_TRANSLATE_NOOP("CoreMessages", "binary file, not text (too many control characters)"),
    QT_TRANSLATE_NOOP("CoreMessages", "undecodable text: no character encoding fits (binary file?)"),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreMessages", "no article text found in the HTML page"),
    QT_TRANSLATE_NOOP("CoreMessages", "not valid JSON ({detail})"),
    QT_TRANSLATE_NOOP("CoreMessages", "the record has no body text (body, text or content)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the member is damaged: {detail}"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot read the member: {detail}"),
)
TEMPLATES: tuple[str, ...] = tuple(map(str, _MARKED))


@lru_cache(maxsize=64)
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{\w+\})", template)
    regex = "".join(
        f"(?P<{p[1:-1]}>.*?)" if re.fullmatch(r"\{\w+\}", p) else re.escape(p) for p in parts
    )
    return re.compile(regex, re.S)


def translate_message(message: str) -> str:
    """``message`` in the UI's language when it is a known core message, else unchanged."""
    for english in TEMPLATES:
        match = _pattern(english).fullmatch(message)
        if match is not None:
            translated = QCoreApplication.translate(_CONTEXT, english)
            try:
                return translated.format(**match.groupdict())
            except (KeyError, IndexError, ValueError):
                return message
    return message
