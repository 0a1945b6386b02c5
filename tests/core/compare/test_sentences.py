"""Sentence and paragraph splitting of Vietnamese news text."""

from __future__ import annotations

import pytest

from desktop.core.compare.sentences import paragraphs, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "PGS.TS. Nguyễn Văn An phát biểu tại hội nghị.",
        "Sở KH&CN TP. Hồ Chí Minh tổ chức hội thảo.",
        "Ông Th.S Trần Bình và ThS. Lê Chi cùng dự.",
        "GS. Phan Đình Diệu nói về Q. 1 và P. Bến Nghé ở TX. Sơn Tây.",
        "Dân số tỉnh là 1.983.286 người vào ngày 4/6/2024 theo thống kê.",
        "Bà H. Lan và ông Nguyễn V. Anh đến muộn.",
        "Anh nói... rồi im lặng.",
    ],
)
def test_abbreviations_numbers_and_initials_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_sentence_boundaries() -> None:
    text = 'Trời mưa to. Đường ngập... Xe chết máy! Ai chịu? "Không ai cả." Sở KH&CN. Hết'
    assert texts(text) == [
        "Trời mưa to.",
        "Đường ngập...",
        "Xe chết máy!",
        "Ai chịu?",
        '"Không ai cả."',
        "Sở KH&CN.",
        "Hết",
    ]


def test_single_capital_after_a_lower_case_word_ends_a_sentence() -> None:
    assert texts("Nhiệt độ 16 độ C. Sau đó trời ấm.") == ["Nhiệt độ 16 độ C.", "Sau đó trời ấm."]


def test_abbreviation_chain_ends_sentence_when_last_part_is_not_an_abbreviation() -> None:
    assert texts("Hội nghị ở TP.HCM. Sau đó nghỉ.") == ["Hội nghị ở TP.HCM.", "Sau đó nghỉ."]


def test_lines_and_paragraphs_are_boundaries() -> None:
    text = "Dòng một không chấm\nDòng hai\n\n  Đoạn hai câu một. Câu hai.  \n\n\n"
    sents = split_sentences(text)
    assert [text[s.start : s.end] for s in sents] == [
        "Dòng một không chấm",
        "Dòng hai",
        "Đoạn hai câu một.",
        "Câu hai.",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]
    paras = paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == [
        "Dòng một không chấm\nDòng hai",
        "Đoạn hai câu một. Câu hai.",
    ]


def test_spans_are_code_points_with_astral_characters() -> None:
    text = "Vui quá 😀. Buồn 😢 ghê. Hết."
    assert texts(text) == ["Vui quá 😀.", "Buồn 😢 ghê.", "Hết."]


def test_empty_and_whitespace_only() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_seed_pages_split_into_sentences_covering_all_text(corpus) -> None:  # noqa: ANN001
    for path in sorted((corpus / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sents = split_sentences(text)
        assert sents, path.name
        covered = "".join(text[s.start : s.end] for s in sents)
        assert "".join(covered.split()) == "".join(text.split())
        assert all(s.start < s.end for s in sents)
        assert [s.start for s in sents] == sorted(s.start for s in sents)
