"""REFI-QDA .qdpx export: well-formed XML that reads back (sources, codes, selections).

Positions in ``PlainTextSelection`` count zero-based Unicode code points of the
source text, end exclusive: a selection after an emoji starts one position per
emoji later, not two (as UTF-16 would).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from desktop.core.annotations.exports import export_annotations
from desktop.core.annotations.models import PALETTE
from desktop.core.annotations.qdpx import NS, read_qdpx
from desktop.core.annotations.store import AnnotationStore
from desktop.core.errors import UserError
from desktop.core.store import Library
from tests.helpers.annotations import BODY, AddArticle


def test_qdpx_round_trip(library: Library, add_article: AddArticle, tmp_path: Path) -> None:
    a1 = add_article()
    a2 = add_article(body="Chính sách thuế mới 2024 & quy định <mới>.", title="Thuế & phí")
    store = AnnotationStore(library.conn)
    s1 = store.create_from_quote(a1, "Kinh phí cho nghiên cứu khoa học", note="Ghi chú",
                                 tags=["policy/funding", "science"], color="green").annotation
    s2 = store.create_from_quote(a1, "cà phê ☕", tags=["policy"], color="#123456").annotation
    s3 = store.create_from_quote(a2, "quy định <mới>", tags=["policy/tax"]).annotation
    lost = store.create(a2, 0, 9)
    library.conn.execute("UPDATE annotations SET status = 'orphaned' WHERE id = ?", (lost.id,))
    out = tmp_path / "project.qdpx"
    report = export_annotations(library.articles, store.list_all(), "qdpx", out)
    assert (report.annotations, report.skipped) == (3, 1)

    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        root = ET.fromstring(zf.read("project.qde"))  # well-formed
    assert "project.qde" in names and sum(n.startswith("sources/") for n in names) == 2
    assert root.tag == f"{{{NS}}}Project"
    children = [c.tag.split("}")[1] for c in root]
    assert children == ["Users", "CodeBook", "Sources", "Notes"]

    project = read_qdpx(out)
    codes = {c.path: c for c in project.codes}
    assert set(codes) == {"policy", "policy/funding", "policy/tax", "science"}
    assert codes["policy/funding"].color == PALETTE["green"].upper()
    assert codes["policy"].color == "#123456"
    sources = {s.name: s for s in project.sources}
    assert sources["Hội nghị tổng kết"].text == BODY
    assert sources["Thuế & phí"].text == library.articles.get(a2).body
    sels = {sel.guid: sel for s in project.sources for sel in s.selections}
    assert set(sels) == {s1.id, s2.id, s3.id}
    for ann in (s1, s2, s3):
        sel = sels[ann.id]
        assert (sel.start, sel.end, sel.text) == (ann.start, ann.end, ann.exact)
        assert sorted(sel.codes) == sorted(ann.tags)
    assert sels[s1.id].description == "Ghi chú" and sels[s1.id].notes == ["Ghi chú"]
    # Code points, not UTF-16: the emoji before the selection counts once.
    assert sels[s2.id].start == BODY.index("cà phê ☕")


def test_reading_broken_files_is_a_user_error(tmp_path: Path) -> None:
    not_zip = tmp_path / "a.qdpx"
    not_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError):
        read_qdpx(not_zip)
    empty = tmp_path / "b.qdpx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("project.qde", "<Project><unclosed></Project>")
    with pytest.raises(UserError):
        read_qdpx(empty)


def test_titles_with_control_characters_stay_well_formed(
    library: Library, add_article: AddArticle, tmp_path: Path
) -> None:
    aid = add_article(title="Tiêu đề\x0b có ký tự lạ\x01")
    store = AnnotationStore(library.conn)
    store.create_from_quote(aid, "Đội tuyển", tags=["a"])
    out = tmp_path / "c.qdpx"
    export_annotations(library.articles, store.list_all(), "qdpx", out)
    project = read_qdpx(out)
    assert project.sources[0].name == "Tiêu đề\ufffd có ký tự lạ\ufffd"
    assert project.sources[0].selections[0].text == "Đội tuyển"
