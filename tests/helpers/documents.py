"""Small documents of every importable kind, built by the tests: MHTML, SingleFile,
EPUB, DOCX, e-mail messages and mailboxes."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from tests.core.ingest._builders import article_html

VN_TZ = timezone(timedelta(hours=7))


def mhtml_bytes(
    html: str | None = None,
    *,
    url: str = "https://baochi.example.vn/tin/doi-tuyen",
    date: datetime = datetime(2023, 3, 18, 9, 30, tzinfo=VN_TZ),
) -> bytes:
    """Like Chrome's "Web page, single file": multipart/related, quoted-printable HTML."""
    page = html if html is not None else article_html()
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = url
    message["Subject"] = "Đội tuyển trường giành cúp vô địch"
    message["Date"] = format_datetime(date)
    message.make_related()
    message.add_related(page, subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG\r\n\x1a\n....", maintype="image", subtype="png")
    parts = message.get_payload()
    assert isinstance(parts, list)
    parts[0]["Content-Location"] = url
    parts[1]["Content-Location"] = "https://baochi.example.vn/logo.png"
    return message.as_bytes()


def singlefile_html(
    url: str = "https://www.baochi.example.vn/tin/doi-tuyen",
    saved: str = "Sat Mar 18 2023 09:30:12 GMT+0700 (Indochina Time)",
    paragraphs: Sequence[str] | None = None,
) -> str:
    page = (
        article_html(published=None)
        if paragraphs is None
        else article_html(published=None, paragraphs=paragraphs)
    )
    head = f"<!--\n Page saved with SingleFile \n url: {url} \n saved date: {saved}\n-->"
    return page.replace("<html", head + "<html", 1).replace("<!DOCTYPE html>", "", 1)


def _zip(members: Sequence[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, (name, data) in enumerate(members):
            method = zipfile.ZIP_STORED if stored_first and n == 0 else zipfile.ZIP_DEFLATED
            zf.writestr(name, data, compress_type=method)
    return out.getvalue()


def epub_bytes(
    chapters: Sequence[tuple[str, Sequence[str]]],
    *,
    title: str = "Lịch sử làng gốm",
    author: str = "Lê Văn Cường",
    date: str = "2019-08-01",
    language: str = "vi",
    spine_order: Sequence[int] | None = None,
    with_nav: bool = False,
) -> bytes:
    """An EPUB 3 book; ``spine_order`` lists chapter indexes in reading order;
    ``with_nav`` adds a table of contents (nav document) first in the spine."""
    order = list(spine_order) if spine_order is not None else list(range(len(chapters)))
    manifest = "".join(
        f'<item id="c{i}" href="text/ch{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(len(chapters))
    )
    spine = "".join(f'<itemref idref="c{i}"/>' for i in order)
    if with_nav:
        manifest += ('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
                     'properties="nav"/>')
        spine = '<itemref idref="nav"/>' + spine
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:identifier id=\"id\">urn:uuid:1234</dc:identifier><dc:title>{title}</dc:title>"
        f"<dc:creator>{author}</dc:creator><dc:date>{date}</dc:date>"
        f"<dc:language>{language}</dc:language></metadata>"
        f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    members: list[tuple[str, bytes]] = [
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", container.encode()),
        ("OEBPS/content.opf", opf.encode()),
    ]
    if with_nav:
        members.append(("OEBPS/nav.xhtml", (
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol>'
            + "".join(f"<li>Mục lục: {h}</li>" for h, _ in chapters)
            + "</ol></nav></body></html>"
        ).encode()))
    for i, (heading, paragraphs) in enumerate(chapters):
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        xhtml = (
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{heading}</title><style>p {{ margin: 0 }}</style></head>"
            f"<body><h1>{heading}</h1>{body}</body></html>"
        )
        members.append((f"OEBPS/text/ch{i}.xhtml", xhtml.encode()))
    return _zip(members, stored_first=True)


def docx_bytes(
    paragraphs: Sequence[str],
    *,
    title: str | None = "Báo cáo tổng kết năm",
    author: str | None = "Phạm Minh Đức",
    created: str = "2024-01-15T08:00:00Z",
    table: Sequence[Sequence[str]] = (),
) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{p[: len(p) // 2]}</w:t></w:r>'
        f"<w:r><w:t>{p[len(p) // 2 :]}</w:t></w:r></w:p>"
        for p in paragraphs
    )
    rows = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row)
        + "</w:tr>"
        for row in table
    )
    tbl = f"<w:tbl>{rows}</w:tbl>" if table else ""
    document = f'<?xml version="1.0"?><w:document {w}><w:body>{paras}{tbl}</w:body></w:document>'
    core_items = ""
    if title:
        core_items += f"<dc:title>{title}</dc:title>"
    if author:
        core_items += f"<dc:creator>{author}</dc:creator>"
    core = (
        '<?xml version="1.0"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'{core_items}<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        "</cp:coreProperties>"
    )
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    return _zip([
        ("[Content_Types].xml", content_types.encode()),
        ("word/document.xml", document.encode()),
        ("docProps/core.xml", core.encode()),
    ])


def email_bytes(
    subject: str = "Bản tin tuần: hội thảo khoa học",
    *,
    sender: str = "Ban biên tập <bantin@example.vn>",
    date: datetime = datetime(2024, 5, 6, 7, 0, tzinfo=VN_TZ),
    text: str | None = "Kính gửi quý độc giả,\n\nHội thảo khoa học về nông nghiệp sẽ diễn ra "
    "vào thứ sáu tuần sau tại hội trường lớn của Sở.\n\nTrân trọng.",
    html: str | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "doc.gia@example.vn"
    message["Subject"] = subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = f"<{zlib.crc32(subject.encode())}@example.vn>"
    if text is not None:
        message.set_content(text)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    for name, data in attachments:
        maintype, subtype = "application", "octet-stream"
        if name.endswith(".pdf"):
            subtype = "pdf"
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def mbox_bytes(messages: Sequence[bytes]) -> bytes:
    out = io.BytesIO()
    for n, message in enumerate(messages):
        out.write(b"From sender%d@example.vn Mon May  6 07:00:00 2024\n" % n)
        body = message.replace(b"\r\n", b"\n")
        body = b"\n".join(
            b">" + line if line.startswith(b"From ") else line for line in body.split(b"\n")
        )
        out.write(body.rstrip(b"\n") + b"\n\n")
    return out.getvalue()
