"""Importing PDF, MHTML, SingleFile, EPUB, DOCX, .eml and .mbox: files, zips, attachments."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from desktop.core.extract.pages import page_at
from desktop.core.extract.pdf import NOTICE_HINT, SCANNED_NOTICE
from desktop.core.ingest import import_paths
from desktop.core.ingest.formats import format_for
from desktop.core.store import Library
from tests.core.ingest._builders import PARAGRAPHS
from tests.helpers.documents import (
    docx_bytes,
    email_bytes,
    epub_bytes,
    mbox_bytes,
    mhtml_bytes,
    singlefile_html,
)
from tests.helpers.pdf import (
    PdfPage,
    PdfSpec,
    browser_printed_pdf,
    encrypt_pdf,
    pdf_bytes,
    text_pdf,
)

PDF_PAGES = [
    ["The harbour authority approved the dredging plan on Monday morning."],
    ["Work starts in the spring and should end before the rainy season."],
]


def _inputs(folder: Path) -> dict[str, bytes]:
    files = {
        "report.pdf": browser_printed_pdf(
            "Harbour plan", "https://news.example.org/harbour", "3/17/23, 8:05 AM", PDF_PAGES
        ),
        "page.mhtml": mhtml_bytes(),
        "saved.html": singlefile_html(
            url="https://tin.example.vn/lang-gom", paragraphs=[p[::-1] for p in PARAGRAPHS]
        ).encode("utf-8"),
        "book.epub": epub_bytes([("Chương một", ["Làng gốm có lịch sử lâu đời."])]),
        "report.docx": docx_bytes(["Đơn vị đã hoàn thành các chỉ tiêu của năm."]),
        "letter.eml": email_bytes(),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def _by_kind(library: Library, ids: list[str]) -> dict[str, str]:
    return {library.articles.get(i).kind: i for i in ids}


def test_every_format_imports_from_a_folder_and_keeps_its_original(
    library: Library, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in")
    report = import_paths(library, [tmp_path / "in"], workers=0)
    assert report.failed == []
    assert report.imported == len(files)
    kinds = _by_kind(library, report.ids)
    assert set(kinds) == {"pdf", "mhtml", "html", "epub", "docx", "email"}
    pdf = library.articles.get(kinds["pdf"])
    assert (pdf.title, pdf.url, pdf.site) == (
        "Harbour plan", "https://news.example.org/harbour", "news.example.org"
    )
    assert "news.example.org" not in pdf.body
    original = library.articles.original(pdf.id)
    assert original.data == files["report.pdf"]
    assert original.media_type == "application/pdf"
    assert original.hints["date"] == "2023-03-17"
    assert page_at(original.hints, pdf.body.index("rainy season")) == 2
    single = library.articles.get(kinds["html"])
    assert (single.url, single.site) == ("https://tin.example.vn/lang-gom", "tin.example.vn")
    assert library.articles.original(single.id).hints["date"] == "2023-03-18"
    assert library.articles.get(kinds["mhtml"]).url == "https://baochi.example.vn/tin/doi-tuyen"
    assert library.articles.get(kinds["epub"]).author == "Lê Văn Cường"
    assert library.articles.get(kinds["docx"]).author == "Phạm Minh Đức"
    assert library.articles.get(kinds["email"]).title == "Bản tin tuần: hội thảo khoa học"


def test_the_same_formats_import_inside_a_zip_and_in_worker_processes(
    library: Library, tmp_path: Path
) -> None:
    files = _inputs(tmp_path / "in")
    archive = tmp_path / "all.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, data in files.items():
            zf.writestr(f"docs/{name}", data)
    report = import_paths(library, [archive], workers=1)
    assert report.failed == []
    assert report.imported == len(files)
    pdf_id = _by_kind(library, report.ids)["pdf"]
    assert library.articles.get(pdf_id).source_member == "docs/report.pdf"


def test_mailbox_gives_one_article_per_message_and_imports_attachments(
    library: Library, tmp_path: Path
) -> None:
    attached = text_pdf(PDF_PAGES, info={"Title": "Attached minutes"})
    messages = [
        email_bytes("Bản tin số 1", text="Nội dung bản tin số một.\nFrom the editor: xin chào."),
        email_bytes("Bản tin số 2", text="Nội dung bản tin số hai.",
                    attachments=[("minutes.pdf", attached), ("photo.jpg", b"\xff\xd8")]),
        email_bytes("Bản tin số 3", text="Nội dung bản tin số ba."),
    ]
    path = tmp_path / "news.mbox"
    path.write_bytes(mbox_bytes(messages))
    report = import_paths(library, [path], workers=0)
    assert report.failed == []
    articles = [library.articles.get(i) for i in report.ids]
    titles = sorted(a.title for a in articles)
    assert titles == ["Attached minutes", "Bản tin số 1", "Bản tin số 2", "Bản tin số 3"]
    first = next(a for a in articles if a.title == "Bản tin số 1")
    assert "From the editor" in first.body  # an escaped From line stays in its message
    assert first.source_member == "message 1"
    minutes = next(a for a in articles if a.kind == "pdf")
    assert minutes.source_member == "message 2!minutes.pdf"
    assert library.articles.original(minutes.id).data == attached


def test_eml_attachments_are_imported_like_files(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "with-report.eml"
    path.write_bytes(
        email_bytes(attachments=[("report.docx", docx_bytes(["Báo cáo đính kèm thư."]))])
    )
    report = import_paths(library, [path], workers=0)
    assert report.failed == []
    kinds = _by_kind(library, report.ids)
    assert set(kinds) == {"email", "docx"}
    assert library.articles.get(kinds["docx"]).source_member == "report.docx"


def test_broken_files_fail_one_by_one_and_the_rest_imports(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = text_pdf(PDF_PAGES, info={"Title": "Good"})
    (folder / "good.pdf").write_bytes(good)
    (folder / "locked.pdf").write_bytes(encrypt_pdf(good, "secret"))
    (folder / "open-locked.pdf").write_bytes(
        encrypt_pdf(text_pdf([["Opens with the empty password, this one."]]), "")
    )
    (folder / "truncated.pdf").write_bytes(good[:150])
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "html-really.pdf").write_bytes(b"<html><body><p>hello</p></body></html>")
    (folder / "truncated.epub").write_bytes(epub_bytes([("A", ["b"])])[:100])
    (folder / "empty.docx").write_bytes(b"")
    (folder / "empty.eml").write_bytes(b"")
    (folder / "not-mail.mbox").write_bytes(b"just some text\n")
    (folder / "truncated.mhtml").write_bytes(mhtml_bytes()[:300])
    report = import_paths(library, [folder], workers=0)
    assert report.imported == 2
    errors = {Path(f.path).name: f.error for f in report.failed}
    assert set(errors) == {
        "locked.pdf", "truncated.pdf", "empty.pdf", "html-really.pdf", "truncated.epub",
        "empty.docx", "empty.eml", "not-mail.mbox", "truncated.mhtml",
    }
    assert "encrypted" in errors["locked.pdf"]
    assert "not a PDF" in errors["html-really.pdf"]
    assert all("Traceback" not in e and "\n" not in e for e in errors.values())


def test_scanned_pdf_imports_with_its_notice(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(PdfSpec([PdfPage(image_only=True)])))
    report = import_paths(library, [path], workers=0)
    assert report.imported == 1
    article = library.articles.get(report.ids[0])
    assert SCANNED_NOTICE in article.body
    assert library.articles.original(article.id).hints[NOTICE_HINT] == SCANNED_NOTICE


def test_format_names() -> None:
    assert [format_for(n) for n in ("a.PDF", "b.mht", "c.mhtml", "d.epub", "e.docx",
                                    "f.eml", "g.mbox")] == [
        "pdf", "mhtml", "mhtml", "epub", "docx", "email", "mbox"
    ]
    assert format_for("old.doc") is None


def test_a_pdf_inside_a_nested_zip(library: Library, tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("r.pdf", text_pdf(PDF_PAGES))
    path = tmp_path / "outer.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("inner.zip", inner.getvalue())
    report = import_paths(library, [path], workers=0)
    assert (report.imported, report.failed) == (1, [])


def test_a_pdf_without_an_extension_is_recognized(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(text_pdf(PDF_PAGES))
    report = import_paths(library, [path], workers=0)
    assert (report.imported, report.failed) == (1, [])
    assert library.articles.get(report.ids[0]).kind == "pdf"


def test_reextraction_keeps_page_offsets_in_step_with_the_text(
    library: Library, tmp_path: Path
) -> None:
    from desktop.core.ingest import reextract

    path = tmp_path / "r.pdf"
    path.write_bytes(text_pdf(PDF_PAGES))
    (article_id,) = import_paths(library, [path], workers=0).ids
    store = library.articles
    pages = store.hints(article_id)["pages"]
    article = store.get(article_id)
    store.update_text(
        article_id, title=article.title, body="Older text.\n\n" + article.body,
        published=None, site=None, author=None, url=None, language=None,
    )
    assert store.merge_hints(article_id, {"pages": "0,99"})
    assert reextract(library, [article_id]) == [article_id]
    assert store.hints(article_id)["pages"] == pages
    assert page_at(store.hints(article_id), store.get(article_id).body.index("rainy")) == 2


def test_mailboxes_and_messages_inside_a_zip(library: Library, tmp_path: Path) -> None:
    box = mbox_bytes([email_bytes("Thư một", text="Nội dung thư một."),
                      email_bytes("Thư hai", text="Nội dung thư hai.")])
    letter = email_bytes("Thư ba", text="Nội dung thư ba.",
                         attachments=[("r.docx", docx_bytes(["Tệp đính kèm trong zip."]))])
    path = tmp_path / "mail.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2024/inbox.mbox", box)
        zf.writestr("2024/letter.eml", letter)
    report = import_paths(library, [path], workers=0)
    assert report.failed == []
    members = sorted(library.articles.get(i).source_member or "" for i in report.ids)
    assert members == [
        "2024/inbox.mbox!message 1", "2024/inbox.mbox!message 2", "2024/letter.eml",
        "2024/letter.eml!r.docx",
    ]


def test_an_oversized_message_in_a_mailbox_fails_alone(library: Library, tmp_path: Path) -> None:
    from desktop.core.ingest import ImportLimits

    big = email_bytes("Thư lớn", text="Nội dung rất dài. " * 4000)
    box = mbox_bytes([email_bytes("Thư nhỏ", text="Nội dung ngắn."), big,
                      email_bytes("Thư cuối", text="Nội dung cuối.")])
    path = tmp_path / "box.mbox"
    path.write_bytes(box)
    report = import_paths(library, [path], workers=0,
                          limits=ImportLimits(max_document_bytes=20_000))
    assert report.imported == 2
    (failure,) = report.failed
    assert failure.path.endswith("box.mbox!message 2") and "too large" in failure.error


def test_pdf_pages_travel_in_a_bundle_with_originals(library: Library, tmp_path: Path) -> None:
    from desktop.core.bundles import export_bundle, import_bundle

    path = tmp_path / "r.pdf"
    path.write_bytes(text_pdf(PDF_PAGES))
    (article_id,) = import_paths(library, [path], workers=0).ids
    bundle = tmp_path / "b.zip"
    export_bundle(library, bundle, with_originals=True)
    other = Library.open(tmp_path / "other")
    try:
        import_bundle(other, bundle)
        assert other.articles.get(article_id).kind == "pdf"
        assert other.articles.hints(article_id)["pages"] == library.articles.hints(article_id)[
            "pages"
        ]
    finally:
        other.close()
