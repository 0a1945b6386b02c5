"""Phrase checks on the stored text agree with the same checks on the folded text."""

from __future__ import annotations

import random
import re

from desktop.core.search.analysis import syllables
from desktop.core.search.highlight import has_literal, phrase_regex, proximity, raw_regex
from desktop.core.textnorm import fold

WORDS = ["Đổi", "mới", "mỗi", "sáng", "SÁNG", "tạo", "Hà", "hạ", "Nội", "nôi", "Việt",
         "ĐỘI", "tuyển", "ø", "Ærø", "İzmir", "año", "x2", "bão", "bao", "thị"]
GAPS = [" ", ", ", " - ", "\n", "_", "—", "", " \u0323", "."]


def test_the_raw_regex_finds_what_the_folded_regex_finds() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randint(1, 8)))
        syls = syllables(" ".join(rng.sample(WORDS, rng.randint(1, 3))))
        if rng.random() < 0.5:
            # A phrase taken from the text itself, so that many checks succeed.
            found = syllables(text)
            if len(found) >= 2:
                start = rng.randrange(len(found) - 1)
                syls = found[start : start + rng.randint(1, 3)]
        expected = phrase_regex(syls).search(fold(text)) is not None
        assert (raw_regex(tuple(syls)).search(text) is not None) == expected, (text, syls)


def test_the_raw_regex_matches_any_spelling_and_case() -> None:
    rx = raw_regex(("doi", "moi"))
    assert rx.search("Chính sách ĐỔI MỚI năm 1986")
    assert rx.search("đôi mới")
    assert not rx.search("đổi mớii")
    assert not rx.search("xđổi mới")


def test_spans_found_on_the_stored_text_are_those_of_the_folded_text() -> None:
    from desktop.core.search.highlight import find_spans, make_snippet
    from desktop.core.search.query import Word

    rng = random.Random(11)
    for _ in range(1000):
        text = "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randint(1, 10)))
        syls = tuple(syllables(rng.choice(WORDS)))
        mode = rng.choice(["term", "prefix"])
        word = Word(None, " ".join(syls), syls, syls, mode=mode)
        if mode == "term":
            rx = phrase_regex(syls)
        else:
            rx = re.compile(phrase_regex(syls).pattern.removesuffix(r"(?![^\W_])") + r"[^\W_]*")
        expected = [m.span() for m in rx.finditer(fold(text)) if m.end() > m.start()]
        assert find_spans(text, [word]) == expected, (text, syls, mode)
        if len(text) < 200:
            # A short text is its own snippet, every match marked.
            assert make_snippet(text, [word]).count("<mark>") == len(expected)


def test_exact_spellings_found_in_the_lower_case_are_those_of_the_exact_regex() -> None:
    from desktop.core.search.highlight import exact_in_lower, exact_regex

    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randint(1, 10)))
        exact = tuple(w.lower() for w in rng.sample(WORDS, rng.randint(1, 2)))
        if rng.random() < 0.5:
            found = text.lower().split()
            if found:
                exact = (rng.choice(found),)
        expected = [m.span() for m in exact_regex(exact).finditer(text)]
        assert [m.span() for m in exact_in_lower(exact, text)] == expected, (text, exact)


def test_a_literal_spelling_is_found_in_any_letter_case_as_whole_syllables() -> None:
    assert has_literal("Theo Thủ tướng Chính phủ, năm nay", ["thủ tướng chính phủ"])
    assert has_literal("thủ tướng chính phủ", ["thủ tướng chính phủ"])
    assert not has_literal("Phó thủ tướng chính phủa", ["thủ tướng chính phủ"])
    assert not has_literal("xthủ tướng chính phủ", ["thủ tướng chính phủ"])
    assert not has_literal("thủ tướng, chính phủ", ["thủ tướng chính phủ"])
    # One-letter syllables have no anchor: the whole text is lower-cased instead.
    assert has_literal("Ở Ý", ["ở ý"])
    assert not has_literal("Ở Ýx", ["ở ý"])


def test_a_literal_agrees_with_the_every_spelling_regex_when_it_finds_one() -> None:
    """True always means the phrase is there; False leaves it to the regex."""
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randint(1, 8)))
        words = [w.lower() for w in rng.sample(WORDS, rng.randint(1, 3))]
        if rng.random() < 0.5:
            found = re.findall(r"[^\W_]+", text.lower())
            if len(found) >= 2:
                start = rng.randrange(len(found) - 1)
                words = found[start : start + rng.randint(1, 3)]
        needle = " ".join(words)
        plain = re.search(r"(?<![^\W_])" + re.escape(needle) + r"(?![^\W_])", text.lower())
        if has_literal(text, [needle]):
            assert plain is not None, (text, needle)
        elif plain is not None and text.islower() and len(text.lower()) == len(text):
            raise AssertionError(f"missed {needle!r} in lower-case {text!r}")


def test_proximity_is_the_share_of_the_syllables_found_close_together() -> None:
    text = "Mưa lớn kéo dài. " + "Trời nắng. " * 20 + "Bão số 3 gây lũ ở miền Trung."
    assert proximity(text, ["bao", "lu", "mien"]) == 1.0
    assert proximity(text, ["mua", "bao", "lu"]) == 2 / 3
    assert proximity(text, ["tuyet", "gio", "lanh"]) == 0.0


def _proximity_by_every_window(text: str, syls: list[str]) -> float:
    """``proximity`` by its definition: each match's window of the same width."""
    width = 7 * len(syls)
    starts = [(m.start(), n) for n, s in enumerate(syls) for m in raw_regex((s,)).finditer(text)]
    best = max((len({n for at, n in starts if 0 <= at - a <= width}) for a, _ in starts),
               default=0)
    return best / len(syls)


def test_proximity_in_any_syllable_order_agrees_with_every_window() -> None:
    # Looking around the first syllable's matches (then the next's) gives the same as
    # trying every window, whatever the order and however the words are spread.
    rng = random.Random(11)
    words = ["Đổi", "mới", "sáng", "tạo", "công", "nghệ", "người", "dân", "Hà", "Nội"]
    filler = ["và", "là", "một", "những", "trong", "được", "cho", "khi"]
    for _ in range(400):
        spread = rng.choice([0.2, 0.5, 0.8])
        tokens = [rng.choice(words) if rng.random() < spread else rng.choice(filler)
                  for _ in range(rng.randint(1, 120))]
        text = "".join(t + rng.choice([" ", ", ", ". ", "\n"]) for t in tokens)
        syls = [fold(w) for w in rng.sample(words, rng.randint(3, 5))]
        assert proximity(text, syls) == _proximity_by_every_window(text, syls), (text, syls)
