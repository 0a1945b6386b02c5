"""``ReusedTextView``: the library's clusters of near-duplicate articles.

A tree: one row per cluster (largest first), its members below with their
similarity to the cluster's representative (the first member). Activating a
member compares it with the representative (``compare_requested``); "Open"
shows it in the reader (``open_requested``). The scan runs on a worker thread
and reports progress; later scans only hash articles added since.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare.similar import ClusterEntry
from desktop.core.progress import Throttle
from desktop.core.store.library import LibraryOpener
from desktop.ui.compare.jobs import find_clusters
from desktop.ui.compare.pool import neardup_pool
from desktop.ui.plaintext import PlainLabel, plain_tooltip
from desktop.ui.roles import Role
from desktop.ui.threading import run_task


class _ProgressRelay(QObject):
    changed = Signal(int, int)


class ClustersModel(QStandardItemModel):
    """Clusters as a two-level model: cluster rows, member rows below."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Article"), self.tr("Shared text"), self.tr("Id")])
        self.setHeaderData(
            1,
            Qt.Orientation.Horizontal,
            self.tr(
                "Estimated share of word sequences this article has in common with the "
                "cluster's first article (a quick measure over the whole library). The compare "
                "window measures, passage by passage, how much of each text is found in the other."
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.clusters: list[list[ClusterEntry]] = []

    def set_clusters(self, clusters: list[list[ClusterEntry]]) -> None:
        self.removeRows(0, self.rowCount())
        self.clusters = clusters
        for n, cluster in enumerate(clusters, 1):
            rep = cluster[0]
            head = QStandardItem(
                self.tr("Cluster %1: %2 articles").replace("%1", str(n))
                .replace("%2", str(len(cluster)))
            )
            head.setToolTip(plain_tooltip(rep.title))
            head.setEditable(False)
            head.setData(rep.id, Role.REPRESENTATIVE)
            for m in cluster:
                title = QStandardItem(m.title or m.id)
                title.setData(m.id, Role.ID)
                title.setData(rep.id, Role.REPRESENTATIVE)
                title.setToolTip(plain_tooltip(m.title))
                share = QStandardItem(f"{m.similarity:.0%}")
                share.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                ident = QStandardItem(m.id[:12])
                for item in (title, share, ident):
                    item.setEditable(False)
                head.appendRow([title, share, ident])
            blanks = [QStandardItem(""), QStandardItem("")]
            for item in blanks:
                item.setEditable(False)
            self.appendRow([head, *blanks])


class ReusedTextView(QWidget):
    open_requested = Signal(str)  # article id
    compare_requested = Signal(str, str)  # representative id, member id
    loaded = Signal(int)  # number of clusters shown

    def __init__(self, parent: QWidget | None = None, *, min_size: int = 2):
        super().__init__(parent)
        self.setObjectName("reusedText")
        self.min_size = min_size
        self.opener: LibraryOpener | None = None
        self._request = 0
        self._busy = False

        self.model = ClustersModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.activated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_action = QAction(self.tr("Open"), self.tree)
        self.open_action.triggered.connect(self.open_current)
        self.compare_action = QAction(
            self.tr("Compare with the cluster's first article"), self.tree
        )
        self.compare_action.triggered.connect(self.compare_current)
        self.tree.addAction(self.open_action)
        self.tree.addAction(self.compare_action)

        self.status = PlainLabel(self.tr("Find articles that reuse the same text."), self)
        self.status.setWordWrap(True)
        self.scan_button = QPushButton(self.tr("Scan library"), self)
        self.scan_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.scan_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

        self._relay = _ProgressRelay(self)
        self._relay.changed.connect(self._on_progress)

    def is_busy(self) -> bool:
        return self._busy

    def clear(self) -> None:
        self._request += 1
        self._busy = False
        self.scan_button.setEnabled(True)
        self.model.set_clusters([])
        self.status.setText(self.tr("Find articles that reuse the same text."))

    def refresh(self) -> None:
        """Scan (or catch up) and show the clusters, in the background."""
        if self.opener is None or self._busy:
            return
        self._request += 1
        request = self._request
        self._busy = True
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("Scanning the library for reused text…"))
        opener, min_size = self.opener, self.min_size
        relay = self._relay
        throttle = Throttle(lambda pair: relay.changed.emit(*pair))

        def work() -> list[list[ClusterEntry]]:
            clusters = find_clusters(opener, min_size, lambda d, t: throttle.offer((d, t)))
            return clusters

        def done(clusters: object) -> None:
            if shiboken6.isValid(self) and request == self._request:
                self._busy = False
                self.scan_button.setEnabled(True)
                assert isinstance(clusters, list)
                self.show_clusters(clusters)

        def fail(exc: BaseException) -> None:
            if shiboken6.isValid(self) and request == self._request:
                self._busy = False
                self.scan_button.setEnabled(True)
                self.status.setText(self.tr("The scan failed: %s") % exc)

        run_task(work, done, fail, neardup_pool())

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._busy:
            self.status.setText(
                self.tr("Scanning: %1 of %2 articles…").replace("%1", f"{done:,}")
                .replace("%2", f"{total:,}")
            )

    def show_clusters(self, clusters: list[list[ClusterEntry]]) -> None:
        self.model.set_clusters(clusters)
        articles = sum(len(c) for c in clusters)
        if clusters:
            self.status.setText(
                self.tr("%1 groups of near-duplicates (%2 articles)").replace(
                    "%1", str(len(clusters))
                ).replace("%2", str(articles))
            )
        else:
            self.status.setText(self.tr("No near-duplicate articles found."))
        self.loaded.emit(len(clusters))

    # -- actions -----------------------------------------------------------------

    def _member(self, index: QModelIndex) -> tuple[str | None, str | None]:
        """(member id, representative id) of the row at ``index``."""
        if not index.isValid():
            return None, None
        first = index.siblingAtColumn(0)
        member = first.data(Role.ID)
        rep = first.data(Role.REPRESENTATIVE)
        return (member if isinstance(member, str) else None,
                rep if isinstance(rep, str) else None)

    def _activated(self, index: QModelIndex) -> None:
        member, rep = self._member(index)
        if member is None:
            self.tree.setExpanded(index.siblingAtColumn(0),
                                  not self.tree.isExpanded(index.siblingAtColumn(0)))
        elif rep is not None and member != rep:
            self.compare_requested.emit(rep, member)
        else:
            self.open_requested.emit(member)

    def open_current(self) -> None:
        member, rep = self._member(self.tree.currentIndex())
        target = member or rep
        if target:
            self.open_requested.emit(target)

    def compare_current(self) -> None:
        member, rep = self._member(self.tree.currentIndex())
        if member and rep and member != rep:
            self.compare_requested.emit(rep, member)
