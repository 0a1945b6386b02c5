"""The web site a page dump comes from, voted from the host names it mentions.

A dump rarely has a line that is just the page's URL, but it names its site in
many places: links (``https://www.example.com/...``, also inside a share
button's ``?href=``), bare domains (``Example.com``, ``Suche in MDR.DE``), the
copyright line (``© 2019 Example.com``) and, in lynx dumps, the ``#example.com``
list of the page's ``<link>`` titles on the first line. Each mention is a vote,
a copyright or first-line mention counts more; tracker, CDN and social hosts
(``meta.foreign_host``) never vote. In any language, the site's own name is the
host a page mentions most.
"""

from __future__ import annotations

import re
from collections import Counter

from desktop.core.extract.meta import foreign_host

# A host written in a link: "//" with an optional scheme before it.
_LINKED = re.compile(r"(?:https?:)?//(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})",
                     re.IGNORECASE)
# Common top-level domains: a bare "word.tld" names a site only with one of these (a
# file name such as "photo.jpg" or a run-on "end.Next" must not).
_TLDS = (
    "com net org info biz edu gov int io co me tv news online world blog site app "
    "de at ch pl cz sk hu ro bg hr si rs ru ua by lt lv ee fi se no dk is nl be lu fr es pt "
    "it gr tr uk ie eu us ca mx br ar cl pe uy ve au nz jp cn kr tw hk sg my th id in pk "
    "vn ph il ir za ng ke eg ma"
).split()
_TLD_SET = frozenset(_TLDS)
# A dotted name (checked against the top-level domains after matching).
_BARE = re.compile(r"(?<![\w@./%=&?:~+-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+(?![\w@-]|\.\w)",
                   re.IGNORECASE)
# Cheap test whether a line may hold a domain at all: a dot between letters.
_DOTTED = re.compile(r"[a-z0-9]\.[a-z]{2}", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
# Votes: a link counts one (most links a dump prints are embedded third parties), a
# bare name two, in a copyright line or on the first line four. A host needs
# MIN_VOTES (more than one link) and more votes than any other host: on the
# development set, a host tied with another was another site's (a partner, a photo
# agency, a blog directory) five times in six.
LINK_VOTES = 1
BARE_VOTES = 2
COPYRIGHT_VOTES = 4
FIRST_LINE_VOTES = 4
MIN_VOTES = 2
# Blog platforms: a page on one is on a subdomain; the bare platform names the host.
_PLATFORMS = frozenset("wordpress.com wordpress.org blogspot.com blogger.com wp.me".split())
# Lines longer than this are article prose: the hosts it names are its subject.
MAX_VOTING_CHARS = 300


def page_site(lines: list[str]) -> str | None:
    """The host (lower case, without ``www.``) a page's lines mention most, or ``None``.

    ``None`` when two hosts tie for the most votes.
    """
    votes: Counter[str] = Counter()
    for n, line in enumerate(lines):
        if len(line) > MAX_VOTING_CHARS or "." not in line or not _DOTTED.search(line):
            continue
        strong = n == 0 or _COPYRIGHT.search(line) is not None
        hosts = [(m.group(1), LINK_VOTES) for m in _LINKED.finditer(line)]
        if "//" in line:
            line = _LINKED.sub(" ", line)
        bare = FIRST_LINE_VOTES if n == 0 else COPYRIGHT_VOTES if strong else BARE_VOTES
        hosts += [
            (m.group(0), bare)
            for m in _BARE.finditer(line)
            if m.group(0).rsplit(".", 1)[-1].lower() in _TLD_SET
        ]
        for host, weight in hosts:
            host = host.lower().rstrip(".").removeprefix("www.")
            if foreign_host(host) or host in _PLATFORMS or "." not in host:
                continue
            votes[host] += weight
    if not votes:
        return None
    ranked = votes.most_common(2)
    host, count = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == count:
        return None  # two hosts as strongly named: no evidence which is the page's
    return host if count >= MIN_VOTES else None
