"""Work done once per article file or per article, spread over the machine's processors.

A one-off `mkdocs build` reads its files (reading/corpus.py) and each
article's facts (knowledge/compose.py) with `each`: the same values in the
same order as a plain loop, computed by worker processes when there are
enough items for that to pay. Everything else runs in the build's process.

The workers are forked: each starts as a copy of the build at that moment,
with the rule files (build_scripts/data) already read and jieba's
dictionary already loaded, the search vocabulary's words included
(search/index.py loads them before the build composes anything, and they
change how knowledge/clauses.py cuts a sentence). A worker started afresh
would read the rules again and cut some sentences otherwise. Where fork is
not available (Windows) or not safe (macOS, whose system libraries may start
threads a forked copy then lacks), everything runs in one process.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items, starting worker processes costs more than they save.
PARALLEL_FROM = 64


def available_cores() -> int:
    """The processors this process may run on: how many workers `each` can keep busy."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def each(function: Callable[[T], R], items: Iterable[T], workers: int = 1) -> list[R]:
    """[function(item) for item in items], in `workers` forked processes when there are enough items.

    `function` and the items travel to the workers, and the results back, as
    plain (pickled) values: `function` must be a module's function (or a
    functools.partial of one) whose result depends on its arguments and on
    what the build had loaded when the workers were forked, nothing else.
    """
    items = list(items)
    if workers <= 1 or len(items) < PARALLEL_FROM or not can_fork():
        return [function(item) for item in items]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        # A few shares per worker: one slow share does not leave the others idle.
        return list(pool.map(function, items, chunksize=max(1, len(items) // (4 * workers))))
