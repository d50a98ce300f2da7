"""Corpus → every generated page, as {docs-relative path: Markdown}.

Pure: takes values, returns values. The plugin hands the result to MkDocs as
in-memory files, so nothing generated is ever written into docs/.
"""
from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass

from . import memo
from .compose import MIN_ARTICLES_ALONGSIDE, compose_knowledge_base, facts_of
from .entities import load_entities, mentioned
from .export import export_json
from .glossary import html_abbreviator, load_terms, render_glossary
from .markdown_text import yaml_string
from .model import Corpus
from .render_problems import PROBLEMS_PATH, render_problems_page
from .render_sources import render_source_page, render_sources_index, source_path
from .render_timeline import render_site_timeline
from .render_topics import render_home, render_topic_page, render_topics_index, topic_path
from .taxonomy import Topic, load_topics


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # docs-relative path → Markdown
    nav: list  # MkDocs `nav` structure


@memo.cycle_collector_paused()
def compose_site(corpus: Corpus, site_url: str = "") -> Site:
    topics = load_topics()
    entities = load_entities()
    terms = load_terms()
    abbreviate = html_abbreviator(terms)
    per_article = facts_of(corpus.articles, topics)

    def prepare_source_pages():
        for article in corpus.articles:
            mentioned((p.text for p in article.paragraphs), entities)
            render_source_page(article, None, abbreviate)  # keeps its paragraphs' HTML

    # Composing the topics keeps one core busy: in a cold build a second
    # process meanwhile tags the source pages and renders their paragraphs,
    # which this one then finds in memory (memo.computed_alongside).
    alongside = prepare_source_pages if len(corpus.articles) >= MIN_ARTICLES_ALONGSIDE else None
    with memo.computed_alongside(alongside, kinds=("tags", "paragraph html"), shared=(entities, abbreviate)):
        kb = compose_knowledge_base(per_article, topics)
    pages: dict[str, str] = {}
    cited_by_source: dict[str, dict] = defaultdict(dict)
    for (slug, paragraph_id), topics in kb.cited_by.items():
        cited_by_source[slug][paragraph_id] = topics
    for article in corpus.articles:
        tags = mentioned((p.text for p in article.paragraphs), entities)
        pages[source_path(article)] = with_tags(render_source_page(article, cited_by_source[article.slug], abbreviate), tags)
    pages["sources/index.md"] = render_sources_index(corpus.articles)
    for topic_page in kb.topics:
        tags = mentioned((c.quote for c in topic_page.citations), entities)
        pages[topic_path(topic_page.topic.slug)] = with_tags(render_topic_page(topic_page), tags)
        pages.update(redirect_pages(topic_page.topic))
    pages["topics/index.md"] = render_topics_index(kb)
    pages["timeline.md"] = render_site_timeline(kb)
    pages["glossary.md"] = render_glossary(terms, corpus)
    pages["tags.md"] = TAGS_PAGE
    pages["kb.json"] = export_json(kb, corpus, site_url)
    pages["index.md"] = _with_problem_count(render_home(kb, corpus), corpus)
    nav = [
        {"首页 Home": "index.md"},
        {"主题 Topics": ["topics/index.md", *(topic_path(p.topic.slug) for p in kb.topics)]},
        {"来源 Sources": ["sources/index.md"]},
        {"时间线 Timeline": "timeline.md"},
        {"术语 Glossary": "glossary.md"},
        {"人物与机构 Tags": "tags.md"},
    ]
    if corpus.problems:
        pages[PROBLEMS_PATH] = render_problems_page(corpus.reports)
        nav.append({"输入问题 Problems": PROBLEMS_PATH})
    return Site(pages=pages, nav=nav)


TAGS_PAGE = """---
title: 人物与机构 People and organisations
---

# 人物与机构 People and organisations

文章提到的人物与机构，每个标签列出提到它的全部页面。

<!-- material/tags -->
"""


def with_tags(markdown: str, tags: list[str]) -> str:
    """Add a `tags:` list to the page's front matter (Material's tags plugin reads it)."""
    if not tags or not markdown.startswith("---\n"):
        return markdown
    listed = "".join(f"  - {yaml_string(tag)}\n" for tag in tags)
    return "---\ntags:\n" + listed + markdown[len("---\n"):]


def redirect_pages(topic: Topic) -> dict[str, str]:
    """A topic's former slugs keep working: /topics/<old>/ forwards to /topics/<slug>/, anchor included."""
    pages = {}
    for old in topic.former_slugs:
        target = f"../{topic.slug}/"
        pages[f"topics/{old}/index.html"] = REDIRECT_HTML.format(target=target, title=html.escape(topic.title_zh))
    return pages


REDIRECT_HTML = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<script>location.replace("{target}" + location.hash)</script>
</head><body><p>此页已移至 Moved to <a href="{target}">{title}</a>.</p></body></html>
"""


def _with_problem_count(home: str, corpus: Corpus) -> str:
    """The home page, saying above its first section how many files in seeds/ need a look."""
    if not corpus.problems:
        return home
    count = len(corpus.reports)
    notice = (
        '!!! warning "输入问题 Input problems"\n\n'
        f"    [{count} 个文件需要处理 · {count} file(s) in seeds/ need attention]({PROBLEMS_PATH})\n\n"
    )
    head, section, rest = home.partition("\n## ")
    return f"{head}\n{notice}{section.lstrip()}{rest}" if section else f"{home}\n{notice}"
