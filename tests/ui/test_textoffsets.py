"""Code point <-> UTF-16 conversion at the Qt boundary, with emoji and combining marks."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextCursor, QTextDocument

from desktop.ui.textoffsets import OffsetMap, cp_to_utf16, utf16_len, utf16_to_cp


def test_round_trip_random_texts() -> None:
    rng = random.Random(7)
    alphabet = ["a", "ệ", "😀", "\u0323", "𝕏", "\n", "đ"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        m = OffsetMap(text)
        for cp in range(len(text) + 1):
            u16 = cp_to_utf16(text, cp)
            assert m.to_utf16(cp) == u16
            assert m.to_codepoint(u16) == cp
        for u16 in range(utf16_len(text) + 1):
            cp = m.to_codepoint(u16)
            assert cp_to_utf16(text, cp) <= u16 < cp_to_utf16(text, cp) + 2


def test_matches_qt_document_positions(qapp: object) -> None:
    text = "Xin chào 😀 Hà Nội 👩‍🔬 thi\u0323t"
    doc = QTextDocument()
    doc.setPlainText(text)
    start_cp = text.index("Hà")
    m = OffsetMap(text)
    cursor = QTextCursor(doc)
    cursor.setPosition(m.to_utf16(start_cp))
    cursor.setPosition(m.to_utf16(start_cp + len("Hà Nội")), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Hà Nội"
    assert utf16_to_cp(text, cursor.selectionStart()) == start_cp
    assert doc.characterCount() - 1 == utf16_len(text)
