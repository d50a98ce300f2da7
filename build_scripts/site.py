"""Corpus → every generated page, as {docs-relative path: Markdown}.

Pure: takes values, returns values. The plugin hands the result to MkDocs as
in-memory files, so nothing generated is ever written into docs/.
"""
from __future__ import annotations

from dataclasses import dataclass

from .markdown_text import escape
from .model import Corpus
from .render_sources import render_source_page, render_sources_index, source_path


@dataclass(frozen=True)
class Site:
    pages: dict[str, str]  # docs-relative path → Markdown
    nav: list  # MkDocs `nav` structure


def compose_site(corpus: Corpus) -> Site:
    pages: dict[str, str] = {}
    for article in corpus.articles:
        pages[source_path(article)] = render_source_page(article)
    pages["sources/index.md"] = render_sources_index(corpus.articles)
    pages["topics/index.md"] = _topics_index()
    pages["index.md"] = _home(corpus)
    nav = [
        {"首页 Home": "index.md"},
        {"主题 Topics": ["topics/index.md"]},
        {"来源 Sources": ["sources/index.md"]},
    ]
    return Site(pages=pages, nav=nav)


def _topics_index() -> str:
    return "# 主题 Topics {#topics}\n\n主题页尚未生成。\n"


def _home(corpus: Corpus) -> str:
    lines = [
        "---",
        "title: 首页 Home",
        "---",
        "",
        "# 小鹏物理 AI 知识库 {#home}",
        "",
        "XPeng physical-AI knowledge base: 第二代 VLA、Robotaxi、IRON 人形机器人、汇天飞行汽车、"
        "图灵 AI 芯片与世界基座模型。每个数字与陈述都链接到原文段落。",
        "",
        f"- [来源 Sources](sources/index.md)：{len(corpus.articles)} 篇文章",
    ]
    if corpus.problems:
        lines.append(f"- 输入问题 Input problems：{len(corpus.problems)}")
        lines += ["", "## 输入问题 Input problems {#problems}", ""]
        lines += [f"- {escape(p.line())}" for p in corpus.problems]
    return "\n".join(lines) + "\n"
