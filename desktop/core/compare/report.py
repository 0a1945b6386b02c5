"""A self-contained HTML report of one comparison: readable offline and on paper.

Both texts stand side by side in their own order. Passages found in both are
tinted (green: same, yellow: changed) and numbered, each number linking to its
partner on the other side; changed syllables are struck through (A) or
underlined (B); passages found on one side only are tinted red (A) or blue (B).
The header carries the figures. Inline CSS only: no scripts, no remote loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from desktop.core.atomic import atomic_write_text
from desktop.core.compare.models import AlignedPair, CompareResult
from desktop.core.models import Article

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.55 "Noto Serif", "Times New Roman", Georgia, serif; color: #1d1d1f;
  margin: 24px auto; max-width: 1280px; padding: 0 16px; background: #fff; }
header h1 { font: 600 20px/1.3 system-ui, sans-serif; margin: 0 0 8px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px 28px; font: 14px system-ui, sans-serif;
  margin: 8px 0; }
.figures b { font-size: 22px; display: block; }
.legend, .notice, footer { font: 12.5px/1.5 system-ui, sans-serif; color: #444; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 8px; border-radius: 3px; }
.notice { background: #fff3cd; border: 1px solid #e0c36a; padding: 6px 10px; border-radius: 4px; }
table.sides { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 14px; }
table.sides th { text-align: left; font: 600 14px/1.35 system-ui, sans-serif; padding: 8px;
  border-bottom: 2px solid #999; vertical-align: top; }
table.sides th small { font-weight: 400; color: #555; display: block; margin-top: 2px; }
table.sides td { vertical-align: top; padding: 10px 8px; white-space: pre-wrap;
  overflow-wrap: anywhere; }
table.sides td + td, table.sides th + th { border-left: 1px solid #ccc; }
.same { background: #e3f3e6; }
.changed { background: #fff1bf; }
.only_a { background: #fde0de; }
.only_b { background: #dce9fd; }
del { background: #f6b8b3; text-decoration: line-through; text-decoration-color: #a4281e; }
ins { background: #a9dfb5; text-decoration: underline; text-decoration-color: #1d6b32; }
a.n { font: 600 10px system-ui, sans-serif; vertical-align: super; color: #555;
  text-decoration: none; margin-right: 2px; }
footer { margin-top: 18px; border-top: 1px solid #ccc; padding-top: 8px; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.sides thead { display: table-header-group; }
  a.n { color: #555; }
}
"""


@dataclass(frozen=True)
class Side:
    text: str
    title: str
    details: str = ""


def render_report(result: CompareResult, a: Side, b: Side) -> str:
    """The whole HTML document as a string."""
    numbers = _partner_numbers(result.pairs)
    sim = result.similarity
    counts = result.counts()
    notice = (
        f'<p class="notice">{escape(result.notice or "")}</p>' if result.degraded else ""
    )
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comparison: {escape(a.title)} / {escape(b.title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>Comparison of two articles</h1>
<div class="figures">
<div><b>{sim.a_in_b:.1%}</b>of A found in B</div>
<div><b>{sim.b_in_a:.1%}</b>of B found in A</div>
<div><b>{counts["same"]}</b>same passages</div>
<div><b>{counts["changed"]}</b>changed passages</div>
<div><b>{counts["only_a"]}</b>only in A</div>
<div><b>{counts["only_b"]}</b>only in B</div>
</div>
<p class="legend"><span class="same">same</span><span class="changed">changed</span><span
class="only_a">only in A</span><span class="only_b">only in B</span><del>removed</del>
<ins>added</ins> &nbsp;Numbers link a passage to its partner.</p>
{notice}
</header>
<table class="sides">
<thead><tr><th>A: {escape(a.title)}<small>{escape(a.details)}</small></th>
<th>B: {escape(b.title)}<small>{escape(b.details)}</small></th></tr></thead>
<tbody><tr><td lang="vi">{_side_html(a.text, result.pairs, numbers, "a")}</td>
<td lang="vi">{_side_html(b.text, result.pairs, numbers, "b")}</td></tr></tbody>
</table>
<footer>Figures: the share of each article's non-whitespace characters that lie in
passages aligned with the other article (same or changed). Passages are sentences,
matched exactly (ignoring case, diacritics and spacing) or by fuzzy similarity.
Compared in {result.took_ms:.0f} ms.</footer>
</body>
</html>
"""


def render_article_report(result: CompareResult, a: Article, b: Article) -> str:
    return render_report(result, _side(a), _side(b))


def _side(article: Article) -> Side:
    bits = [article.id[:12]]
    if article.site:
        bits.append(article.site)
    if article.published:
        bits.append(article.published.isoformat())
    return Side(article.body, article.title or article.id, " · ".join(bits))


def _partner_numbers(pairs: list[AlignedPair]) -> dict[int, int]:
    """Pair index -> number shown, for pairs present on both sides."""
    out: dict[int, int] = {}
    for n, pair in enumerate(pairs):
        if pair.a is not None and pair.b is not None:
            out[n] = len(out) + 1
    return out


def _side_html(text: str, pairs: list[AlignedPair], numbers: dict[int, int], side: str) -> str:
    other = "b" if side == "a" else "a"
    passages = []
    for n, pair in enumerate(pairs):
        span = pair.a if side == "a" else pair.b
        if span is not None:
            passages.append((span, n, pair))
    passages.sort(key=lambda t: t[0])
    out: list[str] = []
    pos = 0
    for (start, end), n, pair in passages:
        if start < pos:
            continue  # overlapping spans cannot happen; be safe
        out.append(escape(text[pos:start]))
        number = numbers.get(n)
        anchor = ""
        ident = ""
        if number is not None:
            ident = f' id="{side}{number}"'
            anchor = f'<a class="n" href="#{other}{number}">{number}</a>'
        out.append(f'<span class="{pair.kind}"{ident}>{anchor}')
        out.append(_marked(text, start, end, pair, side))
        out.append("</span>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _marked(text: str, start: int, end: int, pair: AlignedPair, side: str) -> str:
    tag = "del" if side == "a" else "ins"
    spans = sorted(
        s for s in ((w.a if side == "a" else w.b) for w in pair.words) if s is not None
    )
    out: list[str] = []
    pos = start
    for s, e in spans:
        if s < pos or e > end:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<{tag}>{escape(text[s:e])}</{tag}>")
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


def write_report(path: Path, html: str) -> None:
    """Write the report atomically (a temporary file beside ``path``, then a rename)."""
    atomic_write_text(Path(path), html, what=f"the report to {path}")
