"""What the original viewer shows for the originals of document formats (no Qt here).

An MHTML page shows its saved HTML, an e-mail its headers and its text (or its
HTML), and binary documents (PDF, EPUB, DOCX) a line that says what they are:
their text is what the reader shows. Other originals are left to the viewer.
"""

from __future__ import annotations

from email import policy
from email.parser import BytesParser
from typing import Literal

from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.mhtml import mhtml_page
from desktop.core.ingest.formats import DOCUMENT_FORMATS
from desktop.core.ingest.mail import EMAIL_MEDIA_TYPE
from desktop.core.models import Original

PreviewKind = Literal["html", "text"]
_BINARY = {
    DOCUMENT_FORMATS["pdf"][1]: "PDF document",
    DOCUMENT_FORMATS["epub"][1]: "EPUB book",
    DOCUMENT_FORMATS["docx"][1]: "Word document",
}


def document_preview(original: Original) -> tuple[PreviewKind, str] | None:
    """("html", unsanitized html) or ("text", text); None for other kinds of original."""
    media = original.media_type.lower()
    if media in _BINARY:
        return "text", (
            f"[{_BINARY[media]}, {len(original.data):,} bytes. The reader shows its text; "
            "the file itself is kept in the library.]"
        )
    if media == DOCUMENT_FORMATS["mhtml"][1]:
        page = mhtml_page(original.data)
        return ("html", page) if page is not None else None
    if media == EMAIL_MEDIA_TYPE:
        return _message(original.data)
    return None


def _message(data: bytes) -> tuple[PreviewKind, str] | None:
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        headers = "\n".join(
            f"{name}: {message[name]}" for name in ("From", "To", "Date", "Subject")
            if message[name] is not None
        )
        part = message.get_body(preferencelist=("plain", "html"))
    except (ValueError, TypeError, LookupError, KeyError, IndexError):
        return None
    if part is None:
        return "text", headers
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return "text", headers
    text = decode_bytes(payload, html=part.get_content_type() == "text/html",
                        declared=part.get_content_charset()).text
    if part.get_content_type() == "text/html":
        return "html", text
    return "text", f"{headers}\n\n{text}"
