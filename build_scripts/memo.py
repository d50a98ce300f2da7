"""Per-article results kept from one build to the next, by content.

`mkdocs serve` rebuilds the whole site when one article changes. A result
kept here is keyed by what it was computed from (an article's bytes, an
`Article` value, the topics), never by a file name or a time, so the edited
article misses and is read and classified again while every other one is
answered from memory. `new_build()` starts a build: whatever no build used
since the previous call is dropped, so memory stays at about one corpus.
A plain `mkdocs build` runs once and only pays the dictionary lookups.

`computed_alongside` lends a cold build the machine's second core: a
forked copy of the process computes results for part of the corpus while
this one does the rest, and sends back those of plain data (see there).
"""
from __future__ import annotations

import functools
import gc
import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable, Iterable
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
# Without new_build() calls (tests, scripts), start afresh past this many
# entries rather than grow without end.
MAX_ENTRIES = 200_000

_current: dict = {}  # used by this build
_previous: dict = {}  # used by the previous build, not yet by this one
_computed_here: dict | None = None  # in a process forked by computed_alongside: what it computed, to send back


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
        if _computed_here is not None:
            _computed_here[key] = value
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
    articles, a tenth). Back on, its first collection would still walk every
    one of them once (0.09 s): so they are frozen first (gc.freeze), left
    out of collections for the rest of the process. Refcounting still frees
    them. Not under other threads (`mkdocs serve`), where frozen objects of
    a previous build could include cycles MkDocs drops later, never to be
    collected; a one-off build leaves a few dozen such objects at most.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if threading.active_count() == 1:
                gc.freeze()
            gc.enable()


class Alongside:
    """What `with computed_alongside(...) as alongside` gives: after the block, what the copy's work() returned."""

    value: object = None  # None too when no copy ran or it failed


@contextmanager
def computed_alongside(work: Callable[[], object] | None, kinds: Iterable[str] = (), shared: tuple = ()):
    """Run `work()` in a forked copy of this process while the `with` body runs here (None: nothing to run).

    On leaving the body, the results the copy computed under keys whose
    first element is one of `kinds` are kept here, as if computed here: the
    body's caller then asks for them and is answered from memory. Such
    results must be plain data (strings, numbers, tuples, dicts, frozen
    dataclasses of those), not objects whose identity matters. A key may
    hold objects of `shared` (the topics): the same objects in both
    processes, sent as their positions in the key and in `shared`, so keys
    here hold this process's objects and stay cheap to compare. What work()
    returns, plain data too, is sent back as the `value` of the object the
    `with` statement binds.

    Only a help: what the copy does not send back (it failed, or there is no
    second core, or other threads make forking unsafe, as under `mkdocs
    serve`) is computed here when asked for, with the same results.
    """
    kinds = frozenset(kinds)
    alongside = Alongside()
    if work is None or not _can_fork():
        yield alongside
        return
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        # The copy writes its results to a file rather than a pipe: it need
        # not wait, its results in a pipe's 64 KB at a time, until this
        # process is done with the body and reads them.
        results = tempfile.TemporaryFile()
    except OSError:  # no writable temporary folder: no help
        yield alongside
        return
    with results:
        try:
            pid = os.fork()
        except OSError:  # at the process limit: no help
            pid = None
        if pid is None:
            yield alongside
            return
        if pid == 0:  # the copy: compute, write, and leave without running any of the parent's clean-up
            status = 1
            try:
                global _computed_here
                _computed_here = {}
                value = work()
                index = {id(obj): i for i, obj in enumerate(shared)}
                entries = [
                    (
                        tuple(None if id(part) in index else part for part in key),
                        tuple((position, index[id(part)]) for position, part in enumerate(key) if id(part) in index),
                        kept,
                    )
                    for key, kept in _computed_here.items()
                    if isinstance(key, tuple) and key and key[0] in kinds
                ]
                pickle.dump((value, entries), results, protocol=pickle.HIGHEST_PROTOCOL)
                results.flush()
                status = 0
            finally:
                os._exit(status)
        try:
            yield alongside
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        _, status = os.waitpid(pid, 0)
        if status != 0:
            return  # nothing to add: the caller computes everything itself
        results.seek(0)
        try:
            value, entries = pickle.load(results)
        except Exception:  # a result this process cannot load: computed here instead
            return
        alongside.value = value
    for key, slots, kept in entries:
        if slots:  # put this process's shared objects back where the copy's were
            parts = list(key)
            for position, index in slots:
                parts[position] = shared[index]
            key = tuple(parts)
        _current.setdefault(key, kept)


def _can_fork() -> bool:
    """A second core, fork, and no other thread (a forked copy would inherit the locks it holds).

    Linux only: elsewhere fork is unsafe in more ways (macOS) or missing.
    """
    if not sys.platform.startswith("linux") or threading.active_count() > 1 or _computed_here is not None:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores > 1
