"""Per-article results kept from one build to the next, by content.

`mkdocs serve` rebuilds the whole site when one article changes. A result
kept here is keyed by what it was computed from (an article's bytes, an
`Article` value, the topics), never by a file name or a time, so the edited
article misses and is read and classified again while every other one is
answered from memory. `new_build()` starts a build: whatever no build used
since the previous call is dropped, so memory stays at about one corpus.
A plain `mkdocs build` runs once and only pays the dictionary lookups.
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
# Without new_build() calls (tests, scripts), start afresh past this many
# entries rather than grow without end.
MAX_ENTRIES = 200_000

_current: dict = {}  # used by this build
_previous: dict = {}  # used by the previous build, not yet by this one


def new_build() -> None:
    global _current, _previous
    _previous, _current = _current, {}


def forget() -> None:
    """Drop everything: a one-off `mkdocs build` needs the memory more than the results."""
    _current.clear()
    _previous.clear()


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    """The value kept for `key`, else `compute()`'s, kept."""
    if key in _current:
        return _current[key]
    if key in _previous:
        value = _previous.pop(key)
    else:
        if len(_current) >= MAX_ENTRIES:
            new_build()
        value = compute()
    _current[key] = value
    return value


def by_value(function: Callable[..., T]) -> Callable[..., T]:
    """Decorator: keep `function`'s result per argument values (all hashable, all compared)."""

    @functools.wraps(function)
    def kept(*args):
        return remember((function.__module__, function.__qualname__, args), lambda: function(*args))

    return kept


@contextmanager
def cycle_collector_paused():
    """Python's cycle collector off while a stage runs, back as it was after; also a decorator.

    Reading and composing create hundreds of thousands of small objects
    (paragraphs, sentences, citations) that live until the pages are built
    and form no cycles worth collecting; the collector would walk all of
    them again whenever enough new ones pile up (0.4 s of generation at 500
    articles, a tenth).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
