"""Text-dump extraction on the development set of unseen sites (skipped without corpus).

``textdumps-eval.zip`` holds lynx and w3m dumps of 990 pages from other sites with hand-made
truth: snippets the article must contain, boilerplate it must not, and the page's own
headline candidates. These floors guard what the extractor reaches today
(``bench/bench_textdump_eval.py`` prints the full figures).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import ExtractionError
from desktop.core.extract.textdump import LineStats, extract_text_dump

pytestmark = pytest.mark.corpus

FLOORS = {
    "lynx": {"with": 0.903, "without": 0.87, "titles": 0.798},
    "w3m": {"with": 0.887, "without": 0.872, "titles": 0.729},
}
_TRACKERS = ("googletagmanager", "doubleclick", "facebook", "google-analytics", "twitter")


def _name(info: zipfile.ZipInfo) -> str:
    """Member names stored without the UTF-8 flag come out of ``zipfile`` as cp437."""
    return info.filename if info.flag_bits & 0x800 else info.filename.encode("cp437").decode()


def _norm(text: str) -> str:
    """Whitespace collapsed, soft hyphens (which the renderers drop) removed."""
    return " ".join(text.replace("\u00ad", "").split())


def _title_right(title: str, candidates: list[str]) -> bool:
    t = _norm(title).casefold()
    for c in (_norm(c).casefold() for c in candidates):
        if t and (t == c or (c.startswith(t) and len(t) >= 0.6 * len(c))):
            return True
    return False


@pytest.mark.parametrize("kind", ["lynx", "w3m"])
def test_dumps_of_unseen_sites(corpus: Path, kind: str) -> None:
    path = corpus / "textdumps-eval.zip"
    if not path.is_file():
        pytest.skip("textdumps-eval.zip not in the corpus")
    with zipfile.ZipFile(path) as zf:
        truth = json.loads(zf.read("textdumps-eval/truth.json"))
        prefix = f"textdumps-eval/{kind}/"
        texts = {
            _name(i)[len(prefix) : -4]: zf.read(i).decode("utf-8", "replace")
            for i in zf.infolist()
            if i.filename.startswith(prefix) and i.filename.endswith(".txt")
        }
    stats = LineStats()
    for text in texts.values():
        stats.observe(text)
    kept = with_total = removed = without_total = titles = 0
    for name, text in texts.items():
        t = truth[name]
        try:
            e = extract_text_dump(text, stats=stats, source_name=name)
        except ExtractionError:
            body, title, site = "", "", None
        else:
            body, title, site = _norm(e.body), e.title, e.site
            # The title is not the body's first paragraph too, unless it is all there is.
            assert e.title not in e.body.split("\n\n")[:1] or e.body == e.title
        kept += sum(_norm(s) in body for s in t["with"])
        with_total += len(t["with"])
        removed += sum(_norm(s) not in body for s in t["without"])
        without_total += len(t["without"])
        titles += _title_right(title, t["headline_candidates"])
        assert not (site and any(k in site for k in _TRACKERS)), (name, site)
    floors = FLOORS[kind]
    assert kept / with_total >= floors["with"]
    assert removed / without_total >= floors["without"]
    assert titles / len(texts) >= floors["titles"]
