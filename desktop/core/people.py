"""Who works on a library: the user names recorded on annotations and their history.

A folder library takes the OS login name unless the command line names someone
(``--user NAME``); a server library takes its connection's user.
"""

from __future__ import annotations

import getpass

from desktop.core.textnorm import normalize_text

MAX_NAME_CHARS = 200


def clean_name(name: object) -> str:
    """A user name as stored: NFC text on one line, at most ``MAX_NAME_CHARS``.

    Names come from the OS, the command line or a file from a stranger, so anything
    else (not text, control characters) becomes spaces or nothing.
    """
    if not isinstance(name, str):
        return ""
    flat = "".join(ch if ch.isprintable() else " " for ch in normalize_text(name))
    return " ".join(flat.split())[:MAX_NAME_CHARS]


def login_name() -> str:
    """The OS login name, or "" when the system cannot say (never fails)."""
    try:
        return clean_name(getpass.getuser())
    except Exception:  # OSError, KeyError or ImportError, depending on the platform
        return ""
