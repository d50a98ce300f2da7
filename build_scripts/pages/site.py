"""Corpus → every generated page, as {docs-relative path: Markdown}.

Pure: takes values, returns values. The plugin hands the result to MkDocs as
in-memory files, so nothing generated is ever written into docs/.
"""
from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from build_scripts import memo
from build_scripts.knowledge.compose import MIN_ARTICLES_ALONGSIDE, KnowledgeBase, compose_knowledge_base, facts_of
from build_scripts.knowledge.entities import Entity, load_entities, mentioned
from build_scripts.pages.export import export_json
from build_scripts.knowledge.glossary import html_abbreviator, load_terms, render_glossary
from build_scripts.pages.markdown_text import yaml_string
from build_scripts.pages.previews import describe_pages
from build_scripts.pages.variants import one_script_per_page
from build_scripts.model import Corpus
from build_scripts.pages.render_problems import PROBLEMS_PATH, render_problems_page
from build_scripts.pages.render_sources import render_source_page, render_sources_index, source_path
from build_scripts.pages.render_timeline import render_site_timeline
from build_scripts.pages.render_topics import render_home, render_topic_page, render_topics_index, topic_path
from build_scripts.knowledge.taxonomy import Topic, load_topics


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
    # A cold build lends each stage the second core (memo.computed_alongside).
    helped = len(corpus.articles) >= MIN_ARTICLES_ALONGSIDE
    per_article = facts_of(corpus.articles, topics)
    # Composing the topics keeps one core busy: a second process meanwhile
    # tags the source pages and renders their paragraphs, which this one
    # then finds in memory.
    prepare = partial(_prepare_source_pages, corpus, entities, abbreviate)
    with memo.computed_alongside(prepare if helped else None, kinds=("tags", "paragraph html"), shared=(entities, abbreviate)):
        kb = compose_knowledge_base(per_article, topics)
    # Then the pages made from the knowledge base and the source pages are
    # written at the same time; the topic pages' tags are found here.
    knowledge_pages = partial(render_knowledge_pages, kb, corpus, site_url)
    with memo.computed_alongside(knowledge_pages if helped else None) as written:
        pages = render_source_pages(corpus, kb, entities, abbreviate)
        topic_tags = {topic_path(p.topic.slug): mentioned((c.quote for c in p.citations), entities) for p in kb.topics}
    knowledge = written.value if isinstance(written.value, KnowledgePages) else knowledge_pages()
    pages["sources/index.md"] = render_sources_index(corpus.articles)
    for path, content in knowledge.topics.items():
        pages[path] = with_tags(content, topic_tags[path]) if path in topic_tags else content
    pages["topics/index.md"] = knowledge.topics_index
    pages["timeline.md"] = knowledge.timeline
    pages["glossary.md"] = render_glossary(terms, corpus)
    pages["tags.md"] = TAGS_PAGE
    pages["kb.json"] = knowledge.kb_json
    pages["index.md"] = knowledge.home
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
    # Last stages: each page its own link preview, then each page in one
    # script, the reader's (previews.py, variants.py).
    leads = {topic_path(p.topic.slug): p.lead[0].text for p in kb.topics if p.lead}
    pages = describe_pages(pages, leads, {source_path(a): a for a in corpus.articles})
    return Site(pages=one_script_per_page(pages), nav=nav)


def render_source_pages(corpus: Corpus, kb: KnowledgeBase, entities: tuple[Entity, ...], abbreviate) -> dict[str, str]:
    """Each article's page, with its tags and, under each paragraph, the topics citing it."""
    cited_by_source: dict[str, dict] = defaultdict(dict)
    for (slug, paragraph_id), citing in kb.cited_by.items():
        cited_by_source[slug][paragraph_id] = citing
    pages = {}
    for article in corpus.articles:
        tags = mentioned((p.text for p in article.paragraphs), entities)
        pages[source_path(article)] = with_tags(render_source_page(article, cited_by_source[article.slug], abbreviate), tags)
    return pages


def _prepare_source_pages(corpus: Corpus, entities: tuple[Entity, ...], abbreviate) -> None:
    """Tag each article and render its paragraphs' HTML, kept (memo.py) for render_source_pages."""
    for article in corpus.articles:
        mentioned((p.text for p in article.paragraphs), entities)
        render_source_page(article, None, abbreviate)


@dataclass(frozen=True)
class KnowledgePages:
    """The pages made from the knowledge base."""

    topics: dict[str, str]  # each topic's page (without its tags) and its redirects, docs-relative path → content
    topics_index: str
    timeline: str
    kb_json: str
    home: str


def render_knowledge_pages(kb: KnowledgeBase, corpus: Corpus, site_url: str) -> KnowledgePages:
    topics: dict[str, str] = {}
    for topic_page in kb.topics:
        topics[topic_path(topic_page.topic.slug)] = render_topic_page(topic_page)
        topics.update(redirect_pages(topic_page.topic))
    return KnowledgePages(
        topics=topics,
        topics_index=render_topics_index(kb),
        timeline=render_site_timeline(kb),
        kb_json=export_json(kb, corpus, site_url),
        home=_with_problem_count(render_home(kb, corpus), corpus),
    )


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
