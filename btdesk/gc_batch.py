"""Fewer garbage collections while a batch runs (a cohort import, a read-ahead worker).

Reading and merging a bundle makes hundreds of thousands of short-lived objects (parsed
certificates, JSON, rows), and Python's cyclic collector runs after every 700 of them, each
time walking the young objects; the modules and the store, alive for the whole batch, are
moved out of its way first. Reference counting still frees everything that is not a cycle at
once, so memory stays where it was; cycles wait a little longer.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 20_000  # collect the youngest generation after this many new objects, not 700


def for_the_process() -> None:
    """For a process that only runs the batch (a worker): until it ends."""
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG, older, oldest)


@contextmanager
def during() -> Iterator[None]:
    """For the batch only: the process (the window's) collects as before when it ends."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG, before[1], before[2])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
