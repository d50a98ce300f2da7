"""data/glossary.yml → the terms readers meet on the site (pages/render_glossary.py renders their page and tooltips).

A term's citation is checked like any other: its quote must occur in one
paragraph of the named article, or the build fails naming the term.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s

GLOSSARY_FILE = Path(__file__).parent.parent / "data" / "glossary.yml"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    zh: str
    en: str
    cite_source: str = ""  # article file name
    cite_quote: str = ""

    @property
    def is_abbreviation(self) -> bool:
        """Latin letters and digits only: Python-Markdown's abbr can match it as a word."""
        return self.term.isascii() and self.term.replace("+", "").isalnum()


GLOSSARY = s.Record({
    "terms": s.ListOf(s.Record(
        {"term": s.Text(hint="give every entry its term: the word as readers meet it, e.g. term: TOPS")},
        optional={
            "id": s.Slug(hint="the anchor #term-<id>: lower-case ASCII letters, digits and '-'"),
            "aliases": s.ListOf(s.Text()), "zh": s.Text(), "en": s.Text(),
            "cite": s.Record(
                {"source": s.Text(), "quote": s.Text()},
                hint="cite: {source: <article file name>, quote: <words that occur in it>}",
            ),
        },
        hint="each term needs 'term:' (see the comment at the top of glossary.yml)",
    ), label="term"),
})


@data_files.loader
def load_terms(path: Path = GLOSSARY_FILE) -> tuple[Term, ...]:
    data = s.load(path, GLOSSARY, missing_ok=True)
    if data is None:
        return ()
    terms = []
    for number, entry in enumerate(data["terms"], start=1):
        cite = entry.get("cite") or {}
        term_id = entry.get("id") or re.sub(r"[^a-z0-9]+", "-", entry["term"].lower()).strip("-") or entry["term"].strip()
        if term_id in {t.id for t in terms}:
            raise s.entry_error(path, entry, "id" if "id" in entry else "term", f"term #{number} ({entry['term']!r})", f"its id '{term_id}' is taken by another term", "give each term its own id")
        terms.append(
            Term(
                id=term_id, term=entry["term"], aliases=tuple(entry.get("aliases") or ()),
                zh=entry.get("zh", ""), en=entry.get("en", ""),
                cite_source=cite.get("source", ""), cite_quote=cite.get("quote", ""),
            )
        )
    return tuple(terms)
