"""Markdown export for note-taking tools (Obsidian, Logseq).

Annotations are grouped by article: a heading with the title, then date, site
and url; each passage is a blockquote (with its page, for PDF articles), the note
follows as Markdown, then who made it (``*— name*``), and tags are written as
``#tags`` (hierarchical ``#policy/funding``; spaces and characters those tools
do not accept in a tag become ``-``). Orphaned annotations are marked as such.

Every field comes from articles, imported files or the user, so HTML in it is
escaped: those viewers render raw HTML, and ``<img src=http://…>`` in a title
or a note would load when the file is opened. Notes keep their Markdown. A URL
is written as a link only when it is http(s) or mailto (``core.urls``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from desktop.core.annotations.models import Annotation
from desktop.core.annotations.pages import annotation_pages
from desktop.core.atomic import atomic_write_text
from desktop.core.models import Article
from desktop.core.store.articles import ArticleStore
from desktop.core.urls import link_target

_TAG_UNSAFE = re.compile(r"[^\w/\-]+")


def hashtag(tag: str) -> str:
    """``policy/quỹ đầu tư`` -> ``#policy/quỹ-đầu-tư``."""
    parts = [_TAG_UNSAFE.sub("-", p).strip("-") for p in tag.split("/")]
    return "#" + "/".join(p for p in parts if p)


def escape_html(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` as entities, so no viewer sees a tag."""
    return html.escape(text, quote=False)


def escape_note(text: str) -> str:
    """A Markdown note with ``&`` and ``<`` as entities (``>`` quotes stay Markdown)."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in escape_html(text).split("\n"))


def _url_line(url: str) -> str:
    target = link_target(url)
    if target is not None:
        return f"- URL: <{target}>"
    return f"- URL: {escape_html(url)}"


def _emphasis(text: str) -> str:
    """Text safe inside ``*…*``: HTML escaped, Markdown's own marks backslashed."""
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", escape_html(text))


def _comment(text: str) -> str:
    """Text safe inside an HTML comment (no ``--``, no tags)."""
    return escape_html(text).replace("--", "- -")


def _article_heading(article_id: str, art: Article | None) -> list[str]:
    if art is None:
        return [f"## Article {escape_html(article_id)} (no longer in the library)", ""]
    lines = [f"## {escape_html(art.title or 'Untitled')}", ""]
    meta = [
        f"- Date: {art.published.isoformat()}" if art.published else "",
        f"- Site: {escape_html(art.site)}" if art.site else "",
        _url_line(art.url) if art.url else "",
        f"- Article id: `{escape_html(article_id)}`",
    ]
    lines.extend(m for m in meta if m)
    lines.append("")
    return lines


def markdown_text(articles: ArticleStore, annotations: Sequence[Annotation]) -> str:
    by_article: dict[str, list[Annotation]] = {}
    for ann in annotations:
        by_article.setdefault(ann.article_id, []).append(ann)
    found = {a.id: a for a in articles.get_many(sorted(by_article))}
    pages = annotation_pages(articles, annotations)

    def order(article_id: str) -> tuple[str, str, str]:
        art = found.get(article_id)
        when = art.published.isoformat() if art and art.published else "9999"
        return (when, art.title if art else "", article_id)

    lines = ["# Annotations", ""]
    for article_id in sorted(by_article, key=order):
        lines.extend(_article_heading(article_id, found.get(article_id)))
        for ann in sorted(by_article[article_id], key=lambda a: (a.start, a.end, a.id)):
            lines.append(_blockquote(ann.quote.exact))
            lines.append("")
            if ann.id in pages:
                lines.extend([f"*Page {pages[ann.id]}*", ""])
            if ann.orphaned:
                lines.extend(["*(passage no longer found in the article)*", ""])
            if ann.note:
                lines.extend([escape_note(ann.note), ""])
            if ann.author:
                lines.extend([f"*— {_emphasis(ann.author)}*", ""])
            if ann.tags:
                lines.extend([escape_html(" ".join(hashtag(t) for t in ann.tags)), ""])
            lines.extend([f"<!-- annotation {_comment(ann.id)} · {_comment(ann.color)} -->", ""])
    return "\n".join(lines).rstrip("\n") + "\n"


def write_markdown(
    path: Path, articles: ArticleStore, annotations: Sequence[Annotation]
) -> None:
    atomic_write_text(path, markdown_text(articles, annotations))
