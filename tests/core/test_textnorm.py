"""Text hygiene and diacritic folding."""

import unicodedata

from desktop.core.textnorm import fold, has_diacritics, normalize_text, tidy_body


def test_fold_handles_d_stroke_and_keeps_length() -> None:
    s = "Đội tuyển Việt Nam đổi mới sáng tạo"
    assert fold(s) == "doi tuyen viet nam doi moi sang tao"
    assert len(fold(s)) == len(s)


def test_nfd_input_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Khoa học")
    assert normalize_text(nfd) == "Khoa học"


def test_detached_combining_mark_is_reattached() -> None:
    assert normalize_text("thi \u0323t bò") == "thịt bò"


def test_line_endings_and_controls() -> None:
    assert normalize_text("a\r\nb\rc\x00d\ufeff") == "a\nb\ncd"


def test_soft_hyphens_are_dropped() -> None:
    # A page's hyphenation hints are invisible; kept, they split the word for search.
    assert normalize_text("Zusam\u00admen\u00adarbeit ist wichtig") == "Zusammenarbeit ist wichtig"


def test_tidy_body_paragraphs() -> None:
    assert tidy_body("  một  hai \r\n\r\n\r\nba\n") == "một hai\n\nba"


def test_has_diacritics() -> None:
    assert has_diacritics("hà nội")
    assert not has_diacritics("ha noi")
