"""UI tests' made-up library: Vietnamese and English articles, one with remote resources."""

from __future__ import annotations

from datetime import date

from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library

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
