"""Sentence alignment, word-level changes and the similarity figures."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

from desktop.core.compare import CompareResult, compare_texts
from desktop.core.textnorm import tidy_body

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


def text_of(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def by_kind(result: CompareResult, a: str, b: str) -> dict[str, list[tuple[str | None, ...]]]:
    out: dict[str, list[tuple[str | None, ...]]] = {}
    for p in result.pairs:
        out.setdefault(p.kind, []).append((text_of(a, p.a), text_of(b, p.b)))
    return out


def test_identical_texts_are_one_same_passage_per_paragraph() -> None:
    r = compare_texts(A, A)
    assert [p.kind for p in r.pairs] == ["same", "same"]
    assert r.similarity.a_in_b == 1.0 and r.similarity.b_in_a == 1.0
    assert r.pairs[0].a == r.pairs[0].b == (0, A.index("\n\n"))
    assert not r.degraded


def test_reordered_reworded_dropped_and_added_sentences() -> None:
    r = compare_texts(A, B)
    kinds = by_kind(r, A, B)
    assert kinds["same"] == [
        (
            "Đoạn hai nói về thời tiết ở miền Bắc. Mưa lớn kéo dài nhiều ngày liền.",
            "Đoạn hai nói về thời tiết ở miền Bắc. Mưa lớn kéo dài nhiều ngày liền.",
        )
    ]
    assert kinds["changed"] == [
        ("Hôm nay trời đẹp ở Hà Nội.", "Hôm nay trời rất đẹp ở Hà Nội."),
        ("Giá rau tăng mạnh trong tuần qua.", "Giá rau tăng mạnh trong tuần vừa qua."),
    ]
    assert kinds["only_a"] == [("Ông An đi chợ mua rau từ sáng sớm.", None)]
    assert kinds["only_b"] == [(None, "Một câu mới hoàn toàn khác biệt được thêm vào.")]
    changed = [p for p in r.pairs if p.kind == "changed"]
    inserted = [[(w.kind, w.a, text_of(B, w.b)) for w in p.words] for p in changed]
    assert inserted == [[("insert", None, "rất")], [("insert", None, "vừa")]]


def test_figures_count_non_whitespace_characters() -> None:
    r = compare_texts(A, B)
    only_a = "Ông An đi chợ mua rau từ sáng sớm."
    total_a = len("".join(A.split()))
    expected = (total_a - len("".join(only_a.split()))) / total_a
    assert abs(r.similarity.a_in_b - expected) < 1e-9
    only_b = "Một câu mới hoàn toàn khác biệt được thêm vào."
    total_b = len("".join(B.split()))
    assert abs(r.similarity.b_in_a - (total_b - len("".join(only_b.split()))) / total_b) < 1e-9


def test_replaced_and_deleted_syllables_and_diacritic_changes() -> None:
    a = "Ủy ban nhân dân tỉnh đã họp bàn về kế hoạch phát triển kinh tế năm nay."
    b = "Ủy ban nhân dân thành phố đã họp bàn về kế hoach phát triển kinh tế."
    r = compare_texts(a, b)
    assert [p.kind for p in r.pairs] == ["changed"]
    words = [(w.kind, text_of(a, w.a), text_of(b, w.b)) for w in r.pairs[0].words]
    assert words == [
        ("replace", "tỉnh", "thành phố"),
        ("replace", "hoạch", "hoach"),
        ("delete", "năm nay", None),
    ]


def test_sentence_split_in_two_joins_one_pair() -> None:
    a = (
        "Mở đầu bài viết về giao thông. Cơ quan chức năng đã kiểm tra hàng trăm xe tải trên "
        "quốc lộ và phát hiện nhiều xe chở quá tải trọng cho phép. Kết thúc bài viết ở đây."
    )
    b = (
        "Mở đầu bài viết về giao thông. Cơ quan chức năng đã kiểm tra hàng trăm xe tải trên "
        "quốc lộ. Họ phát hiện nhiều xe chở quá tải trọng cho phép. Kết thúc bài viết ở đây."
    )
    for x, y, side in ((a, b, "b"), (b, a, "a")):
        r = compare_texts(x, y)
        assert [p.kind for p in r.pairs] == ["same", "changed", "same"]
        changed = r.pairs[1]
        two = text_of(y, changed.b) if side == "b" else text_of(x, changed.a)
        assert two == (
            "Cơ quan chức năng đã kiểm tra hàng trăm xe tải trên quốc lộ. "
            "Họ phát hiện nhiều xe chở quá tải trọng cho phép."
        )
        assert r.similarity.a_in_b == 1.0 and r.similarity.b_in_a == 1.0


def test_case_and_spacing_only_differences_are_same() -> None:
    r = compare_texts("Hà Nội  mùa thu đẹp lắm.", "hà nội mùa thu ĐẸP lắm.")
    assert [p.kind for p in r.pairs] == ["same"]


def test_unrelated_texts_share_nothing() -> None:
    r = compare_texts("Bóng đá Việt Nam thắng lớn tối qua.", "Giá vàng hôm nay giảm nhẹ.")
    assert [p.kind for p in r.pairs] == ["only_a", "only_b"]
    assert r.similarity.a_in_b == 0.0 and r.similarity.b_in_a == 0.0


def test_short_sentences_need_a_close_match() -> None:
    r = compare_texts("Ông nói.", "Bà nói.")
    assert {p.kind for p in r.pairs} == {"only_a", "only_b"}


def test_empty_inputs() -> None:
    r = compare_texts("", "")
    assert r.pairs == [] and r.similarity.a_in_b == 0.0
    r = compare_texts("Một câu.", "")
    assert [p.kind for p in r.pairs] == ["only_a"]
    assert r.public_dict()["pairs"] == [{"a": [0, 8], "b": None, "kind": "only_a"}]


def test_offsets_are_code_points_with_emoji() -> None:
    a = "😀 Trời hôm nay đẹp quá đi thôi. Hết giờ."
    b = "😀😀 Trời hôm nay rất đẹp quá đi thôi. Hết giờ."
    r = compare_texts(a, b)
    changed = [p for p in r.pairs if p.kind == "changed"][0]
    assert text_of(a, changed.a) == "😀 Trời hôm nay đẹp quá đi thôi."
    assert text_of(b, changed.b) == "😀😀 Trời hôm nay rất đẹp quá đi thôi."
    assert [(text_of(b, w.b)) for w in changed.words] == ["😀", "rất"]


def test_pairs_cover_every_sentence_exactly_once() -> None:
    r = compare_texts(A, B)
    covered_a = sorted(p.a for p in r.pairs if p.a)
    covered_b = sorted(p.b for p in r.pairs if p.b)
    assert "".join(A[s:e] for s, e in covered_a).replace(" ", "") == A.replace(" ", "").replace(
        "\n", ""
    )
    assert len(set(covered_b)) == len(covered_b)


def test_paragraph_links_follow_moved_paragraphs() -> None:
    r = compare_texts(A, B)
    links = {(p.a_index, p.b_index) for p in r.paragraphs}
    assert links == {(0, 1), (1, 0)}


def test_time_budget_degrades_gracefully() -> None:
    rng = random.Random(3)
    syll = ["ba", "ma", "la", "na", "ta", "ca", "da", "ha", "ka", "pa", "xa", "va"]
    sentences = [" ".join(rng.choice(syll) for _ in range(12)) + "." for _ in range(3000)]
    a = " ".join(sentences)
    b = " ".join(s.replace("ba", "bo", 1) for s in reversed(sentences))
    r = compare_texts(a, b, time_budget_ms=1)
    assert r.degraded and r.notice
    assert r.public_dict()["degraded"] is True
    full = compare_texts(a[:2000], b[-2000:], time_budget_ms=None)
    assert not full.degraded


def test_json_contract_keys() -> None:
    d = compare_texts(A, B).public_dict()
    assert set(d) == {"similarity", "pairs", "took_ms"}
    assert set(d["similarity"]) == {"a_in_b", "b_in_a"}
    for p in d["pairs"]:
        assert {"a", "b", "kind"} <= set(p)
        assert p["kind"] in {"same", "changed", "only_a", "only_b"}


def test_corpus_article_against_its_rewrite(corpus: Path) -> None:
    with zipfile.ZipFile(corpus / "vn-news-35k.zip") as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))[:400]
        bodies = [tidy_body(zf.read(n).decode("utf-8").split("\n", 1)[1]) for n in names]
    a = max(bodies, key=len)
    paras = a.split("\n\n")
    dropped = paras.pop(0)
    b = "\n\n".join([*reversed(paras), bodies[0]])
    r = compare_texts(a, b)
    assert r.similarity.a_in_b < 1.0
    only_a = [a[p.a[0] : p.a[1]] for p in r.pairs if p.kind == "only_a" and p.a]
    assert "".join("".join(only_a).split()) == "".join(dropped.split())
    assert r.took_ms < 2000


def test_swapped_result_matches_comparing_the_other_way() -> None:
    forward = compare_texts(A, B).swapped()
    backward = compare_texts(B, A)
    assert forward.similarity == backward.similarity
    assert {(p.kind, p.a, p.b) for p in forward.pairs} == {
        (p.kind, p.a, p.b) for p in backward.pairs
    }
    assert [p.a for p in forward.pairs if p.a] == sorted(p.a for p in forward.pairs if p.a)
    changed = [p for p in forward.pairs if p.kind == "changed"]
    assert [[(w.kind, text_of(A, w.b)) for w in p.words] for p in changed] == [
        [("delete", None)],
        [("delete", None)],
    ]
    assert [text_of(B, w.a) for p in changed for w in p.words] == ["rất", "vừa"]
