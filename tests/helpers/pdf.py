"""A minimal PDF writer for tests: text pages, document info, XMP, scanned-like pages.

Text uses the standard Helvetica font (WinAnsi, Latin-1 text), or with ``unicode``
a Type0 font whose ToUnicode map gives back any BMP text (Vietnamese).
Encryption goes through pypdf (test-only dependency) in ``encrypt_pdf``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

PAGE_W, PAGE_H = 612, 792


@dataclass
class PdfPage:
    """One page: body lines, plus optional browser-style header and footer lines."""

    lines: Sequence[str] = ()
    header: str | None = None
    footer: str | None = None
    image_only: bool = False  # a filled rectangle and no text (like a scan)


@dataclass
class PdfSpec:
    pages: Sequence[PdfPage]
    info: dict[str, str] = field(default_factory=dict)
    xmp: str | None = None
    # Text in a Type0 font with a ToUnicode map (any BMP text) instead of Helvetica.
    unicode: bool = False


def _tounicode_cmap() -> bytes:
    """A ToUnicode CMap mapping every 2-byte code to the same BMP code point."""
    ranges = [b"<%02X00> <%02XFF> <%02X00>" % (hi, hi, hi) for hi in range(256) if hi != 0xD8]
    blocks = b""
    for start in range(0, len(ranges), 100):
        chunk = ranges[start : start + 100]
        blocks += b"%d beginbfrange\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfrange\n"
    return (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + blocks + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    )


def _unicode_text(text: str) -> bytes:
    """A hex string of 2-byte codes (Identity-H): any BMP text, Vietnamese included."""
    return b"<" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: PdfPage, unicode: bool) -> bytes:
    if page.image_only:
        return b"0.5 0.5 0.5 rg 50 50 500 700 re f"

    def show(text: str) -> bytes:
        return _unicode_text(text) if unicode else b"(" + _escape(text) + b")"

    out = io.BytesIO()
    if page.header is not None:
        out.write(b"BT /F1 8 Tf 20 775 Td " + show(page.header) + b" Tj ET\n")
    out.write(b"BT /F1 11 Tf 72 740 Td 14 TL\n")
    for line in page.lines:
        out.write(show(line) + b" Tj T*\n")
    out.write(b"ET\n")
    if page.footer is not None:
        out.write(b"BT /F1 8 Tf 20 12 Td " + show(page.footer) + b" Tj ET\n")
    return out.getvalue()


def pdf_bytes(spec: PdfSpec) -> bytes:
    """The bytes of a valid PDF 1.4 file for ``spec``."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"

    catalog = add(b"")  # filled once the page tree and metadata exist
    pages_obj = add(b"")
    if spec.unicode:
        cmap = add(stream(_tounicode_cmap()))
        font = add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /ArialUnicode /Encoding /Identity-H "
            b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArialUnicode "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/DW 500 >>] /ToUnicode %d 0 R >>" % cmap
        )
    else:
        font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for page in spec.pages:
        content = add(stream(_content(page, spec.unicode)))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_obj, PAGE_W, PAGE_H, font, content)
        ))
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    meta = b""
    if spec.xmp is not None:
        xmp = add(stream(spec.xmp.encode("utf-8"), b" /Type /Metadata /Subtype /XML"))
        meta = b" /Metadata %d 0 R" % xmp
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_obj, meta)
    info_ref = b""
    if spec.info:
        entries = b" ".join(
            b"/" + key.encode("ascii") + b" <FEFF" + value.encode("utf-16-be").hex().encode()
            + b">"
            for key, value in spec.info.items()
        )
        info_ref = b" /Info %d 0 R" % add(b"<< " + entries + b" >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, catalog, info_ref, xref))
    return out.getvalue()


def text_pdf(
    pages: Sequence[Sequence[str]], *, info: dict[str, str] | None = None
) -> bytes:
    """A PDF with these lines on its pages."""
    return pdf_bytes(PdfSpec([PdfPage(lines) for lines in pages], info=info or {}))


def browser_printed_pdf(
    title: str, url: str, printed: str, pages: Sequence[Sequence[str]]
) -> bytes:
    """Like Chrome's Print ▸ Save as PDF: date and title on top, URL and n/N below."""
    total = len(pages)
    return pdf_bytes(PdfSpec(
        [
            PdfPage(lines, header=f"{printed}    {title}", footer=f"{url}    {n}/{total}")
            for n, lines in enumerate(pages, start=1)
        ],
        info={"Title": title, "Producer": "Skia/PDF m120"},
    ))


def xmp_packet(title: str, creator: str, created: str) -> str:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>"
        f"<xmp:CreateDate>{created}</xmp:CreateDate>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """The same PDF encrypted (RC4-128) through pypdf."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password,
                   algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
