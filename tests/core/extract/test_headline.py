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
        "iPhone 14: Warum sich das Warten wirklich lohnt",
        "eBay senkt die Gebühren für private Verkäufer",
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
        "Suche nach: [ ] [Suche]",
        "Startseite » Ratgeber » Zehn Tipps für den Garten",
        "Home > News > Zehn Tipps für den Garten",
    ],
)
def test_not_headlines(line: str) -> None:
    assert not headline_shaped(features(line))


def test_bylines_and_date_lines_are_datelines() -> None:
    from desktop.core.extract.chrome import features
    from desktop.core.extract.headline import dateline

    for text in ("von Anna Muster", "By Tess Bonn", "31. März 2020", "11/19/19 06:56 AM EST"):
        assert dateline(features(text)), text
    for text in ("Neue Brücke für den Hafen", "Der Stadtrat hat am 31. März 2020 in einer " * 3):
        assert not dateline(features(text.strip())), text


def test_caseless_scripts_can_be_headlines() -> None:
    assert headline_shaped(features("الناشط الحقوقي السوداني خالد عبد الكريم"))


@pytest.mark.parametrize(
    "line",
    [
        "Time to say goodbye.",
        "Protokoll der ersten Sitzung des Vorstands vom 10. Oktober 2019",
        "[Rezi] Love is War - Sehnsucht von R. K. Lilley",
    ],
)
def test_loose_headlines(line: str) -> None:
    from desktop.core.extract.headline import loosely_headline_shaped

    assert not headline_shaped(features(line))
    assert loosely_headline_shaped(features(line))


@pytest.mark.parametrize(
    "line", ["Donnerstag, 31. Mai 2012", "[SUBMIT]", "By Tess Bonn - 11/19/19"]
)
def test_not_even_loose_headlines(line: str) -> None:
    from desktop.core.extract.headline import loosely_headline_shaped

    assert not loosely_headline_shaped(features(line))


def test_named_by_address() -> None:
    from desktop.core.extract.headline import named_by_address, page_addresses

    urls = page_addresses(["Share: https://x.org/share?text=New+Bridge+Opens+Today", "Menu"])
    assert named_by_address("New Bridge Opens Today", urls)
    assert not named_by_address("Read more news", urls)
    assert not named_by_address("New Bridge", urls)  # too few words to tell
    assert not named_by_address("New Bridge Opens Today", page_addresses(["no address here"]))
