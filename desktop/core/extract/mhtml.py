"""Article fields from an MHTML page (``.mhtml``/``.mht``: "Web page, single file").

The MIME container is unpacked with the standard ``email`` package; the HTML part
(the root of ``multipart/related``) goes through the HTML extractor, with the URL
from ``Snapshot-Content-Location`` (Chrome) or the part's ``Content-Location`` and
the capture date from the ``Date`` header.
"""

from __future__ import annotations

from email import policy
from email.message import Message
from email.parser import BytesParser

from desktop.core.dates import mail_date
from desktop.core.errors import ExtractionError
from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.fields import Extracted
from desktop.core.extract.html import extract_html


def extract_mhtml(data: bytes) -> Extracted:
    """Extract the page saved in an MHTML file. Raises ``ExtractionError``."""
    if not data.strip():
        raise ExtractionError("empty file")
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (ValueError, TypeError, LookupError) as exc:
        raise ExtractionError(f"not a readable MHTML file ({exc})") from exc
    part = _html_part(message)
    if part is None:
        raise ExtractionError("no HTML page in the MHTML file (truncated or not MHTML?)")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ExtractionError("the HTML part of the MHTML file is empty")
    url = _header(message, "Snapshot-Content-Location") or _header(part, "Content-Location")
    if url and not url.lower().startswith(("http://", "https://")):
        url = None
    captured = mail_date(_header(message, "Date"))
    extracted = extract_html(
        payload,
        url=url,
        fallback_date=captured,
        title_hint=_header(message, "Subject"),
        declared_charset=part.get_content_charset(),
    )
    if captured is None:
        return extracted
    return extracted.model_copy(update={"hints": {"date": captured.isoformat()}})


def mhtml_page(data: bytes) -> str | None:
    """The saved page's HTML (decoded), for showing the original; None if there is none."""
    try:
        part = _html_part(BytesParser(policy=policy.default).parsebytes(data))
    except (ValueError, TypeError, LookupError):
        return None
    if part is None:
        return None
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    return decode_bytes(payload, html=True, declared=part.get_content_charset()).text


def _html_part(message: Message) -> Message | None:
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    for part in message.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            return part
    return None


def _header(message: Message, name: str) -> str | None:
    value = message.get(name)
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
