"""The YAML knowledge under build_scripts/data/: read once, read again when edited.

Each loader (topics, subjects and attributes, glossary, entities, units,
signals, cleaning rules) is
cached, because the pipeline asks for it at every stage. `mkdocs serve`
watches data/ and rebuilds when a file there is saved; `reload_if_changed`,
called at the start of every build, then empties those caches (and the
plugin drops every result computed with the old knowledge, see
preview_cache.py), so an edit to topics.yml or cleaning.yml shows in the
preview without a restart.

Each file is checked against a shape declared next to its loader when it is
read (schema.py says how); a broken file raises schema.DataFileError naming
the file, the line, the entry and what to do.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_loaders: list = []
_fingerprints: dict[Path, tuple] = {}


def loader(function: F) -> F:
    """Decorator for a function that reads a data file: cached, and emptied by reload_if_changed."""
    cached = lru_cache(maxsize=4)(function)
    _loaders.append(cached)
    return cached  # type: ignore[return-value]


def fingerprint(data_dir: Path) -> tuple:
    """Name, size and modification time of every YAML file: what an edit changes."""
    stats = ((path.name, path.stat()) for path in Path(data_dir).glob("*.yml") if path.is_file())
    return tuple(sorted((name, stat.st_size, stat.st_mtime_ns) for name, stat in stats))


def reload_if_changed(data_dir: Path) -> bool:
    """Forget everything read from `data_dir` if a file there changed since the last call; True if so."""
    data_dir = Path(data_dir)
    now = fingerprint(data_dir)
    before = _fingerprints.get(data_dir)
    _fingerprints[data_dir] = now
    if before is None or before == now:
        return False
    for cached in _loaders:
        cached.cache_clear()
    return True
