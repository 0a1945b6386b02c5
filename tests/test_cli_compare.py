"""The ``compare``, ``similar`` and ``clusters`` commands, end to end through ``cli.main``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.store import Library
from tests.helpers.compare import add, make_body, variant

A = (
    "Hôm nay trời đẹp ở Hà Nội. Ông An đi chợ mua rau từ sáng sớm. "
    "Giá rau tăng mạnh trong tuần qua.\n\n"
    "Đoạn hai nói về thời tiết ở miền Bắc. Mưa lớn kéo dài nhiều ngày liền."
)
B = (
    "Đoạn hai nói về thời tiết ở miền Bắc. Mưa lớn kéo dài nhiều ngày liền.\n\n"
    "Hôm nay trời rất đẹp ở Hà Nội. Giá rau tăng mạnh trong tuần vừa qua. "
    "Một câu mới hoàn toàn khác biệt được thêm vào."
)


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def run(capsys: pytest.CaptureFixture[str], lib_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(lib_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def two_articles(lib_dir: Path) -> list[str]:
    with Library.open(lib_dir) as lib:
        return add(lib, [A, B])


def test_compare_json_contract(capsys: pytest.CaptureFixture[str], lib_dir: Path) -> None:
    ida, idb = two_articles(lib_dir)
    code, out, _ = run(capsys, lib_dir, "compare", ida[:8], idb, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"similarity", "pairs", "took_ms"}
    assert 0 < data["similarity"]["a_in_b"] < 1 and 0 < data["similarity"]["b_in_a"] < 1
    assert isinstance(data["took_ms"], float)
    kinds = [p["kind"] for p in data["pairs"]]
    assert sorted(set(kinds)) == ["changed", "only_a", "only_b", "same"]
    for p in data["pairs"]:
        for side, text in (("a", A), ("b", B)):
            if p[side] is not None:
                start, end = p[side]
                assert 0 <= start < end <= len(text)
    only_a = next(p for p in data["pairs"] if p["kind"] == "only_a")
    assert A[only_a["a"][0] : only_a["a"][1]] == "Ông An đi chợ mua rau từ sáng sớm."
    changed = [p for p in data["pairs"] if p["kind"] == "changed"]
    assert [B[w["b"][0] : w["b"][1]] for p in changed for w in p["words"]] == ["rất", "vừa"]


def test_compare_text_summary(capsys: pytest.CaptureFixture[str], lib_dir: Path) -> None:
    ida, idb = two_articles(lib_dir)
    code, out, _ = run(capsys, lib_dir, "compare", ida, idb)
    assert code == 0
    assert "A found in B:" in out and "B found in A:" in out
    assert "- Ông An đi chợ mua rau từ sáng sớm." in out
    assert "+ Một câu mới hoàn toàn khác biệt được thêm vào." in out
    assert "{+rất+}" in out


def test_compare_html_report(capsys: pytest.CaptureFixture[str], lib_dir: Path) -> None:
    ida, idb = two_articles(lib_dir)
    out_path = lib_dir.parent / "report.html"
    code, out, _ = run(capsys, lib_dir, "compare", ida, idb, "--html", str(out_path))
    assert code == 0 and str(out_path) in out
    html = out_path.read_text(encoding="utf-8")
    assert "<ins>rất</ins>" in html and "<script" not in html and "http" not in html
    assert not list(out_path.parent.glob(".report.html-*"))


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "zzzz", "yyyy"], "No article"),
        (["compare", "{a}", "{b}", "--html", "{missing}/r.html"], "Cannot write the report"),
        (["similar", "nope"], "No article"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], lib_dir: Path, args: list[str], message: str
) -> None:
    ida, idb = two_articles(lib_dir)
    args = [a.format(a=ida, b=idb, missing=lib_dir / "missing") for a in args]
    code, out, err = run(capsys, lib_dir, *args)
    assert code == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_compare_needs_an_existing_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, tmp_path / "none", "compare", "a", "b")
    assert code == 2 and "No library" in err
    assert not (tmp_path / "none").exists()


def test_similar_and_clusters(capsys: pytest.CaptureFixture[str], lib_dir: Path) -> None:
    rng = random.Random(5)
    base = [make_body(rng) for _ in range(12)]
    with Library.open(lib_dir) as lib:
        ids = add(lib, base)
        copies = add(lib, [variant(base[0], rng), variant(base[0], rng, 8), variant(base[4], rng)])
    code, out, _ = run(capsys, lib_dir, "similar", ids[0][:10], "--json", "--limit", "5")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == ids[0]
    near = [s for s in data["similar"] if s["kind"] == "near-duplicate"]
    assert [s["id"] for s in near] == copies[:2] or [s["id"] for s in near] == copies[1::-1]
    assert all(set(s) == {"id", "title", "similarity", "kind"} for s in data["similar"])
    assert near[0]["similarity"] >= near[1]["similarity"] >= 0.5
    assert all(s["kind"] in {"near-duplicate", "related"} for s in data["similar"])
    assert len(data["similar"]) <= 5

    code, out, _ = run(capsys, lib_dir, "clusters", "--json")
    assert code == 0
    clusters = json.loads(out)["clusters"]
    assert [len(c["members"]) for c in clusters] == [3, 2]
    assert {m["id"] for m in clusters[0]["members"]} == {ids[0], *copies[:2]}
    assert clusters[0]["members"][0]["similarity"] == 1.0
    assert {m["id"] for m in clusters[1]["members"]} == {ids[4], copies[2]}

    code, out, _ = run(capsys, lib_dir, "clusters", "--json", "--min-size", "3")
    assert [len(c["members"]) for c in json.loads(out)["clusters"]] == [3]
    code, out, _ = run(capsys, lib_dir, "clusters")
    assert code == 0 and "Cluster 1: 3 articles" in out
    code, out, _ = run(capsys, lib_dir, "similar", ids[1])
    assert code == 0


def test_similar_limit_must_be_positive(capsys: pytest.CaptureFixture[str], lib_dir: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--library", str(lib_dir), "similar", "abc", "--limit", "0"])
    assert exc.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_similar_fills_with_related_from_the_search_index(
    capsys: pytest.CaptureFixture[str], lib_dir: Path
) -> None:
    search_index = pytest.importorskip("desktop.core.search.index")
    rng = random.Random(9)
    topic = " Cáp treo Phú Quốc vượt biển ra hòn Thơm lập kỷ lục du lịch."
    base = [make_body(rng) + topic for _ in range(3)] + [make_body(rng) for _ in range(4)]
    with Library.open(lib_dir) as lib:
        ids = add(lib, base)
        copy, = add(lib, [variant(base[0], rng)], "Sao")
        code, out, _ = run(capsys, lib_dir, "similar", ids[0], "--json")
        assert [s["kind"] for s in json.loads(out)["similar"]] == ["near-duplicate"]
        search_index.SearchIndex.open(lib).close()
    code, out, _ = run(capsys, lib_dir, "similar", ids[0], "--json", "--limit", "3")
    assert code == 0
    similar = json.loads(out)["similar"]
    assert similar[0]["id"] == copy and similar[0]["kind"] == "near-duplicate"
    related = similar[1:]
    assert {s["id"] for s in related} == set(ids[1:3])
    assert all(s["kind"] == "related" for s in related)
    assert len(similar) <= 3 and len({s["id"] for s in similar}) == len(similar)
    assert ids[0] not in {s["id"] for s in similar}
    assert all(0.0 <= s["similarity"] < 0.5 for s in related)


def test_similar_leaves_out_related_when_the_index_lags(
    capsys: pytest.CaptureFixture[str], lib_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    search_index = pytest.importorskip("desktop.core.search.index")
    from desktop.core.compare import similar

    rng = random.Random(4)
    topic = " Cáp treo Phú Quốc vượt biển ra hòn Thơm lập kỷ lục du lịch."
    with Library.open(lib_dir) as lib:
        ids = add(lib, [make_body(rng) + topic for _ in range(3)])
        search_index.SearchIndex.open(lib).close()
        add(lib, [make_body(rng)], "Mới")  # the index is now one article behind
        index_state = (lib.index_dir / "state.json").read_bytes()
    monkeypatch.setattr(similar, "MAX_INDEX_LAG", 0)
    code, out, _ = run(capsys, lib_dir, "similar", ids[0], "--json")
    assert code == 0 and json.loads(out)["similar"] == []
    # The lagging index was left alone, not caught up.
    assert (lib_dir / "index" / "state.json").read_bytes() == index_state
    monkeypatch.setattr(similar, "MAX_INDEX_LAG", 200)
    code, out, _ = run(capsys, lib_dir, "similar", ids[0], "--json")
    related = json.loads(out)["similar"]
    assert related and {s["id"] for s in related} <= set(ids[1:])
    assert {s["kind"] for s in related} == {"related"}
