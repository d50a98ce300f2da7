"""Glossary terms (knowledge/glossary.py) → the glossary page and site-wide abbreviation tooltips."""
from __future__ import annotations

import html
import re

from build_scripts.knowledge.corroborate import Citation, quote_citation
from build_scripts.knowledge.glossary import Term
from build_scripts.model import Corpus
from build_scripts.pages.markdown_text import escape
from build_scripts.pages.render_topics import citation_link


def resolve_citation(term: Term, corpus: Corpus) -> Citation | None:
    """The paragraph the term's quote comes from; None when the article is not in the corpus."""
    return quote_citation(corpus.articles, term.cite_source, term.cite_quote, f"glossary term '{term.term}'") if term.cite_source else None


def render_glossary(terms: tuple[Term, ...], corpus: Corpus) -> str:
    lines = [
        "---", "title: 术语表", "---", "",
        "# 术语表", "",
        "本站用到的术语。缩写在全站悬停即可看到释义；有来源解释的术语附原文引用。", "",
    ]
    for term in sorted(terms, key=lambda t: t.term.lower()):
        lines.append(f"## {escape(term.term)} {{#term-{term.id}}}")
        lines.append("")
        lines.append(escape(term.zh))  # a Chinese page, one voice: the English definition is not repeated under it
        lines.append("")
        citation = resolve_citation(term, corpus)
        if term.aliases or citation:
            also = f"<small>又称：{escape('、'.join(term.aliases))}</small>" if term.aliases else ""
            source = f"来源：{citation_link(citation, from_dir='')}" if citation else ""
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
