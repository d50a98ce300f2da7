"""What a link to a page shows when pasted into a wiki or a chat: its own description.

In: the generated pages and what they are made from. Out: the same pages
with `description:` (and, for source pages, `og_locale:`) in their front
matter. Material prints `description` as `<meta name="description">`;
overrides/main.html prints it, the title, the public URL (from `site_url`)
and the locale as Open Graph and Twitter-card tags.

A topic page is described by its overview, a source page by its article's
first paragraphs, every other page by a sentence of its own
(`PAGE_DESCRIPTIONS`): whole sentences, 80 to 160 characters, about what a
search result or a chat's preview shows (shorter says too little to choose
by; longer is cut mid-word). Run before `variants`, which converts the
description with the rest of the page.
"""
from __future__ import annotations

import re

from build_scripts.model import Article
from build_scripts.pages.markdown_text import literal_html, yaml_string
from build_scripts.pages.render_sources import with_neighbours

MIN_CHARS, MAX_CHARS = 80, 160
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.)\s")

PAGE_DESCRIPTIONS = {
    "index.md": "小鹏 2025 年物理 AI 发布（第二代 VLA、Robotaxi、IRON 人形机器人、飞行汽车、图灵芯片、世界基座模型）的知识库，"
                "每个数字、日期与陈述都链接到原文段落，并标出每项承诺截至最新来源的进展。",
    "topics/index.md": "小鹏物理 AI 知识库的全部主题一览：第二代 VLA、Robotaxi、IRON 人形机器人、飞行汽车、图灵芯片与世界基座模型，"
                       "每个主题的范围、来源数、关键数字与承诺数。",
    "timeline.md": "小鹏物理 AI 各主题的时间线：第二代 VLA、Robotaxi、IRON 人形机器人、飞行汽车与图灵芯片已发生的事件和宣布的计划，"
                   "最新的在上；相对时间按文章发布日期推算，每条注明状态与所依据的原文段落。",
    "promises.md": "小鹏在第二代 VLA、Robotaxi、IRON 人形机器人、飞行汽车与图灵芯片上宣布的每一项承诺，"
                   "截至最新来源是待兑现、已兑现、已改期还是已逾期，每个状态都链接到所依据的原文句子。",
    "glossary.md": "小鹏物理 AI 知识库用到的术语与缩写（VLA、TOPS、L4、Robotaxi……）的释义，每条附上原文出处；"
                   "在站内任何页面上把鼠标移到这些词上，也能直接看到它们的释义。",
    "tags.md": "小鹏物理 AI 相关新闻文章提到的人物与机构，例如小鹏的管理层、合作伙伴、供应商与竞争对手，"
               "每个标签列出知识库中提到他们的全部主题页与来源页，方便按人物或机构查找。",
    "sources/index.md": "小鹏物理 AI 知识库引用的全部新闻文章，注明标题、媒体、发布日期、语言与段落数，按发布日期从新到旧排列；"
                        "每篇文章都有自己的页面，每个段落都可以直接链接和引用。",
    "problems.md": "知识库 seeds/ 文件夹中需要处理的输入文件：缺少发布日期或媒体、编码有误、与其他文章重复或者无法读取的文章，"
                   "每一行说明是哪个文件、问题出在哪里以及该怎么做。",
}
OG_LOCALES = {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW", "en": "en_US"}


def short(text: str, limit: int = MAX_CHARS, enough: int = MIN_CHARS) -> str:
    """The text's first whole sentences, up to `limit` characters and at least `enough` when it has them.

    A sentence that would pass `limit` is cut with an ellipsis only when the
    sentences before it are fewer than `enough` characters.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    taken = ""
    for sentence in SENTENCE_END.split(text):
        if len(taken) + len(sentence) > limit:
            if len(taken.strip()) < enough:
                taken = (taken + sentence)[: limit - 1].rstrip() + "…"
            break
        taken += sentence
    return taken.strip()


def article_description(article: Article) -> str:
    """The article's first paragraphs of running text, as many as make a description, else its title."""
    running = [p.text.strip() for p in article.paragraphs if p.kind == "text" and len(p.text.strip()) >= 20]
    text = ""
    for paragraph in running:
        text = f"{text} {paragraph}".strip()
        if len(text) >= MIN_CHARS:
            break
    return short(text or article.title)


def with_front_matter(markdown: str, **fields: str) -> str:
    """The page with `fields` added to its front matter (HTML-escaped: the templates print them as they are)."""
    if not markdown.startswith("---\n"):
        return markdown
    added = "".join(f"{key}: {yaml_string(literal_html(value))}\n" for key, value in fields.items() if value)
    return "---\n" + added + markdown[len("---\n"):]


def describe_pages(pages: dict[str, str], topic_leads: dict[str, str], articles: dict[str, Article]) -> dict[str, str]:
    """Every page with its description: `topic_leads` and `articles` are keyed by the page's docs path.

    Source pages also name their neighbours in `articles`' order, the Sources
    index's, for their previous/next footer (render_sources.with_neighbours).
    """
    described = dict(pages)
    for path, markdown in pages.items():
        if path in articles:
            article = articles[path]
            described[path] = with_front_matter(
                markdown, description=article_description(article), og_locale=OG_LOCALES.get(article.language, "")
            )
        elif path in topic_leads or path in PAGE_DESCRIPTIONS:
            described[path] = with_front_matter(markdown, description=short(topic_leads.get(path) or PAGE_DESCRIPTIONS[path]))
    return with_neighbours(described, list(articles.values()))
