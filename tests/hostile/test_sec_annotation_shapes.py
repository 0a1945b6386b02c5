"""Annotation files in the shapes other tools write import; unknown shapes are an error.

An ``AnnotationCollection`` listing ``items`` directly imported nothing and
reported ``added 0, failed 0``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.core.annotations.store import AnnotationStore
from desktop.core.annotations.w3c import annotation_to_w3c, import_annotation_file
from desktop.core.errors import UserError
from desktop.core.store import Library
from tests.helpers.annotations import make_draft

Item = dict[str, Any]


@pytest.fixture
def items(tmp_path: Path) -> list[Item]:
    """Two W3C annotations on the article every test library holds."""
    source = Library.open(tmp_path / "source")
    draft = make_draft()
    source.articles.add(draft)
    store = AnnotationStore(source.conn)
    made = [
        store.create_from_quote(draft.id, "Kinh phí cho nghiên cứu", note="ghi chú").annotation,
        store.create_from_quote(draft.id, "Đội tuyển Việt Nam", tags=["thể thao"]).annotation,
    ]
    source.close()
    return [annotation_to_w3c(a) for a in made]


@pytest.fixture
def target(library: Library) -> Library:
    library.articles.add(make_draft())
    return library


def _collection(**fields: Any) -> dict[str, Any]:
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            **fields}


SHAPES: dict[str, Callable[[list[Item]], str]] = {
    "collection with items": lambda i: json.dumps(_collection(items=i)),
    "collection with first page": lambda i: json.dumps(
        _collection(first={"type": "AnnotationPage", "items": i})
    ),
    "collection with first as a list of pages": lambda i: json.dumps(
        _collection(first=[{"type": "AnnotationPage", "items": i[:1]},
                           {"type": "AnnotationPage", "items": i[1:]}])
    ),
    "collection with first as a list of annotations": lambda i: json.dumps(
        _collection(first=i)
    ),
    "collection with paged first/next": lambda i: json.dumps(
        _collection(first={"type": "AnnotationPage", "items": i[:1],
                           "next": {"type": "AnnotationPage", "items": i[1:]}})
    ),
    "annotation page": lambda i: json.dumps({"type": "AnnotationPage", "items": i}),
    "bare array": lambda i: json.dumps(i),
    "JSON Lines": lambda i: "\n".join(json.dumps(x) for x in i) + "\n",
    "JSON Lines with a BOM and blank lines": lambda i: "\ufeff"
    + "\n\n".join(json.dumps(x) for x in i),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_common_shapes_import(
    shape: str, items: list[Item], target: Library, tmp_path: Path
) -> None:
    path = tmp_path / "in.jsonld"
    path.write_text(SHAPES[shape](items), encoding="utf-8")
    report = import_annotation_file(target, path)
    assert (report.added, report.failed) == (2, [])
    notes = sorted(a.note for a in AnnotationStore(target.conn).list_all())
    assert notes == ["", "ghi chú"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps({"annotations": [{"text": "x"}]}), "expected W3C Web Annotations"),
        (json.dumps([{"text": "x", "uri": "https://x.vn"}]), "None of the 1 item"),
        ('{"type": "Annotation"}\n{"text": "x"}\n', "None of the 2 item"),
        (json.dumps(_collection(total=3)), "holds 3 annotation"),
        (json.dumps(_collection(first="https://x.vn/page1")), "not embedded"),
        ("not json at all\nstill not\n", "not valid JSON"),
        (json.dumps("just a string"), "expected W3C Web Annotations"),
    ],
)
def test_unknown_shapes_are_an_error_not_a_silent_zero(
    content: str, message: str, target: Library, tmp_path: Path
) -> None:
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        import_annotation_file(target, path)
    assert AnnotationStore(target.conn).list_all() == []


def test_an_empty_collection_is_an_honest_zero(target: Library, tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonld"
    path.write_text(json.dumps(_collection(total=0, items=[])), encoding="utf-8")
    assert import_annotation_file(target, path).added == 0


def test_cli_says_what_was_expected(
    target: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hyp.json"
    path.write_text(json.dumps({"rows": [{"text": "x"}]}), encoding="utf-8")
    code = main(["--library", str(target.root), "annotations", "import", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "expected W3C Web Annotations" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
