"""The last net under every call the app makes to a server library.

The parts that talk to the library catch ``ServerUnreachable`` where they can
keep what the user was doing (a search, an annotation being saved). Any other
call that meets an unreachable server ends in a slot that raised; Qt hands that
exception to ``sys.excepthook``, and the hook installed here turns it into the
window's "Server unreachable" bar instead of a traceback. Every other exception
goes on to the hook that was there before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from desktop.core.errors import ServerUnreachable

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def route_server_errors(show: Callable[[str], None]) -> Hook:
    """Install the hook; ``show`` gets the one-line reason. Returns the previous hook."""
    previous = sys.excepthook

    def hook(
        kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, ServerUnreachable):
            show(str(exc))
            return
        previous(kind, exc, tb)

    sys.excepthook = hook
    return previous
