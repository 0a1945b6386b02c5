"""Memory stays bounded: one cap on bytes in flight, and alike failures reported as a group."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.core.ingest import ImportLimits, import_paths
from desktop.core.ingest import pipeline as pipeline_module
from desktop.core.ingest.failures import group_failures, summary_lines
from desktop.core.ingest.parallel import Job, Outcome, extract_job
from desktop.core.models import ImportFailure
from desktop.core.store import Library
from tests.core.ingest._builders import PARAGRAPHS, text_dump

MIB = 1024 * 1024


class _Deferred:
    def __init__(self, pool: _RecordingPool, jobs: list[Job]):
        self.pool, self.jobs = pool, jobs

    def get(self) -> list[Outcome]:
        self.pool.outstanding -= sum(len(job[1]) for job in self.jobs)
        return [extract_job(job, None, for_store=True) for job in self.jobs]


class _RecordingPool:
    """Stands in for the worker pool; records the bytes submitted and not yet collected."""

    instances: list[_RecordingPool] = []

    def __init__(self, workers: int, stats: Any):
        self.outstanding = 0
        self.peak = 0
        _RecordingPool.instances.append(self)

    def submit(self, jobs: list[Job]) -> _Deferred:
        self.outstanding += sum(len(job[1]) for job in jobs)
        self.peak = max(self.peak, self.outstanding)
        return _Deferred(self, jobs)

    def close(self) -> None:
        pass

    def terminate(self) -> None:
        pass


def _big_dumps(folder: Path, count: int, size: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        text = text_dump(f"Tin dài số {i} về thủy lợi", f"Mở đầu bài {i}.", *PARAGRAPHS)
        filler = f"\nĐoạn {i}: nước về đồng sớm, bà con phấn khởi xuống giống. "
        body = text + filler * (size // len(filler.encode()))
        (folder / f"big{i:03d}.txt").write_text(body, "utf-8")
    return folder


def test_bytes_in_flight_to_the_workers_stay_under_one_cap(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _big_dumps(tmp_path / "in", 60, 256 * 1024)
    monkeypatch.setattr(pipeline_module, "ExtractionPool", _RecordingPool)
    _RecordingPool.instances.clear()
    cap = 2 * MIB
    report = import_paths(
        library, [folder], workers=2, limits=ImportLimits(max_bytes_in_flight=cap)
    )
    assert report.imported == 60 and report.failed == []
    (pool,) = _RecordingPool.instances
    # Never more than the cap plus the one batch that crossed it.
    assert 0 < pool.peak <= cap + cap // 8 + 300 * 1024


def test_many_alike_failures_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "members.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i in range(300):
            zf.writestr(f"m/{i:04d}.txt", b"\0" * (64 * 1024))
        zf.writestr("ok.txt", text_dump("Tin thật duy nhất", "Mở đầu.", *PARAGRAPHS))
    assert main(["--library", str(tmp_path / "lib"), "import", str(bomb)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 imported, 0 duplicates, 300 failed"
    assert len(out) == 2
    assert out[1].startswith("failed: 300 members: binary file, not text")


def test_grouping_ignores_sizes_and_keeps_rare_failures_listed() -> None:
    failures = [
        ImportFailure(path=f"a.zip!{i}.txt", error=f"too large ({i}.0 MiB; the limit is 64 MiB)")
        for i in range(70, 75)
    ] + [ImportFailure(path="b.txt", error="empty file")]
    groups = group_failures(failures)
    assert [(g.reason, g.count) for g in groups] == [("too large", 5), ("empty file", 1)]
    assert summary_lines(failures) == [
        "failed: 5 members: too large (first: a.zip!70.txt: too large (70.0 MiB; the limit "
        "is 64 MiB))",
        "failed: b.txt: empty file",
    ]
