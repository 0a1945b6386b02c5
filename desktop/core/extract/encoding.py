"""Turning the bytes of one document into text: BOMs, UTF-8, declared and detected charsets.

The fast path is strict UTF-8. Otherwise a byte-order mark, a charset declared by
the transport (HTTP ``Content-Type``) or by the document (an HTML ``<meta>``), and
finally charset-normalizer's detection are tried in that order. Binary data (NUL
bytes outside UTF-16/32, undecodable bytes) is rejected with an ``ExtractionError``.
The returned text is not yet normalized: extractors call ``normalize_text``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from desktop.core.errors import ExtractionError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
# Share of control characters above which decoded text is taken to be binary.
_MAX_CONTROL_SHARE = 0.01
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP ``Content-Type`` value, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def html_meta_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in a ``<meta>`` near its start."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def decode_bytes(
    data: bytes, *, declared: str | None = None, html: bool = False, known: str | None = None
) -> DecodedText:
    """Decode one document. ``known`` is an encoding found before (re-extraction).

    Raises ``ExtractionError`` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise ExtractionError("empty file")
    if known:
        decoded = _try_codec(data, known)
        if decoded is not None:
            return decoded
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(name), name)
            except UnicodeDecodeError as exc:
                raise ExtractionError(f"undecodable text: invalid {name} ({exc.reason})") from exc
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data and not _looks_like_utf16(data):
        raise ExtractionError("binary file, not text (it contains NUL bytes)")
    candidates: list[str | None] = [declared, html_meta_charset(data) if html else None]
    for candidate in candidates:
        if candidate:
            decoded = _try_codec(data, candidate)
            if decoded is not None:
                return decoded
    return _detect(data)


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) > half * 0.3 and min(even_nuls, odd_nuls) < half * 0.05


def _try_codec(data: bytes, name: str) -> DecodedText | None:
    try:
        codec = codecs.lookup(name).name
        return _checked(data.decode(codec), codec)
    except (LookupError, UnicodeDecodeError, ExtractionError):
        return None


def _detect(data: bytes) -> DecodedText:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ExtractionError("undecodable text: no character encoding fits (binary file?)")
    return _checked(str(best), str(best.encoding))


def _checked(text: str, encoding: str) -> DecodedText:
    if _CONTROL_CHARS.search(text) is not None:
        sample = text[:65536]
        if len(_CONTROL_CHARS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
            raise ExtractionError("binary file, not text (too many control characters)")
    return DecodedText(text=text, encoding=encoding)
