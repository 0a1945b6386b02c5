"""Small inputs built inside tests: HTML pages, WARC files, zips, Vietnamese text."""

from __future__ import annotations

import io
import stat
import unicodedata
import zipfile
from collections.abc import Iterable

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = [
    "Đội tuyển bóng đá của trường đã giành chiến thắng thuyết phục trong trận chung kết "
    "giải đấu cấp tỉnh diễn ra vào chiều thứ bảy vừa qua tại sân vận động trung tâm.",
    "Huấn luyện viên cho biết các cầu thủ đã tập luyện chăm chỉ suốt ba tháng, mỗi tuần "
    "bốn buổi, và thành quả hôm nay là xứng đáng với công sức của cả đội.",
    "Ban tổ chức trao cúp vô địch cùng phần thưởng trị giá mười triệu đồng; đội sẽ đại "
    "diện cho tỉnh tham dự vòng chung kết toàn quốc vào tháng sau.",
]


def article_html(
    title: str = "Đội tuyển trường giành cúp vô địch",
    paragraphs: Iterable[str] = PARAGRAPHS,
    *,
    charset: str = "utf-8",
    lang: str = "vi",
    published: str | None = "2023-03-17",
    author: str | None = "Nguyễn Văn An",
    with_title: bool = True,
) -> str:
    meta = f'<meta charset="{charset}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}T08:00:00+07:00">'
    if author:
        meta += f'<meta name="author" content="{author}">'
    head_title = f"<title>{title}</title>" if with_title else ""
    h1 = f"<h1>{title}</h1>" if with_title else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}{head_title}</head><body>'
        '<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li>'
        "</ul></nav>"
        f"<main><article>{h1}{body}</article></main>"
        "<footer><p>© Báo Thể Thao Tỉnh. Mọi quyền được bảo lưu.</p></footer>"
        "</body></html>"
    )


def text_dump(title: str, *paragraphs: str) -> str:
    """A vn-news style dump: title line, lead line, then the body."""
    return "\n".join([title, *(paragraphs or PARAGRAPHS)]) + "\n"


def warc_bytes(
    records: Iterable[tuple[str, str, str, bytes]],
    *,
    gzip: bool = True,
    date: str = "2021-05-04T10:00:00Z",
) -> bytes:
    """A WARC of HTTP responses: (url, status line, content type, payload)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for url, status, content_type, payload in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the digested payload to a temporary file
    return buf.getvalue()


def zip_bytes(
    members: Iterable[tuple[str, bytes]], *, compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def cp1258_bytes(text: str) -> bytes:
    """Vietnamese in windows-1258: precomposed where the code page has the letter,
    otherwise base letter plus a combining tone mark (as real cp1258 text does)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        for i, mark in enumerate(marks):
            candidate = unicodedata.normalize("NFC", base + mark) + marks[:i] + marks[i + 1 :]
            try:
                out += candidate.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += decomposed.encode("cp1258")
    return bytes(out)
