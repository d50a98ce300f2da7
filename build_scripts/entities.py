"""data/entities.yml → which people and organisations a text mentions (page tags)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import memo
from .taxonomy import canonical, name_pattern

ENTITIES_FILE = Path(__file__).parent / "data" / "entities.yml"


@dataclass(frozen=True)
class Entity:
    tag: str
    kind: str
    names: tuple[str, ...]
    pattern: re.Pattern


@lru_cache(maxsize=2)
def load_entities(path: Path = ENTITIES_FILE) -> tuple[Entity, ...]:
    if not Path(path).exists():
        return ()
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entities = []
    for e in data.get("entities") or []:
        names = [str(n) for n in e.get("names") or [e["tag"]]]
        entities.append(Entity(tag=str(e["tag"]), kind=str(e.get("kind", "")), names=tuple(names), pattern=name_pattern(names)))
    return tuple(entities)


def mentioned(texts, entities: tuple[Entity, ...]) -> list[str]:
    """Tags of the entities named anywhere in `texts`, in the order of entities.yml."""
    return _mentioned(tuple(texts), entities)


@memo.by_value  # an unchanged article is not searched again in `mkdocs serve`
def _mentioned(texts: tuple[str, ...], entities: tuple[Entity, ...]) -> list[str]:
    # Uncached: whole paragraphs, read once a build, would fill canonical's cache.
    canon = "\n".join(canonical.__wrapped__(t) for t in texts)
    return [e.tag for e in entities if e.pattern.search(canon)]
