"""YAML front matter at the top of an article.

Accepts the shapes pasted articles arrive in, including 003's, which has a
blank line after the opening `---` and before the closing one. Anything that
is not a clean mapping is reported, and the text is then read as body so no
article is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from build_scripts.data import schema

OPENING = re.compile(r"\A\s*---[ \t]*\n")
CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# Front matter longer than this is not front matter but an article that
# starts with a thematic break.
MAX_FRONT_MATTER_CHARS = 4000


@dataclass(frozen=True)
class FrontMatter:
    fields: dict = field(default_factory=dict)
    body: str = ""
    error: str = ""  # why the block was not used, when there was one


def split_front_matter(text: str) -> FrontMatter:
    opening = OPENING.match(text)
    if not opening:
        return FrontMatter(body=text)
    closing = CLOSING.search(text, opening.end())
    if not closing or closing.start() - opening.end() > MAX_FRONT_MATTER_CHARS:
        return FrontMatter(body=text, error="front matter opened with '---' but never closed")
    block = text[opening.end():closing.start()]
    body = text[closing.end():]
    try:
        # schema.parse: an impossible date (2025-13-45) stays text, so the
        # date check reports it instead of the article being lost.
        loaded = schema.parse(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        return FrontMatter(body=body, error=f"front matter is not valid YAML{line}")
    if loaded is None:
        return FrontMatter(body=body)
    if not isinstance(loaded, dict):
        return FrontMatter(body=text, error="front matter is not a 'key: value' mapping")
    return FrontMatter(fields={str(k).lower(): v for k, v in loaded.items()}, body=body)
