"""Decoding document bytes (desktop.core.extract.encoding)."""

from __future__ import annotations

import codecs

import pytest

from desktop.core.errors import ExtractionError
from desktop.core.extract.encoding import (
    charset_from_content_type,
    decode_bytes,
    html_meta_charset,
)
from desktop.core.textnorm import normalize_text
from tests.core.ingest._builders import PARAGRAPHS, cp1258_bytes

TEXT = "\n".join(PARAGRAPHS)


def test_utf8_is_the_fast_path() -> None:
    got = decode_bytes(TEXT.encode("utf-8"))
    assert (got.text, got.encoding) == (TEXT, "utf-8")


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"])
def test_byte_order_marks_are_honoured(codec: str) -> None:
    bom = {
        "utf-8": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
    }[codec]
    got = decode_bytes(bom + TEXT.encode(codec))
    assert got.text == TEXT


def test_utf16_without_bom_is_detected() -> None:
    assert decode_bytes(TEXT.encode("utf-16-le")).text == TEXT


def test_windows_1258_vietnamese_is_detected() -> None:
    got = decode_bytes(cp1258_bytes(TEXT))
    assert got.encoding == "cp1258"
    assert normalize_text(got.text) == TEXT


def test_declared_charset_wins_over_detection() -> None:
    data = "Ich grüße Sie, schöne Straße.".encode("latin-1")
    assert decode_bytes(data, declared="iso-8859-1").text == "Ich grüße Sie, schöne Straße."


def test_known_encoding_is_used_again() -> None:
    data = cp1258_bytes(TEXT)
    assert normalize_text(decode_bytes(data, known="cp1258").text) == TEXT


def test_charset_sniffing_helpers() -> None:
    assert charset_from_content_type("text/html; charset=windows-1258") == "windows-1258"
    assert charset_from_content_type("text/html") is None
    assert html_meta_charset(b'<head><meta charset="utf-8">') == "utf-8"
    assert (
        html_meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=cp1258">')
        == "cp1258"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (bytes((i * 37) % 255 + 1 for i in range(4096)), "binary|undecodable"),
    ],
)
def test_bad_input_gets_a_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        decode_bytes(data)
