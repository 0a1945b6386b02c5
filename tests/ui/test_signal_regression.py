"""5,000 signals with bool payloads all arrive, same-thread and cross-thread.

PySide6 6.12.0 aborts Python 3.11 after ~570 such emits; 6.11.3 is pinned.
This test keeps that regression from coming back with an upgrade.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

COUNT = 5000


class Emitter(QObject):
    flag = Signal(bool)
    pair = Signal(int, bool)

    @Slot()
    def burst(self) -> None:
        for i in range(COUNT):
            self.flag.emit(True)
            self.pair.emit(i, i % 2 == 0)


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.flags: list[bool] = []
        self.pairs: list[tuple[int, bool]] = []

    @Slot(bool)
    def on_flag(self, value: bool) -> None:
        self.flags.append(value)

    @Slot(int, bool)
    def on_pair(self, i: int, value: bool) -> None:
        self.pairs.append((i, value))


def test_same_thread_emits_all_arrive() -> None:
    emitter, receiver = Emitter(), Receiver()
    emitter.flag.connect(receiver.on_flag)
    emitter.pair.connect(receiver.on_pair)
    emitter.burst()
    assert receiver.flags == [True] * COUNT
    assert receiver.pairs == [(i, i % 2 == 0) for i in range(COUNT)]


def test_cross_thread_emits_all_arrive(qtbot) -> None:
    thread = QThread()
    emitter, receiver = Emitter(), Receiver()
    emitter.moveToThread(thread)
    emitter.flag.connect(receiver.on_flag)
    emitter.pair.connect(receiver.on_pair)
    thread.started.connect(emitter.burst)
    thread.start()
    try:
        qtbot.waitUntil(lambda: len(receiver.pairs) == COUNT, timeout=20000)
        qtbot.waitUntil(lambda: len(receiver.flags) == COUNT, timeout=5000)
    finally:
        thread.quit()
        thread.wait(5000)
    assert receiver.flags == [True] * COUNT
    assert receiver.pairs == [(i, i % 2 == 0) for i in range(COUNT)]
