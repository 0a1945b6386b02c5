"""Headline-shaped lines: short, unpunctuated, not a date, byline, widget or list item."""

from __future__ import annotations

import pytest

from desktop.core.extract.chrome import features
from desktop.core.extract.headline import headline_shaped


@pytest.mark.parametrize(
    "line",
    [
        "Die Cider Connection: Abmahnungen gegen Nutzer von Bildern",
        "Plant Tesla eine zweite Fabrik in China?",
        "HỘI NGHỊ TỔNG KẾT HOẠT ĐỘNG KH&CN NĂM 2017",
        "Arbeitslosenquote & Arbeitslosenzahlen 2022",
        "„Królowa Elżbieta” wypływa w świat",
        "Das Ministerium für Club-Kultur informiert…",
    ],
)
def test_headlines(line: str) -> None:
    assert headline_shaped(features(line))


@pytest.mark.parametrize(
    "line",
    [
        "By Tess Bonn - 11/19/19 06:56 AM EST",
        "Von Anna Muster",
        "Donnerstag, 31. Mai 2012",
        "Mercurial 5.2 was released on November 5, 2019",
        "* Print",
        "1. This story has been shared 44,976 times",
        "Search ____________________",
        "[SUBMIT]",
        "The photo shows the mayor at the opening.",
        "Read the full story:",
        "kleingeschriebene Zeile ohne Punkt",
    ],
)
def test_not_headlines(line: str) -> None:
    assert not headline_shaped(features(line))
