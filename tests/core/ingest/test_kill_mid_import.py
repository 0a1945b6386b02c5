"""A process killed by SIGKILL mid-import leaves a library holding exactly its committed chunks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.ingest import import_paths
from desktop.core.store import Library
from tests.core.ingest._builders import zip_bytes

CHUNK = 100
TOTAL = 3000

CHILD = """
import sys
from pathlib import Path
from desktop.core.ingest import import_paths
from desktop.core.store import Library

def show(p):
    print(p.imported, flush=True)

lib = Library.open(Path(sys.argv[1]))
import_paths(lib, [Path(sys.argv[2])], progress=show, chunk_size=int(sys.argv[3]))
print("finished", flush=True)
"""


def _batch(path: Path) -> None:
    members = []
    for i in range(TOTAL):
        text = (
            f"Bản tin số {i} về khoa học và công nghệ\n"
            f"Tóm tắt bản tin số {i}: sở khoa học tổ chức hội thảo chuyên đề lần {i}.\n"
            f"Hội thảo lần {i} thu hút nhiều nhà khoa học tham dự và thảo luận sôi nổi về "
            f"ứng dụng công nghệ trong sản xuất nông nghiệp, mã số {i * 104729}.\n"
        )
        members.append((f"batch/{i:05d}.txt", text.encode("utf-8")))
    path.write_bytes(zip_bytes(members))


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_sigkill_mid_import_keeps_committed_chunks(tmp_path: Path) -> None:
    source = tmp_path / "batch.zip"
    _batch(source)
    root = tmp_path / "lib"
    repo = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root), str(source), str(CHUNK)],
        stdout=subprocess.PIPE, text=True, env=env, cwd=repo,
    )
    assert child.stdout is not None
    reported = 0
    for line in child.stdout:
        if line.strip() == "finished":
            break
        reported = int(line)
        if reported >= 5 * CHUNK:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the import finished before it could be killed"

    lib = Library.open(root)
    try:
        count = lib.articles.count()
        originals = lib.conn.execute("SELECT COUNT(*) FROM originals").fetchone()[0]
        assert count == originals
        assert count % CHUNK == 0
        assert reported <= count < TOTAL
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rest = import_paths(lib, [source], chunk_size=500)
        assert (rest.imported, rest.duplicates, rest.failed) == (TOTAL - count, count, [])
        assert lib.articles.count() == TOTAL
    finally:
        lib.close()
