"""topics.yml → Topic values, with Traditional aliases derived by OpenCC.

Matching is done on a canonical form of the text: Simplified script, lower
case, no spaces next to Chinese characters. Aliases are put in the same form,
so `第二代 VLA`, `第二代VLA` and `第二代Vla` in any script are one name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s
from build_scripts.reading.language import to_mainland, to_mainland_each

TOPICS_FILE = Path(__file__).parent.parent / "data" / "topics.yml"
CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
SPACE_NEXT_TO_CJK = re.compile(f"\\s+(?=[{CJK}])|(?<=[{CJK}])\\s+")
SPACES = re.compile(r"\s+")
ANY_SPACE = re.compile(r"\s")


class Topics(tuple):
    """The topics, as load_topics returns them: a tuple whose hash is worked out once.

    They are part of the key of every clause's named topics, looked up
    tens of thousands of times a build.
    """

    def __hash__(self) -> int:
        try:
            return self.__dict__["hash"]
        except KeyError:
            self.__dict__["hash"] = value = tuple.__hash__(self)
            return value


@dataclass(frozen=True)
class Topic:
    slug: str
    title_zh: str
    title_en: str
    scope: str
    aliases: tuple[str, ...]  # as typed in topics.yml (Simplified and English)
    mentions: tuple[str, ...]
    related: tuple[str, ...]
    former_slugs: tuple[str, ...]
    alias_pattern: re.Pattern
    mention_pattern: re.Pattern | None
    software: bool = False  # made of code, not parts: its units are not produced or delivered, the cars carrying it are
    component: bool = False  # a part products carry (a model, a chip): a car made to carry it is its rollout
    kind_names: frozenset[str] = frozenset()  # aliases naming its kind (人形机器人, "flying cars"), canonical: others make such things too

    def __hash__(self) -> int:
        # The topics are part of the key of every clause's named topics
        # (compose.py): hashing all their aliases each time would cost more
        # than the lookup saves. Equal topics have equal slugs.
        return hash(self.slug)

    @property
    def title(self) -> str:
        return f"{self.title_zh} · {self.title_en}" if self.title_en not in self.title_zh else self.title_zh


@lru_cache(maxsize=1 << 16)  # the same sentence, clause or heading is matched at several stages
def canonical(text: str) -> str:
    """The form text and aliases are compared in."""
    return canonical_of_simplified(to_mainland(text))


def canonical_each(texts: list[str]) -> list[str]:
    """canonical() of each text, uncached (whole paragraphs, read once a build, would fill its cache)."""
    return [canonical_of_simplified(simplified) for simplified in to_mainland_each(texts)]


# A Han character's pinyin in brackets right after it, as an e-paper flattens ruby
# text: 量產(chǎn)的 is 量產的 to a reader (one tone mark at least, so "(ev)" stays).
PINYIN_RUBY = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def canonical_of_simplified(text: str) -> str:
    """canonical() of text already converted by to_simplified()."""
    text = text.lower()
    if "(" in text:
        text = PINYIN_RUBY.sub("", text)
    if "**" in text:  # Markdown bold a converter left in a text file ("the second-generation **XPeng VLA 2.0**"): no words
        text = text.replace("**", "")
    if not ANY_SPACE.search(text):
        return text  # most Chinese sentences: one quick scan instead of two substitutions
    text = SPACE_NEXT_TO_CJK.sub("", text)
    return SPACES.sub(" ", text)


def name_forms(names: list[str]) -> list[str]:
    """The canonical forms of `names`, longest first: what name_pattern matches (with word boundaries)."""
    return sorted({canonical(n) for n in names if n and n.strip()}, key=len, reverse=True)


def name_pattern(names: list[str], plural: frozenset[str] = frozenset()) -> re.Pattern | None:
    """The names as one pattern, whole words; those in `plural` (canonical) match their English plural too."""
    forms = name_forms(names)
    if not forms:
        return None
    latin, other = [], []
    for form in forms:
        after = (r"(?:e?s)?" if form in plural else "") + r"(?![a-z])" if re.search(r"[a-z]$", form) else ""
        (latin if re.match(r"[a-z0-9]", form) else other).append(re.escape(form) + after)
    # Same matches as one lookbehind per Latin name, but Python's re would try
    # every alternative at every position; one shared lookbehind, and a
    # lookahead on the names' first characters to skip ahead, classify 3× faster.
    alternatives = ([r"(?<![a-z0-9])(?:" + "|".join(latin) + ")"] if latin else []) + other
    first = "".join(sorted({re.escape(form[0]) for form in forms}))
    return re.compile(f"(?=[{first}])(?:{'|'.join(alternatives)})")


def _names(entry: dict, key: str) -> list[str]:
    value = entry.get(key) or {}
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(v) for names in value.values() for v in (names or [])]


NAMES = s.OneOf(
    s.ListOf(s.Text()), s.MapOf(s.Choice("zh", "en", hint="names are grouped by language: zh and en"), s.ListOf(s.Text())),
    hint="write names as a list, or under zh: and en: (Traditional forms are derived)",
)
TOPICS = s.Record({
    "topics": s.ListOf(s.Record(
        {"slug": s.Slug(hint="the page is /topics/<slug>/: lower-case ASCII letters, digits and '-'"), "title_zh": s.Text()},
        optional={
            "title_en": s.Text(), "scope": s.Text(), "aliases": NAMES, "mentions": NAMES,
            "related": s.ListOf(s.Slug()), "former_slugs": s.ListOf(s.Slug()), "software": s.Boolean(), "component": s.Boolean(),
            "kind_names": NAMES,
        },
        hint="each topic needs a slug and a title_zh (see the comment at the top of topics.yml)",
    ), label="topic"),
})


@data_files.loader
def load_topics(path: Path = TOPICS_FILE) -> Topics:
    data = s.load(path, TOPICS)
    topics = []
    for entry in data["topics"]:
        aliases = _names(entry, "aliases")
        kind_names = frozenset(canonical(n) for n in _names(entry, "kind_names"))
        mentions = _names(entry, "mentions")
        topics.append(
            Topic(
                slug=str(entry["slug"]),
                title_zh=str(entry["title_zh"]),
                title_en=str(entry.get("title_en", "")),
                scope=str(entry.get("scope", "")),
                aliases=tuple(aliases),
                mentions=tuple(mentions),
                related=tuple(entry.get("related") or ()),
                former_slugs=tuple(entry.get("former_slugs") or ()),
                # a product's name counts its units in the plural ("the first batch of Land Aircraft Carriers");
                # a kind name's plural is the kind in general ("Foundation Models for Embodied AI"): only as listed
                alias_pattern=name_pattern(aliases, plural=frozenset(canonical(a) for a in aliases) - kind_names),
                mention_pattern=name_pattern(mentions),
                software=bool(entry.get("software")),
                component=bool(entry.get("component")),
                kind_names=kind_names,
            )
        )
    slugs = [t.slug for t in topics]
    for number, (topic, entry) in enumerate(zip(topics, data["topics"]), start=1):
        where = f"topic #{number} (slug {topic.slug!r})"
        if slugs.count(topic.slug) > 1:
            raise s.entry_error(path, entry, "slug", where, "this slug is used by two topics", "give each topic its own slug")
        stray = topic.kind_names - {canonical(a) for a in topic.aliases}
        if stray:
            raise s.entry_error(path, entry, "kind_names", where, f"names {sorted(stray)} that are not among its aliases",
                                "list only aliases that name the topic's kind of thing")
        unknown = set(topic.related) - set(slugs)
        if unknown:
            raise s.entry_error(path, entry, "related", where, f"lists unknown related topics {sorted(unknown)}", f"use slugs of topics in this file: {', '.join(slugs)}")
    return Topics(topics)
