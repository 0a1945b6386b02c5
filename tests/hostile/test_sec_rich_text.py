"""Article and user text is never rendered as rich text by a Qt widget.

``<img src="/dev/zero">`` in a quote, title or note made Qt read /dev/zero
without end (the process grew to 2 GB and aborted). The source check below keeps
every label, tool tip and message box of ``desktop/ui`` on the plain-text
helpers of ``desktop.ui.plaintext``; the behavioural tests show hostile text in
the annotation editor and the reader.
"""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core.models import Article
from desktop.ui.annotations.editor import AnnotationEditor
from desktop.ui.plaintext import PlainLabel, plain_tooltip
from desktop.ui.reader.header import ArticleHeader

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
# Rendered, the image would be 3000 pixels tall (a missing file, so no test reads
# /dev/zero should the check ever regress).
HOSTILE = '<img src="/nonexistent/x.png" width="3000" height="3000"><b>bold</b>'
# Labels with markup this program writes (every piece of outside text escaped).
RICH_LABEL_FILES = {"reader/header.py", "compare/view.py", "dialogs/about.py"}
# Rich documents built from sanitized HTML or escaped snippets.
HTML_FILES = {"reader/original.py", "results/delegate.py"}
QMESSAGEBOX_STATICS = {"about", "critical", "information", "question", "warning"}


def _sources() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI).as_posix()
        if rel != "plaintext.py":
            found.append((rel, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _static_text(node: ast.expr) -> bool:
    """A literal, a translation of a literal, or text passed through ``plain_tooltip``."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        return _name(node.func) in {"tr", "plain_tooltip"}
    return False


def _problems() -> list[str]:
    problems = []
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = _name(node.func)
                where = f"{rel}:{node.lineno}"
                if name == "QLabel":
                    problems.append(f"{where}: QLabel (use PlainLabel or RichLabel)")
                elif name == "RichLabel" and rel not in RICH_LABEL_FILES:
                    problems.append(f"{where}: RichLabel outside the reviewed files")
                elif name == "QMessageBox":
                    problems.append(f"{where}: QMessageBox (use plain_message_box)")
                elif (
                    isinstance(node.func, ast.Attribute)
                    and _name(node.func.value) == "QMessageBox"
                    and name in QMESSAGEBOX_STATICS
                ):
                    problems.append(f"{where}: QMessageBox.{name} (use plain_message_box)")
                elif name in {"setHtml", "insertHtml", "appendHtml"} and rel not in HTML_FILES:
                    problems.append(f"{where}: {name} outside the reviewed files")
                elif name == "setTextFormat" and rel not in RICH_LABEL_FILES:
                    arg = ast.unparse(node.args[0]) if node.args else ""
                    if not arg.endswith("PlainText"):
                        problems.append(f"{where}: setTextFormat({arg})")
                elif name == "setToolTip" and node.args and not _static_text(node.args[0]):
                    problems.append(f"{where}: setToolTip of outside text (use plain_tooltip)")
            if isinstance(node, ast.If) and "ToolTipRole" in ast.unparse(node.test):
                for inner in node.body:
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        if not _static_text(inner.value):
                            problems.append(
                                f"{rel}:{inner.lineno}: tool tip role returns outside text "
                                "(use plain_tooltip)"
                            )
    return problems


def test_every_widget_shows_outside_text_as_plain_text() -> None:
    assert _problems() == []


def test_the_source_check_finds_a_rich_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: a file with a bare QLabel is reported."""
    (tmp_path / "bad.py").write_text(
        "from PySide6.QtWidgets import QLabel\n"
        "def f(title, w):\n"
        "    w.setToolTip(title)\n"
        "    return QLabel(title)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(f"{__name__}.UI", tmp_path)
    assert [p.split(": ", 1)[1] for p in _problems()] == [
        "setToolTip of outside text (use plain_tooltip)",
        "QLabel (use PlainLabel or RichLabel)",
    ]


def test_annotation_editor_shows_a_hostile_quote_as_text(qtbot) -> None:
    editor = AnnotationEditor(HOSTILE, note="<img src='/dev/zero'>", tags=["a"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    label = editor.quote_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in label.text()
    assert editor.note() == "<img src='/dev/zero'>"
    assert label.sizeHint().height() < 200  # laid out as text, not as a 3000 px image


def test_reader_header_shows_hostile_fields_as_text(qtbot) -> None:
    header = ArticleHeader()
    qtbot.addWidget(header)
    article = Article(
        id="a" * 32, title=HOSTILE, body="x", published=date(2020, 1, 1), site=HOSTILE,
        author=HOSTILE, url=f"https://example.vn/{HOSTILE}", source_path=HOSTILE,
        kind="text", content_hash="0" * 64, imported_at=datetime(2020, 1, 1),
    )
    header.show_article(article)
    header.show()
    qtbot.waitExposed(header)
    for label in (header.title, header.meta, header.source):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.sizeHint().height() < 200
    assert header.title.text() == HOSTILE
    assert "<img" not in header.url.text()  # the link text is escaped


def test_plain_helpers_escape() -> None:
    assert PlainLabel(HOSTILE).textFormat() == Qt.TextFormat.PlainText
    tip = plain_tooltip(HOSTILE)
    assert "<img" not in tip and "&lt;img" in tip
    assert plain_tooltip("") == plain_tooltip(None) == ""
