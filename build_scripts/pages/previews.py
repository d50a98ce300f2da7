"""What a link to a page shows when pasted into a wiki or a chat: its own description.

In: the generated pages and what they are made from. Out: the same pages
with `description:` (and, for source pages, `og_locale:`) in their front
matter. Material prints `description` as `<meta name="description">`;
overrides/main.html prints it, the title, the public URL (from `site_url`)
and the locale as Open Graph and Twitter-card tags.

A topic page is described by the first sentence of its overview, a source
page by its article's first paragraph, every other page by a sentence of its
own (`PAGE_DESCRIPTIONS`). Run before `variants`, which converts the
description with the rest of the page.
"""
from __future__ import annotations

import re

from build_scripts.model import Article
from build_scripts.pages.markdown_text import literal_html, yaml_string

MAX_CHARS = 150  # about what a link preview shows before it cuts
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.)\s")

PAGE_DESCRIPTIONS = {
    "index.md": "小鹏 2025 年物理 AI 发布（第二代 VLA、Robotaxi、IRON 人形机器人、飞行汽车、图灵芯片、世界基座模型）的知识库，每个数字都链接到原文段落。",
    "topics/index.md": "全部主题一览：每个主题的范围、来源数、关键数字与时间线条目数。",
    "timeline.md": "所有主题的已发生事件与计划，最新的在上，每条注明来源。",
    "glossary.md": "本站用到的术语与缩写（VLA、TOPS、L4……）的释义，附原文出处。",
    "tags.md": "文章提到的人物与机构，以及提到他们的页面。",
    "sources/index.md": "本站引用的全部新闻文章，按日期排列，每篇可逐段链接。",
    "problems.md": "seeds/ 中需要处理的输入文件，以及该怎么做。",
}
OG_LOCALES = {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW", "en": "en_US"}


def short(text: str, limit: int = MAX_CHARS) -> str:
    """The text's first sentences up to `limit` characters, or its beginning cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    taken = ""
    for sentence in SENTENCE_END.split(text):
        if len(taken) + len(sentence) > limit:
            break
        taken += sentence
    return taken.strip() or text[: limit - 1].rstrip() + "…"


def article_description(article: Article) -> str:
    """The article's first paragraph of running text, else its title."""
    first = next((p.text for p in article.paragraphs if p.kind == "text" and len(p.text.strip()) >= 20), "")
    return short(first or article.title)


def with_front_matter(markdown: str, **fields: str) -> str:
    """The page with `fields` added to its front matter (HTML-escaped: the templates print them as they are)."""
    if not markdown.startswith("---\n"):
        return markdown
    added = "".join(f"{key}: {yaml_string(literal_html(value))}\n" for key, value in fields.items() if value)
    return "---\n" + added + markdown[len("---\n"):]


def describe_pages(pages: dict[str, str], topic_leads: dict[str, str], articles: dict[str, Article]) -> dict[str, str]:
    """Every page with its description: `topic_leads` and `articles` are keyed by the page's docs path."""
    described = dict(pages)
    for path, markdown in pages.items():
        if path in articles:
            article = articles[path]
            described[path] = with_front_matter(
                markdown, description=article_description(article), og_locale=OG_LOCALES.get(article.language, "")
            )
        elif path in topic_leads or path in PAGE_DESCRIPTIONS:
            described[path] = with_front_matter(markdown, description=short(topic_leads.get(path) or PAGE_DESCRIPTIONS[path]))
    return described
