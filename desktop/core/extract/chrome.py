"""Telling page chrome from article text, line by line.

Two kinds of evidence:

* line features: length, sentence punctuation, capitals, bullets and pipes,
  digit counters, and the stock phrases of Vietnamese site chrome (visitor
  counters, ribbon and skip links, font-size widgets, login, calendars, rating
  and comment widgets, "other news" lists, footers);
* cross-document evidence: ``LineStats`` counts in how many documents of an
  import batch (and of one site) each short line occurs; a line seen in many of
  them is chrome, unless it reads like a real sentence inside the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from enum import Enum

from desktop.core.textnorm import normalize_text

# Lines longer than this are never counted across documents: they are text.
MAX_KEY_CHARS = 300
# Lines at least this long count as prose when placing lines relative to a page's text.
PROSE_CHARS = 100
# A repeated line with on average this share of its pages' prose above it follows
# the article (see ``LineStats.follows_prose``).
AFTER_PROSE_SHARE = 0.8
# Only lines up to this long are placed so (headings, not paragraphs).
MAX_MARKER_CHARS = 80
# Lines at most this long are checked against the chrome phrase lists.
MAX_PHRASE_CHARS = 160

# Vietnamese syllables count as words: a line this long is prose even unpunctuated.
PROSE_WORDS = 35
_SENTENCE_END = frozenset(".!?…;:。！？")
# Chinese and Japanese are written without spaces: a line with a space for fewer than
# one in SPACELESS_CHARS characters counts its ideographs and kana, CJK_CHARS_PER_WORD
# of them to a word.
SPACELESS_CHARS = 12
CJK_CHARS_PER_WORD = 2
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PUNCTUATION = re.compile(r"[.,;:!?…،。，、]")
_INNER_SENTENCE = re.compile(r"[.!?…][\"”»’)]*\s+[\"“«(]?[^\W\d_]")

# Whole-line chrome: a stock phrase, optionally followed by ":" and a number.
_CHROME_PHRASES = (
    r"tìm kiếm(?: tin tức| nâng cao)?|tìm|liên kết(?: website| web)?|trang chủ|giới thiệu|liên hệ"
    r"|sơ đồ (?:site|trang|cổng)|rss|hỏi đáp|góp ý|english|tiếng việt|menu|danh mục"
    r"|thống kê(?: truy cập)?|truy cập(?: tổng| hiện tại| trong ngày| hôm nay)?"
    r"|tổng(?: số)?(?: lượt)? truy cập|lượt truy cập|lượt xem|lượt đọc"
    r"|số (?:người|lượt) (?:online|truy cập)"
    r"|(?:đang )?online|đang truy cập|hôm nay|hôm qua|tuần này|tuần trước|tháng này|tháng trước"
    r"|năm nay|tất cả|tổng cộng|khách|thành viên|lượt đánh giá.*|trung bình.*"
    r"|đăng nhập|đăng xuất|đăng ký|quên mật khẩu|tài khoản|mật khẩu|ghi nhớ"
    r"|in(?: nội dung| bài(?: viết)?| trang| tin)?|bản in|gửi (?:email|bài viết|cho bạn bè|tin)"
    r"|chia sẻ|share|tweet|facebook|zalo|email|lưu(?: bài(?: viết)?)?|quay (?:lại|về)|trở về"
    r"|(?:về|lên) đầu trang|xem tiếp|xem thêm|đọc thêm|chi tiết|video(?: clip)?|clip"
    r"|hình ảnh(?: hoạt động)?|thư viện (?:ảnh|video)|album ảnh|ảnh|audio|podcast|infographics?"
    r"|(?:các )?tin (?:khác|liên quan|nổi bật|mới|mới nhất|mới đăng|đọc nhiều|xem nhiều"
    r"|cùng chuyên mục|tiêu điểm|đã đưa|đã đăng)|bài viết (?:khác|liên quan|mới)"
    r"|tin tức(?: - sự kiện)?|sự kiện|thông báo|văn bản(?: mới| pháp quy| chỉ đạo)?|nội dung"
    r"|chuyên mục|lịch (?:công tác|làm việc)(?: tuần)?|lịch tuần|dự báo thời tiết|thời tiết"
    r"|đánh giá|bình luận|ý kiến(?: bạn đọc| của bạn)?|gửi (?:ý kiến|bình luận)|họ (?:và )?tên"
    r"|mã (?:xác (?:thực|nhận)|bảo vệ).*|xác nhận|gửi|hủy|làm lại|nhập lại|tiêu đề"
    r"|bỏ qua (?:lệnh|nội dung|menu|đến|tới|liên kết).*|lệnh ruy-?băng.*"
    r"|tăng tương phản.*|giảm tương phản.*|cỡ chữ.*"
    r"|chọn một ngày(?: từ lịch)?|các tin đã đăng(?: ngày)?|xem tin theo ngày|xem theo ngày"
    r"|chi tiết tin.*|trang \d+|trước|sau|tiếp|\d+"
    # English page chrome.
    r"|home(?: ?page)?|about(?: us)?|contact(?: us)?|search|log ?in|log ?out|sign (?:in|up|out)"
    r"|register|subscribe|newsletter|share(?: this(?: article| story| post)?)?(?: on \w+)?"
    r"|print|e-?mail|follow us|skip to (?:main )?content|main menu|navigation|advertisement"
    r"|read more|more news|most (?:read|popular|viewed)|trending|popular|latest news|top stories"
    r"|related (?:posts|articles|stories|news)|you may also like|recommended"
    r"|leave a (?:reply|comment)"
    r"|comments?|\d+ comments?|reply|previous(?: post| article)?|next(?: post| article)?"
    r"|back to top|privacy(?: policy)?|terms(?: of (?:use|service))?|cookies?(?: policy| settings)?"
    r"|tags?|categories|filed under|loading\W*|close|accept(?: all)?|menu|toggle navigation"
)
_CHROME_LINE = re.compile(
    rf"(?:{_CHROME_PHRASES})\s*[:：]?\s*[\d.,\s]*\.?",
    re.IGNORECASE,
)
# Footer lines: chrome even when they read like sentences.
_FOOTER = re.compile(
    r"(?:©|\(c\)\s|copyright|bản quyền\s*(?:thuộc|©|:|\d)|chịu trách nhiệm(?:\s+\w+){0,2}\s*:"
    r"|giấy phép(?:\s+(?:số|xuất bản|hoạt động))?\s*(?::|số)|cơ quan chủ quản|ghi rõ nguồn"
    r"|(?:phó )?tổng biên tập\s*:|trưởng ban biên tập|địa chỉ\s*:|điện thoại\s*:|đt\s*:"
    r"|tel\s*:|fax\s*:|e-?mail\s*:|website\s*:|hotline\s*:|all rights reserved)",
    re.IGNORECASE,
)
# Chrome that opens a short line whatever follows: widgets, counters, calendars.
_CHROME_PREFIX = re.compile(
    r"(?:a-\s*a\s*a\+|bỏ qua (?:lệnh|nội dung|menu|đến|tới|liên kết)|lệnh ruy-?băng"
    r"|chọn một ngày|các tin đã đăng|xem tin theo ngày"
    r"|lượt đánh giá|đánh giá\s*:|mã xác (?:thực|nhận)|chi tiết tin|tin nổi bật|tin liên quan"
    r"|các tin khác|in nội dung|thống kê truy cập|số người online|truy cập tổng|tổng lượt truy cập"
    r"|(?:đang\s+)?online\s*:|chịu trách nhiệm|xem với cỡ chữ|cỡ chữ\s*:|-{1,3}\s*chọn\b"
    r"|lượt xem\s*:|lượt đọc\s*:|bạn đang ở\s*:?|vị trí\s*:)",
    re.IGNORECASE,
)
# After the article has started, these lines end it: related news, widgets, footer.
_END_MARKER = re.compile(
    r"(?:©|copyright|bản quyền\s*(?:thuộc|©|:|\d)|chịu trách nhiệm(?:\s+\w+){0,2}\s*:"
    r"|cơ quan chủ quản|giấy phép(?:\s+(?:số|xuất bản|hoạt động))?\s*(?::|số)|xem tin theo ngày"
    r"|các tin đã đăng|thống kê truy cập|in nội dung|lượt đánh giá|chọn một ngày|đánh giá\s*:"
    r"|all rights reserved"
    r"|(?:(?:các )?tin (?:khác|liên quan|nổi bật|cùng chuyên mục|đã đưa|mới hơn|cũ hơn|đọc nhiều)"
    r"|bài viết (?:khác|liên quan)|bình luận|ý kiến bạn đọc|gửi ý kiến|in bài"
    r"|related (?:posts|articles|stories|news)|you may also like|leave a (?:reply|comment)"
    r"|\d* ?comments?|more (?:news|stories)|read next|share this(?: article| story| post)?)"
    r"(?:\s*$|\s*[:(\d]|\s+(?:các )?tin\b))",
    re.IGNORECASE,
)
# Headings of what follows an article (related posts, comments, recommendations) in
# the major European languages; with cross-document repetition (``LineStats``) they
# close the article whatever the site.
_AFTER_HEADING = re.compile(
    r"(?:(?:ähnliche|verwandte|weitere|passende|beliebte|neueste) (?:beiträge|artikel|themen"
    r"|nachrichten|news)|das könnte (?:dich|sie) (?:auch )?interessieren|mehr zum thema"
    r"|empfehlungen(?: aus der redaktion)?|\d* ?kommentare?"
    r"|(?:schreibe|hinterlasse) einen kommentar|related(?: \w+)?"
    r"|you (?:may|might) also (?:like|enjoy)|more (?:from|on) [\w ]{1,30}"
    r"|recommended(?: for you)?|popular (?:posts|stories)|latest (?:posts|stories)|polecane"
    r"|podobne (?:artykuły|wpisy)|\d* ?komentarz[ey]?|najczęściej czytane|voir aussi"
    r"|articles? (?:similaires|liés)|\d* ?commentaires?|sur le même sujet"
    r"|(?:notas|noticias|artículos) relacionad[oa]s|te puede interesar|\d* ?comentarios"
    r"|articoli correlati)[\W\d]*",
    re.IGNORECASE,
)
# Teaser labels inside an article ("Lesen Sie auch:", "Czytaj też: <headline>").
_TEASER_LABEL = re.compile(
    r"(?:lesen sie (?:auch|mehr)|auch interessant|read (?:also|more|next)|see also"
    r"|(?:czytaj|zobacz) (?:też|także|również|więcej)|(?:à )?lire aussi|lee también"
    r"|leggi anche)\b",
    re.IGNORECASE,
)
# Program text: at least this share of a line's characters are brackets, operators or
# colons (a style sheet printed as text: "padding: 10px; margin: 0; }").
_SCRIPT_CHARS = "{}();=<>[]:"
SCRIPT_SHARE = 0.08
# Cookie-consent and tracking notices: prose, but about the site, in any language.
_CONSENT = ("ookie", "OOKIE", "ciasteczk")  # Cookie, cookies, COOKIES
# Newsletter and sign-up prompts: "newsletter" is a loanword in most European languages.
_SIGNUP = ("newsletter", "subscribe", "subscription", "abonnier", "inbox", "posteingang",
           "sign up")
# Only prompts this short: a paragraph that mentions a newsletter in passing is text.
SIGNUP_MAX_WORDS = 40
_PHONE = re.compile(r"(?<!\d)(?:\+84|0)\d{2,3}[.\s]?\d{3,4}[.\s]?\d{3,4}(?!\d)")
_NO_LETTERS = re.compile(r"[\W\d_]*")
_PIPE_MENU = re.compile(r"(?:[^|]{1,40}\|){2,}")
# Breadcrumbs: "Trang chủ > Tin tức > Sự kiện", "Trang chủ / Hoạt động".
_BREADCRUMB_HOME = re.compile(r"(?:trang chủ|home|tin tức|giới thiệu)\b", re.IGNORECASE)
_BREADCRUMB = re.compile(r"[^>»›/]{1,40}(?:\s[>»›/]\s[^>»›/]{1,40})+")
_BULLET = re.compile(r"^(?:[•·▪►◦‣∙☆★□■◆◇●○]\s*|[»*+]\s)")
# List items of any kind: bullets, dashes and numbered lines ("1.", "2)").
_LIST_ITEM = re.compile(r"^(?:[•·▪►»◦‣∙☆★□■◆◇●○*+\-–]\s|\d{1,3}[.)]\s)")
_REPEATED_HALVES = re.compile(r"(\S+(?:\s\S+){0,4}?)(?:\s+\1)+", re.IGNORECASE)


class LineKind(Enum):
    CHROME = "chrome"
    END = "end"  # chrome that closes the article (related news, footer, widgets)
    TEXT = "text"  # a sentence-like line of prose
    SHORT = "short"  # a heading, caption, title, name or menu item


@dataclass(slots=True)
class LineFeatures:
    """Cheap measurements of one whitespace-collapsed line."""

    text: str
    words: int
    ends_sentence: bool
    all_caps: bool
    bullet: bool
    listed: bool = False  # a list item: bullet, dash or number

    @property
    def inner_sentence(self) -> bool:
        """A sentence break inside the line: ``... đạt. Sau đó ...``."""
        for m in _INNER_SENTENCE.finditer(self.text):
            if self.text[m.end() - 1].isupper():
                return True
        return False

    @property
    def sentence_like(self) -> bool:
        """Reads like prose: long, or punctuated like sentences; not shouted, not a teaser."""
        if self.all_caps:
            return False
        if self.words >= PROSE_WORDS:
            # ... unless it has no punctuation at all: a tag cloud or a run of links.
            return _PUNCTUATION.search(self.text) is not None
        if self.words < 8 or (self.bullet and not self.ends_sentence):
            return False
        if self.inner_sentence:
            return True
        if not self.ends_sentence:
            return False
        text = self.text.rstrip("\"”»’')]")
        if text.endswith(("...", "…")):
            return self.words >= 12 and not self.bullet
        if text[-1] in "?!":
            return self.words >= 20  # shorter ones are headlines
        return True


def collapse(line: str) -> str:
    """Strip and collapse runs of whitespace to single spaces."""
    return " ".join(line.split())


def line_key(line: str) -> str:
    """The form under which a line is counted across documents."""
    return " ".join(line.casefold().split())


def features(text: str) -> LineFeatures:
    """Measure a collapsed, non-empty line."""
    stripped = text.rstrip("\"”»’')]") or text
    words = text.count(" ") + 1
    if words * SPACELESS_CHARS < len(text) and not text.isascii():
        words = max(words, len(_CJK.findall(text)) // CJK_CHARS_PER_WORD)
    return LineFeatures(
        text=text,
        words=words,
        ends_sentence=stripped[-1] in _SENTENCE_END,
        all_caps=text.isupper(),
        bullet=_BULLET.match(text) is not None,
        listed=_LIST_ITEM.match(text) is not None,
    )


def list_item_text(text: str) -> str:
    """A list item's text without its bullet or number (``• Kalender`` → ``Kalender``)."""
    return _LIST_ITEM.sub("", text, count=1)


def chrome_by_phrase(f: LineFeatures, prose: bool | None = None) -> bool:
    """Whether a line is chrome by its wording or shape alone.

    ``prose`` is ``f.sentence_like`` when the caller has it already.
    """
    text = f.text
    if _FOOTER.match(text):
        return True
    if len(text) > MAX_PHRASE_CHARS:
        return False
    if _NO_LETTERS.fullmatch(text):
        return True  # counters, separators, lone bullets
    if f.sentence_like if prose is None else prose:
        return False
    if _CHROME_PREFIX.match(text) or _CHROME_LINE.fullmatch(text):
        return True
    if f.words <= 20 and _TEASER_LABEL.match(text):
        return True
    if _REPEATED_HALVES.fullmatch(text):
        return True  # "Tin nổi bật Tin nổi bật"
    if text.count("|") >= 2 and _PIPE_MENU.match(text + "|"):
        return True
    if f.words <= 16 and _BREADCRUMB.fullmatch(text) and _BREADCRUMB_HOME.match(text):
        return True
    if f.words <= 5 and _PHONE.search(text):
        return True
    if f.bullet:
        # Teasers in side lists: "• Lãnh đạo Sở Khoa học Công nghệ..."
        return f.words <= 25 and (text.endswith(("...", "…")) or not f.ends_sentence)
    return False


def script_like(text: str) -> bool:
    """Whether a line is dense with brackets, operators and colons: program text (a page's own
    inline script or style sheet printed by the browser, or code in a technical article),
    not prose."""
    if "{" not in text and ";" not in text and "=" not in text:
        return False  # prose (checked cheaply first: most lines are)
    return sum(map(text.count, _SCRIPT_CHARS)) >= SCRIPT_SHARE * len(text)


def consent_notice(f: LineFeatures) -> bool:
    """Whether a line of prose speaks of cookies (a consent banner) or, briefly, asks
    for a newsletter sign-up: the site's, not the article's."""
    text = f.text
    if any(word in text for word in _CONSENT):
        return True
    if f.words > SIGNUP_MAX_WORDS:
        return False
    folded = text.casefold()
    return any(word in folded for word in _SIGNUP)


def classify(f: LineFeatures) -> LineKind:
    """The kind of a line from its own features (no cross-document evidence)."""
    prose = f.sentence_like and not script_like(f.text)
    if len(f.text) > MAX_KEY_CHARS:  # long lines: prose unless a footer
        if _FOOTER.match(f.text) or consent_notice(f):
            return LineKind.CHROME
        return LineKind.TEXT if prose else LineKind.SHORT
    if _END_MARKER.match(f.text) and (not prose or _FOOTER.match(f.text)):
        return LineKind.END
    if len(f.text) <= MAX_MARKER_CHARS and _AFTER_HEADING.fullmatch(f.text):
        return LineKind.END
    if chrome_by_phrase(f, prose) or (prose and consent_notice(f)):
        return LineKind.CHROME
    return LineKind.TEXT if prose else LineKind.SHORT


class LineStats:
    """Counts, per import batch, how many documents contain each short line.

    The importer calls ``observe`` once for every document of a batch before
    extracting any of them. A line counts as repeated when it occurs in at least
    ``min_docs`` documents and in at least ``min_share`` of the batch, or of the
    documents of the same site (found from a URL or ``(domain)`` in the text).
    The batch-wide share is low: in a batch of pages from many sites, a line found on
    several of them is a stock phrase of page chrome ("Leave a reply", "Ähnliche
    Beiträge", a cookie notice), whatever the language.
    """

    def __init__(self, *, min_docs: int = 3, min_share: float = 0.005) -> None:
        self.min_docs = min_docs
        self.min_share = min_share
        self.documents = 0
        self._counts: Counter[str] = Counter()
        self._site_docs: Counter[str] = Counter()
        self._site_counts: Counter[tuple[str, str]] = Counter()
        # Per line: the sum over its documents of how much of the prose lies above it.
        self._below_prose: defaultdict[str, float] = defaultdict(float)

    def observe(self, text: str) -> None:
        """Count the distinct short lines of one document."""
        from desktop.core.extract.meta import grouping_site

        keys: set[str] = set()
        site: str | None = None
        # Where each short line sits relative to the page's prose: the share of its
        # long lines' characters above it (0.0 above all prose, 1.0 below all of it).
        placed: list[tuple[str, int]] = []
        prose_above = 0
        for line in text.splitlines():
            n = len(line)
            if n >= PROSE_CHARS:
                prose_above += n
            if not 1 < n <= MAX_KEY_CHARS or line.isspace():
                continue
            line = normalize_text(line)
            key = line_key(line)
            if key not in keys:
                keys.add(key)
                if n <= MAX_MARKER_CHARS:
                    placed.append((key, prose_above))
            if site is None and ("://" in line or line.lstrip().startswith("(")):
                site = grouping_site(collapse(line))
        if prose_above:
            below = self._below_prose
            for key, above in placed:
                below[key] += above / prose_above
        self.documents += 1
        self._counts.update(keys)
        if site:
            self._site_docs[site] += 1
            self._site_counts.update((site, k) for k in keys)

    def __getstate__(self) -> dict[str, object]:
        """Pickled (e.g. for extraction worker processes) without the lines too rare to
        ever count as repeated, which are most of them: the copy answers ``is_repeated``
        exactly as the original; its ``count`` is 0 for lines seen in fewer than
        ``min_docs`` documents."""
        state = dict(self.__dict__)
        state["_counts"] = Counter({k: n for k, n in self._counts.items() if n >= self.min_docs})
        state["_site_counts"] = Counter(
            {k: n for k, n in self._site_counts.items() if n >= self.min_docs}
        )
        below: defaultdict[str, float] = defaultdict(float)
        below.update({k: v for k, v in self._below_prose.items() if k in state["_counts"]})
        state["_below_prose"] = below
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    @property
    def has_sites(self) -> bool:
        """Whether any observed document named its site (per-site counts exist)."""
        return bool(self._site_docs)

    def count(self, line: str) -> int:
        """In how many observed documents the line occurs."""
        return self._counts.get(line_key(line), 0)

    def follows_prose(self, line: str) -> bool:
        """Whether a repeated line sits below nearly all the prose of the pages that
        hold it: a stock heading of what comes after an article ("Leave a reply",
        "Ähnliche Beiträge", "Dir könnte auch gefallen"), learnt from the batch in
        whatever language it is written."""
        key = line_key(line)
        n = self._counts.get(key, 0)
        if n < self.min_docs or n < self.min_share * self.documents:
            return False
        return self._below_prose.get(key, 0.0) >= AFTER_PROSE_SHARE * n

    def is_repeated(self, line: str, site: str | None = None) -> bool:
        """Whether the line repeats across enough documents to be chrome."""
        return self.repetition(line, site) > 0.0

    def repetition(self, line: str, site: str | None = None) -> float:
        """The share of the batch (or of the site's documents, whichever is larger) that
        contains the line, when it counts as repeated; 0.0 when it does not."""
        if len(line) > MAX_KEY_CHARS or self.documents < self.min_docs:
            return 0.0
        key = line_key(line)
        best = 0.0
        n = self._counts.get(key, 0)
        if n >= self.min_docs and n >= self.min_share * self.documents:
            best = n / self.documents
        if site:
            site_docs = self._site_docs.get(site, 0)
            n = self._site_counts.get((site, key), 0)
            if n >= self.min_docs and n >= self.min_share * site_docs:
                best = max(best, n / site_docs)
        return best
