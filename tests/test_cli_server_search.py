"""The CLI's searching commands on a server library answer as on a library folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from tests.core.ingest._builders import article_html

# Three short articles of our own: a phrase with diacritics, the same words folded
# in another order, and one about something else.
ARTICLES = {
    "lua.html": (
        "Giá lúa gạo tăng mạnh ở đồng bằng",
        [
            "Nông dân đồng bằng sông Cửu Long vui mừng khi giá lúa gạo tăng mạnh trong "
            "tuần này, thương lái đến tận ruộng để mua.",
            "Các hợp tác xã cho biết sản lượng vụ đông xuân đạt cao nhất trong năm năm.",
        ],
        "2023-04-02",
    ),
    "gao.html": (
        "Thương lái gạo và vụ mùa mới",
        [
            "Gạo xuất khẩu được giá, nhưng lúa ở nhiều nơi vẫn chưa gặt xong vì mưa lớn "
            "kéo dài suốt tháng qua ở đồng bằng.",
            "Người dân lo ngại chi phí phân bón và nhân công tiếp tục tăng.",
        ],
        "2024-01-15",
    ),
    "cau.html": (
        "Cây cầu mới nối hai bờ sông",
        [
            "Cây cầu dài hai cây số được khánh thành sáng nay, rút ngắn đường đi của "
            "hàng nghìn học sinh qua sông mỗi ngày.",
            "Chính quyền địa phương dự kiến mở thêm tuyến xe buýt qua cầu vào cuối năm.",
        ],
        "2024-06-30",
    ),
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for name, (title, paragraphs, published) in ARTICLES.items():
        (folder / name).write_text(
            article_html(title, paragraphs, published=published), encoding="utf-8"
        )
    return folder


@pytest.fixture
def both(
    pg_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[str, str]:
    """The same three articles in a library folder and in a server library."""
    folder = _inputs(tmp_path / "in")
    server, laptop = pg_dsn, str(tmp_path / "lib")
    assert _run(capsys, "server", "init", server)[0] == 0
    for location in (server, laptop):
        code, out, err = _run(capsys, "--library", location, "import", str(folder), "--json")
        assert code == 0, err
        assert json.loads(out)["imported"] == 3
    return server, laptop


def _search(capsys: pytest.CaptureFixture[str], location: str, *argv: str) -> dict[str, Any]:
    code, out, err = _run(capsys, "--library", location, "search", *argv, "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def _comparable(result: dict[str, Any]) -> dict[str, Any]:
    """A result without what differs between two engines by nature (scores, time)."""
    return {
        "keys": sorted(result),
        "query": result["query"],
        "total": result["total"],
        "ids": sorted(h["id"] for h in result["hits"]),
        "hit_keys": [sorted(h) for h in result["hits"]],
        "titles": sorted(h["title"] for h in result["hits"]),
        "published": sorted(str(h["published"]) for h in result["hits"]),
        "facets": result["facets"],
        "notice": result["notice"],
    }


def _ids(capsys: pytest.CaptureFixture[str], location: str, query: str) -> set[str]:
    return {h["id"] for h in _search(capsys, location, query)["hits"]}


@pytest.mark.parametrize(
    "query",
    ['"giá lúa gạo"', "gia lua gao", "lúa gạo", "cầu", "đồng bằng -cầu", "published:2024"],
)
def test_search_json_on_a_server_is_shaped_and_filled_as_on_a_folder(
    both: tuple[str, str], capsys: pytest.CaptureFixture[str], query: str
) -> None:
    server, laptop = both
    on_server, on_folder = _search(capsys, server, query), _search(capsys, laptop, query)
    assert on_server["total"] > 0
    assert _comparable(on_server) == _comparable(on_folder)


def test_phrases_are_exact_and_diacritics_optional_on_a_server(
    both: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    server, _ = both
    titles = {
        h["title"] for h in _search(capsys, server, '"giá lúa gạo"')["hits"]
    }
    assert titles == {"Giá lúa gạo tăng mạnh ở đồng bằng"}
    # Folded, the phrase finds the same article; the words apart find both about rice.
    assert _ids(capsys, server, '"gia lua gao"') == _ids(capsys, server, '"giá lúa gạo"')
    assert len(_ids(capsys, server, "lua gao")) == 2
    # Words out of order are no phrase: the notice says the words were found apart.
    apart = _search(capsys, server, '"gạo giá lúa"')
    assert apart["notice"] and "phrase" in apart["notice"]


def test_saved_searches_run_and_count_new_articles_on_a_server(
    both: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server, laptop = both
    runs = {}
    for location in both:
        assert _run(capsys, "--library", location, "saved", "add", "Lúa", "lúa gạo")[0] == 0
        later = tmp_path / f"later-{len(runs)}"
        later.mkdir()
        (later / "moi.html").write_text(
            article_html("Lúa gạo vụ hè thu", [ARTICLES["gao.html"][1][1] + " Lúa gạo."]),
            encoding="utf-8",
        )
        assert _run(capsys, "--library", location, "import", str(later))[0] == 0
        code, out, err = _run(capsys, "--library", location, "saved", "run", "Lúa", "--json")
        assert code == 0, err
        runs[location] = json.loads(out)
        code, out, _ = _run(capsys, "--library", location, "saved", "list", "--json")
        assert code == 0 and json.loads(out)[0]["new"] == 0
    assert runs[server]["new"] == 1 and runs[server]["result"]["total"] == 3
    assert _comparable(runs[server]["result"]) == _comparable(runs[laptop]["result"])


def test_similar_clusters_and_compare_on_a_server(
    both: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server, laptop = both
    copy = tmp_path / "copy"
    copy.mkdir()
    title, paragraphs, _ = ARTICLES["lua.html"]
    (copy / "lai.html").write_text(
        article_html(title + " (đăng lại)", [*paragraphs, "Bài đăng lại từ báo địa phương."]),
        encoding="utf-8",
    )
    found: dict[str, Any] = {}
    for location in both:
        code, out, _ = _run(capsys, "--library", location, "import", str(copy), "--json")
        reposted = json.loads(out)["ids"][0]
        code, out, err = _run(capsys, "--library", location, "similar", reposted, "--json")
        assert code == 0, err
        found[location] = [s["id"] for s in json.loads(out)["similar"]]
        code, out, err = _run(capsys, "--library", location, "clusters", "--json")
        assert code == 0, err
        found[location + " clusters"] = json.loads(out)["clusters"]
    original = _ids(capsys, server, '"giá lúa gạo tăng mạnh"') - {reposted}
    assert found[server] and found[server][0] in original
    assert found[server] == found[laptop]
    assert len(found[server + " clusters"]) == 1
    assert found[server + " clusters"] == found[laptop + " clusters"]
    code, out, err = _run(capsys, "--library", server, "compare", reposted, *original, "--json")
    assert code == 0, err
    assert json.dumps(json.loads(out), sort_keys=True)


def test_reindex_and_query_options_on_a_server(
    both: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server, _ = both
    code, out, err = _run(capsys, "--library", server, "reindex", "--json")
    assert code == 0, err and json.loads(out)["documents"] == 3
    assert _search(capsys, server, "cầu")["total"] == 1
    bundle = tmp_path / "lua.zip"
    code, out, err = _run(
        capsys, "--library", server, "bundle", "export", str(bundle), "--query", "lúa gạo",
        "--json",
    )
    assert code == 0, err
    laptop = str(tmp_path / "laptop")
    code, out, err = _run(capsys, "--library", laptop, "bundle", "import", str(bundle), "--json")
    assert code == 0, err
    assert set(json.loads(out)["ids"]) == _ids(capsys, server, "lúa gạo")


def test_check_and_recover_stay_folder_only_in_one_line(
    both: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    server, _ = both
    for argv in (["check"], ["recover", "/nonexistent-target"]):
        code, _, err = _run(capsys, "--library", server, *argv)
        assert code != 0 and "library folder" in err, (argv, err)
        assert err.count("\n") == 1 and "Traceback" not in err
