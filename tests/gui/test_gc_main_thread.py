"""The garbage collector runs in the GUI thread only (gui/gc_main_thread.py)."""

from __future__ import annotations

import gc
import threading

from gui.gc_main_thread import MainThreadCollector, collect_due


class Cycle:
    def __init__(self):
        self.me = self


def test_automatic_collection_is_off_and_the_timer_collects(qapp, qtbot):
    was = gc.isenabled()
    collector = MainThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        collected_in = []
        gc.callbacks.append(lambda phase, info: phase == "start" and collected_in.append(threading.current_thread()))
        # garbage made in another thread is not collected there
        worker = threading.Thread(target=lambda: [Cycle() for _ in range(20000)])
        worker.start()
        worker.join()
        assert all(t is threading.main_thread() for t in collected_in)
        qtbot.waitUntil(lambda: collector.collections > 0, timeout=3000)
        assert collected_in and all(t is threading.main_thread() for t in collected_in)
    finally:
        gc.callbacks.pop()
        collector.stop()
        if not was:
            gc.disable()


def test_collect_due_follows_the_thresholds():
    gc.collect()
    assert collect_due((10**9, 10**9, 10**9)) is None
    for _ in range(50):
        Cycle()
    assert collect_due((10, 10**9, 10**9)) == 0
