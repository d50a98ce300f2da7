"""Corpus → every generated page, as {docs-relative path: Markdown}.

Pure: takes values, returns values. The plugin hands the result to MkDocs as
in-memory files, so nothing generated is ever written into docs/.
"""
from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from build_scripts.knowledge.compose import (
    KnowledgeBase, TopicPage, article_facts, compose_knowledge_base, compose_topic_page, facts_of,
)
from build_scripts.knowledge.entities import load_entities, mentioned
from build_scripts.pages.export import export_json, topic_entry_json
from build_scripts.knowledge.glossary import load_terms
from build_scripts.pages.render_glossary import html_abbreviator, render_glossary
from build_scripts.pages.footnotes import number_footnotes
from build_scripts.pages.markdown_text import yaml_string
from build_scripts.pages.previews import describe_pages
from build_scripts.pages.variants import one_script_per_page, page_in_both_scripts
from build_scripts.model import Article, Corpus
from build_scripts.pages.render_problems import PROBLEMS_PATH, render_problems_page
from build_scripts.pages.render_corrections import has_corrections_section, render_corrections_section, stale_lines
from build_scripts.pages.render_to_check import TO_CHECK_PATH, render_to_check_pages
from build_scripts.pages.render_sources import render_source_page, render_sources_index, source_path
from build_scripts.pages.render_tags import TaggedTopic, render_tags
from build_scripts.pages.render_timeline import render_site_timeline
from build_scripts.pages.promises import PROMISES_PATH, render_promises_pages
from build_scripts.pages.render_topics import render_home, render_topic_page, render_topics_index, topic_path
from build_scripts.knowledge.taxonomy import Topic, load_topics


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # docs-relative path → Markdown
    nav: list  # MkDocs `nav` structure
    log: tuple[str, ...] = ()  # build-log lines beside the files' (corrections that no longer apply)


def compose_site(corpus: Corpus, site_url: str = "", stages=None, as_of: dt.date | None = None, workers: int = 1) -> Site:
    """Every page. `stages` runs the per-unit stages: `Stages`, or under `mkdocs serve` the preview
    cache (preview_cache.py), which answers from memory for the units an edit left unchanged.
    Milestone statuses as of `as_of`, by default the newest article's date; articles read by
    `workers` processes (facts_of)."""
    stages = stages or Stages
    topics = load_topics()
    entities = load_entities()
    terms = load_terms()
    per_article = facts_of(corpus.articles, topics, stages.facts, workers)
    kb = compose_knowledge_base(per_article, topics, as_of or newest_date(corpus), stages.topic_page, corpus.corrections)
    tags = {article.slug: found.tags for article, found in zip(corpus.articles, per_article)}
    abbreviate = html_abbreviator(terms)
    pages = render_source_pages(corpus, kb, tags, abbreviate, stages.source_page)
    pages.update(render_sources_index(corpus.articles, abbreviate))  # the index and a page per month
    for topic_page in kb.topics:
        pages[topic_path(topic_page.topic.slug)] = stages.topic_markdown(topic_page, kb.as_of, entities)
        pages.update(redirect_pages(topic_page.topic))
    pages["topics/index.md"] = render_topics_index(kb)
    pages["timeline.md"] = render_site_timeline(kb)
    pages.update(render_promises_pages(kb))  # the index and a page per topic
    pages["glossary.md"] = render_glossary(terms, corpus)
    tagged_topics = [
        TaggedTopic(topic_path(p.topic.slug), p.topic.title_zh, tuple(mentioned((c.quote for c in p.citations), entities)))
        for p in kb.topics
    ]
    pages.update(render_tags([e.tag for e in entities], tagged_topics, corpus.articles, tags))  # tags.md and its month pages
    pages.update(export_json(kb, corpus, site_url, stages.topic_entry_json))  # kb.json and the files it names
    pages["index.md"] = _with_problem_count(render_home(kb, corpus), corpus, len(kb.corrections.stale))
    nav = [
        {"首页": "index.md"},
        {"主题": ["topics/index.md", *(topic_path(p.topic.slug) for p in kb.topics)]},
        {"来源": ["sources/index.md"]},
        {"承诺与兑现": PROMISES_PATH},
        {"时间线": "timeline.md"},
        {"术语": "glossary.md"},
        {"人物与机构": "tags.md"},
    ]
    pages.update(render_to_check_pages(kb, corpus))  # the queue, or its index and a page per topic
    nav.append({"待核实": TO_CHECK_PATH})
    if corpus.problems or has_corrections_section(kb.corrections):
        pages[PROBLEMS_PATH] = render_problems_page(corpus.reports) + render_corrections_section(kb.corrections)
        nav.append({"输入问题": PROBLEMS_PATH})
    # Citations become each page's numbered footnotes (topic pages did in topic_markdown).
    pages = {path: number_footnotes(text) for path, text in pages.items()}
    # Last stages: each page its own link preview, then each page in one
    # script, the reader's (previews.py, variants.py).
    leads = {topic_path(p.topic.slug): "".join(s.text for s in p.lead) for p in kb.topics if p.lead}
    pages = describe_pages(pages, leads, {source_path(a): a for a in corpus.articles})
    return Site(pages=one_script_per_page(pages, stages.page_in_both_scripts), nav=nav, log=tuple(stale_lines(kb.corrections)))


def newest_date(corpus: Corpus) -> dt.date | None:
    return max((a.date for a in corpus.articles if a.date), default=None)


def render_source_pages(corpus: Corpus, kb: KnowledgeBase, tags: dict[str, tuple[str, ...]], abbreviate, page=None) -> dict[str, str]:
    """Each article's page (`page`: source_page or the preview cache's), with its tags and, under each paragraph, the topics citing it."""
    cited_by_source: dict[str, dict] = defaultdict(dict)
    for (slug, paragraph_id), citing in kb.cited_by.items():
        cited_by_source[slug][paragraph_id] = tuple(citing)
    page = page or source_page
    return {
        source_path(article): page(article, cited_by_source[article.slug], tags[article.slug], abbreviate)
        for article in corpus.articles
    }


def topic_markdown(page: TopicPage, as_of: dt.date | None, entities) -> str:
    """A topic's page, tagged with the people and organisations its citations name."""
    markdown = number_footnotes(render_topic_page(page, as_of))
    return with_tags(markdown, mentioned((c.quote for c in page.citations), entities))


def source_page(article: Article, cited_by: dict[str, tuple], tags: tuple[str, ...], abbreviate) -> str:
    """An article's page, with its tags (render_source_page)."""
    return with_tags(render_source_page(article, cited_by, abbreviate), tags)


class Stages:
    """The stages compose_site runs once per article, topic or page, as plain functions.

    Under `mkdocs serve` the plugin hands compose_site the preview cache
    (preview_cache.py) instead: the same calls, answered from memory for the
    units an edit left unchanged.
    """

    facts = staticmethod(article_facts)
    topic_page = staticmethod(compose_topic_page)
    source_page = staticmethod(source_page)
    topic_markdown = staticmethod(topic_markdown)
    topic_entry_json = staticmethod(topic_entry_json)
    page_in_both_scripts = staticmethod(page_in_both_scripts)


def with_tags(markdown: str, tags: Sequence[str]) -> str:
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
</head><body><p>此页已移至<a href="{target}">{title}</a>。</p></body></html>
"""


def _with_problem_count(home: str, corpus: Corpus, stale: int = 0) -> str:
    """The home page, saying above its first section how many files in seeds/ (and corrections) need a look."""
    if not corpus.problems and not stale:
        return home
    count = len(corpus.reports)
    links = [f"[seeds/ 中有 {count} 个文件需要处理]({PROBLEMS_PATH})" if count else "",
             f"[{stale} 条更正未生效]({PROBLEMS_PATH}#corrections-stale)" if stale else ""]
    notice = (
        '!!! warning "输入问题"\n\n'
        f"    {'，'.join(link for link in links if link)}\n\n"
    )
    head, section, rest = home.partition("\n## ")
    return f"{head}\n{notice}{section.lstrip()}{rest}" if section else f"{home}\n{notice}"
