"""The result model: roles, paging through fetchMore, and Qt's model consistency checks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.ui.results.model import ResultRow, ResultsModel
from desktop.ui.roles import Role


def rows(start: int, n: int) -> list[ResultRow]:
    return [
        ResultRow(
            f"id{i}",
            f"Tiêu đề {i}",
            date(2020, 1, 1 + i % 28),
            "site.vn",
            f"đoạn <mark>{i}</mark>",
            float(i),
        )
        for i in range(start, start + n)
    ]


def test_roles_and_tester() -> None:
    model = ResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reset_rows(rows(0, 3), total=3)
    index = model.index(1, 0)
    assert model.rowCount() == 3
    assert index.data(Role.ID) == "id1"
    assert index.data(Role.TITLE) == index.data(Qt.ItemDataRole.DisplayRole) == "Tiêu đề 1"
    assert index.data(Role.DATE) == "2020-01-02"
    assert index.data(Role.SITE) == "site.vn"
    assert index.data(Role.SNIPPET) == "đoạn <mark>1</mark>"
    assert index.data(Role.SCORE) == 1.0
    assert model.data(model.index(5, 0), Role.ID) is None
    assert b"snippet" in model.roleNames().values()


def test_fetch_more_pages_until_total() -> None:
    model = ResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    asked: list[int] = []
    model.more_requested.connect(asked.append)
    model.reset_rows(rows(0, 50), total=120)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # already fetching: no second request
    assert asked == [50]
    model.append_page(50, rows(50, 50))
    model.fetchMore(QModelIndex())
    assert asked == [50, 100]
    model.append_page(100, rows(100, 20))
    assert model.rowCount() == 120 and not model.canFetchMore(QModelIndex())
    assert model.ids()[-1] == "id119"


def test_stale_or_short_pages() -> None:
    model = ResultsModel()
    model.reset_rows(rows(0, 10), total=30)
    model.fetchMore(QModelIndex())
    model.append_page(40, rows(40, 10))  # a page for another offset is ignored
    assert model.rowCount() == 10
    model.fetchMore(QModelIndex())
    model.append_page(10, [])  # the source ran out early
    assert model.rowCount() == 10 and not model.canFetchMore(QModelIndex())


def test_large_model_is_cheap() -> None:
    model = ResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reset_rows(rows(0, 100_000), total=100_000)
    assert model.rowCount() == 100_000
    assert model.index(99_999, 0).data(Role.ID) == "id99999"
