"""Article fields from one e-mail message (an ``.eml`` file or a mailbox entry).

Subject is the title, From the author (the display name, else the address), Date
the publication date; the body is the plain-text part, or else the HTML part: a
short one as written, a long one (a newsletter) through the HTML extractor.
Attachments are imported as documents of their own by the walker (``ingest/mail``).
"""

from __future__ import annotations

from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses

from desktop.core.dates import mail_date
from desktop.core.errors import ExtractionError
from desktop.core.extract.blocks import block_texts, parse_html
from desktop.core.extract.encoding import decode_bytes
from desktop.core.extract.fields import Extracted
from desktop.core.extract.html import extract_html
from desktop.core.extract.meta import derive_title, guess_language
from desktop.core.textnorm import normalize_text, paragraphs_to_body, tidy_body

SHORT_MAIL_CHARS = 1500
_HEADER_NAMES = (b"from:", b"subject:", b"date:", b"to:", b"message-id:", b"mime-version:",
                 b"received:", b"return-path:", b"content-type:")


def extract_email(data: bytes) -> Extracted:
    """Extract one message. Raises ``ExtractionError`` for what is not a message."""
    head = data.lstrip()[:8192].lower()
    if not any(head.startswith(name) or b"\n" + name in head for name in _HEADER_NAMES):
        raise ExtractionError("not an e-mail message (no message headers)")
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (ValueError, TypeError, LookupError) as exc:
        raise ExtractionError(f"the message cannot be read ({exc})") from exc
    if not isinstance(message, EmailMessage):
        raise ExtractionError("the message cannot be read")
    subject = _header(message, "Subject")
    author = _author(message)
    sent = mail_date(_header(message, "Date"))
    body, language = _body(message, sent)
    if not body:
        raise ExtractionError("the message has no text (only attachments?)")
    return Extracted(
        title=subject or derive_title(body),
        body=body,
        published=sent,
        author=author,
        language=language or guess_language(body),
    )


def _body(message: EmailMessage, sent: date | None) -> tuple[str, str | None]:
    """The message's text and, for an HTML part, its language."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, TypeError, LookupError):
        part = None
    if part is None:
        return "", None
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return "", None
    charset = part.get_content_charset()
    if part.get_content_type() == "text/html":
        # A short mail is kept whole (a greeting is not boilerplate); a long one, a
        # newsletter, goes through the web-page extractor, which drops its chrome.
        text = decode_bytes(payload, html=True, declared=charset).text
        whole = paragraphs_to_body(block_texts(parse_html(text.encode("utf-8"))))
        if len(whole) <= SHORT_MAIL_CHARS:
            return whole, None
        try:
            extracted = extract_html(text, fallback_date=sent)
        except ExtractionError:
            return whole, None
        return extracted.body, extracted.language
    try:
        text = payload.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        text = decode_bytes(payload).text
    return tidy_body(text), None


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, TypeError, LookupError, IndexError):
        return None
    if value is None:
        return None
    text = " ".join(normalize_text(str(value)).split())
    return text or None


def _author(message: EmailMessage) -> str | None:
    raw = _header(message, "From")
    if not raw:
        return None
    try:
        addresses = getaddresses([raw])
    except (ValueError, TypeError, IndexError):
        return raw
    for name, address in addresses:
        if name.strip() or address.strip():
            return name.strip() or address.strip()
    return raw
