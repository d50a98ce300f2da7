"""Tags → Markdown: the tags page and, per tag, a page per month of the articles naming it.

In: each tagged page's tags (a topic's, an article's), the pages' titles.
Out: `tags.md` — per person or organisation, a heading (`#tag:<name>`, the
anchor Material's tags plugin gave it), the topic pages carrying it and a
link per month to `tags/<name>/<YYYY-MM>/`, which lists that month's
articles. Material's own listing put every tagged page on one page: at
2,000 articles 1.9 MB and 23,000 elements. Material still draws each
page's tag chips; overrides/partials/tags.html links them here
(`tag_urls`). Addresses stay the same as articles are added.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from build_scripts.pages.markdown_text import escape, literal_html, yaml_string
from build_scripts.pages.render_sources import UNDATED, month_of, source_path
from build_scripts.pages import variants
from build_scripts.pages.variants import page_url
from build_scripts.model import Article

TAGS_PATH = "tags.md"
TAGS_DIR = "tags"


@dataclass(frozen=True)
class TaggedTopic:
    path: str  # docs-relative, topics/<slug>.md
    title: str
    tags: tuple[str, ...]


def tag_id(tag: str) -> str:
    """The tag's anchor on the tags page, as Material's tags plugin wrote it (`tag:waymo`)."""
    return "tag:" + re.sub(r"[\s]+", "-", tag.strip().lower())


def tag_dir(tag: str) -> str:
    return f"{TAGS_DIR}/" + re.sub(r"[\s/\\?#%:]+", "-", tag.strip().lower())


def tag_urls(tags: Sequence[str]) -> dict[str, dict[str, str]]:
    """{script: {tag as a page in that script names it: site-relative URL of its heading on that script's tags page}}.

    For the chips' template. A tag is a name: a Traditional copy names it in
    Traditional glyphs (何小鵬), and its chip leads to the Traditional tags page.
    """
    return {
        variant: {variants.to_script(tag, variants.AS_WRITTEN if variant == variants.TRADITIONAL else variant):
                  page_url(variants.variant_path(TAGS_PATH, variant)) + f"#{tag_id(tag)}" for tag in tags}
        for variant in (variants.SIMPLIFIED, variants.TRADITIONAL)
    }


def render_tags(
    order: Sequence[str], topics: Sequence[TaggedTopic], articles: Sequence[Article], article_tags: Mapping[str, Sequence[str]],
) -> dict[str, str]:
    """The tags page and the month pages, {docs-relative path: Markdown}. `order`: the tags in entities.yml order."""
    by_month: dict[str, dict[str, list[Article]]] = {}
    for article in articles:  # newest first, as the corpus orders them
        for tag in article_tags.get(article.slug, ()):
            by_month.setdefault(tag, {}).setdefault(month_of(article), []).append(article)
    used = [tag for tag in order if tag in by_month or any(tag in t.tags for t in topics)]
    lines = [
        "---",
        "title: 人物与机构",
        "---",
        "",
        "# 人物与机构",
        "",
        "文章提到的人物与机构：每个标签列出提到它的主题页，以及按月份分页的文章。",
    ]
    pages: dict[str, str] = {}
    for tag in used:
        months = by_month.get(tag, {})
        order_months = sorted((m for m in months if m != UNDATED), reverse=True) + ([UNDATED] if UNDATED in months else [])
        items = [
            f'<li><a href="../{page_url(t.path)}">{literal_html(t.title)}</a></li>' for t in topics if tag in t.tags
        ]
        items += [
            f'<li><a href="{page_url(_month_path(tag, month)).removeprefix(TAGS_DIR + "/")}">'
            f"{_month_name(month)} · {len(months[month])} 篇文章</a></li>"
            for month in order_months
        ]
        lines += ["", f'<h2 id="{literal_html(tag_id(tag))}">{literal_html(tag)}</h2>', "", "<ul>", *items, "</ul>"]
        for month in order_months:
            pages[_month_path(tag, month)] = _month_page(tag, month, months[month])
    pages[TAGS_PATH] = "\n".join(lines) + "\n"
    return pages


def _month_path(tag: str, month: str) -> str:
    return f"{tag_dir(tag)}/{month}.md"


def _month_name(month: str) -> str:
    return "日期不明" if month == UNDATED else month


def _month_page(tag: str, month: str, articles: Sequence[Article]) -> str:
    up = "../../../"  # tags/<tag>/<month>/ → the site's root
    rows = [
        f'<li><a href="{up}{page_url(source_path(a))}">{literal_html(a.title)}</a>'
        f" · {literal_html(a.outlet) or '—'} · {a.date.isoformat() if a.date else '—'}</li>"
        for a in articles
    ]
    title = f"{tag} · {_month_name(month)}"
    return "\n".join([
        "---",
        f"title: {yaml_string(title)}",
        # Not searched: a list of titles each found on its article's page; listed, it outranked them.
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {escape(title)}",
        "",
        f'提到{literal_html(tag)}的 {len(articles)} 篇文章。'
        f' <a href="{up}{TAGS_DIR}/#{literal_html(tag_id(tag))}">全部标签</a>',
        "",
        "<ul>",
        *rows,
        "</ul>",
    ]) + "\n"
