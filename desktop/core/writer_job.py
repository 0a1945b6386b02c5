"""One writer job: import paths (optional) and then bring the search index in line.

Every write the app makes to a library's articles and its search index goes
through this job, one at a time (the UI's ``importing/controller`` runs it on
its writer thread, by default in a spawned child process so that long C calls
holding the GIL never stall the GUI). Messages go out through
``send(kind, payload)``:

* ``("progress", ImportProgress)`` — throttled by the import to ~20 a second;
* ``("imported", ImportReport)`` — the articles are committed;
* ``("index", (done, total))`` — index catch-up progress, throttled here;
* ``("done", None)`` or ``("error", message)`` — always last.
"""

from __future__ import annotations

import os
import queue
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError
from desktop.core.progress import Throttle
from desktop.core.store.locations import open_library

Send = Callable[[str, Any], None]


def run_writer_job(
    location: str | os.PathLike[str],
    paths: Sequence[Path] | None,
    send: Send,
    cancel: Callable[[], bool],
) -> None:
    """Import ``paths`` (if given) into the library at ``location`` (a folder, or a
    server's full address), then bring its search index in line."""
    try:
        library = open_library(location, create=False)
        try:
            if paths is not None:
                from desktop.core.ingest.pipeline import import_paths

                report = import_paths(
                    library, [Path(p) for p in paths],
                    progress=lambda p: send("progress", p), cancel=cancel,
                )
                send("imported", report)
            from desktop.core.search.interface import catch_up_search  # loads the search stack

            index_throttle = Throttle(lambda p: send("index", p))
            catch_up_search(library, lambda done, total: index_throttle.offer((done, total)))
            index_throttle.flush()
        finally:
            library.close()
    except UserError as exc:
        send("error", str(exc))
    except Exception as exc:  # reported as one line, never a traceback
        send("error", f"Import failed: {exc}")
    else:
        send("done", None)


def process_main(
    location: str, paths: list[str] | None, messages: Any, cancel_event: Any
) -> None:
    """Entry point of the writer child process (``multiprocessing``, spawn)."""
    run_writer_job(
        location,
        None if paths is None else [Path(p) for p in paths],
        lambda kind, payload: messages.put((kind, payload)),
        cancel_event.is_set,
    )


def drain(messages: Any, timeout: float) -> tuple[str, Any] | None:
    """The next message from the child process, or None after ``timeout`` seconds."""
    try:
        item: tuple[str, Any] = messages.get(timeout=timeout)
    except queue.Empty:
        return None
    return item
