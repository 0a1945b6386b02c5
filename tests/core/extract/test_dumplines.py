"""Reading a text dump's lines: kinds, layout and the lists the article owns."""

from __future__ import annotations

from desktop.core.extract.chrome import LineKind, LineStats
from desktop.core.extract.dumplines import read_lines


def kinds(text: str, stats: LineStats | None = None) -> dict[str, LineKind]:
    return {line.text: line.kind for line in read_lines(text, stats)}


def test_layout_and_metadata_of_each_line() -> None:
    lines = read_lines("Titel der Seite\n\n   Ein Absatz.\nhttps://example.org/a/b\n", None)
    assert [ln.blank_before for ln in lines] == [False, True, False]
    assert [ln.indent for ln in lines] == [0, 3, 0]
    assert lines[2].site == "example.org"


def test_a_run_of_quantities_is_text_a_pair_is_not() -> None:
    got = kinds("Zutaten\n\n125 g Mehl\n65 g Zucker\n1 TL Backpulver\n\n3 Fotos\n12 Leser\n")
    assert got["125 g Mehl"] is got["1 TL Backpulver"] is LineKind.TEXT
    assert got["3 Fotos"] is LineKind.SHORT and got["12 Leser"] is LineKind.SHORT
    assert got["Zutaten"] is LineKind.SHORT


def test_a_bulleted_run_of_quantities_is_text_a_bulleted_menu_is_not() -> None:
    got = kinds(
        "  • 350 g Zucker\n  • 500 ml Milch\n  • 2 EL Backkakao\n\n"
        "  • Startseite\n  • Rezepte\n  • Kontakt\n"
    )
    assert got["• 350 g Zucker"] is got["• 2 EL Backkakao"] is LineKind.TEXT
    assert got["• Startseite"] is got["• Kontakt"] is LineKind.CHROME


def test_a_bulleted_run_of_chrome_with_numbers_stays_chrome() -> None:
    got = kinds("  • 12 Kommentare\n  • 3 Kommentare\n  • 7 Kommentare\n")
    assert all(kind is LineKind.CHROME for kind in got.values())


def test_a_blank_line_ends_a_run_of_quantities() -> None:
    got = kinds("125 g Mehl\n65 g Zucker\n\n1 TL Backpulver\n")
    assert got["125 g Mehl"] is LineKind.SHORT and got["1 TL Backpulver"] is LineKind.SHORT


def test_the_items_a_sentence_introduces_are_text() -> None:
    prose = (
        "Für den Ausflug in die Berge braucht man nicht viel, aber diese Dinge sollten "
        "auf keinen Fall im Rucksack fehlen:"
    )
    got = kinds(f"{prose}\n  • Wasser\n  • Karte\n  • Regenjacke\n")
    assert got["• Wasser"] is got["• Regenjacke"] is LineKind.TEXT
