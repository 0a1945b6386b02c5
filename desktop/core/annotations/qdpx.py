"""REFI-QDA project exchange (``.qdpx``): write, and read back for checking.

A ``.qdpx`` file is a zip holding ``project.qde`` (XML in the namespace
``urn:QDA-XML:project:1.0``) and a ``sources/`` folder. We write:

- one ``TextSource`` per annotated article, its body as a plain UTF-8 file
  (no byte order mark) ``sources/<guid>.txt`` referenced by
  ``plainTextPath="internal://<guid>.txt"``;
- a ``CodeBook`` whose ``Code`` elements nest as the tags do
  (``policy/funding`` is the code ``funding`` inside ``policy``), with colours;
- one ``PlainTextSelection`` per annotation, with ``Coding``/``CodeRef`` for
  each tag, the note as ``Description`` and as a ``Note`` linked by ``NoteRef``.

Positions: ``startPosition``/``endPosition`` count characters, which we write
as zero-based Unicode code points into the source text, end exclusive -- the
same offsets the core uses (and what QualCoder, which reads and writes the
format with Python string indexes, expects). Orphaned annotations have no
position in the current text and are left out (the report counts them).
"""

from __future__ import annotations

import io
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.core.annotations.models import PALETTE, Annotation, color_hex
from desktop.core.atomic import atomic_write_bytes
from desktop.core.errors import UnsafeArchiveError, UserError
from desktop.core.models import Article
from desktop.core.store.articles import ArticleStore
from desktop.core.tags import tag_ancestors

NS = "urn:QDA-XML:project:1.0"
PROJECT_FILE = "project.qde"
SOURCES_DIR = "sources"
_GUID_NS = uuid.UUID("0c6f2f0e-7d3a-4b0e-9d55-5a0f5f1e9a21")
_MAX_MEMBERS = 100_000
_MAX_BYTES = 2 * 1024**3


_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (they would break the file)."""
    return _XML_INVALID.sub("\ufffd", text)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _guid(kind: str, key: str) -> str:
    return str(uuid.uuid5(_GUID_NS, f"{kind}:{key}"))


def _when(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class QdpxExport:
    sources: int = 0
    selections: int = 0
    codes: int = 0
    skipped: int = 0


def build_qdpx(
    store: ArticleStore, annotations: Sequence[Annotation], project_name: str = ""
) -> tuple[bytes, QdpxExport]:
    """The bytes of a ``.qdpx`` file for ``annotations``, and what went in."""
    report = QdpxExport()
    articles = {
        a.id: a
        for a in store.get_many(sorted({x.article_id for x in annotations}))
    }
    usable = [a for a in annotations if a.status == "anchored" and a.article_id in articles]
    usable = [a for a in usable if articles[a.article_id].body[a.start : a.end] == a.exact]
    report.skipped = len(annotations) - len(usable)
    now = _when(datetime.now(UTC))
    user = _guid("user", APP_NAME)

    root = ET.Element(_q("Project"), {
        "name": project_name or f"{APP_NAME} annotations",
        "origin": f"{APP_NAME} {__version__}",
        "creatingUserGUID": user,
        "creationDateTime": now,
    })
    users = ET.SubElement(root, _q("Users"))
    ET.SubElement(users, _q("User"), {"guid": user, "name": APP_NAME})
    # Who made and who last changed each annotation, as the project's users.
    people = sorted({name for a in usable for name in (a.author, a.editor) if name})
    for name in people:
        ET.SubElement(users, _q("User"), {"guid": _person(name), "name": _x(name)})

    code_guids = _codebook(root, usable)
    report.codes = len(code_guids)

    sources_el = ET.SubElement(root, _q("Sources"))
    notes_el = ET.Element(_q("Notes"))
    files: dict[str, str] = {}
    by_article: dict[str, list[Annotation]] = {}
    for ann in usable:
        by_article.setdefault(ann.article_id, []).append(ann)
    for article_id in sorted(by_article):
        art = articles[article_id]
        source_guid = _guid("article", article_id)
        files[f"{SOURCES_DIR}/{source_guid}.txt"] = art.body
        source = ET.SubElement(sources_el, _q("TextSource"), {
            "guid": source_guid,
            "name": _x(art.title or article_id),
            "plainTextPath": f"internal://{source_guid}.txt",
            "creatingUser": user,
            "creationDateTime": _when(art.imported_at),
        })
        ET.SubElement(source, _q("Description")).text = _x(_describe(art))
        for ann in sorted(by_article[article_id], key=lambda a: (a.start, a.end, a.id)):
            _selection(source, notes_el, ann, user, code_guids)
            report.selections += 1
        report.sources += 1
    if len(notes_el):
        root.append(notes_el)

    ET.register_namespace("", NS)
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(PROJECT_FILE, xml)
        for name, text in files.items():
            zf.writestr(name, text.encode("utf-8"))
    return buf.getvalue(), report


def _describe(art: Article) -> str:
    parts = [
        art.published.isoformat() if art.published else "",
        art.site or "",
        art.url or "",
        f"{APP_NAME} article {art.id}",
    ]
    return " · ".join(p for p in parts if p)


def _codebook(root: ET.Element, annotations: Sequence[Annotation]) -> dict[str, str]:
    """Add the CodeBook; returns tag path -> code guid."""
    used_colors: dict[str, Counter[str]] = {}
    for ann in annotations:
        for tag in ann.tags:
            used_colors.setdefault(tag, Counter())[ann.color] += 1
    paths = sorted({node for tag in used_colors for node in tag_ancestors(tag)})
    codebook = ET.SubElement(root, _q("CodeBook"))
    codes = ET.SubElement(codebook, _q("Codes"))
    elements: dict[str, ET.Element] = {}
    guids: dict[str, str] = {}
    spare = list(PALETTE.values())
    for i, path in enumerate(paths):
        parent_path, _, name = path.rpartition("/")
        parent = elements[parent_path] if parent_path else codes
        counts = used_colors.get(path)
        color = color_hex(counts.most_common(1)[0][0]) if counts else spare[i % len(spare)]
        guid = _guid("code", path)
        elements[path] = ET.SubElement(parent, _q("Code"), {
            "guid": guid, "name": _x(name), "isCodable": "true", "color": color.upper(),
        })
        guids[path] = guid
    return guids


def _person(name: str) -> str:
    """The guid of a user named on annotations (stable, like every guid in the file)."""
    return _guid("user", f"person:{name}")


def _selection(
    source: ET.Element,
    notes_el: ET.Element,
    ann: Annotation,
    user: str,
    code_guids: dict[str, str],
) -> None:
    name = _x(ann.exact if len(ann.exact) <= 200 else ann.exact[:199] + "…")
    author = _person(ann.author) if ann.author else user
    editor = _person(ann.editor) if ann.editor else author
    sel = ET.SubElement(source, _q("PlainTextSelection"), {
        "guid": ann.id,
        "name": name,
        "startPosition": str(ann.start),
        "endPosition": str(ann.end),
        "creatingUser": author,
        "creationDateTime": _when(ann.created),
        "modifyingUser": editor,
        "modifiedDateTime": _when(ann.modified),
    })
    if ann.note:
        ET.SubElement(sel, _q("Description")).text = _x(ann.note)
    for tag in ann.tags:
        coding = ET.SubElement(sel, _q("Coding"), {
            "guid": _guid("coding", f"{ann.id}:{tag}"),
            "creatingUser": editor,
            "creationDateTime": _when(ann.modified),
        })
        ET.SubElement(coding, _q("CodeRef"), {"targetGUID": code_guids[tag]})
    if ann.note:
        note_guid = _guid("note", ann.id)
        ET.SubElement(sel, _q("NoteRef"), {"targetGUID": note_guid})
        note = ET.SubElement(notes_el, _q("Note"), {
            "guid": note_guid,
            "name": f"Note on “{name[:60]}”",
            "creatingUser": editor,
            "creationDateTime": _when(ann.created),
        })
        ET.SubElement(note, _q("PlainTextContent")).text = _x(ann.note)


def write_qdpx(
    path: Path, articles: ArticleStore, annotations: Sequence[Annotation]
) -> QdpxExport:
    data, report = build_qdpx(articles, annotations, project_name=Path(path).stem)
    atomic_write_bytes(path, data)
    return report


# -- reading back -----------------------------------------------------------


@dataclass
class QdpxCode:
    guid: str
    path: str
    color: str | None


@dataclass
class QdpxSelection:
    guid: str
    start: int
    end: int
    text: str
    codes: list[str] = field(default_factory=list)
    description: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class QdpxSource:
    guid: str
    name: str
    text: str
    selections: list[QdpxSelection] = field(default_factory=list)


@dataclass
class QdpxProject:
    name: str
    codes: list[QdpxCode]
    sources: list[QdpxSource]


def read_qdpx(path: Path) -> QdpxProject:
    """Read a ``.qdpx`` file: codes (as tag paths), text sources and their selections."""
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise UserError(f"{path} is not a readable .qdpx file: {exc}") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > _MAX_MEMBERS or sum(i.file_size for i in infos) > _MAX_BYTES:
            raise UnsafeArchiveError(f"{path} is too large to be read safely.")
        members = {i.filename.replace("\\", "/"): i for i in infos}
        if PROJECT_FILE not in members:
            raise UserError(f"{path} has no {PROJECT_FILE}.")
        try:
            root = ET.fromstring(zf.read(PROJECT_FILE))
        except ET.ParseError as exc:
            raise UserError(f"{path}: {PROJECT_FILE} is not well-formed XML: {exc}") from exc
        if root.tag != _q("Project"):
            raise UserError(f"{path}: {PROJECT_FILE} is not a REFI-QDA project.")
        codes: list[QdpxCode] = []
        by_guid: dict[str, str] = {}
        codes_el = root.find(f"{_q('CodeBook')}/{_q('Codes')}")
        if codes_el is not None:
            _read_codes(codes_el, "", codes, by_guid)
        notes = {
            n.get("guid", "").lower(): n.findtext(_q("PlainTextContent"), "")
            for n in root.iter(_q("Note"))
        }
        sources: list[QdpxSource] = []
        for src in root.iter(_q("TextSource")):
            text = _source_text(zf, members, src)
            source = QdpxSource(guid=src.get("guid", ""), name=src.get("name", ""), text=text)
            for sel in src.findall(_q("PlainTextSelection")):
                start = int(sel.get("startPosition", "0"))
                end = int(sel.get("endPosition", "0"))
                source.selections.append(QdpxSelection(
                    guid=sel.get("guid", ""),
                    start=start,
                    end=end,
                    text=text[start:end],
                    codes=[
                        by_guid.get(ref.get("targetGUID", "").lower(), "")
                        for ref in sel.iter(_q("CodeRef"))
                    ],
                    description=sel.findtext(_q("Description"), ""),
                    notes=[
                        notes.get(ref.get("targetGUID", "").lower(), "")
                        for ref in sel.findall(_q("NoteRef"))
                    ],
                ))
            sources.append(source)
        return QdpxProject(name=root.get("name", ""), codes=codes, sources=sources)


def _read_codes(
    parent: ET.Element, prefix: str, out: list[QdpxCode], by_guid: dict[str, str]
) -> None:
    for code in parent.findall(_q("Code")):
        path = f"{prefix}/{code.get('name', '')}" if prefix else code.get("name", "")
        out.append(QdpxCode(guid=code.get("guid", ""), path=path, color=code.get("color")))
        by_guid[code.get("guid", "").lower()] = path
        _read_codes(code, path, out, by_guid)


def _source_text(
    zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], src: ET.Element
) -> str:
    inline = src.findtext(_q("PlainTextContent"))
    if inline is not None:
        return inline
    ref = src.get("plainTextPath", "")
    if not ref.startswith("internal://"):
        return ""
    name = ref.removeprefix("internal://")
    for folder in (SOURCES_DIR, "Sources"):
        info = members.get(f"{folder}/{name}")
        if info is not None:
            return zf.read(info).decode("utf-8-sig")
    raise UserError(f"Source file {name} is missing from the .qdpx file.")
