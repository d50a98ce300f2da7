"""The pages that list every article stay light however many articles there are.

At 2,000 articles one table of all sources was 714 KB and 14,800 elements:
the sources index now lists the newest articles and links a page per
month, whose address stays the same as articles are added.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from build_scripts.pages import render_sources
from build_scripts.reading.corpus import load_corpus
from conftest import SEEDS

PAGE_BUDGET_BYTES = 300_000


@pytest.fixture(scope="module")
def many_articles():
    """2,000 articles over fourteen months and some undated, newest first (as the corpus orders them)."""
    seed = load_corpus(SEEDS).articles[0]
    articles = []
    for n in range(2000):
        date = None if n % 97 == 0 else dt.date(2025, 11, 30) - dt.timedelta(days=n % 420)
        articles.append(dataclasses.replace(seed, slug=f"a{n:04d}", date=date))
    return sorted(articles, key=lambda a: a.date or dt.date.min, reverse=True)


def linked_sources(markdown: str) -> list[str]:
    return re.findall(r'<td><a href="(?:\.\./\.\./)?([^"/]+)/">', markdown)


def test_every_article_is_on_exactly_one_month_page(many_articles):
    pages = render_sources.render_sources_index(many_articles)
    months = {path: md for path, md in pages.items() if path.startswith(render_sources.MONTHS_DIR)}
    linked = [slug for md in months.values() for slug in linked_sources(md)]
    assert sorted(linked) == sorted(a.slug for a in many_articles)
    assert "sources/by-month/undated.md" in months and "sources/by-month/2025-11.md" in months


def test_no_listing_page_is_heavy_at_two_thousand_articles(many_articles):
    pages = render_sources.render_sources_index(many_articles)
    index = pages["sources/index.md"]
    assert len(linked_sources(index)) == render_sources.LATEST_ON_INDEX
    for path, markdown in pages.items():
        assert len(markdown.encode("utf-8")) < PAGE_BUDGET_BYTES / 3, path  # the theme adds about 40 KB around it
        assert len(linked_sources(markdown)) <= 200, path


def test_a_month_page_keeps_its_address_when_articles_are_added(many_articles):
    fewer = render_sources.render_sources_index(many_articles[1000:])
    more = render_sources.render_sources_index(many_articles)
    assert set(fewer) <= set(more)


def test_a_small_corpus_lists_every_article_on_the_index():
    articles = load_corpus(SEEDS).articles
    index = render_sources.render_sources_index(articles)["sources/index.md"]
    assert sorted(linked_sources(index)) == sorted(a.slug for a in articles)


# --- tags ------------------------------------------------------------------------

from build_scripts.pages import render_tags  # noqa: E402


def test_a_tag_lists_its_topics_and_links_a_page_per_month_of_its_articles(many_articles):
    tags = {a.slug: ("何小鹏",) for a in many_articles}
    topics = [render_tags.TaggedTopic("topics/iron.md", "IRON", ("何小鹏",))]
    pages = render_tags.render_tags(["何小鹏", "宝钢"], topics, many_articles, tags)
    index = pages[render_tags.TAGS_PATH]
    assert '<h2 id="tag:何小鹏">' in index and "宝钢" not in index  # a tag no page carries is left out
    assert '<a href="../topics/iron/">IRON</a>' in index
    months = {path: md for path, md in pages.items() if path != render_tags.TAGS_PATH}
    assert sum(md.count("<li>") for md in months.values()) == len(many_articles)
    for path, markdown in pages.items():
        assert len(markdown.encode("utf-8")) < PAGE_BUDGET_BYTES / 3, path


def test_tag_chips_link_to_the_tag_on_the_tags_page():
    assert render_tags.tag_urls(["Waymo", "何小鹏"]) == {
        "zh-Hans": {"Waymo": "tags/#tag:waymo", "何小鹏": "tags/#tag:何小鹏"},
        # A Traditional page names the tag in its glyphs, and its chip leads to the Traditional tags page.
        "zh-Hant": {"Waymo": "zh-Hant/tags/#tag:waymo", "何小鵬": "zh-Hant/tags/#tag:何小鹏"},
    }


def test_a_tag_month_page_is_not_searched(many_articles):
    # A list of titles, each found on its article's own page: searched, it outranked the articles.
    pages = render_tags.render_tags(["何小鹏"], [], many_articles[:3], {a.slug: ("何小鹏",) for a in many_articles[:3]})
    month = next(md for path, md in pages.items() if path != render_tags.TAGS_PATH)
    assert "search:\n  exclude: true\n---" in month
