"""Garbage-collector tuning for long-running web processes.

A page that builds a few thousand objects triggers CPython's full collections every few requests, and
each walks every object the process holds (the whole of Django and the app): measured here, the 129-row
review page answered in 56 ms at the median but 155 ms at p95 because of them. Freezing what exists
after start-up (``gc.freeze``) keeps those objects out of every later collection, and a larger first
threshold makes collections rarer: p95 fell to 77 ms. Memory is still reclaimed: reference counting
frees almost everything, and cycles are still collected.
"""

from __future__ import annotations

import gc

from rightstrack.config.env import env_bool

GEN0_THRESHOLD = 50_000


def tune_gc() -> bool:
    """Apply the tuning unless ``RIGHTSTRACK_GC_TUNING`` is off; returns whether it was applied."""
    if not env_bool("RIGHTSTRACK_GC_TUNING", True):
        return False
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GEN0_THRESHOLD, gen1, gen2)
    return True
