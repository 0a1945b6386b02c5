"""``FacetSidebar``: mouse and keyboard toggle filters; new counts keep checks and layout."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QWidget

from desktop.ui.facets.sidebar import FacetSidebar

FACETS = {
    "site": {"a.example.vn": 40, "b.example.vn": 12, "c.example.vn": 3},
    "year": {"2019": 30, "2020": 25},
}


def make_sidebar(qtbot) -> FacetSidebar:
    sidebar = FacetSidebar()
    qtbot.addWidget(sidebar)
    sidebar.resize(260, 400)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    sidebar.set_counts(FACETS)
    return sidebar


def checked(sidebar: FacetSidebar, group: str, value: str) -> bool:
    index = sidebar.value_item(group, value)
    assert index is not None
    return bool(index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked)


def check_box_center(sidebar: FacetSidebar, group: str, value: str) -> QPoint:
    index = sidebar.value_item(group, value)
    assert index is not None
    option = QStyleOptionViewItem()
    sidebar.initViewItemOption(option)
    option.rect = sidebar.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = sidebar.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, sidebar
    )
    return rect.center()


def test_empty_groups_are_hidden_and_others_expanded(qtbot) -> None:
    sidebar = make_sidebar(qtbot)
    model = sidebar.facet_model
    site, tag = model.group_index("site"), model.group_index("tag")
    assert not sidebar.isRowHidden(site.row(), site.parent()) and sidebar.isExpanded(site)
    assert sidebar.isRowHidden(tag.row(), tag.parent())
    sidebar.set_counts({**FACETS, "tag": {"quan-trong": 2}})
    assert not sidebar.isRowHidden(tag.row(), tag.parent()) and sidebar.isExpanded(tag)


def test_clicking_the_check_box_toggles_the_filter(qtbot) -> None:
    sidebar = make_sidebar(qtbot)
    point = check_box_center(sidebar, "site", "b.example.vn")
    with qtbot.waitSignal(sidebar.filters_changed) as blocker:
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [{"site": ("b.example.vn",)}]
    with qtbot.waitSignal(sidebar.filters_changed) as blocker:
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [{}]


def test_space_toggles_the_current_value(qtbot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.setFocus()
    sidebar.setCurrentIndex(sidebar.value_item("year", "2020"))
    with qtbot.waitSignal(sidebar.filters_changed) as blocker:
        qtbot.keyClick(sidebar, Qt.Key.Key_Space)
    assert blocker.args == [{"year": ("2020",)}]
    # Up to 2019, Space checks it too, Space again unchecks it.
    qtbot.keyClick(sidebar, Qt.Key.Key_Up)
    assert sidebar.currentIndex() == sidebar.value_item("year", "2019")
    with qtbot.waitSignal(sidebar.filters_changed) as blocker:
        qtbot.keyClick(sidebar, Qt.Key.Key_Space)
    assert blocker.args == [{"year": ("2020", "2019")}]
    with qtbot.waitSignal(sidebar.filters_changed) as blocker:
        qtbot.keyClick(sidebar, Qt.Key.Key_Space)
    assert blocker.args == [{"year": ("2020",)}]


def test_new_counts_keep_checks_collapsed_groups_and_current(qtbot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.toggle("site", "c.example.vn")
    sidebar.toggle("year", "2019")
    sidebar.collapse(sidebar.facet_model.group_index("year"))
    sidebar.setCurrentIndex(sidebar.value_item("site", "a.example.vn"))
    emitted: list[object] = []
    sidebar.filters_changed.connect(emitted.append)

    # Different values (c.example.vn is gone from the results): rows are replaced.
    sidebar.set_counts({"site": {"a.example.vn": 9, "d.example.vn": 1}, "year": {"2019": 9}})
    assert emitted == []
    assert sidebar.filters() == {"site": ("c.example.vn",), "year": ("2019",)}
    assert checked(sidebar, "site", "c.example.vn") and checked(sidebar, "year", "2019")
    assert not checked(sidebar, "site", "a.example.vn")
    assert "(9)" in sidebar.value_item("site", "a.example.vn").data()
    assert "(0)" in sidebar.value_item("site", "c.example.vn").data()
    model = sidebar.facet_model
    assert sidebar.isExpanded(model.group_index("site"))
    assert not sidebar.isExpanded(model.group_index("year"))
    assert sidebar.currentIndex() == sidebar.value_item("site", "a.example.vn")

    # The user expands years again; that is kept too.
    sidebar.expand(model.group_index("year"))
    sidebar.set_counts({"site": {"a.example.vn": 1}, "year": {"2019": 1, "2021": 1}})
    assert sidebar.isExpanded(model.group_index("year"))
    assert sidebar.isExpanded(model.group_index("site"))


def test_clear_filters_unchecks_everything(qtbot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.toggle("site", "a.example.vn")
    with qtbot.waitSignal(sidebar.filters_changed) as blocker:
        sidebar.clear_filters()
    assert blocker.args == [{}]
    assert not checked(sidebar, "site", "a.example.vn")


def test_thousands_of_sites_are_rows_of_one_view(qtbot) -> None:
    sidebar = make_sidebar(qtbot)
    sites = {f"site{n}.example.vn": 5000 - n for n in range(5000)}
    sidebar.toggle("site", "a.example.vn")
    sidebar.set_counts({"site": sites})
    model = sidebar.facet_model
    assert model.rowCount(model.group_index("site")) == 5001  # and the chosen one
    assert len(sidebar.findChildren(QWidget)) < 20  # no widget per item
    sidebar.scrollTo(sidebar.value_item("site", "site4999.example.vn"))
    sidebar.toggle("site", "site4999.example.vn")
    assert sidebar.filters() == {"site": ("a.example.vn", "site4999.example.vn")}
