"""The lines of a text dump, read once and marked with what each line is.

``read_lines`` splits a dump into ``DumpLine`` records: the line's features and kind
(``chrome.classify``), its layout (a blank line above, the indent lynx gives
paragraphs), its metadata (a date, an author, a URL or domain line), how much of the
import batch repeats it (``LineStats``), and the lists the article owns:

* a bulleted line of a few words that reads neither as chrome nor as a headline is an
  item of a list in running text;
* the items of a list that a sentence introduces (``... we need:``), or that a label
  with a colon introduces between prose, are text, however short (unless they read as
  other articles' headlines);
* a run of short lines that each open with a quantity (a recipe's ingredients, a
  specification), bulleted or not, is text;
* a list whose items come back as subheadings above prose is the article's table of
  contents.

The extractor (``textdump``) then takes its decisions on these lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.core.extract import meta, vndate
from desktop.core.extract.chrome import (
    MAX_KEY_CHARS,
    LineFeatures,
    LineKind,
    LineStats,
    classify,
    collapse,
    features,
    list_item_text,
)
from desktop.core.extract.headline import headline_shaped

__all__ = ["TEASER_MIN_WORDS", "DumpLine", "read_lines"]

# lynx opens a dump with the titles of the page's <link> elements after a "#"
# ("#Site » Feed Site » Comments Feed"); a Markdown heading has a space after it.
_LINK_TITLES = re.compile(r"#[^\s#]")
# A line of more words than this behind a label and a colon is a link to another
# article (``Lea más: <headline>``), not an item of a list.
TEASER_MIN_WORDS = 5
# A table of contents: at least this many list items that come back as subheadings.
CONTENTS_MIN_ITEMS = 2
# A label introducing a list (``Das Wichtigste in Kürze:``) between prose: within this
# many lines below prose, and prose again this near below the list.
INTRO_NEAR = 2
# A bulleted line of more words than this that is neither chrome without its bullet nor
# shaped like a headline (a menu item, another article's title) is an item of a list.
BULLET_ITEM_WORDS = 4
# The items of a list a sentence introduces (``...:``) that are kept as its text.
MAX_LIST_ITEMS = 30
# A line opening with a quantity: "125 g", "1-2", "1/2", "½", "0,5".
_QUANTITY = re.compile(r"(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d+(?:[.,/]\d+)?)?\s*[^\W\d_]")
QUANTITY_MIN_ITEMS = 3
QUANTITY_ITEM_WORDS = 12
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class DumpLine:
    """One non-blank line of a dump and what is known about it."""

    raw: str  # stripped, inner whitespace as in the source
    text: str  # whitespace collapsed
    f: LineFeatures
    kind: LineKind
    blank_before: bool
    indent: int = 0  # leading spaces in the source (lynx indents paragraphs, not headings)
    repetition: float = 0.0  # share of the batch's (or site's) documents holding this line
    published: date | None = None  # a line holding only a (labelled) date
    author: str | None = None  # a "Tác giả: ..." / "Theo ..." line
    site: str | None = None  # a URL or bare-domain line
    url: str | None = None
    contents: bool = False  # an item of the article's own table of contents

    @property
    def is_meta(self) -> bool:
        return self.published is not None or self.author is not None or self.site is not None

    @property
    def repeated(self) -> bool:
        return self.repetition > 0.0

    @property
    def is_date_or_source(self) -> bool:
        """A line that only carries a date or a URL/domain: metadata, not body."""
        return self.published is not None or self.site is not None

    @property
    def is_chrome(self) -> bool:
        if self.kind in (LineKind.CHROME, LineKind.END):
            return True
        return self.repeated and self.kind is not LineKind.TEXT

    @property
    def is_anchor(self) -> bool:
        return self.kind is LineKind.TEXT and not self.repeated and not self.is_meta


def read_lines(text: str, stats: LineStats | None) -> list[DumpLine]:
    lines: list[DumpLine] = []
    blank = False
    for raw_line in text.split("\n"):
        raw = raw_line.strip()
        if not raw:
            blank = True
            continue
        # Tabs and no-break or thin spaces are not printable; double spaces need collapsing.
        collapsed = collapse(raw) if "  " in raw or not raw.isprintable() else raw
        f = features(collapsed)
        indent = len(raw_line) - len(raw_line.lstrip()) if raw_line[:1].isspace() else 0
        line = DumpLine(raw, collapsed, f, classify(f), blank, indent)
        if line.kind is LineKind.CHROME and f.bullet and f.words > BULLET_ITEM_WORDS:
            item = features(list_item_text(collapsed))
            if classify(item) is not LineKind.CHROME and not headline_shaped(item):
                line.kind = LineKind.SHORT  # an item of a list in running text
        if not lines and _LINK_TITLES.match(collapsed):
            line.kind = LineKind.CHROME  # lynx's list of the page's <link> titles
        blank = False
        if "|" in collapsed and len(collapsed) <= 160:
            _read_segments(line)
        elif len(collapsed) <= 100 and line.kind is not LineKind.TEXT or len(collapsed) <= 60:
            line.published = vndate.parse_date_line(collapsed)
            if line.published is None:
                line.author = meta.labelled_author(collapsed)
            if line.published is None and line.author is None and "." in collapsed:
                line.site, line.url = meta.site_from_line(collapsed)
        elif "://" in collapsed and len(collapsed) <= MAX_KEY_CHARS:
            line.site, line.url = meta.site_from_line(collapsed)  # a long article URL
        lines.append(line)
    if stats is not None and stats.documents:
        site = None
        if stats.has_sites:
            site = next(
                (
                    found
                    for ln in lines
                    if len(ln.text) <= MAX_KEY_CHARS
                    and ("://" in ln.text or ln.text.startswith("("))
                    and (found := meta.grouping_site(ln.text))
                ),
                None,
            )
        for line in lines:
            if len(line.text) <= MAX_KEY_CHARS:
                line.repetition = stats.repetition(line.text, site)
                if (
                    line.repeated
                    and line.kind is LineKind.SHORT
                    and stats.follows_prose(line.text)
                ):
                    line.kind = LineKind.END
    _mark_introduced_lists(lines)
    _mark_quantity_lists(lines)
    _mark_contents_lists(lines)
    return lines


def _mark_quantity_lists(lines: list[DumpLine]) -> None:
    """A run of short lines that each open with a quantity (``125 g Mehl``,
    ``2 cups flour``, ``1-2 dashes bitters``) is a list of the article's own (the
    ingredients of a recipe, a specification): its items count as text."""
    run: list[DumpLine] = []
    for line in lines:
        item = _quantity_item(line)
        if item and run and not line.blank_before:
            run.append(line)
            continue
        _quantities_are_text(run)
        run = [line] if item else []
    _quantities_are_text(run)


def _quantities_are_text(run: list[DumpLine]) -> None:
    if len(run) >= QUANTITY_MIN_ITEMS:
        for line in run:
            line.kind = LineKind.TEXT


def _quantity_item(line: DumpLine) -> bool:
    """A short line of a few words that opens with a quantity, bare or behind a bullet
    (``• 350 g Zucker``: a bulleted line reads as chrome until its list is known)."""
    if line.kind is not LineKind.SHORT and not (line.kind is LineKind.CHROME and line.f.bullet):
        return False
    if line.repeated or line.is_meta or line.f.words > QUANTITY_ITEM_WORDS:
        return False
    if not line.f.listed:
        return _QUANTITY.match(line.text) is not None
    if not line.f.bullet:
        return False
    item = list_item_text(line.text)
    if _QUANTITY.match(item) is None:
        return False
    return classify(features(item)) not in (LineKind.CHROME, LineKind.END)


def _mark_introduced_lists(lines: list[DumpLine]) -> None:
    """A list that a sentence of prose introduces (``... we need:`` and its items) is
    the article's, whatever its items look like: they count as list items of text. So
    is a list that a label ending with a colon (``The essentials:``) introduces between
    two stretches of prose, unless its items read as other articles' headlines."""
    for i, intro in enumerate(lines):
        if not intro.text.endswith(":"):
            continue
        if intro.kind is LineKind.TEXT:
            items = _list_below(lines, i)
        elif intro.kind is LineKind.SHORT and not intro.repeated and not intro.f.all_caps:
            if not any(ln.kind is LineKind.TEXT for ln in lines[max(0, i - INTRO_NEAR) : i]):
                continue
            items = _list_below(lines, i)
            after = i + 1 + len(items)
            if not any(ln.kind is LineKind.TEXT for ln in lines[after : after + INTRO_NEAR]):
                continue
            teasers = sum(
                1
                for item in items
                if item.f.words > TEASER_MIN_WORDS
                and headline_shaped(features(list_item_text(item.text)))
            )
            if 2 * teasers > len(items):
                continue
        else:
            continue
        for item in items:
            item.kind = LineKind.TEXT


def _list_below(lines: list[DumpLine], i: int) -> list[DumpLine]:
    """The list items right below line ``i`` (no blank line between them)."""
    items: list[DumpLine] = []
    for k in range(i + 1, min(len(lines), i + 1 + MAX_LIST_ITEMS)):
        item = lines[k]
        if (
            not item.f.listed
            or item.kind is LineKind.END
            or item.repeated
            or (k > i + 1 and item.blank_before)
            or not _LETTER.search(item.text)
        ):
            break
        items.append(item)
    return items


def _mark_contents_lists(lines: list[DumpLine]) -> None:
    """The article's own table of contents: a list whose items come back further down
    the page as subheadings above prose (below prose, or the first one below the list).
    Its items cost the article region no more than a caption does, so a lead above the
    list stays with the text; they are left out of the body."""
    headings: dict[str, int] = {}
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if (
            line.kind is LineKind.SHORT
            and not line.f.listed
            and (lines[i - 1].kind is LineKind.TEXT or lines[i - 1].f.listed)
            and any(ln.kind is LineKind.TEXT for ln in lines[i + 1 : i + 3])
        ):
            headings[line.text.casefold()] = i
    if len(headings) < CONTENTS_MIN_ITEMS:
        return
    items = [
        i
        for i, line in enumerate(lines)
        if line.f.listed and headings.get(list_item_text(line.text).casefold(), -1) > i
    ]
    if len(items) >= CONTENTS_MIN_ITEMS:
        for i in items:
            lines[i].contents = True


def _read_segments(line: DumpLine) -> None:
    """Metadata bars: ``Tác giả: Minh Anh | Ngày đăng: 14-06-2024 | Lượt xem: 120``."""
    for segment in line.text.split("|"):
        segment = segment.strip()
        if not segment:
            continue
        line.published = line.published or vndate.parse_date_line(segment)
        line.author = line.author or meta.labelled_author(segment)
