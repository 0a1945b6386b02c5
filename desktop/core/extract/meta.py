"""Title, site, URL, author and language helpers for scraped text.

* site: the domain (without ``www.``) of a URL line or of a bare ``(domain.gov.vn)``;
* author: ``Tác giả: ...``, ``Theo ...``, or a signed name (or signing unit) at
  the end of an article, never a footer's ``Chịu trách nhiệm`` name;
* title: cleaned as written (ALL CAPS kept), or derived from the first sentence;
* language: ``"vi"`` by a diacritics count, ``"en"`` by common words, else ``None``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from desktop.core.extract.urls import domain_of

TITLE_MAX_CHARS = 120

_TLDS = (
    r"(?:vn|com|net|org|gov|edu|info|biz|int|io|asia|de|uk|fr|eu|us|jp|cn|kr|pl|ch|at|nl|it"
    r"|es|be|dk|se|no|fi|cz|ru|cl|br|ca|au|in|me|tv|co|news|online)"
)
# Hosts that a dump names for trackers, ads, CDNs, fonts and share buttons: never the
# page's own site (lynx prints a googletagmanager iframe link on many pages).
_FOREIGN_HOSTS = frozenset(
    """googletagmanager.com google-analytics.com analytics.google.com doubleclick.net
    googlesyndication.com googleadservices.com googleapis.com gstatic.com google.com
    facebook.com facebook.net fb.com twitter.com x.com t.co instagram.com youtube.com
    youtu.be linkedin.com pinterest.com whatsapp.com telegram.me reddit.com tiktok.com
    cloudflare.com cloudfront.net akamaihd.net akamaized.net fastly.net jsdelivr.net
    gravatar.com wp.com addthis.com sharethis.com disqus.com schema.org w3.org
    amazon-adsystem.com scorecardresearch.com hotjar.com bit.ly feedburner.com
    cookiebot.com onetrust.com youtube-nocookie.com ytimg.com vimeo.com vimeocdn.com
    soundcloud.com spotify.com flickr.com staticflickr.com""".split()
)
_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_DOMAIN = rf"(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.)+{_TLDS}\b"
_PAREN_DOMAIN = re.compile(rf"\(\s*({_DOMAIN})\s*\)", re.IGNORECASE)
_DOMAIN_LINE = re.compile(rf"(?:nguồn\s*:\s*)?\(?\s*({_DOMAIN})/?\s*\)?\.?", re.IGNORECASE)

_AUTHOR_LABEL = re.compile(
    r"(?:tác giả|người viết|bài(?: và ảnh)?|bài,? ảnh|tin(?: và ảnh)?|tin,? ảnh|phóng viên"
    r"|nhóm phóng viên|pv|ctv|theo|by|author)\s*[:：]\s*(?P<name>.{2,80})$",
    re.IGNORECASE,
)
_THEO = re.compile(r"(?:\*\s*)?theo\s+(?P<name>[^.!?;:]{2,60})$", re.IGNORECASE)
_BY = re.compile(r"by\s+(?P<name>[^\W\d_][\w.'\-]*(?:\s+[^\W\d_][\w.'\-]*){1,3})$", re.I)
_NOT_AUTHOR = re.compile(r"chịu trách nhiệm|địa chỉ|điện thoại|giám đốc sở", re.IGNORECASE)
# Units that sign Vietnamese articles ("Trung tâm Thông tin và Ứng dụng TBKHCN").
_UNIT = re.compile(
    r"(?:trung tâm|phòng|ban|sở|văn phòng|báo|đài|chi cục|cục|viện|hội|trường|ubnd|ủy ban"
    r"|bộ phận|tòa soạn|ban biên tập|nhóm|câu lạc bộ)\s",
    re.IGNORECASE,
)
_SOURCE_SUFFIX = re.compile(
    r"\s*(?:\((?:[^()]{1,40})\)|/\s*[^/]{1,40}|-\s*[A-Z][^-]{1,30})\s*$"
)
_NAME_JOINERS = frozenset({"-", "–", "&", "và", "and"})
_TRAILING_SENTENCE_END = re.compile(r"[.!?…\"”»]\s+(?=[^.!?…\"”»]{2,80}$)")

_LETTER = re.compile(r"[^\W\d_]")
_LEADING_NOISE = re.compile(r"^[^\w\"“«(‘']+")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”»’)]*\s+(?=[\"“«(]?[^\W\d_])")
# Abbreviations whose period does not end a sentence ("TP. HCM", "Mr. Đàm", "GS. TS.").
_ABBREVIATIONS = frozenset(
    "tp mr mrs ms dr st q p gs pgs ts ths bs ks th tt ncs cn kts ls nsnd nsưt".split()
)
_LEAD_PREFIX = re.compile(
    r"^(?:\([^()]{1,60}\)\s*[-–—:]\s*|[A-ZĐ][\w.]{1,15}(?:\s[A-ZĐ][\w.]{1,15}){0,2}\s+[-–—]\s+)"
)

# Letters used by Vietnamese and by no other common Latin-script language.
_VI_ONLY_LOWER = "ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_VI_ONLY = re.compile(f"[{_VI_ONLY_LOWER}{_VI_ONLY_LOWER.upper()}]")
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|is|in|that|for|with|was|on|are)\b", re.IGNORECASE)


def foreign_host(host: str) -> bool:
    """A tracker, ad, CDN or social host (or a subdomain of one): not a page's site."""
    parts = host.lower().split(".")
    return any(".".join(parts[i:]) in _FOREIGN_HOSTS for i in range(len(parts) - 1))


def site_from_line(line: str) -> tuple[str | None, str | None]:
    """``(site, url)`` from a line that is a URL, a bare domain or ``Nguồn: ...``.

    ``url`` is set only for a URL with a path (an article address), not a home page.
    """
    m = _URL.search(line)
    if m and len(line) - len(m.group(0)) <= 20:
        url = m.group(0).rstrip(".,;")
        site = domain_of(url)
        if site is None or foreign_host(site):
            return None, None
        try:
            path = urlsplit(url).path
        except ValueError:
            return None, None
        return site, (url if path.strip("/") else None)
    m2 = _DOMAIN_LINE.fullmatch(line)
    if m2:
        site = domain_of(m2.group(1))
        return (None, None) if site is None or foreign_host(site) else (site, None)
    return None, None


def site_from_lead(line: str) -> str | None:
    """The ``(binhdinh.gov.vn)`` a lead paragraph opens with."""
    m = _PAREN_DOMAIN.match(line)
    return domain_of(m.group(1)) if m else None


def grouping_site(line: str) -> str | None:
    """The site a URL line or a ``(domain) - ...`` lead names, for per-site line counts.

    ``LineStats.observe`` and the extractor both use it, so they group alike.
    """
    if "://" in line:
        return site_from_line(line)[0]
    if line.startswith("("):
        return site_from_lead(line)
    return None


# The words a copyright line ends with, not part of the owner's name.
_RIGHTS_RESERVED = re.compile(
    r",?\s*\b(?:all rights reserved|alle rechte vorbehalten|tous droits r[ée]serv[ée]s"
    r"|todos los derechos reservados|wszelkie prawa zastrzeżone|tutti i diritti riservati)\b",
    re.IGNORECASE,
)
# A copyright line's opening: the sign or word (maybe twice) and the years.
_COPYRIGHT_OPENING = re.compile(
    r"(?:(?:©|\(c\)|copyright)\s*)+(?:(?:19|20)\d\d(?:\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d))?,?\s*)?"
    r"(?:bản quyền\s*)?",
    re.IGNORECASE,
)
# A year or span of years after the owner's name: "Eawag, 2022", "Bundespolizei 1999-2021".
_TRAILING_YEARS = re.compile(
    r"[\s,]+(?:19|20)\d\d(?:\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d))?\.?$"
)
_LETTERS = re.compile(r"[^\W\d_]{2}")


def footer_site_name(line: str) -> str | None:
    """The site name in a footer line such as ``© CỔNG THÔNG TIN ĐIỆN TỬ ...``.

    Years (``© 2013-2021 Example Inc``, ``Example, 2022``) and a "rights reserved"
    ending are not part of the name; a line that names no one gives ``None``.
    """
    m = _COPYRIGHT_OPENING.match(line)
    if not m:
        return None
    name = line[m.end() :].strip(" .,-–:")
    name = re.split(r"\s*[.;|]\s+|\s+[-–]\s+", name, maxsplit=1)[0]
    name = _RIGHTS_RESERVED.split(name, maxsplit=1)[0].strip(" .,-–:")
    name = _TRAILING_YEARS.sub("", name).strip(" .,-–:")
    if not _LETTERS.search(name):
        return None
    return name if 3 <= len(name) <= 120 else None


def labelled_author(line: str) -> str | None:
    """``Tác giả: DTD`` / ``Theo Minh Anh`` -> the name; ``None`` otherwise."""
    if len(line) > 100 or _NOT_AUTHOR.search(line):
        return None
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1]
    m = _AUTHOR_LABEL.match(line) or _THEO.fullmatch(line) or _BY.fullmatch(line)
    if not m:
        return None
    name = m.group("name").strip(" .,;:-–")
    if not name or not name[0].isupper() or (m.re is not _AUTHOR_LABEL and "," in name):
        return None
    return name


def _unit_name(text: str) -> bool:
    """A signing unit: ``Trung tâm Thông tin ...``, 2-10 words, several capitalised."""
    if not _UNIT.match(text + " ") or any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    return 2 <= len(words) <= 10 and sum(1 for w in words if w[0].isupper()) >= 2


def signed_name(line: str) -> str | None:
    """A signature line, returned as written (without a dangling dash).

    Accepts 2-6 capitalised words, possibly several names joined by ``-`` or ``&``
    (``Đỗ Anh - Tuấn Linh``), optionally followed by a source (``LÂM THỎA (VnExpress)``,
    ``Hà Linh/Báo Tin Tức``); an agency abbreviation with a source (``TTXVN/Tin Tức``);
    or a signing unit of up to 10 words (``Trung tâm Thông tin và Ứng dụng TBKHCN``).
    """
    line = line.rstrip(" -–")
    if not line or len(line) > 80 or line[-1] in ".!?;:,…" or _NOT_AUTHOR.search(line):
        return None
    core = _SOURCE_SUFFIX.sub("", line) if line[-1] in ")" or "/" in line else line
    has_source = core != line
    core = core.strip(" -–")
    if not core or any(ch.isdigit() for ch in core):
        return None
    words = [w for w in core.split() if w not in _NAME_JOINERS]
    if 2 <= len(words) <= 6 and all(w[0].isupper() for w in words):
        return line
    if has_source and len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return line
    if _unit_name(core):
        return line
    return None


def trailing_signature(paragraph: str) -> str | None:
    """A name signed after the last sentence of a paragraph: ``... thông thoáng. Anh Tú``."""
    tail = paragraph[-120:].rstrip()
    if not tail or tail[-1] in ".!?…;:,\"”»":
        return None
    m = _TRAILING_SENTENCE_END.search(tail)
    if not m:
        return None
    fragment = tail[m.end() :].strip()
    return labelled_author(fragment) or signed_name(fragment)


def clean_title(line: str) -> str:
    """A title as written, whitespace collapsed and wrapping punctuation trimmed."""
    title = " ".join(line.split()).strip(" -–—|:")
    return title


def derive_title(body: str, limit: int = TITLE_MAX_CHARS) -> str:
    """A readable title from the first sentence, cut at a word boundary with ``…``.

    A leading source (``(binhdinh.gov.vn) - ``, ``TTO - ``) is left out, so the title
    is otherwise a prefix of the sentence; paragraphs without letters are skipped.
    """
    sentence = ""
    for paragraph in body.split("\n"):
        first = _LEAD_PREFIX.sub("", paragraph, count=1)
        sentence = _first_sentence(first).strip().rstrip(" .;:,")
        sentence = _LEADING_NOISE.sub("", sentence)
        if _LETTER.search(sentence):
            break
    else:
        sentence = " ".join(body.split())
    if sentence and sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def _first_sentence(text: str) -> str:
    for m in _SENTENCE_BREAK.finditer(text):
        end = m.start()
        token = text[text.rfind(" ", 0, end) + 1 : end].lstrip("(\"“«")
        if text[end] == "." and (
            token.casefold() in _ABBREVIATIONS or (len(token) == 1 and token.isupper())
        ):
            continue
        return text[:end]
    return text


def guess_language(text: str) -> str | None:
    """``"vi"`` when Vietnamese letters are frequent, ``"en"`` for English, else ``None``."""
    sample = text[:600]
    words = sample.count(" ") + 1
    if words < 3:
        return None
    # Nearly every non-ASCII letter of Vietnamese text is a Vietnamese one; counting
    # them through the codec is much cheaper than a regex.
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if non_ascii >= max(3, words * 0.15) and _VI_ONLY.search(sample):
        return "vi"
    if len(_EN_WORDS.findall(sample)) >= max(2, words * 0.08):
        return "en"
    return None
