"""Extraction quality on the development set (``textdumps-eval.zip``, ``html-eval.zip``).

For the lynx and the w3m dumps of the 990 pages (and, with ``--html``, the same
pages as HTML through ``extract_html``) prints:

* ``with`` kept: the share of the truth's article snippets found in the body;
* ``without`` removed: the share of boilerplate snippets absent from the body;
* titles right: an exact match with one of the page's headline candidates
  (og:title, h1, ``<title>``), or a prefix of one covering most of it;
* sites found: the share of pages whose site is the URL's host, and the share given
  another site (dumps only);
* the figures on each half of the set (pages split by a hash of their name), so a
  change tuned on one half can be checked on the other;
* ``--worst N``: the N pages with the lowest scores, by file name.

The dumps of one kind are imported as one batch: ``LineStats`` sees all of them
before any is extracted, as the importer does.

    .venv/bin/python bench/bench_textdump_eval.py [--html] [--worst 10] [--kind lynx]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import ExtractionError
from desktop.core.extract.fields import Extracted
from desktop.core.extract.textdump import LineStats, extract_text_dump

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
# A title that is a prefix of a candidate must cover at least this share of it.
TITLE_PREFIX_SHARE = 0.6
SOFT_HYPHEN = "\u00ad"


@dataclass
class Score:
    name: str
    kept: int = 0
    with_total: int = 0
    removed: int = 0
    without_total: int = 0
    title_ok: bool = False
    site_ok: bool = False
    site_wrong: bool = False
    failed: bool = False

    @property
    def badness(self) -> float:
        w = self.kept / self.with_total if self.with_total else 1.0
        wo = self.removed / self.without_total if self.without_total else 1.0
        return (1 - w) + (1 - wo) * 0.5 + (0 if self.title_ok else 0.25)


def _norm(text: str) -> str:
    """Whitespace collapsed and soft hyphens (invisible, a renderer drops them) removed,
    on both the truth's snippets and the extracted text."""
    return " ".join(text.replace(SOFT_HYPHEN, "").split())


def title_right(title: str, candidates: list[str]) -> bool:
    t = _norm(title).casefold()
    if not t:
        return False
    for c in candidates:
        c = _norm(c).casefold()
        if t == c or (c.startswith(t) and len(t) >= TITLE_PREFIX_SHARE * len(c)):
            return True
    return False


def score(name: str, e: Extracted | None, truth: dict[str, object]) -> Score:
    s = Score(name)
    body = _norm(e.body) if e else ""
    with_ = [str(x) for x in truth.get("with", []) or []]  # type: ignore[union-attr]
    without = [str(x) for x in truth.get("without", []) or []]  # type: ignore[union-attr]
    s.with_total, s.without_total = len(with_), len(without)
    s.kept = sum(1 for x in with_ if _norm(x) in body)
    s.removed = sum(1 for x in without if _norm(x) not in body)
    if e is None:
        s.failed = True
        return s
    cands = [str(x) for x in truth.get("headline_candidates", []) or []]  # type: ignore[union-attr]
    s.title_ok = title_right(e.title, cands)
    url = str(truth.get("url") or "")
    host = url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.").lower()
    s.site_ok = bool(e.site) and e.site == host
    s.site_wrong = bool(e.site) and not s.site_ok
    return s


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as written: names stored without the UTF-8 flag were decoded as
    cp437 by ``zipfile``."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def half(name: str) -> int:
    return zlib.crc32(name.encode()) & 1


def report(label: str, scores: list[Score], seconds: float | None = None) -> None:
    def line(sub: list[Score], tag: str) -> str:
        w = sum(s.kept for s in sub) / max(1, sum(s.with_total for s in sub))
        wo = sum(s.removed for s in sub) / max(1, sum(s.without_total for s in sub))
        t = sum(s.title_ok for s in sub) / max(1, len(sub))
        site = sum(s.site_ok for s in sub) / max(1, len(sub))
        wrong = sum(s.site_wrong for s in sub) / max(1, len(sub))
        failed = sum(s.failed for s in sub)
        return (f"  {tag:<7} {len(sub):4d} pages  with kept {w:6.1%}  without removed {wo:6.1%}"
                f"  titles {t:6.1%}  sites {site:6.1%} (wrong {wrong:5.1%})  failed {failed}")

    speed = f"  ({len(scores) / seconds:,.0f} pages/s)" if seconds else ""
    print(f"{label}{speed}")
    print(line(scores, "all"))
    for h in (0, 1):
        print(line([s for s in scores if half(s.name) == h], f"half {h}"))


def run_dumps(zf: zipfile.ZipFile, kind: str, truth: dict[str, dict[str, object]]) -> list[Score]:
    prefix = f"textdumps-eval/{kind}/"
    infos = sorted(
        (i for i in zf.infolist() if i.filename.startswith(prefix) and i.filename.endswith(".txt")),
        key=member_name,
    )
    texts = {member_name(i): zf.read(i).decode("utf-8", "replace") for i in infos}
    t0 = time.perf_counter()
    stats = LineStats()
    for t in texts.values():
        stats.observe(t)
    out: list[Score] = []
    for n, t in texts.items():
        key = n[len(prefix) : -len(".txt")]
        try:
            e: Extracted | None = extract_text_dump(t, stats=stats, source_name=key)
        except ExtractionError:
            e = None
        out.append(score(key, e, truth.get(key, {})))
    report(f"{kind} dumps", out, time.perf_counter() - t0)
    return out


def run_html(truth: dict[str, dict[str, object]]) -> list[Score]:
    from desktop.core.extract.html import extract_html

    out: list[Score] = []
    with zipfile.ZipFile(CORPUS / "html-eval.zip") as zf:
        infos = sorted((i for i in zf.infolist() if i.filename.endswith(".html")), key=member_name)
        t0 = time.perf_counter()
        for info in infos:
            n = member_name(info)
            key = n.rsplit("/", 1)[-1][: -len(".html")]
            url = str(truth.get(key, {}).get("url") or "") or None
            try:
                e: Extracted | None = extract_html(zf.read(info), url=url)
            except ExtractionError:
                e = None
            out.append(score(key, e, truth.get(key, {})))
        report("html pages", out, time.perf_counter() - t0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=["lynx", "w3m"], action="append")
    ap.add_argument("--html", action="store_true", help="also the HTML pages (slow)")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--save", type=Path, help="write per-page scores to this JSON file")
    args = ap.parse_args()
    path = CORPUS / "textdumps-eval.zip"
    if not path.is_file():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(path) as zf:
        truth = json.loads(zf.read("textdumps-eval/truth.json"))
        all_scores: list[tuple[str, Score]] = []
        for kind in args.kind or ["lynx", "w3m"]:
            all_scores += [(kind, s) for s in run_dumps(zf, kind, truth)]
    if args.save:
        args.save.write_text(json.dumps(
            {f"{kind}/{s.name}": [s.kept, s.with_total, s.removed, s.without_total, s.title_ok]
             for kind, s in all_scores}, ensure_ascii=False))
    if args.html:
        run_html(truth)
    if args.worst:
        print(f"worst {args.worst} pages:")
        for kind, s in sorted(all_scores, key=lambda ks: -ks[1].badness)[: args.worst]:
            print(f"  {kind:4} {s.name}: with {s.kept}/{s.with_total}, without "
                  f"{s.removed}/{s.without_total}, title {'ok' if s.title_ok else 'wrong'}"
                  f"{', failed' if s.failed else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
