"""Corpus → every generated page, as {docs-relative path: Markdown}.

Pure: takes values, returns values. The plugin hands the result to MkDocs as
in-memory files, so nothing generated is ever written into docs/.
"""
from __future__ import annotations

from dataclasses import dataclass

from .compose import build_knowledge_base
from .markdown_text import escape
from .model import Corpus
from .render_sources import render_source_page, render_sources_index, source_path
from .render_topics import render_home, render_topic_page, render_topics_index, topic_path


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # docs-relative path → Markdown
    nav: list  # MkDocs `nav` structure


def compose_site(corpus: Corpus) -> Site:
    kb = build_knowledge_base(corpus)
    pages: dict[str, str] = {}
    for article in corpus.articles:
        cited_by = {pid: topics for (slug, pid), topics in kb.cited_by.items() if slug == article.slug}
        pages[source_path(article)] = render_source_page(article, cited_by)
    pages["sources/index.md"] = render_sources_index(corpus.articles)
    for topic_page in kb.topics:
        pages[topic_path(topic_page.topic.slug)] = render_topic_page(topic_page)
    pages["topics/index.md"] = render_topics_index(kb)
    pages["index.md"] = render_home(kb, corpus) + _problems_section(corpus)
    nav = [
        {"首页 Home": "index.md"},
        {"主题 Topics": ["topics/index.md", *(topic_path(p.topic.slug) for p in kb.topics)]},
        {"来源 Sources": ["sources/index.md"]},
    ]
    return Site(pages=pages, nav=nav)


def _problems_section(corpus: Corpus) -> str:
    if not corpus.problems:
        return ""
    lines = ["", f"## 输入问题 Input problems（{len(corpus.problems)}） {{#problems}}", ""]
    lines += [f"- {escape(p.line())}" for p in corpus.problems]
    return "\n".join(lines) + "\n"
