"""data/glossary.yml → the glossary page and site-wide abbreviation tooltips.

A term's citation is checked like any other: its quote must occur in one
paragraph of the named article, or the build fails naming the term.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s
from build_scripts.knowledge.corroborate import Citation, quote_citation
from build_scripts.pages.markdown_text import escape
from build_scripts.model import Corpus
from build_scripts.pages.render_topics import citation_link

GLOSSARY_FILE = Path(__file__).parent.parent / "data" / "glossary.yml"
ABBREVIATION = "abbreviation"


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


def resolve_citation(term: Term, corpus: Corpus) -> Citation | None:
    """The paragraph the term's quote comes from; None when the article is not in the corpus."""
    return quote_citation(corpus.articles, term.cite_source, term.cite_quote, f"glossary term '{term.term}'") if term.cite_source else None


def render_glossary(terms: tuple[Term, ...], corpus: Corpus) -> str:
    lines = [
        "---", "title: 术语表 Glossary", "---", "",
        "# 术语表 Glossary", "",
        "本站用到的术语。缩写在全站悬停即可看到释义；有来源解释的术语附原文引用。", "",
    ]
    for term in sorted(terms, key=lambda t: t.term.lower()):
        lines.append(f"## {escape(term.term)} {{#term-{term.id}}}")
        lines.append("")
        lines.append(escape(term.zh) + "  ")
        lines.append(f"*{escape(term.en)}*")
        lines.append("")
        citation = resolve_citation(term, corpus)
        if term.aliases or citation:
            also = f"<small>又称 Also: {escape('、'.join(term.aliases))}</small>" if term.aliases else ""
            source = f"来源 Source: {citation_link(citation, from_dir='')}" if citation else ""
            lines.append(" · ".join(x for x in (also, source) if x))
            lines.append("")
    return "\n".join(lines)


def abbreviation_definitions(terms: tuple[Term, ...]) -> str:
    """Python-Markdown abbr definitions appended to every page: tooltips for VLA, TOPS, L4 …"""
    lines = [f"*[{t.term}]: {t.zh} {t.en}".replace("\n", " ") for t in terms if t.is_abbreviation]
    return "\n\n" + "\n".join(lines) + "\n"


def html_abbreviator(terms: tuple[Term, ...]):
    """A function wrapping each glossary abbreviation in escaped HTML text in <abbr title=…>.

    Latin boundaries only, so 第二代VLA gets its tooltip too; one linear pass.
    """
    titles = {t.term: html.escape(f"{t.zh} {t.en}", quote=True) for t in terms if t.is_abbreviation}
    if not titles:
        return lambda escaped: escaped
    pattern = re.compile(
        r"(?<![A-Za-z0-9&#])(" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) + r")(?![A-Za-z0-9;])"
    )
    return lambda escaped: pattern.sub(lambda m: f'<abbr title="{titles[m.group(1)]}">{m.group(1)}</abbr>', escaped)
