"""One voice per page: a Chinese page says its labels once, in its own script, on the built seed site.

English stays where it is a source's own words (quotes, marked as written or
`translate="no"`), code, or a name (Robotaxi, IRON, Ultra). What the issue
found doubled — "待兑现 upcoming", "术语表 Glossary", "标题 Title", "1 亿 clips",
"Unattributed English report" — must not come back on any page, 简体 or 繁體.
"""
import re

import pytest

from conftest import page

HAN = "\u3400-\u9fff"
# A Chinese label, then an English gloss of it: lowercase words after a Han character ("待兑现 upcoming", "亿 clips").
LOWERCASE_GLOSS = re.compile(rf"[{HAN}][）)]?[ \u00a0]+([a-z][a-z'’-]+(?:[ \u00a0]+[a-z][a-z'’-]+)*)")
# A heading, column or label that ends in a capitalised English gloss ("来源 Sources", "语言 Language").
CAPITALISED_GLOSS = re.compile(rf"[{HAN}][）)]?[ \u00a0]+([A-Z][a-z]+(?:[ \u00a0]+[A-Za-z][a-z]+)*)$")
LABELS = "h1, h2, h3, th, label, summary, .md-tabs__link, .md-nav__link, .admonition-title, title"


def _pages(site):
    return sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html")
                  if not p.relative_to(site).as_posix().startswith(("search/", "assets/")))


def _reader_text(soup):
    """The page as a reader reads it, less what is not the page's own voice."""
    for kept in soup.select("[translate=no], code, pre, .kb-as-written, script, style, .kb-check-item"):
        kept.decompose()  # an article's words, code, quotes; an editor's queue item is the build's reading, ids included
    return soup


def _names(site) -> set[str]:
    """Latin words the site uses as names: those in its topics' and tags' names."""
    soup = page(site, "topics/")
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9-]+", soup.select_one("article").get_text(" ")))
    return words | set(re.findall(r"[A-Za-z][A-Za-z0-9-]+", page(site, "tags/").select_one("article").get_text(" ")))


def test_no_page_doubles_a_label_in_english(seed_site):
    names = _names(seed_site)
    doubled = {}
    pages = _pages(seed_site)
    assert len([p for p in pages if p.startswith("zh-Hant")]) >= 10
    for url in pages:
        soup = _reader_text(page(seed_site, url + "/" if url != "." else ""))
        for text in soup.body.find_all(string=True):
            line = " ".join(str(text).split())
            for found in LOWERCASE_GLOSS.finditer(line):
                doubled.setdefault(url, []).append(line[max(0, found.start() - 8):found.end()])
        for label in soup.select(LABELS):
            line = " ".join(label.get_text(" ").split()).rstrip("¶ ")
            found = CAPITALISED_GLOSS.search(line)
            if found and not set(found.group(1).split()) <= names:
                doubled.setdefault(url, []).append(line)
    assert not doubled, doubled


@pytest.mark.parametrize("url", ["sources/", "zh-Hant/sources/", "glossary/", "zh-Hant/tags/", "sources/004_2a4aa61ecc6eb6e2/"])
def test_labels_the_issue_found_doubled_are_said_once(seed_site, url):
    text = _reader_text(page(seed_site, url)).get_text(" ")  # the article's own words may say clips
    for english in ("Glossary", "Title", "Outlet", "Paragraphs", "By month", "All tags", "Unattributed English report", "clips"):
        assert english not in text, f"{url}: {english}"
