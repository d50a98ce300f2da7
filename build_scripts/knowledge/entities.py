"""data/entities.yml → which people and organisations a text mentions (page tags)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s

from build_scripts.knowledge.taxonomy import canonical_each, name_forms, name_pattern

ENTITIES_FILE = Path(__file__).parent.parent / "data" / "entities.yml"


@dataclass(frozen=True)
class Entity:
    tag: str
    kind: str
    names: tuple[str, ...]
    pattern: re.Pattern
    forms: tuple[str, ...]  # the names as `pattern` matches them, without its word boundaries

    def named_in(self, canon: str) -> bool:
        """Whether canonical text `canon` names this entity."""
        # Plain substring searches first: most texts name few of the entities,
        # and `find` rules the others out far quicker than the pattern's scan.
        # A match starts at one of the names, so the pattern's scan starts at
        # the first of them (its lookbehind still sees the text before).
        found = [at for at in map(canon.find, self.forms) if at >= 0]
        return bool(found) and bool(self.pattern.search(canon, min(found)))


ENTITIES = s.Record({
    "entities": s.ListOf(s.Record(
        {"tag": s.Text(hint="the tag as the tags page shows it"), "kind": s.Choice("person", "organisation", "outlet")},
        optional={"names": s.ListOf(s.Text(), min_items=1)},
        hint="each entity is {tag: …, kind: person|organisation|outlet, names: […]}",
    ), label="entity"),
})


@data_files.loader
def load_entities(path: Path = ENTITIES_FILE) -> tuple[Entity, ...]:
    data = s.load(path, ENTITIES, missing_ok=True)
    if data is None:
        return ()
    entities = []
    for e in data["entities"]:
        names = e.get("names") or [e["tag"]]
        entities.append(Entity(
            tag=e["tag"], kind=e["kind"], names=tuple(names),
            pattern=name_pattern(names), forms=tuple(name_forms(names)),
        ))
    return tuple(entities)


def mentioned(texts, entities: tuple[Entity, ...]) -> list[str]:
    """Tags of the entities named anywhere in `texts`, in the order of entities.yml."""
    # No name spans a line break, so searching the texts joined is searching
    # each; a text repeated (a quote cited by many statements) is searched once.
    canon = "\n".join(canonical_each(list(dict.fromkeys(texts))))
    return [e.tag for e in entities if e.named_in(canon)]
