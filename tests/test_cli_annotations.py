"""The ``annotations`` and ``reextract`` commands, end to end through ``cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.annotations.store import AnnotationStore
from desktop.core.models import ArticleDraft, Original, article_id_for
from desktop.core.store import Library

BODY = (
    "Sở Khoa học tổ chức hội nghị.\n\nKinh phí cho nghiên cứu khoa học tăng 12% so với năm "
    "trước. Đội tuyển Việt Nam được hỗ trợ đào tạo. Kinh phí cho nghiên cứu khoa học được "
    "công khai.\n\nThịt lợn 🐷 và cà phê ☕ là ví dụ."
)


def add(library: Library, body: str = BODY, title: str = "Hội nghị tổng kết",
        original: str | None = None) -> str:
    raw = (original if original is not None else title + "\n" + body).encode()
    draft = ArticleDraft(
        id=article_id_for(raw), title=title, body=body, source_path="a.txt", kind="text",
        original=Original(data=raw, media_type="text/plain", encoding="utf-8"),
    )
    library.articles.add(draft)
    return draft.id


def run(library: Library, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(library.root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_and_list(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    aid = add(library)
    code, out, err = run(library, capsys, "annotations", "add", aid[:8], "--quote",
                         "Đội tuyển Việt Nam", "--note", "ghi chú", "--tag", "sport",
                         "--tag", "policy/funding", "--color", "blue", "--json")
    assert code == 0 and err == ""
    made = json.loads(out)
    assert BODY[made["start"] : made["end"]] == "Đội tuyển Việt Nam"
    assert made["tags"] == ["policy/funding", "sport"] and made["color"] == "blue"

    # Ambiguous quote: the first occurrence, and a note saying so.
    code, out, err = run(library, capsys, "annotations", "add", aid, "--quote",
                         "Kinh phí cho nghiên cứu khoa học", "--json")
    assert code == 0 and "occurs 2 times" in err
    assert json.loads(out)["start"] == BODY.index("Kinh phí")
    code, out, _ = run(library, capsys, "annotations", "add", aid, "--quote",
                       "Kinh phí cho nghiên cứu khoa học", "--suffix", " được công khai",
                       "--json")
    assert json.loads(out)["start"] == BODY.rindex("Kinh phí")

    code, out, _ = run(library, capsys, "annotations", "list", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert set(rows[0]) == {"id", "article", "start", "end", "quote", "note", "tags", "color",
                            "status", "created", "modified", "author", "editor"}
    assert all(r["status"] == "anchored" and r["article"] == aid for r in rows)
    code, out, _ = run(library, capsys, "annotations", "list", "--json", "--tag", "policy")
    assert [json.loads(line)["quote"] for line in out.splitlines()] == ["Đội tuyển Việt Nam"]
    code, out, _ = run(library, capsys, "annotations", "list", "--json", "--article", aid)
    starts = [json.loads(line)["start"] for line in out.splitlines()]
    assert starts == sorted(starts)
    code, out, _ = run(library, capsys, "annotations", "list")
    assert code == 0 and "#sport" in out


def test_errors_are_one_line(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    aid = add(library)
    for argv, needle in (
        (("annotations", "add", aid, "--quote", "không có"), "is not in article"),
        (("annotations", "add", "zzzz", "--quote", "x"), "No article"),
        (("annotations", "add", aid, "--quote", "Đội", "--color", "rainbow"), "Unknown colour"),
        (("annotations", "import", str(library.root / "missing.jsonld")), "Cannot read"),
    ):
        code, out, err = run(library, capsys, *argv)
        assert code != 0 and needle in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert AnnotationStore(library.conn).count() == 0


def test_export_and_import(library: Library, capsys: pytest.CaptureFixture[str],
                           tmp_path: Path) -> None:
    aid = add(library)
    run(library, capsys, "annotations", "add", aid, "--quote", "cà phê ☕", "--tag", "food")
    run(library, capsys, "annotations", "add", aid, "--quote", "Đội tuyển", "--tag", "sport")
    for fmt, name in (("w3c", "a.jsonld"), ("csv", "a.csv"), ("markdown", "a.md"),
                      ("qdpx", "a.qdpx")):
        code, out, _ = run(library, capsys, "annotations", "export", "--format", fmt,
                           str(tmp_path / name), "--tag", "food", "--json")
        assert code == 0 and json.loads(out)["annotations"] == 1
    data = json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8"))
    assert [i["target"]["selector"][0]["exact"] for i in data["first"]["items"]] == ["cà phê ☕"]

    other = Library.open(tmp_path / "other")
    try:
        add(other)
        code = main(["--library", str(other.root), "annotations", "import",
                     str(tmp_path / "a.jsonld"), "--json"])
        out, _ = capsys.readouterr()
        assert code == 0 and json.loads(out)["added"] == 1
        assert AnnotationStore(other.conn).list_all()[0].exact == "cà phê ☕"
    finally:
        other.close()


def test_reextract_reanchors(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    original = "Hội nghị tổng kết\n" + BODY.replace("\n\n", "\n") + "\n"
    # Stored text as an older extractor left it: with a menu line on top.
    aid = add(library, body="Trang chủ | Tin tức | Liên hệ\n\n" + BODY, original=original)
    store = AnnotationStore(library.conn)
    kept = store.create_from_quote(aid, "Đội tuyển Việt Nam").annotation
    menu = store.create_from_quote(aid, "Trang chủ | Tin tức").annotation
    code, out, _ = run(library, capsys, "reextract", aid, "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["changed_ids"] == [aid]
    body = library.articles.get(aid).body
    assert "Trang chủ" not in body
    moved = store.get(kept.id)
    assert moved.status == "anchored" and body[moved.start : moved.end] == "Đội tuyển Việt Nam"
    assert store.get(menu.id).status == "orphaned"
    assert summary["annotations"] == {"kept": 0, "moved": 1, "fuzzy": 0, "orphaned": 1}
    # Nothing changes the second time.
    code, out, _ = run(library, capsys, "reextract", "--json")
    assert json.loads(out)["changed"] == 0


def test_export_by_search_query(library: Library, capsys: pytest.CaptureFixture[str],
                                tmp_path: Path) -> None:
    pytest.importorskip("desktop.core.search.index")
    football = add(library)
    other = add(library, body="Giá lúa gạo vụ mùa năm nay tăng cao ở đồng bằng.", title="Lúa")
    store = AnnotationStore(library.conn)
    on_football = store.create_from_quote(football, "Đội tuyển Việt Nam").annotation
    store.create_from_quote(other, "Giá lúa gạo")
    out = tmp_path / "q.jsonld"
    code, printed, err = run(library, capsys, "annotations", "export", "--format", "w3c",
                             str(out), "--query", "doi tuyen", "--json")
    assert code == 0, err
    assert json.loads(printed)["annotations"] == 1
    items = json.loads(out.read_text(encoding="utf-8"))["first"]["items"]
    assert [i["id"] for i in items] == [f"urn:uuid:{on_football.id}"]
    code, _, err = run(library, capsys, "annotations", "export", "--format", "csv",
                       str(tmp_path / "e.csv"), "--query", "  ")
    assert code != 0 and "empty" in err


def test_user_option_names_the_author_in_list_show_and_history(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    aid = add(library)
    code, out, _ = run(library, capsys, "--user", "Phạm Hà", "annotations", "add", aid,
                       "--quote", "Đội tuyển Việt Nam", "--note", "đầu tiên", "--json")
    assert code == 0
    made = json.loads(out)
    assert (made["author"], made["editor"]) == ("Phạm Hà", "Phạm Hà")
    code, out, _ = run(library, capsys, "annotations", "list")
    assert "Phạm Hà" in out
    code, out, _ = run(library, capsys, "annotations", "show", made["id"][:8])
    assert code == 0 and "author:   Phạm Hà" in out and "đầu tiên" in out

    AnnotationStore(library.conn, "Vũ").update(made["id"], note="thứ hai")
    code, out, _ = run(library, capsys, "--user", "Lý", "annotations", "delete", made["id"])
    assert code == 0
    code, out, _ = run(library, capsys, "annotations", "history", made["id"][:8], "--json")
    entries = [json.loads(line) for line in out.splitlines()]
    assert [(e["action"], e["replaced_by"], e["version"]["note"]) for e in entries] == [
        ("delete", "Lý", "thứ hai"), ("edit", "Vũ", "đầu tiên")
    ]
    code, out, _ = run(library, capsys, "annotations", "history", made["id"][:8])
    assert code == 0 and out.startswith(f"{made['id']}: deleted")
    assert "deleted by Lý" in out and "replaced by Vũ" in out


def test_history_of_an_unknown_annotation_is_one_line(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(library, capsys, "annotations", "history", "ffff")
    assert code == 2 and out == ""
    assert err.strip() == "archive-browser: error: No annotation with id 'ffff'."


def test_user_option_reaches_the_app(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.ui.app as app_module

    seen: dict[str, object] = {}

    def fake_run_app(library_dir: Path, **kwargs: object) -> int:
        seen.update(kwargs, library_dir=library_dir)
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    assert main(["--library", str(library.root), "--user", "Đặng Thu"]) == 0
    assert seen["user"] == "Đặng Thu" and seen["library_dir"] == library.root
