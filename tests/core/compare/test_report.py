"""The self-contained HTML comparison report."""

from __future__ import annotations

import html as html_mod
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop.core.compare import compare_texts
from desktop.core.compare.report import Side, render_report, write_report
from desktop.core.errors import UserError

A = "Trời đẹp ở Hà Nội hôm nay lắm. Ông An đi chợ <sớm> & mua rau.\n\nĐoạn hai giữ nguyên văn."
B = "Đoạn hai giữ nguyên văn.\n\nTrời rất đẹp ở Hà Nội hôm nay lắm. Câu mới chỉ có ở bản B."


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Collector:
    c = _Collector()
    c.feed(html)
    return c


def report() -> str:
    r = compare_texts(A, B)
    return render_report(r, Side(A, "Bài <A>", "id-a"), Side(B, "Bài B", "id-b"))


def test_report_is_self_contained_and_escaped() -> None:
    html = report()
    doc = parse(html)
    names = {t for t, _ in doc.tags}
    assert "script" not in names and "link" not in names and "img" not in names
    assert not re.search(r"(src|href)=\"(?!#)", html)
    assert "url(" not in html and "@import" not in html
    assert "Bài &lt;A&gt;" in html and "&lt;sớm&gt; &amp;" in html
    assert ("meta", {"charset": "utf-8"}) in doc.tags


def test_report_marks_passages_words_and_links_partners() -> None:
    html = report()
    doc = parse(html)
    classes = [a.get("class") for t, a in doc.tags if t == "span"]
    assert {"same", "changed", "only_a", "only_b"} <= set(classes)
    ids = {a["id"] for t, a in doc.tags if t == "span" and a.get("id")}
    links = {a["href"] for t, a in doc.tags if t == "a" and a.get("class") == "n"}
    assert links == {f"#{i}" for i in ids}  # every number points at its partner
    assert {i[1:] for i in ids if i[0] == "a"} == {i[1:] for i in ids if i[0] == "b"}
    assert "<ins>rất</ins>" in html
    assert '<span class="only_a">Ông An đi chợ &lt;sớm&gt; &amp; mua rau.</span>' in html
    figures = re.findall(r"<b>([\d.]+)%</b>", html)
    r = compare_texts(A, B)
    assert figures == [f"{r.similarity.a_in_b * 100:.1f}", f"{r.similarity.b_in_a * 100:.1f}"]


def test_report_text_is_complete_on_both_sides() -> None:
    # Each body appears whole in its cell once the number badges and tags are removed.
    stripped = re.sub(r"<a class=\"n\"[^>]*>\d+</a>", "", report())
    plain = html_mod.unescape(re.sub(r"<[^>]+>", "", stripped))
    assert A in plain and B in plain


def test_write_report_is_atomic_and_reports_errors(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    write_report(out, "<p>một</p>")
    write_report(out, "<p>hai</p>")
    assert out.read_text(encoding="utf-8") == "<p>hai</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]
    with pytest.raises(UserError):
        write_report(tmp_path / "missing" / "r.html", "x")
    with pytest.raises(UserError):
        write_report(tmp_path, "x")
