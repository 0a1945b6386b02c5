"""Clean article fields from a plain-text page dump.

A dump scraped from a news or government page still holds the page chrome
(menus, counters, widgets, related-news lists, comments, cookie and newsletter
notices, footers). The extractor:

1. reads the lines (``dumplines.read_lines``): each classified (``chrome.classify``),
   with the share of the import batch that repeats it (``LineStats``, including the
   stock headings a batch's pages put after their articles), and the lists the
   article owns marked as text (introduced lists, runs of quantities, items of running
   text) or as its table of contents;
2. scores every line (prose adds its words; chrome, menus, list runs and
   after-article markers cost, the more the longer a run of them goes on; a table
   of contents costs what a caption does; prose after a comments or related-posts
   heading, and in the last tenth of a long page, counts a quarter; a box of links
   or a photo credit with the article's prose right below it is no end of the
   article) and takes the
   article as the best contiguous region (``region.best_region``), with the short
   punctuated lines (verse, short sentences) of the paragraph it opens with;
3. takes as title the headline-shaped line near the article's start with the best
   evidence (``_find_title``: words shared with its opening, a paragraph of its
   own, a byline or date below it, printed twice on the page, heading the other
   candidates of the article's header, in lynx dumps the first column; against it:
   two sentences, a teaser's length, an alt text printed again as caption, a
   photo credit), or
   the first line of a ``title / lead / body`` file, else derives one from the
   first sentence; the article then begins right after its headline,
   so a lead cut off by a box of links is kept, and so is a standfirst (a
   paragraph of a sentence's length right above the article);
4. keeps the region's prose and subheadings, not a short box of prose set off below
   it (an author's bio, a newsletter or licence note), nor the few-word labels, names and
   buttons between them, photo credits (``©``), the table of contents, links to
   other articles behind a label (``Lea: <headline>``), nor the short lines below
   nearly all of its prose;
5. reads the date, site, URL and author from the header, the title, the lead
   and the lines after the article.

The vn-news format (line 1 title, line 2 lead, then the body) comes out as
title plus lead-and-body.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.core.errors import ExtractionError
from desktop.core.extract import meta, sitehost, vndate
from desktop.core.extract.chrome import (
    MAX_KEY_CHARS,
    LineKind,
    LineStats,
    collapse,
    features,
)
from desktop.core.extract.dumplines import TEASER_MIN_WORDS, DumpLine, read_lines
from desktop.core.extract.fields import Extracted
from desktop.core.extract.headline import (
    content_words,
    dateline,
    headline_shaped,
    length_fit,
    loosely_headline_shaped,
    named_by_address,
    overlap,
    page_addresses,
)
from desktop.core.extract.region import best_region
from desktop.core.textnorm import normalize_text

__all__ = ["LineStats", "extract_text_dump"]

# Line scores for choosing the article region (``region.best_region``): a prose line
# adds its words (up to MAX_LINE_WORDS); other lines cost a fixed amount.
MAX_LINE_WORDS = 120
END_COST = 60.0  # an after-article marker: related news, comments, footer
CHROME_COST = 6.0
SHORT_COST = 2.0  # a heading, caption or date line between paragraphs
LIST_SHORT_COST = 3.0
LONE_SHORT_COST = 1.0  # a short paragraph of its own: a subheading, a caption
LINK_RUN_COST = 4.0  # a short line in a run of short lines (a menu)
REPEATED_SHORT_COST = 6.0
REPEATED_TEXT_SHARE = 0.25  # prose seen across the batch: a stock sentence, or chrome
CAPTION_COST = 0.5  # photo captions between paragraphs cost almost nothing
# Prose after an after-article marker (comments, related posts; not a copyright line,
# which also credits photos) that follows this much prose counts this share of its
# words: the article comes first, a longer comment thread below it does not win.
AFTER_END_MIN_PROSE = 50.0
AFTER_END_SHARE = 0.25
# A box of links inside the article (a heading over at most this many list items, with
# the article's prose right below) costs what chrome does, and is no end of it.
INLINE_BOX_ITEMS = 6
# In a page dump of at least FOOTER_MIN_LINES lines, prose in the last FOOTER_ZONE of
# its lines (a site's "about" blurb, a licence, a footer) counts FOOTER_SHARE of its words:
# a short article above it still wins.
FOOTER_MIN_LINES = 50
FOOTER_ZONE = 0.1
FOOTER_SHARE = 0.25
# Short lines of at most this many words inside the article are kept only between
# two paragraphs (subheadings); elsewhere they are labels, names, links and buttons.
STRAY_MAX_WORDS = 3
# A short line punctuated like running text (verse, a short sentence) of this many
# words, in the same paragraph as the article's first line, belongs to the article.
VERSE_MIN_WORDS = 3
VERSE_ENDS = ".,;!?…"
# Short lines in the region below all but this share of its prose are dropped.
CLOSING_SHARE = 0.1
# A box after the article (see ``_without_trailing_box``) follows at least this many
# lines that are not prose.
BOX_GAP_LINES = 4
# The k-th consecutive non-prose line costs (1 + RUN_ESCALATION * k) times its score.
RUN_ESCALATION = 0.25
LIST_ITEM_SHARE = 0.5  # a sentence-like list item counts half its words
# Link-list shape: this many consecutive short lines without blank lines between.
LINK_RUN = 3
# Without any prose, short lines in such runs are dropped as menus up to this length.
LINK_RUN_MAX_WORDS = 6
# Photo credits and captions: "- Ảnh: AQ", "(Ảnh minh họa)", "Photo: Reuters".
_CAPTION = re.compile(r"\b(?:ảnh|photo|nguồn ảnh)\s*(?::|minh họa)|\(ảnh\b", re.IGNORECASE)
# A label of one to three words and a colon opening a line ("Lesen Sie hier: ...").
_LABELLED = re.compile(r"(?:[^\W\d_]+\.? ){0,2}[^\W\d_]+:\s+")
_QUOTES = "\"'„“”«»‚‘’"
# A line of program code in a technical article: brackets, operators, dotted names.
_CODE = re.compile(r"[(){}\[\]=;<>]|\w\.\w+\(|^(?:def|class|import|from|return|if|for)\b|^[#/@$]")
# A line on at least this share of the batch's (or site's) pages is no title.
TITLE_MAX_REPETITION = 0.5
# ... unless it sits right above the article and is this long (menu items are shorter).
TITLE_MIN_WORDS_IF_REPEATED = 6
# Where a headline is looked for: this many lines above the article, and its first
# lines (the region may open with a stray paragraph above the headline).
TITLE_SEARCH_LINES = 100
TITLE_INSIDE_LINES = 10
# The article lines whose words a headline is compared with.
TITLE_CONTEXT_LINES = 12
TITLE_CONTEXT_CHARS = 2000
# Weights of the headline evidence (see ``_find_title``).
TITLE_OVERLAP_WEIGHT = 2.0
# A line of fewer words shares them by chance (a name, a section): its overlap counts less.
TITLE_OVERLAP_FULL_WORDS = 4
TITLE_DISTANCE_COST = 0.04
TITLE_LENGTH_WEIGHT = 1.0  # longer lines (up to TITLE_FULL_WORDS) are likelier headlines
TITLE_FULL_WORDS = 10
TITLE_OUTDENT_BONUS = 2.0
# Both lynx and w3m start a heading in the first column: an indented line is a list
# item, a caption, a quote or a table cell more often than the headline.
TITLE_INDENT_COST = 1.0
# ... but a line indented this far is centred across the page (both centre a heading over
# the dump's width), not a list item or a quote: it stands out as a heading does.
CENTRED_INDENT = 40
# Both lynx and w3m set an <h1> off as a paragraph of its own: a blank line below it
# counts most, one above it too, both together more; bylines, captions and menu items
# sit in runs of lines.
TITLE_BLANK_BELOW_BONUS = 1.25
TITLE_BLANK_ABOVE_BONUS = 0.5
TITLE_ALONE_BONUS = 1.0
# A headline is often followed by its byline or date.
TITLE_DATELINE_BONUS = 1.0
# The short line right above the article is more often a byline, caption or share
# button than the headline.
TITLE_LAYOUT_COST = 0.5
TITLE_INSIDE_COST = 1.5
TITLE_TOP_LINES = 2  # the dump's first lines, where a <title>-like line may be
TITLE_TOP_BONUS = 0.25
TITLE_TOP_MIN_WORDS = 4
TITLE_ECHO_BONUS = 1.25
# A line above the article that is headline-shaped but for a final period, a date or a
# bracketed tag (``loosely_headline_shaped``) competes at this cost.
TITLE_LOOSE_COST = 1.0
# An address on the page (its own, a share link) that spells the line as a slug.
TITLE_ADDRESS_BONUS = 2.0
# A line of two sentences or more is a lead or a teaser more often than a headline.
TITLE_SENTENCES_COST = 1.5
# A line naming a rights holder ("Radfahren in Salzburg © Tourismus Salzburg") is a
# photo's caption and credit, in any language, not the headline.
_CREDIT = "©"
TITLE_CREDIT_COST = 3.0
# ... and a line of up to this many words with a credit is left out of the body.
CREDIT_MAX_WORDS = 40
# A line printed twice in a row is an image's alt text above the same caption.
TITLE_TWIN_COST = 0.5
# A line of more words than this is a lead or teaser (a dek) more often than a headline.
TITLE_LONG_WORDS = 15
TITLE_LONG_COST = 1.0
# The headline heads the article's header: the other candidates between it and the text
# (dek, byline, captions) add this much each, up to TITLE_HEAD_CANDIDATES of them.
TITLE_HEAD_BONUS = 1.0
TITLE_HEAD_CANDIDATES = 5
# A dump whose prose lines are indented at least this often marks headings by
# starting them in the first column (lynx).
OUTDENT_SHARE = 0.6
# A standfirst between the headline and the article: a short line of at least
# DEK_MIN_WORDS words among the DEK_LINES lines right above the article.
DEK_LINES = 3
DEK_MIN_WORDS = 10
# A title line may not be longer than this.
MAX_TITLE_CHARS = 400


def extract_text_dump(
    text: str, *, stats: LineStats | None = None, source_name: str = ""
) -> Extracted:
    """Turn one scraped text dump into clean article fields.

    ``stats`` holds cross-document evidence filled by ``LineStats.observe`` for
    every document of the batch. Raises ``ExtractionError`` when no article text
    remains (an empty file or one made only of page chrome).
    """
    label = f"{source_name}: " if source_name else ""
    text = normalize_text(text)
    lines = read_lines(text, stats)
    if not lines:
        raise ExtractionError(f"{label}the document is empty")
    return _Extraction(lines, label).run()


class _Extraction:
    """One document's lines and the decisions taken about them."""

    def __init__(self, lines: list[DumpLine], label: str) -> None:
        self.lines = lines
        self.label = label
        self._runs: list[int] | None = None
        self._outdent: bool | None = None
        self._page: str | None = None

    def run(self) -> Extracted:
        span = self._article_span()
        if span is None and any(line.repeated for line in self.lines):
            # The whole article repeats in the batch (a page saved several times):
            # judge it on its own lines.
            for line in self.lines:
                line.repetition = 0.0
            span = self._article_span()
        if span is None:
            return self._fallback()
        start, end = span
        title_at, lead_from = self._find_title(start, end)
        body_from = lead_from if title_at is not None else start
        region = 0  # above it, only prose is kept
        if title_at is not None and title_at < start and (
            self._lead_between(title_at, start) or self._dek_between(title_at, start)
        ):
            body_from, region = title_at + 1, start  # the article begins after its headline
        signature_at, tail_end = self._tail(end)
        closing = self._closing(start, end)
        paragraphs = self._paragraphs(
            body_from, tail_end, skip=title_at, region=region, closing=closing, end=end
        )
        if not paragraphs:
            raise ExtractionError(f"{self.label}no article text found")
        body = "\n\n".join(paragraphs)  # lines are already whitespace-collapsed

        title_date: date | None = None
        if title_at is not None:
            title_text, title_date = vndate.split_trailing_date(self.lines[title_at].raw)
            title = meta.clean_title(title_text)
        else:
            title = meta.derive_title(body)
        zone_end = self._zone_end(end)
        published = self._published(
            start, zone_end, title_date, title if title_at is not None else "", paragraphs[0]
        )
        site, url = self._site(body_from, end, paragraphs[0])
        header_from = title_at + 1 if title_at is not None else start
        author = self._author(min(header_from, body_from), zone_end, signature_at, paragraphs[-1])
        return Extracted(
            title=title or meta.derive_title(body),
            body=body,
            published=published,
            site=site,
            url=url,
            author=author,
            language=meta.guess_language(body),
        )

    # -- the article block ---------------------------------------------------

    def _article_span(self) -> tuple[int, int] | None:
        """First and last line of the best-scoring contiguous region of the page."""
        if not any(line.is_anchor for line in self.lines):
            return None
        region = best_region(self._scores())
        if region is None:
            return None
        start, end = region
        # Prose that repeats in the batch (a stock lead or closing sentence) right next
        # to the region still belongs to it.
        while start > 0 and (
            self.lines[start - 1].kind is LineKind.TEXT
            or (not self.lines[start].blank_before and self._verse(start - 1))
        ):
            start -= 1
        while end + 1 < len(self.lines) and self.lines[end + 1].kind is LineKind.TEXT:
            end += 1
        return start, self._without_trailing_box(start, end)

    def _without_trailing_box(self, start: int, end: int) -> int:
        """The region's last line once a box after the article is set aside: prose below
        a run of at least BOX_GAP_LINES other lines (share buttons, a heading, a photo)
        that holds no more than CLOSING_SHARE of the prose above it (an author's bio,
        a newsletter or licence note)."""
        prose = [i for i in range(start, end + 1) if self.lines[i].kind is LineKind.TEXT]
        for k in range(len(prose) - 1, 0, -1):
            if prose[k] - prose[k - 1] - 1 >= BOX_GAP_LINES:
                below = sum(self.lines[i].f.words for i in prose[k:])
                above = sum(self.lines[i].f.words for i in prose[:k])
                return prose[k - 1] if below <= CLOSING_SHARE * above else end
        return end

    def _scores(self) -> list[float]:
        """Line scores, with runs of non-prose lines costing more the longer they go on:
        a heading or two between paragraphs is bridged, a block of related links,
        comment headers or forms is a border. Lone short paragraphs (captions of a
        photo series) neither escalate nor reset the run."""
        scores: list[float] = []
        run = 0
        prose = 0.0  # prose words so far
        after = False  # past an after-article marker that follows prose
        n = len(self.lines)
        footer_from = int(n * (1.0 - FOOTER_ZONE)) if n >= FOOTER_MIN_LINES else n
        for i, line in enumerate(self.lines):
            score = self._score(i)
            if line.kind is LineKind.END and prose >= AFTER_END_MIN_PROSE:
                if self._inline_box(i):
                    score = -CHROME_COST  # the article goes on below its box of links
                elif _CREDIT not in line.text:
                    after = True
            if score > 0:
                prose += score
                if after:
                    score *= AFTER_END_SHARE
                if i >= footer_from:
                    score *= FOOTER_SHARE
                run = 0
            elif (line.kind is LineKind.SHORT or line.contents) and (
                score >= -LONE_SHORT_COST or _CODE.search(line.text)
            ):
                score = max(score, -LONE_SHORT_COST)  # captions, lines of program code
            else:
                score *= 1.0 + RUN_ESCALATION * run
                run += 1
            scores.append(score)
        return scores

    def _inline_box(self, i: int) -> bool:
        """Whether an after-article marker heads a box inside the article: a heading
        (``Related``, ``Mehr zum Thema``) over a few list items, or a photo's credit,
        with the article's prose going on right below it."""
        credit = _CREDIT in self.lines[i].text
        items = 0
        for k in range(i + 1, min(len(self.lines), i + 2 + INLINE_BOX_ITEMS)):
            line = self.lines[k]
            if line.kind is LineKind.TEXT and not line.repeated and not line.f.listed:
                return items > 0 or credit
            if not line.f.listed or line.kind is LineKind.END or line.is_meta:
                return False
            if dateline(line.f):
                return False  # a comment thread: names and dates
            items += 1
        return False

    def _score(self, i: int) -> float:
        """What a line adds to an article region: prose its words, chrome a penalty."""
        line = self.lines[i]
        kind = line.kind
        if kind is LineKind.END:
            return -END_COST
        if line.contents:
            return -CAPTION_COST
        if kind is LineKind.CHROME:
            return -CHROME_COST
        if kind is LineKind.TEXT:
            words = float(min(line.f.words, MAX_LINE_WORDS))
            if line.repeated:
                return words * REPEATED_TEXT_SHARE
            if line.is_meta:
                return -SHORT_COST
            if line.f.listed:
                return words * LIST_ITEM_SHARE - SHORT_COST
            return words
        if line.repeated:
            return -REPEATED_SHORT_COST
        if not self._not_link_run(i):
            return -LINK_RUN_COST
        if line.f.listed:
            return -LIST_SHORT_COST
        if _CAPTION.search(line.text):
            return -CAPTION_COST
        if line.blank_before and (i + 1 == len(self.lines) or self.lines[i + 1].blank_before):
            return -LONE_SHORT_COST
        return -SHORT_COST

    def _title_candidate(self, i: int, nearest: bool) -> bool:
        line = self.lines[i]
        if line.kind is not LineKind.SHORT or len(line.text) > MAX_TITLE_CHARS:
            return False
        # Menus repeat on (nearly) every page of a site. So may an article's title: the
        # other pages list it under "other news". Right above the article, a headline-
        # length line is still taken; elsewhere a line on half the pages is not. A
        # repeated first line may still head a title/lead/body file.
        if line.repetition >= TITLE_MAX_REPETITION and i != 0:
            if not (nearest and line.f.words >= TITLE_MIN_WORDS_IF_REPEATED):
                return False
        return line.f.words >= 2 or len(line.text) >= 4

    def _find_title(self, start: int, end: int) -> tuple[int | None, int]:
        """Index of the title line and of the first line after it that may be lead.

        Candidates are the headline-shaped lines a little above the article (and in
        its first lines): the one that shares the most words with the article's
        opening, is of headline length, sits near the article and (in a lynx dump,
        whose paragraphs are indented) starts in the first column or is centred wins. The short
        line the page layout puts right above the article (or the first line of a
        title / lead / body file) gets a head start.
        """
        title_at, lead_from = self._title_above(start)
        if start == 0 or (start == 1 and title_at == 0):
            return title_at, lead_from  # a title / lead / body file: nothing to choose
        named = self._named_at_top(start, end)
        if named is not None:
            return named, start
        candidates: list[int] = []
        first = max(0, start - TITLE_SEARCH_LINES)
        for i in range(first, min(end, start + TITLE_INSIDE_LINES) + 1):
            line = self.lines[i]
            # The layout's title line stays a candidate even when repeated (other
            # pages of the site list the article's title).
            if i == title_at and line.kind is LineKind.SHORT and self._shaped(i):
                candidates.append(i)
            elif (
                (i < start or line.kind is LineKind.SHORT or self._opening_headline(i, start, end))
                and (self._headline_line(i) or (i < start and self._loose_line(i)))
                and not _CAPTION.search(line.text)
            ):
                candidates.append(i)
        if not candidates:
            return (title_at, lead_from) if title_at == 0 else (None, start)
        if candidates == [title_at]:
            return title_at, lead_from
        opening = " ".join(
            line.text for line in self.lines[start : min(end + 1, start + TITLE_CONTEXT_LINES)]
        )[:TITLE_CONTEXT_CHARS]
        body_words = content_words([opening])
        addresses = page_addresses(line.text for line in self.lines)
        # The page's own name for the article, when the dump's first lines carry one
        # (lynx prints the <link> titles: "Site » Feed Site » Headline Comments Feed").
        top = " ".join(line.text for line in self.lines[:TITLE_TOP_LINES]).casefold()
        best: tuple[float, int] | None = None
        for i in candidates:
            line = self.lines[i]
            if i == start and line.kind is LineKind.TEXT:
                after = self.lines[start + 1 : min(end + 1, start + TITLE_CONTEXT_LINES)]
                words = content_words(ln.text for ln in after)
            elif i < start:
                words = body_words
            else:
                words = body_words - content_words([line.text])
            sure = min(line.f.words, TITLE_OVERLAP_FULL_WORDS) / TITLE_OVERLAP_FULL_WORDS
            score = (
                TITLE_OVERLAP_WEIGHT * overlap(line.text, words) * sure
                + length_fit(line.f.words)
                + TITLE_LENGTH_WEIGHT * min(line.f.words, TITLE_FULL_WORDS) / TITLE_FULL_WORDS
                - TITLE_DISTANCE_COST * abs(start - i)
            )
            heading_column = line.indent == 0 or line.indent >= CENTRED_INDENT
            if self._outdented_headings and heading_column:
                score += TITLE_OUTDENT_BONUS
            if not heading_column:
                score -= TITLE_INDENT_COST
            if i == title_at:
                score -= TITLE_LAYOUT_COST
            # (Inside the article every subheading and caption stands alone.)
            # A headline read as prose may open the region: it is laid out as one above it.
            above = i < start or (i == start and line.kind is LineKind.TEXT)
            below = above and (i + 1 == len(self.lines) or self.lines[i + 1].blank_before)
            if below:
                score += TITLE_BLANK_BELOW_BONUS
            if line.blank_before and above:
                score += TITLE_BLANK_ABOVE_BONUS
            if below and line.blank_before:
                score += TITLE_ALONE_BONUS
            if self._dateline_below(i):
                score += TITLE_DATELINE_BONUS
            if i >= TITLE_TOP_LINES and line.f.words >= 3 and line.text.casefold() in top:
                score += TITLE_TOP_BONUS
            if self._twin(i):
                score -= TITLE_TWIN_COST
            elif line.f.words >= 3 and self._quoted_elsewhere(i):
                score += TITLE_ECHO_BONUS
            if not line.f.all_caps:  # (a shouted line is no dek; above, it is a site name)
                if line.f.words > TITLE_LONG_WORDS:
                    score -= TITLE_LONG_COST
                below_it = min(sum(1 for c in candidates if i < c < start), TITLE_HEAD_CANDIDATES)
                score += TITLE_HEAD_BONUS * below_it / TITLE_HEAD_CANDIDATES
            if not above:
                score -= TITLE_INSIDE_COST
            if _CREDIT in line.text:
                score -= TITLE_CREDIT_COST
            if not self._shaped(i):
                score -= TITLE_LOOSE_COST
            if named_by_address(line.text, addresses):
                score += TITLE_ADDRESS_BONUS
            if line.f.inner_sentence:
                score -= TITLE_SENTENCES_COST
            if best is None or score > best[0]:
                best = (score, i)
        if best is None:
            return title_at, lead_from
        i = best[1]
        if i == title_at:
            return title_at, lead_from
        return i, start  # a title inside the region leaves the body, the rest stays

    def _opening_headline(self, i: int, start: int, end: int) -> bool:
        """Whether line ``i`` is the region's first line, a paragraph of its own with more
        prose below it: a headline read as prose may open the article (an article of one
        paragraph keeps it as its body)."""
        return (
            i == start
            and self._alone(i)
            and any(line.kind is LineKind.TEXT for line in self.lines[start + 1 : end + 1])
        )

    def _named_at_top(self, start: int, end: int) -> int | None:
        """The headline-shaped line above or at the article's start (of four words or
        more) that the dump's first line names, when that line lists the page's
        ``<link>`` titles (lynx prints them after a ``#``): the page's own title."""
        if not self.lines[0].text.startswith("#"):
            return None
        top = self.lines[0].text.casefold()
        titled = self._titled_at_top(top, start, end)
        if titled is not None:
            return titled
        for i in range(min(end, start + TITLE_INSIDE_LINES), 0, -1):
            line = self.lines[i]
            if (
                line.f.words >= TITLE_TOP_MIN_WORDS
                and line.kind is not LineKind.TEXT
                and line.text.casefold() in top
                and self._headline_line(i)
            ):
                return i
        return None

    def _titled_at_top(self, top: str, start: int, end: int) -> int | None:
        """The line that the first line's list of ``<link>`` titles names as an
        article's feed (``#Site » Feed Site » Comments Feed Site » Headline Comments
        Feed``: the site's feeds are labelled before its name, the article's after its
        title), the longest if several, else ``None``."""
        segments = top[1:].split(" » ")
        if len(segments) < 2:
            return None
        site = segments[0]
        # The feeds' labels: what precedes the site's name in the other titles.
        labels = {
            seg[: -len(site)].strip() for seg in segments[1:-1] if site and seg.endswith(site)
        } - {""} or {""}  # none found: the title need only follow a "»"
        best: int | None = None
        last = min(end, start + TITLE_INSIDE_LINES)
        for i in range(max(1, start - TITLE_SEARCH_LINES), last + 1):
            line = self.lines[i]
            if (
                line.is_chrome
                or line.is_meta
                or len(line.text) < 4
                or len(line.text) > MAX_TITLE_CHARS
                or not any(f"» {line.text.casefold()} {label}" in f"{top} " for label in labels)
            ):
                continue
            if best is None or len(line.text) > len(self.lines[best].text):
                best = i
        return best

    def _dateline_below(self, i: int) -> bool:
        """Whether a byline or date line follows within the next two lines."""
        return any(
            line.published or line.author or dateline(line.f) for line in self.lines[i + 1 : i + 3]
        )

    def _lead_between(self, title_at: int, start: int) -> bool:
        """Whether prose of the article's own (a lead cut off by a box of chrome) lies
        between the headline and the region."""
        return any(line.is_anchor for line in self.lines[title_at + 1 : start])

    def _dek_between(self, title_at: int, start: int) -> bool:
        """Whether a standfirst (``_dek``) lies between the headline and the region."""
        return any(self._dek(i, start) for i in range(max(title_at + 1, start - DEK_LINES), start))

    def _dek(self, i: int, start: int) -> bool:
        """Whether line ``i``, among the last lines above the article's region, is its
        standfirst: a short line of a sentence's length that is no byline, date, caption,
        menu item or chrome."""
        line = self.lines[i]
        return (
            start - DEK_LINES <= i < start
            and line.kind is LineKind.SHORT
            and line.f.words >= DEK_MIN_WORDS
            and self._alone(i)
            and not line.is_chrome
            and not line.is_meta
            and not line.repeated
            and not line.f.listed
            and not dateline(line.f)
            and not _CAPTION.search(line.text)
        )

    def _alone(self, i: int) -> bool:
        """Whether the line is a paragraph of its own: blank lines above and below."""
        after = i + 1 == len(self.lines) or self.lines[i + 1].blank_before
        return self.lines[i].blank_before and after

    def _twin(self, i: int) -> bool:
        """Whether the line above or below has the same text (an image's alt text and
        its caption)."""
        text = self.lines[i].text
        return (i > 0 and self.lines[i - 1].text == text) or (
            i + 1 < len(self.lines) and self.lines[i + 1].text == text
        )

    def _quoted_elsewhere(self, i: int) -> bool:
        """Whether the page holds this line's text a second time (a breadcrumb ending
        with the page's title, a share text quoting it, the title repeated)."""
        if self._page is None:
            self._page = "\n".join(line.text for line in self.lines)
        return self._page.count(self.lines[i].text) >= 2

    def _headline_line(self, i: int) -> bool:
        line = self.lines[i]
        if line.is_chrome or line.is_meta or line.repetition >= TITLE_MAX_REPETITION:
            return False
        return self._shaped(i)

    def _loose_line(self, i: int) -> bool:
        """A line that may be the headline though it has a trait of a lead, a caption or
        a date line (``loosely_headline_shaped``); it competes at a cost."""
        line = self.lines[i]
        if line.is_chrome or line.is_meta or line.repetition >= TITLE_MAX_REPETITION:
            return False
        return loosely_headline_shaped(line.f)

    def _shaped(self, i: int) -> bool:
        """Headline-shaped, once a trailing date (``TITLE   31-01-2018``) is set aside."""
        line = self.lines[i]
        if headline_shaped(line.f):
            return True
        title, found = vndate.split_trailing_date(line.raw)
        return found is not None and headline_shaped(features(collapse(title)))

    @property
    def _outdented_headings(self) -> bool:
        """Whether prose lines are indented, so headings stand out in the first column."""
        if self._outdent is None:
            prose = [line.indent > 0 for line in self.lines if line.kind is LineKind.TEXT]
            self._outdent = len(prose) >= 3 and sum(prose) >= OUTDENT_SHARE * len(prose)
        return self._outdent

    def _title_above(self, start: int) -> tuple[int | None, int]:
        """The title as a run of short lines right above the article suggests it."""
        if start == 0:
            return (0, 1) if self._headline_first(0) else (None, 0)
        run: list[int] = []
        for i in range(start - 1, -1, -1):
            line = self.lines[i]
            if line.is_meta:
                continue
            if not self._title_candidate(i, nearest=not run):
                break
            run.append(i)
        if not run:
            return None, start
        if run[-1] == 0 and self._compact_head(start):
            # title / lead / body: the file's first line is the title, what follows is lead.
            if len(run) == 1 or (len(run) == 2 and not self.lines[0].repeated):
                return 0, 1
        if run[0] == 0 and self.lines[0].repeated:
            return None, start
        # A photo caption may sit between the title and the lead: skip caption-like
        # lines (they stay in the body) when a headline-like line is right above.
        for k, i in enumerate(run[:3]):
            if not self._caption_like(i):
                return i, (start if k == 0 else i + 1)
        return run[0], start

    def _caption_like(self, i: int) -> bool:
        text = self.lines[i].text
        return text.endswith(".") or _CAPTION.search(text) is not None

    def _headline_first(self, i: int) -> bool:
        """A first line shaped like a headline, directly followed by more prose."""
        if i + 1 >= len(self.lines) or self.lines[i + 1].blank_before:
            return False
        nxt = self.lines[i + 1]
        if nxt.is_chrome or nxt.is_meta:
            return False
        f = self.lines[i].f
        text = f.text.rstrip("\"”»’')]")
        if text.endswith(("...", "…")):
            return f.words <= 40
        if text[-1] == ".":
            # "Headline." directly above a longer paragraph, one sentence only.
            return f.words <= 25 and not f.inner_sentence and nxt.f.words > f.words
        return f.words <= 40 and text[-1] not in ";:"

    def _compact_head(self, start: int) -> bool:
        """No blank line between the file's first line and the article block."""
        return not any(line.blank_before for line in self.lines[1 : start + 1])

    def _tail(self, end: int) -> tuple[int | None, int]:
        """After the last prose line: a signature, and the last line to keep as body.

        Closing captions and credits (they end like sentences), author lines and a
        signature with its position line stay; the tail ends at chrome, a shouted
        heading, a menu-like run or a short line that does not end like a sentence (a
        label, a button, the heading of what follows).
        """
        keep_until = end
        signature_at: int | None = None
        for i in range(end + 1, min(len(self.lines), end + 5)):
            line = self.lines[i]
            if line.kind is LineKind.END:
                break
            if line.is_date_or_source:
                continue
            if line.author:
                keep_until = i
                continue
            if line.kind is not LineKind.SHORT:
                break
            # A signature may repeat across a site's articles; it is still no chrome here.
            if signature_at is None and meta.signed_name(line.text):
                signature_at = keep_until = i
                continue
            if line.is_chrome or (line.f.all_caps and line.f.words > 2):
                break
            if not self._not_link_run(i):
                break
            if not line.f.ends_sentence and len(line.text) <= MAX_KEY_CHARS:
                break  # a label, a button or a heading of what follows (no caption)
            keep_until = i
        return signature_at, keep_until

    def _zone_end(self, end: int) -> int:
        """The first after-article marker following the block (or the end of the file)."""
        for i in range(end + 1, len(self.lines)):
            if self.lines[i].kind is LineKind.END:
                return i
        return len(self.lines)

    def _not_link_run(self, i: int) -> bool:
        """Whether a short line stands alone rather than in a menu-like run."""
        if self._runs is None:
            self._runs = self._short_runs()
        return self._runs[i] < LINK_RUN

    def _short_runs(self) -> list[int]:
        """For each line, the length of the run of short lines (no blank line between)
        it belongs to; 1 for other lines."""
        runs = [1] * len(self.lines)
        i = 0
        while i < len(self.lines):
            if self.lines[i].kind is not LineKind.SHORT:
                i += 1
                continue
            j = i + 1
            while (
                j < len(self.lines)
                and not self.lines[j].blank_before
                and self.lines[j].kind is LineKind.SHORT
            ):
                j += 1
            runs[i:j] = [j - i] * (j - i)
            i = j
        return runs

    def _verse(self, i: int) -> bool:
        """Whether a short line is punctuated like a line of running text (a line of a
        poem, a short sentence): it ends with a sentence mark or a comma."""
        line = self.lines[i]
        if (
            line.kind is not LineKind.SHORT
            or line.f.words < VERSE_MIN_WORDS
            or line.f.listed
            or line.repeated
            or line.is_meta
        ):
            return False
        end = line.text.rstrip("\"”»’')]")
        return end[-1:] in VERSE_ENDS

    def _teaser(self, i: int) -> bool:
        """Whether a short line is a link to another article behind a label: a word or
        two and a colon, then a headline (``Lea más: Juan Carlos Ortega propone ...``)."""
        m = _LABELLED.match(self.lines[i].text)
        if m is None:
            return False
        rest = features(self.lines[i].text[m.end() :])
        # (A quotation or a question behind a name is what a person said or was asked.)
        return (
            rest.words >= TEASER_MIN_WORDS
            and headline_shaped(rest)
            and not rest.ends_sentence
            and rest.text[0] not in _QUOTES
        )

    def _stray_short(self, i: int) -> bool:
        """A short line of a few words in the article that is not a subheading between
        two paragraphs: a label, a name, a link, a button."""
        if self.lines[i].f.words > STRAY_MAX_WORDS:
            return False
        before = i > 0 and self.lines[i - 1].kind is LineKind.TEXT
        after = i + 1 < len(self.lines) and self.lines[i + 1].kind is LineKind.TEXT
        return not (before and after)

    def _closing(self, start: int, end: int) -> int:
        """The first line of the region below which lies less than CLOSING_SHARE of its
        prose: short lines there (a download link, a "further reading" label, an author's
        box) follow the article rather than head a section of it."""
        words = [
            line.f.words if line.kind is LineKind.TEXT else 0
            for line in self.lines[start : end + 1]
        ]
        below = sum(words)
        limit = CLOSING_SHARE * below
        for k, n in enumerate(words):
            below -= n
            if below < limit:
                return start + k + 1
        return end + 1

    def _paragraphs(
        self,
        first: int,
        last: int,
        skip: int | None = None,
        region: int = 0,
        closing: int | None = None,
        end: int = -1,
    ) -> list[str]:
        """The body's lines from ``first`` to ``last``; above ``region`` (between the
        headline and the scored region, where boxes of chrome may cut off the lead)
        only its prose."""
        out: list[str] = []
        for i in range(first, last + 1):
            line = self.lines[i]
            if i == skip or line.is_chrome or line.is_date_or_source or line.contents:
                continue
            if i < region and not (line.is_anchor or self._dek(i, region)):
                continue
            if (i < region or not out) and skip is not None and line.text == self.lines[skip].text:
                continue  # the headline printed again above the article or opening it
            if line.kind is LineKind.SHORT and i <= end and (
                (closing is not None and i >= closing) or self._stray_short(i)
            ):
                continue
            if _CREDIT in line.text and line.f.words <= CREDIT_MAX_WORDS:
                continue  # a photo's caption with its credit
            if line.kind is LineKind.SHORT and self._teaser(i):
                continue
            if out and out[-1] == line.text:
                continue  # an image's alt text followed by the same caption
            out.append(line.text)
        return out

    # -- metadata --------------------------------------------------------------

    def _published(
        self, start: int, zone_end: int, title_date: date | None, title: str, lead: str
    ) -> date | None:
        """The publication line nearest above the article, the title's date, a date line
        after the article (before related news), else the date the lead opens with."""
        header = [ln.published for ln in self.lines[:start] if ln.published]
        if header:
            return header[-1]  # nearest the article: a page-top "today" date comes first
        if title_date:
            return title_date
        rest = [ln.published for ln in self.lines[start:zone_end] if ln.published]
        if rest:
            return rest[0]
        # Only the title lends its year: on the vn-news corpus, "năm ..." in the lead gave
        # the right year for 111 articles and a wrong one for 62.
        return vndate.parse_lead_date(lead, title)

    def _site(self, first: int, end: int, lead: str) -> tuple[str | None, str | None]:
        """The host the page's chrome names most (``sitehost.page_site``), else source
        lines after the article first, then inside it, then the header."""
        voted = sitehost.page_site(
            [line.text for n, line in enumerate(self.lines) if n < first or n > end]
        )
        order = [*self.lines[end + 1 :], *self.lines[first : end + 1], *self.lines[:first]]
        site: str | None = None
        url: str | None = None
        for line in order:
            if line.site is None or line.kind is LineKind.TEXT:
                continue
            if url is None and line.url:
                url = line.url
                site = line.site if site is None else site
            elif site is None:
                site = line.site
        if voted is not None:
            site = voted
        if site is None:
            site = meta.site_from_lead(lead)
        if site is None:
            for line in self.lines[end + 1 :]:
                name = meta.footer_site_name(line.text)
                if name:
                    return name, url
        return site, url

    def _author(
        self, first: int, end: int, signature_at: int | None, last_paragraph: str
    ) -> str | None:
        for line in reversed(self.lines[first:end]):
            if line.author and line.kind is not LineKind.END:
                return line.author
        if signature_at is not None:
            return self.lines[signature_at].text
        return meta.trailing_signature(last_paragraph)

    # -- no prose at all -------------------------------------------------------

    def _fallback(self) -> Extracted:
        """Short documents without a sentence-like line: keep what is not chrome."""
        content = [
            i
            for i, line in enumerate(self.lines)
            if not line.is_chrome and not line.is_date_or_source
        ]
        last = content[-1] if content else -1
        keep = [
            i
            for i in content
            if self._short_enough_or_alone(i)
            or self.lines[i].author
            or (i == last and meta.signed_name(self.lines[i].text))
        ]
        if not keep:
            raise ExtractionError(f"{self.label}no article text found (only page chrome)")
        title_line = self.lines[keep[0]]
        title_text, title_date = vndate.split_trailing_date(title_line.raw)
        rest = [self.lines[i].text for i in keep[1:]]
        while rest and rest[0] == title_line.text:
            rest.pop(0)  # the title printed twice (a site name above a page heading)
        body = "\n\n".join(rest or [title_line.text])
        published = next((ln.published for ln in self.lines if ln.published), title_date)
        site, url = self._site(keep[0], keep[-1], body)
        author = next((self.lines[i].author for i in keep if self.lines[i].author), None)
        if author is None and len(keep) >= 3:
            author = meta.signed_name(self.lines[keep[-1]].text)
        return Extracted(
            title=meta.clean_title(title_text) or meta.derive_title(body),
            body=body,
            published=published,
            site=site,
            url=url,
            author=author,
            language=meta.guess_language(body),
        )

    def _short_enough_or_alone(self, i: int) -> bool:
        line = self.lines[i]
        return line.f.words > LINK_RUN_MAX_WORDS or self._not_link_run(i)
