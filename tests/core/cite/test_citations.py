"""Citation exports: CSL-JSON required fields, RIS and BibTeX round-trips through their readers."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from desktop.core.cite import export_citations
from desktop.core.cite.bibtex import escape
from desktop.core.cite.export import citations_for, render_citations
from desktop.core.cite.records import Citation, citation_for
from desktop.core.errors import UserError
from desktop.core.ingest import import_paths
from desktop.core.models import Article
from desktop.core.store import Library
from tests.core.ingest._builders import article_html, warc_bytes
from tests.helpers.documents import email_bytes, epub_bytes
from tests.helpers.pdf import text_pdf

WEB = Citation(
    id="3f2a9c0000aaaabbbbcc",
    type="webpage",
    title="Đổi mới sáng tạo: 100% & {rất} quan_trọng #1",
    authors=("Nguyễn Văn An", "Ban Biên tập"),
    container="binhdinh.gov.vn",
    url="https://binhdinh.gov.vn/tin?id=5&x=%20",
    published=date(2023, 3, 17),
    accessed=date(2024, 5, 6),
    language="vi",
)
BOOK = Citation(
    id="8be01d0000aaaabbbbcc", type="book", title="Lịch sử làng gốm", authors=(),
    container=None, url=None, published=None, accessed=date(2024, 5, 7), language=None,
    pages=None,
)


# The ``type`` values of the CSL-JSON schema (csl-data.json, CSL 1.0.2).
CSL_TYPES = frozenset("""
article article-journal article-magazine article-newspaper bill book broadcast chapter
classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
graphic hearing interview legal_case legislation manuscript map motion_picture
musical_score pamphlet paper-conference patent performance periodical
personal_communication post post-weblog regulation report review review-book software song
speech standard thesis treaty webpage
""".split())


def test_csl_json_has_the_required_fields_and_the_metadata() -> None:
    kinds = ["html", "text", "pdf", "epub", "docx", "email", "mhtml", "warc", "jsonl"]
    more = [citation_for(_article(kind=k), {}) for k in kinds]
    items = json.loads(render_citations([WEB, BOOK, *more], "csljson"))
    for item in items:  # the CSL-JSON schema requires id and type, a type from its list
        assert isinstance(item["id"], str) and item["id"]
        assert item["type"] in CSL_TYPES
        for name in item.get("author", []):
            assert set(name) == {"literal"}
        for key in ("issued", "accessed"):
            if key in item:
                parts = item[key]["date-parts"]
                assert len(parts) == 1 and all(isinstance(n, int) for n in parts[0])
    web = items[0]
    assert web["title"] == WEB.title
    assert web["author"] == [{"literal": "Nguyễn Văn An"}, {"literal": "Ban Biên tập"}]
    assert web["container-title"] == "binhdinh.gov.vn"
    assert web["URL"] == WEB.url
    assert web["issued"] == {"date-parts": [[2023, 3, 17]]}
    assert web["accessed"] == {"date-parts": [[2024, 5, 6]]}
    assert web["language"] == "vi"
    assert "issued" not in items[1] and "author" not in items[1]


def test_ris_round_trips_through_rispy() -> None:
    text = render_citations([WEB, BOOK], "ris")
    assert text.startswith("TY  - ELEC")  # no reference-number line EndNote would reject
    web, book = rispy.loads(text)
    assert web["type_of_reference"] == "ELEC"
    assert web["id"] == WEB.id
    assert web["title"] == WEB.title
    assert web["authors"] == ["Nguyễn Văn An", "Ban Biên tập"]
    assert web["secondary_title"] == "binhdinh.gov.vn"
    assert web["urls"] == [WEB.url]
    assert (web["year"], web["date"]) == ("2023", "2023/03/17/")
    assert web["access_date"] == "2024/05/06/"
    assert web["language"] == "vi"
    assert (book["type_of_reference"], book["title"]) == ("BOOK", "Lịch sử làng gốm")


def test_bibtex_round_trips_through_bibtexparser() -> None:
    text = render_citations([WEB, BOOK, WEB], "bibtex")
    parsed = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert parsed.failed_blocks == []
    web, book, again = parsed.entries
    assert (web.entry_type, book.entry_type) == ("online", "book")
    assert web.key == "nguyen2023-3f2a9c" and again.key != web.key  # keys stay unique
    assert book.key == "lichnd-8be01d"
    fields = {f.key: f.value for f in web.fields}
    assert fields["title"] == WEB.title  # escaped on the way out, decoded back
    assert fields["author"] == "Nguyễn Văn An and Ban Biên tập"
    assert fields["organization"] == "binhdinh.gov.vn"
    assert (fields["date"], fields["year"]) == ("2023-03-17", "2023")
    assert fields["urldate"] == "2024-05-06"
    assert fields["langid"] == "vietnamese"
    raw = {f.key: f.value for f in bibtexparser.parse_string(text).entries[0].fields}
    assert raw["url"] == WEB.url  # verbatim for biblatex
    assert raw["author"] == "{Nguyễn Văn An} and {Ban Biên tập}"  # kept as written


def test_escape_covers_every_latex_special_character() -> None:
    assert escape("a\\b{c}%&$#_^~") == (
        r"a\textbackslash{}b\{c\}\%\&\$\#\_\^{}\~{}"
    )
    assert escape("two\nlines") == "two lines"


def _article(**fields: object) -> Article:
    values: dict[str, object] = {
        "id": "a" * 20, "content_hash": "h", "title": "T", "body": "B", "source_path": "/x",
        "kind": "html", "imported_at": datetime(2024, 1, 2, 3, 4, 5),
    }
    values.update(fields)
    return Article.model_validate(values)


def test_accessed_is_the_capture_date_else_the_import_day() -> None:
    assert citation_for(_article(), {"date": "2017-03-06T04:02:06Z"}).accessed == date(2017, 3, 6)
    assert citation_for(_article(), {}).accessed == date(2024, 1, 2)
    assert citation_for(_article(kind="email"), {}).type == "personal_communication"
    assert citation_for(_article(kind="text"), {}).type == "document"
    assert citation_for(_article(kind="text", site="a.vn"), {}).type == "webpage"
    assert citation_for(_article(kind="pdf"), {"pages": "0,10,20"}).pages == 3


def test_export_from_a_library(library: Library, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.warc.gz").write_bytes(warc_bytes(
        [("https://www.baochi.example.vn/tin/1", "200 OK", "text/html; charset=utf-8",
          article_html().encode("utf-8"))],
        date="2017-03-06T04:02:06Z",
    ))
    (tmp_path / "in" / "book.epub").write_bytes(epub_bytes([("Chương", ["Một đoạn văn."])]))
    (tmp_path / "in" / "mail.eml").write_bytes(email_bytes())
    (tmp_path / "in" / "r.pdf").write_bytes(text_pdf([["One page of text here."]] * 2))
    ids = import_paths(library, [tmp_path / "in"], workers=0).ids
    assert len(ids) == 4
    out = tmp_path / "refs.json"
    report = export_citations(library, ids, "csljson", out)
    assert report.citations == 4
    items = {i["type"]: i for i in json.loads(out.read_text(encoding="utf-8"))}
    web = items["webpage"]
    assert web["accessed"] == {"date-parts": [[2017, 3, 6]]}
    assert web["container-title"] == "baochi.example.vn"
    assert items["book"]["author"] == [{"literal": "Lê Văn Cường"}]
    assert items["personal_communication"]["title"] == "Bản tin tuần: hội thảo khoa học"
    assert items["document"]["number-of-pages"] == "2"
    assert [c.id for c in citations_for(library, [ids[1], ids[0], ids[1]])] == [ids[1], ids[0]]


def test_bad_requests_are_user_errors(library: Library, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="No articles"):
        export_citations(library, [], "ris", tmp_path / "x.ris")
    with pytest.raises(UserError, match="Unknown citation format"):
        render_citations([WEB], "endnote")
