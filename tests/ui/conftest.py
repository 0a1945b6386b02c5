"""Fixtures for the UI tests: small libraries built from text written here, isolated settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library
from desktop.ui.settings import AppSettings

SITES = ("tintuc.example.vn", "baomoi.example.vn", "news.example.com")
TOPICS = (
    ("Đội tuyển bóng đá", "đội tuyển tập luyện trên sân vận động trước trận đấu"),
    ("Làng nghề gốm", "những lò gốm bên sông giữ lửa qua nhiều thế hệ"),
    ("Giống lúa chịu mặn", "nông dân gieo thử giống lúa mới trên cánh đồng ven biển"),
    ("River library", "the floating library brings books to river villages"),
)
REMOTE_HTML = (
    "<html><head><title>Remote</title>"
    '<script src="http://tracker.example.net/t.js"></script>'
    '<link rel="stylesheet" href="http://cdn.example.net/s.css">'
    "<style>body { background: url(http://cdn.example.net/bg.png) }</style></head>"
    '<body onload="steal()"><h1>Trang gốc</h1>'
    '<p>Đoạn văn <b>gốc</b> với <a href="http://example.net/x" onclick="evil()">liên kết</a>.</p>'
    '<img src="http://images.example.net/photo.jpg" alt="ảnh">'
    '<iframe src="http://frames.example.net/"></iframe>'
    '<form action="http://forms.example.net/post"><input name="q"></form>'
    "<script>document.write('bad')</script></body></html>"
)


def make_draft(
    i: int, *, title: str | None = None, body: str | None = None, html: str | None = None
) -> ArticleDraft:
    topic, sentence = TOPICS[i % len(TOPICS)]
    text = body or (
        f"Bài số {i}. Hôm nay {sentence}.\n\n"
        f"Đoạn thứ hai của bài {i} nói thêm về {topic.lower()} và các chi tiết khác.\n\n"
        f"Kết thúc bài {i}: {sentence}."
    )
    data = (html or text).encode("utf-8")
    return ArticleDraft(
        id=article_id_for(data, salt=str(i)),
        title=title or f"{topic} — bài {i}",
        body=text,
        published=date(2017 + i % 4, 1 + i % 12, 1 + i % 27),
        site=SITES[i % len(SITES)],
        url=f"https://{SITES[i % len(SITES)]}/bai-{i}.html",
        author="Phóng viên" if i % 2 else None,
        language="vi",
        source_path=f"/imports/bai-{i}.{'html' if html else 'txt'}",
        kind="html" if html else "text",
        original=Original(
            data=data, media_type="text/html" if html else "text/plain", encoding="utf-8"
        ),
    )


def seed(library: Library, n: int) -> list[str]:
    drafts = [make_draft(i) for i in range(n)]
    drafts.append(
        make_draft(
            n,
            title="Trang có tài nguyên từ xa",
            html=REMOTE_HTML,
            body="Trang gốc.\n\nĐoạn văn gốc với liên kết.",
        )
    )
    library.articles.add_many(drafts)
    return [d.id for d in drafts]


@pytest.fixture
def seeded_library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "seeded")
    seed(lib, 120)
    yield lib
    lib.close()


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings" / "test.ini")


@pytest.fixture
def make_window(qtbot, app_settings: AppSettings) -> Iterator[Callable[..., object]]:
    from desktop.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def factory(library: Library, settings: AppSettings | None = None, **kwargs: object):
        kwargs.setdefault("show_reports", False)
        kwargs.setdefault("isolate_writer", False)  # the child-process writer has its own test
        window = MainWindow(library, settings or app_settings, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.shutdown()


def wait_ready(qtbot, window) -> None:
    """Wait for the first listing and for the start-up index catch-up to finish."""
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=15000)
    qtbot.waitUntil(lambda: not window.importer.is_busy(), timeout=60000)
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=15000)


def search_for(qtbot, window, text: str, timeout: int = 15000):
    """Type ``text`` in the search box and return the first-page result for it."""
    with qtbot.waitSignal(
        window.search.results_changed,
        check_params_cb=lambda r: r.query == text,
        timeout=timeout,
    ) as blocker:
        window.search_bar.edit.clear()
        if text.isascii():
            qtbot.keyClicks(window.search_bar.edit, text)
        else:  # QTest can only type ASCII
            window.search_bar.edit.setText(text)
    return blocker.args[0]
