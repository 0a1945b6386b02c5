"""Compare tests' helpers: generated Vietnamese-like articles stored in a library."""

from __future__ import annotations

import random

from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library

SYLLABLES = (
    "người dân tỉnh thành phố huyện xã nước công ty giá vàng tăng giảm mạnh năm tháng ngày "
    "học sinh giáo viên trường bệnh viện bác sĩ cảnh sát giao thông đường bộ kinh tế xã hội "
    "chính phủ quốc hội đại biểu phát triển dự án đầu tư vốn nhà máy sản xuất nông nghiệp "
    "mưa bão lũ lụt thời tiết miền bắc nam trung bộ bóng đá đội tuyển trận đấu thắng thua"
).split()


def make_body(rng: random.Random, sentences: int = 12) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(SYLLABLES) for _ in range(rng.randint(12, 22))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def variant(body: str, rng: random.Random, changes: int = 3) -> str:
    """The same text with a few syllables replaced (a light rewrite)."""
    words = body.split(" ")
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(SYLLABLES)
    return " ".join(words)


def draft(body: str, title: str = "Bài viết", salt: str = "") -> ArticleDraft:
    data = (title + "\n" + body).encode("utf-8")
    return ArticleDraft(
        id=article_id_for(data, salt),
        title=title,
        body=body,
        source_path="generated.txt",
        kind="text",
        original=Original(data=data, media_type="text/plain"),
    )


def add(library: Library, bodies: list[str], prefix: str = "Bài") -> list[str]:
    drafts = [draft(b, f"{prefix} {n}") for n, b in enumerate(bodies)]
    library.articles.add_many(drafts)
    return [d.id for d in drafts]
