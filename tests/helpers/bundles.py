"""Bundle tests' helpers: small libraries' articles, built from generated Vietnamese text."""

from __future__ import annotations

from datetime import date

from desktop.core.models import ArticleDraft, Original, article_id_for

BODIES = [
    "Hà Nội mùa thu, lá vàng rơi trên phố cổ.",
    "Đội tuyển Việt Nam thắng trận mở màn tại Mỹ Đình.",
    "Giá lúa gạo ở đồng bằng sông Cửu Long tăng mạnh.",
    "Khoa học và công nghệ Bình Định tổ chức hội thảo.",
    "Đà Nẵng đón hơn một triệu lượt khách du lịch.",
]


def make_draft(body: str, n: int) -> ArticleDraft:
    raw = f"<html><body><h1>Bài {n}</h1><p>{body}</p></body></html>".encode()
    return ArticleDraft(
        id=article_id_for(raw),
        title=f"Bài {n}: {body.split(',')[0][:30]}",
        body=body,
        published=date(2017, 1 + n % 12, 1 + n % 28),
        site="baomoi.com" if n % 2 else None,
        url=f"https://example.vn/bai-{n}.html",
        author="Tác giả DTD" if n % 3 == 0 else None,
        language="vi",
        source_path=f"captures/page-{n}.html",
        source_member=f"member-{n}" if n % 2 else None,
        kind="html",
        original=Original(
            data=raw,
            media_type="text/html",
            encoding="utf-8",
            hints={"url": f"https://example.vn/bai-{n}.html"},
        ),
    )


def drafts(count: int = len(BODIES)) -> list[ArticleDraft]:
    return [make_draft(BODIES[i % len(BODIES)] + f" ({i})", i) for i in range(count)]
