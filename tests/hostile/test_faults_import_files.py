"""Hostile or odd files inside an import: bad names, pipes and devices, escaping links."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.ingest import import_paths
from desktop.core.store import Library
from tests.core.ingest._builders import PARAGRAPHS, text_dump


def _dump(path: Path, title: str) -> Path:
    path.write_text(text_dump(title, f"Bài viết về {title} tại tỉnh.", *PARAGRAPHS), "utf-8")
    return path


def test_a_file_name_that_is_not_utf8_is_imported_and_the_rest_goes_on(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _dump(folder / "a-first.txt", "Tin thứ nhất về giáo dục")
    bad = os.path.join(os.fsencode(folder), b"bad\xffname.txt")
    with open(bad, "wb") as fh:
        fh.write(
            text_dump("Tin tên tệp hỏng về nông nghiệp", "Nông dân thu hoạch lúa.", *PARAGRAPHS)
            .encode("utf-8")
        )
    _dump(folder / "z-last.txt", "Tin cuối cùng về y tế")
    report = import_paths(library, [folder], workers=0)
    assert report.failed == []
    assert report.imported == 3
    sources = [row[0] for row in library.conn.execute("SELECT source_path FROM articles")]
    shown = [s for s in sources if "name.txt" in s]
    assert len(shown) == 1
    assert shown[0].endswith("bad\\xffname.txt")
    shown[0].encode("utf-8")  # storable and printable


def test_the_cli_prints_a_report_for_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"x\xfe.txt"), "wb") as fh:
        fh.write(text_dump("Tin ngắn về thời tiết", "Trời mưa to.", *PARAGRAPHS).encode())
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(tmp_path / "lib"),
         "import", str(folder), "--json"],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert '"imported": 1' in out.stdout
    assert "Traceback" not in out.stderr


def test_a_named_pipe_called_txt_is_skipped_not_waited_on(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _dump(folder / "a.txt", "Tin về giao thông đô thị")
    os.mkfifo(folder / "pipe.txt")
    _dump(folder / "z.txt", "Tin về văn hóa lễ hội")
    code = (
        "import sys; from pathlib import Path; from desktop.core.store import Library;"
        "from desktop.core.ingest import import_paths;"
        "lib = Library.open(Path(sys.argv[1]));"
        "r = import_paths(lib, [Path(sys.argv[2]), Path(sys.argv[3])], workers=0);"
        "print(r.imported, [f.path.rsplit('/', 1)[-1] + ': ' + f.error for f in r.failed])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "lib"), str(folder),
         str(folder / "pipe.txt")],
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    imported, _, failures = out.stdout.partition(" ")
    assert imported == "2"
    assert failures.count("pipe.txt: ") == 2
    assert "not a regular file" in failures


def test_a_socket_called_txt_is_reported_as_skipped(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "s.txt"))
        report = import_paths(library, [folder], workers=0)
    finally:
        sock.close()
    assert [f.error for f in report.failed] == ["not a regular file (a socket); skipped"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_given_by_name_is_skipped(library: Library, tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    report = import_paths(library, [link], workers=0)
    assert report.imported == 0
    assert [f.error for f in report.failed] == ["not a regular file (a device); skipped"]


def test_a_symlink_leaving_the_folder_is_refused(library: Library, tmp_path: Path) -> None:
    secret = _dump(tmp_path / "private.txt", "Thư riêng không được nhập")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _dump(folder / "ok.txt", "Tin về khoa học công nghệ")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "sub" / "up.txt").symlink_to("../../private.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "inside.txt").symlink_to("sub/real.txt")
    _dump(folder / "sub" / "real.txt", "Tin về thể thao trong nước")
    report = import_paths(library, [folder], workers=0)
    assert report.imported == 2  # ok.txt and sub/real.txt (inside.txt is its duplicate)
    refused = sorted(Path(f.path).name for f in report.failed)
    assert refused == ["leak.txt", "passwd.txt", "up.txt"]
    assert all("outside the folder" in f.error for f in report.failed)
    titles = [row[0] for row in library.conn.execute("SELECT title FROM articles")]
    assert not any("riêng" in t for t in titles)
