"""Articles → Markdown: one page per source and the sources index.

Every paragraph carries its id as an anchor (`#p-…`) and a ¶ link, so any
paragraph can be linked to from a wiki or cited from a topic page.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from .markdown_text import escape
from .model import Article

LANGUAGE_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}
SOURCES_DIR = "sources"


def source_path(article: Article) -> str:
    """Docs-relative path of an article's page."""
    return f"{SOURCES_DIR}/{article.slug}.md"


def render_source_page(article: Article, cited_by: Mapping[str, Sequence[tuple[str, str]]] | None = None) -> str:
    """Markdown of one source page.

    `cited_by` maps a paragraph id to (topic title, docs-relative topic path)
    pairs; each cited paragraph lists the topic pages that quote it.
    """
    cited_by = cited_by or {}
    lines = [
        "---",
        f"title: {_yaml_string(article.title)}",
        "---",
        "",
        f"# {escape(article.title)} {{#title}}",
        "",
        _metadata_block(article),
        "",
    ]
    for paragraph in article.paragraphs:
        lines.append(_paragraph(paragraph.kind, paragraph.text, paragraph.url, paragraph.id))
        topics = cited_by.get(paragraph.id)
        if topics:
            links = " · ".join(f"[{escape(title)}](../{path})" for title, path in topics)
            lines.append(f"<small>被引用于 cited by: {links}</small>\n{{: .kb-cited-by }}")
        lines.append("")
    return "\n".join(lines)


def _metadata_block(article: Article) -> str:
    date = article.date.isoformat() if article.date else "未知 unknown"
    if article.date_note:
        date += f"（{escape(article.date_note)}）"
    rows = [
        ("媒体 Outlet", escape(article.outlet) or "—"),
        ("作者 Author", escape(article.author) or "—"),
        ("日期 Date", date),
        ("语言 Language", f"{LANGUAGE_NAMES.get(article.language, article.language)} ({article.language})"),
        ("文件 File", " · ".join(f"`{name}`" for name in (article.file_name, *article.other_names))),
        ("长度 Length", f"{article.text_length:,} 字 · {len(article.paragraphs)} 段"),
    ]
    if article.editor:
        rows.insert(2, ("编辑 Editor", escape(article.editor)))
    items = "\n".join(f"- **{label}**：{value}" for label, value in rows)
    return f'<div class="kb-meta" markdown>\n\n{items}\n\n</div>'


def _paragraph(kind: str, text: str, url: str, paragraph_id: str) -> str:
    pilcrow = f'[¶](#{paragraph_id}){{ .kb-anchor title="链接到此段 Link to this paragraph" }}'
    if kind == "heading":
        return f"## {escape(text)} {{ #{paragraph_id} }}"
    if kind == "image":
        caption = escape(text) if text else "图片"
        shown_url = url.replace("`", "")
        return (
            f"🖼 {caption}（未加载远程图片 remote image not loaded）<br>`{shown_url}` {pilcrow}\n"
            f"{{: #{paragraph_id} .kb-para .kb-image }}"
        )
    return f"{escape(text)} {pilcrow}\n{{: #{paragraph_id} .kb-para }}"


def render_sources_index(articles: Sequence[Article]) -> str:
    lines = [
        "---",
        "title: 来源 Sources",
        "---",
        "",
        "# 来源 Sources {#sources}",
        "",
        f"本知识库引用的全部 {len(articles)} 篇文章，按发布日期从新到旧排列。"
        "每个段落都有可直接链接的锚点。",
        "",
        "| 标题 Title | 媒体 Outlet | 日期 Date | 语言 Language | 段落 Paragraphs |",
        "| --- | --- | --- | --- | ---: |",
    ]
    for article in articles:
        date = article.date.isoformat() if article.date else "—"
        lines.append(
            f"| [{escape(article.title)}]({article.slug}.md) | {escape(article.outlet) or '—'} | {date} "
            f"| {LANGUAGE_NAMES.get(article.language, article.language)} | {len(article.paragraphs)} |"
        )
    return "\n".join(lines) + "\n"


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar that round-trips any title."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

