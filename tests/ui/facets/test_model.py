"""``FacetModel``: a valid item model whose check states are the search filters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desktop.ui.facets.model import GROUPS, FacetModel
from desktop.ui.roles import Role

CHECK = Qt.ItemDataRole.CheckStateRole


def values(model: FacetModel, group: str) -> list[tuple[str, int]]:
    parent = model.group_index(group)
    return [
        (model.index(r, 0, parent).data(Role.VALUE), model.index(r, 0, parent).data(Role.COUNT))
        for r in range(model.rowCount(parent))
    ]


def test_groups_values_and_roles(qtmodeltester) -> None:
    model = FacetModel()
    qtmodeltester.check(model)
    assert [model.index(r, 0).data(Role.GROUP) for r in range(model.rowCount())] == list(GROUPS)
    assert all(model.rowCount(model.index(r, 0)) == 0 for r in range(model.rowCount()))
    model.set_counts({"site": {"a.vn": 1200, "b.vn": 3}, "year": {"2019": 4}})
    assert values(model, "site") == [("a.vn", 1200), ("b.vn", 3)]
    assert values(model, "year") == [("2019", 4)]
    assert values(model, "tag") == []
    index = model.value_index("site", "a.vn")
    assert index.data() == "a.vn  (1,200)"
    assert index.data(Role.GROUP) == "site" and index.data(CHECK) == Qt.CheckState.Unchecked
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.group_index("site").flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, 0, index).isValid() is False and model.rowCount(index) == 0
    assert not model.value_index("site", "missing.vn").isValid()


def test_checking_values_emits_filters_in_order(qtbot, qtmodeltester) -> None:
    model = FacetModel()
    qtmodeltester.check(model)
    model.set_counts({"site": {"a.vn": 5, "b.vn": 3}, "year": {"2019": 4}})
    emitted: list[dict[str, tuple[str, ...]]] = []
    model.filters_changed.connect(emitted.append)
    model.setData(model.value_index("site", "b.vn"), Qt.CheckState.Checked, CHECK)
    model.toggle("year", "2019")
    model.setData(model.value_index("site", "a.vn"), Qt.CheckState.Checked.value, CHECK)
    assert emitted[-1] == {"site": ("b.vn", "a.vn"), "year": ("2019",)}
    assert model.value_index("site", "a.vn").data(CHECK) == Qt.CheckState.Checked
    # Setting the same state again changes nothing and emits nothing.
    count = len(emitted)
    model.setData(model.value_index("site", "a.vn"), Qt.CheckState.Checked, CHECK)
    assert len(emitted) == count
    model.toggle("site", "b.vn")
    assert emitted[-1] == {"site": ("a.vn",), "year": ("2019",)}
    # Group rows and other roles cannot be set.
    assert not model.setData(model.group_index("site"), Qt.CheckState.Checked, CHECK)
    assert not model.setData(model.value_index("site", "b.vn"), "x", Qt.ItemDataRole.EditRole)
    model.clear_filters()
    assert emitted[-1] == {} and model.filters() == {}
    assert model.value_index("site", "a.vn").data(CHECK) == Qt.CheckState.Unchecked
    count = len(emitted)
    model.clear_filters()  # nothing chosen: no signal
    assert len(emitted) == count


def test_new_counts_keep_checked_values(qtmodeltester) -> None:
    model = FacetModel()
    qtmodeltester.check(model)
    model.set_counts({"site": {"a.vn": 5, "b.vn": 3}})
    model.toggle("site", "b.vn")
    model.set_counts({"site": {"a.vn": 2, "c.vn": 1}})
    # The chosen value stays listed, checked, with a count of 0.
    assert values(model, "site") == [("a.vn", 2), ("c.vn", 1), ("b.vn", 0)]
    assert model.value_index("site", "b.vn").data(CHECK) == Qt.CheckState.Checked
    assert model.filters() == {"site": ("b.vn",)}
    model.set_counts({})
    assert values(model, "site") == [("b.vn", 0)]


def test_same_values_only_change_counts(qtbot, qtmodeltester) -> None:
    model = FacetModel()
    qtmodeltester.check(model)
    model.set_counts({"site": {"a.vn": 5, "b.vn": 3}})
    removed: list[object] = []
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    model.rowsRemoved.connect(lambda *a: removed.append(a))
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top, bottom)))
    model.set_counts({"site": {"a.vn": 7, "b.vn": 1}})
    assert removed == []
    assert [(t.row(), b.row()) for t, b in changed] == [(0, 1)]
    assert values(model, "site") == [("a.vn", 7), ("b.vn", 1)]


def test_many_values_in_one_insert(qtbot) -> None:
    model = FacetModel()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    sites = {f"site{n}.example.vn": 5000 - n for n in range(5000)}
    model.set_counts({"site": sites, "year": {"2020": 1}})
    assert inserted == [(0, 4999), (0, 0)]
    assert model.rowCount(model.group_index("site")) == 5000
    assert model.value_index("site", "site4999.example.vn").data(Role.COUNT) == 1
