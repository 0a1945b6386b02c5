"""Annotation tests' helpers: an article body with known offsets (emoji, a combining mark)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.core.models import ArticleDraft, Original, article_id_for

AddArticle = Callable[..., str]

BODY = (
    "Hà Nội, ngày 13/01/2023. Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết.\n\n"
    "Kinh phí cho nghiên cứu khoa học tăng 12% so với năm trước. Đội tuyển Việt Nam "
    "được hỗ trợ đào tạo. Kinh phí cho nghiên cứu khoa học được công khai.\n\n"
    "Thịt lợn 🐷 và cà phê ☕ là ví dụ có emoji; q\u0301 là dấu rời."
)


def make_draft(body: str = BODY, title: str = "Hội nghị tổng kết", **kw: object) -> ArticleDraft:
    raw = (title + "\n" + body).encode()
    fields: dict[str, object] = {
        "id": article_id_for(raw),
        "title": title,
        "body": body,
        "published": date(2023, 1, 13),
        "site": "dost.example.vn",
        "url": "https://dost.example.vn/tin/1",
        "source_path": "x.txt",
        "kind": "text",
        "original": Original(data=raw, media_type="text/plain"),
    }
    fields.update(kw)
    return ArticleDraft(**fields)  # type: ignore[arg-type]
