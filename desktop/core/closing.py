"""``Closing``: ``with`` support for objects that have a ``close()`` method."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Closing:
    """Mix-in: ``with obj:`` returns ``obj`` and calls ``obj.close()`` on the way out."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
