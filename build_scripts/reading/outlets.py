"""Outlet names and domains → the one name the site shows (data/outlets.yml).

In: a name or a domain as an article writes it. Out: the outlet's display
name, or None when the outlet is not listed (the caller then shows what the
article wrote). Platforms (网易号, 车家号…) are told apart from outlets: they
republish, so they become "via", and their host names the outlet only when
the text names none.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema
from build_scripts.reading.language import plain_converter

OUTLETS_FILE = Path(__file__).parent.parent / "data" / "outlets.yml"


class OutletsError(schema.KnowledgeFileError):
    """outlets.yml is not usable; the message names the file, the entry and what to do."""


@dataclass(frozen=True)
class Platform:
    name: str
    host: str  # display name of the outlet that runs the platform


@dataclass(frozen=True)
class Outlets:
    by_name: dict  # plain name → display name
    by_domain: dict  # domain → display name
    platforms: dict  # plain name → Platform
    platform_domains: dict = None  # domain → Platform (mp.weixin.qq.com: a WeChat account's page)
    # (what OpenCC makes of a name, the outlet's own Simplified spelling): 巨亨网 → 钜亨网
    simplified_spellings: tuple = ()
    by_spelling: dict = None  # a name as an alias spells it, script kept → display name

    def named(self, text: str) -> str | None:
        """Display name of the outlet `text` names, if it is listed.

        A name spelled exactly as an alias is that outlet's before any script
        conversion: two papers share 经济日报/經濟日報 once converted, but each
        writes its own name in its own script.
        """
        found = (self.by_spelling or {}).get(spelled(text)) or self.by_name.get(plain(text))
        if not found and re.match(r"(?i)the\s+\S", text.strip()):
            found = self.named(text.strip()[4:])  # "The Associated Press": English names take "the" or not
        return found

    def of_domain(self, domain: str) -> str | None:
        domain = domain.lower().removeprefix("www.")
        while domain:
            if domain in self.by_domain:
                return self.by_domain[domain]
            domain = domain.partition(".")[2] if domain.count(".") > 1 else ""
        return None

    def platform(self, text: str) -> Platform | None:
        return self.platforms.get(plain(text))

    def platform_of_domain(self, domain: str) -> Platform | None:
        domain = domain.lower().removeprefix("www.")
        return (self.platform_domains or {}).get(domain)


@lru_cache(maxsize=8192)
def spelled(text: str) -> str:
    """A name compared without case, width or spacing, its script kept: 經濟日報 ≠ 经济日报."""
    return re.sub(r"[\s_.·・-]+", "", unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """A name compared without case, width, script or spacing: 聯合報 = 联合报, PRNewswire = PR Newswire."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_.·・-]+", "", plain_converter("t2s").convert(text))


@data_files.loader
def load_outlets(path: Path = OUTLETS_FILE) -> Outlets:
    data = schema.load(path, schema.Maybe(schema.Record({}, extra_ok=True))) or {}  # invalid YAML: named with its line
    by_name: dict[str, str] = {}
    by_spelling: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for number, entry in enumerate(data.get("outlets") or (), start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise OutletsError(f"{path.name}: outlets entry {number} ({entry!r}) has no 'name'; give every outlet a display name")
        name = entry["name"].strip()
        for key in ("aliases", "domains"):
            if not isinstance(entry.get(key) or [], list):
                raise OutletsError(f"{path.name}: outlet '{name}': '{key}' must be a list, e.g. {key}: [a, b]")
        for alias in [name, *(entry.get("aliases") or [])]:
            by_name.setdefault(plain(str(alias)), name)
            by_spelling.setdefault(spelled(str(alias)), name)
        for domain in entry.get("domains") or []:
            by_domain[str(domain).lower().removeprefix("www.")] = name
    platforms: dict[str, Platform] = {}
    platform_domains: dict[str, Platform] = {}
    for number, entry in enumerate(data.get("platforms") or (), start=1):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("host"):
            raise OutletsError(f"{path.name}: platforms entry {number} ({entry!r}) needs 'name' and 'host'")
        if not isinstance(entry.get("domains") or [], list):
            raise OutletsError(f"{path.name}: platform '{entry['name']}': 'domains' must be a list, e.g. domains: [mp.weixin.qq.com]")
        platform = Platform(str(entry["name"]), by_name.get(plain(str(entry["host"])), str(entry["host"])))
        for alias in [entry["name"], *(entry.get("aliases") or [])]:
            platforms[plain(str(alias))] = platform
        for domain in entry.get("domains") or []:
            platform_domains[str(domain).lower().removeprefix("www.")] = platform
    return Outlets(by_name, by_domain, platforms, platform_domains, _simplified_spellings(data), by_spelling)


def _simplified_spellings(data: dict) -> tuple[tuple[str, str], ...]:
    """Aliases written in Simplified that OpenCC would not reach from their Traditional form (钜亨网: 鉅亨網 → 巨亨网)."""
    to_simplified, to_traditional = plain_converter("t2s").convert, plain_converter("s2t").convert
    spellings = {}
    for entry in data.get("outlets") or ():
        for alias in [entry.get("name"), *(entry.get("aliases") or [])]:
            alias = str(alias or "")
            if not re.search(r"[\u3400-\u9fff]", alias) or to_simplified(alias) != alias:
                continue
            wrong = to_simplified(to_traditional(alias))
            if wrong != alias:
                spellings[wrong] = alias
    # Longest first: 巨亨网 before 巨亨.
    return tuple(sorted(spellings.items(), key=lambda item: -len(item[0])))
