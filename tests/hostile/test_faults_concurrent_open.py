"""Two processes opening (and migrating) a fresh library at the same moment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.core.store import Library, schema

_OPEN_AND_WRITE = """
import sys, time
from pathlib import Path
from desktop.core.store import Library
from desktop.core.store.connection import transaction
start = float(sys.argv[2])
while time.time() < start:
    pass
lib = Library.open(Path(sys.argv[1]))
with transaction(lib.conn):
    lib.conn.execute("INSERT INTO meta (key, value) VALUES (?, 'x')", (sys.argv[3],))
lib.close()
"""


def test_processes_racing_to_create_a_library_all_succeed(tmp_path: Path) -> None:
    import time

    for round_ in range(6):
        root = tmp_path / f"lib{round_}"
        start = time.time() + 1.0
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN_AND_WRITE, str(root), str(start), f"p{i}"],
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(4)
        ]
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
        with Library.open(root) as lib:
            assert schema.current_version(lib.conn) == schema.latest_version()
            keys = {row[0] for row in lib.conn.execute("SELECT key FROM meta")}
        assert {"p0", "p1", "p2", "p3"} <= keys

