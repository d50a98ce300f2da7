"""data/entities.yml → which people and organisations a text mentions (page tags)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

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
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return tuple(
        Entity(tag=str(e["tag"]), kind=str(e.get("kind", "")), names=tuple(map(str, e["names"])), pattern=name_pattern(list(e["names"])))
        for e in data["entities"]
    )


def mentioned(texts, entities: tuple[Entity, ...]) -> list[str]:
    """Tags of the entities named anywhere in `texts`, in the order of entities.yml."""
    canon = "\n".join(canonical(t) for t in texts)
    return [e.tag for e in entities if e.pattern.search(canon)]
