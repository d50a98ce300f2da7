"""Article text never acts as code: whatever HTML, Markdown, MkDocs or template
syntax an article holds, the built site shows it as text.

The hostile folder (tests/corpora.py) is built once for this module. Checks
run on the parsed HTML of every page, since article text reaches the source
pages, the sources index, the topic pages, the home page and the search index.
"""
import re

import pytest
from bs4 import BeautifulSoup

from conftest import page
from corpora import (
    HOSTILE_FILE_NAME, HOSTILE_HEADING, HOSTILE_LINES, HOSTILE_TITLE_LINE, SECRET, build, source_pages_showing,
    write_hostile_seeds,
)
from test_links import check_internal_links

# The one line cleaning turns into an image placeholder (the javascript: one has a ")" in its URL: text).
IMAGE_LINES = [line for line in HOSTILE_LINES if line.startswith("![data")]
BIDI = "\u202e\u202c"
INVISIBLE = BIDI + "\u200b\u200d"
LITERAL_LINES = [line for line in HOSTILE_LINES if line not in IMAGE_LINES and not any(c in line for c in INVISIBLE)]
# The pages that show article text as it is: source pages, their index, the home and problems pages.
ARTICLE_PAGES = ["sources/hostile/index.html", "sources/title-line/index.html", "sources/index.html", "index.html"]
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href", "background")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    result = build(root, write_hostile_seeds(root))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="module")
def pages(hostile):
    """Every HTML page of the site, parsed: {path: soup}."""
    return {
        str(f.relative_to(hostile.site)): BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
        for f in sorted(hostile.site.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def article_body(hostile):
    return page(hostile.site, "sources/hostile/").select_one("article")


def test_build_succeeds_without_warnings_or_traceback(hostile):
    assert "Traceback" not in hostile.log
    assert "WARNING" not in hostile.log  # the fixture builds with --strict


# -- Nothing executes ----------------------------------------------------------


def test_no_script_comes_from_article_text(pages):
    benign = pages["sources/benign/index.html"]
    theme_scripts = [(s.get("src"), s.get_text()) for s in benign.find_all("script")]
    for path in ("sources/hostile/index.html", "sources/title-line/index.html"):
        # The same scripts; the one that forwards a 繁體 reader names the page's own copy.
        slug = path.split("/")[1]
        scripts = [(s.get("src"), s.get_text().replace(f"/sources/{slug}/", "/sources/benign/")) for s in pages[path].find_all("script")]
        assert scripts == theme_scripts, path
    for path, soup in pages.items():
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), path


def test_no_element_anywhere_has_an_event_handler(pages):
    for path, soup in pages.items():
        handlers = [(el.name, attr) for el in soup.find_all(True) for attr in el.attrs if attr.lower().startswith("on")]
        assert handlers == [], path


@pytest.mark.parametrize("tag", ["iframe", "object", "embed", "form", "input", "style", "img", "svg", "link", "meta", "base"])
def test_no_embedding_or_styling_element_comes_from_article_text(pages, tag):
    for path in ARTICLE_PAGES:
        assert pages[path].select(f"article {tag}") == [], path


def test_no_page_gets_a_base_or_a_refresh_from_article_text(pages):
    for path in ARTICLE_PAGES:
        assert pages[path].find("base") is None and pages[path].select('meta[http-equiv="refresh"]') == [], path


def test_no_link_or_source_uses_a_javascript_or_data_url(pages):
    for path, soup in pages.items():
        for element in soup.find_all(True):
            for attribute in URL_ATTRIBUTES:
                value = re.sub(r"\s", "", str(element.get(attribute) or "")).lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, element.name, attribute)


def test_no_request_to_another_host_comes_from_article_text(pages):
    for path, soup in pages.items():
        for element in soup.find_all(["img", "iframe", "script", "link", "object", "embed", "source", "video", "audio"]):
            for attribute in ("src", "href", "data"):
                assert "evil.example" not in str(element.get(attribute) or ""), (path, element)


# -- Nothing is created --------------------------------------------------------


def test_no_element_takes_an_id_or_class_from_article_text(pages):
    for path, soup in pages.items():
        assert soup.select("#evil-id, #evil-block, #evil-para, .evil-class") == [], path


@pytest.mark.parametrize(
    "selector",
    ["table", "blockquote", "ol", "pre", "em", "details", ".admonition", ".footnote", "sup", "a[href^='http']",
     "h1:not(#title)", "article > ul", "strong:not(.kb-meta strong)", "abbr[title*='伪造']"],
)
def test_markdown_syntax_in_article_text_creates_no_element(article_body, selector):
    assert article_body.select(selector) == []


def test_only_the_theme_surrounds_the_article(pages):
    """Outside <article>, a hostile page has exactly the elements a benign one has."""

    def skeleton(soup):
        outside = BeautifulSoup(str(soup), "html.parser")
        outside.find("article").decompose()
        toc = outside.select_one("nav.md-nav--secondary")
        if toc:
            toc.decompose()  # lists the page's headings: checked on its own below
        return [(el.name, tuple(el.get("class") or ()), el.get("id")) for el in outside.find_all(True)]

    assert skeleton(pages["sources/hostile/index.html"]) == skeleton(pages["sources/benign/index.html"])


def test_table_of_contents_entries_are_plain_text(pages):
    toc_links = pages["sources/hostile/index.html"].select("nav.md-nav--secondary ul a")
    assert toc_links, "the hostile article's sub-headings should be listed"
    for link in toc_links:
        assert [el.name for el in link.find_all(True)] == ["span"]
    assert "<img src=x onerror=alert('kb-heading')>" in [link.get_text(strip=True) for link in toc_links]


# -- Everything is shown as the text it is -------------------------------------


@pytest.mark.parametrize("line", LITERAL_LINES)
def test_article_line_is_shown_literally(hostile, article_body, line):
    line = line.replace("{secret_path}", str(hostile.seeds.parent / "secret.txt"))
    assert line in article_body.get_text()


def test_bold_line_heading_shows_its_html_as_text(article_body):
    assert HOSTILE_HEADING.strip("*") in [h.get_text().rstrip("¶") for h in article_body.find_all("h2")]


def test_whole_line_images_become_text_placeholders_never_images(article_body):
    placeholders = article_body.select("p.kb-image")
    shown = " ".join(p.get_text() for p in placeholders)
    assert "data:image/svg+xml;base64," in shown
    assert not article_body.find("img")


def test_snippet_includes_never_pull_in_a_local_file(hostile):
    for file in hostile.site.rglob("*"):
        if file.is_file():
            assert SECRET.encode("utf-8") not in file.read_bytes(), file


def test_template_syntax_reaches_the_page_untouched(article_body):
    text = article_body.get_text()
    assert "{{ config.site_name }}" in text and '{% include "partials/header.html" %}' in text
    assert "<!-- 一段 HTML 注释 -->" in text


def test_bidi_overrides_and_zero_width_characters_are_removed(hostile, article_body):
    assert "双向文字覆盖与零宽字符" in article_body.get_text()
    html = (hostile.site / "sources/hostile/index.html").read_text(encoding="utf-8")
    assert not any(c in html for c in INVISIBLE)
    # The search index uses U+200B on purpose, between the words it cut.
    index = (hostile.site.parent / "build/search/documents.json").read_text(encoding="utf-8")  # what search indexes
    assert not any(c in index for c in BIDI)


def test_title_with_html_is_text_in_the_browser_tab_header_and_heading(pages):
    soup = pages["sources/hostile/index.html"]
    title = "<script>alert('kb-title')</script>{{ config.site_name }}"
    assert soup.title.get_text().startswith(title)
    assert soup.find("h1").get_text().rstrip("¶") == title
    header = soup.select('.md-header__topic[data-md-component="header-topic"]')[0]
    assert header.get_text(strip=True) == title and header.find_all(True) == [header.find("span")]


def test_metadata_with_html_or_markdown_is_text(pages):
    meta = pages["sources/hostile/index.html"].select_one(".kb-meta")
    text = meta.get_text()
    assert "<img src=x onerror=alert('kb-author')>" in text
    assert "[outlet](javascript:alert('kb-outlet'))" in text
    assert "<b>粗体</b> {% raw %}" in text
    assert not meta.find("a") and not meta.find("b")


def test_title_line_with_a_script_is_the_title_as_text(pages):
    soup = pages["sources/title-line/index.html"]
    assert soup.find("h1").get_text().rstrip("¶") == HOSTILE_TITLE_LINE
    index_titles = [a.get_text() for a in pages["sources/index.html"].select("article table a")]
    assert HOSTILE_TITLE_LINE in index_titles


def test_file_name_with_html_and_backticks_is_shown_whole_as_text(hostile, pages):
    (url,) = source_pages_showing(hostile.site, "这篇文章的文件名里有HTML")
    meta = pages[url + "index.html"].select_one(".kb-meta")
    assert [code.get_text() for code in meta.select("code")] == [HOSTILE_FILE_NAME]


def test_every_internal_link_of_the_hostile_site_resolves(hostile):
    assert check_internal_links(hostile.site) == []


# -- In a real browser ---------------------------------------------------------


@pytest.mark.browser
def test_hostile_pages_in_a_browser_fire_no_dialog_log_no_error_and_stay_on_the_site(hostile, browser):
    from conftest import serve_directory

    (evil_url,) = source_pages_showing(hostile.site, "这篇文章的文件名里有HTML")
    base, stop = serve_directory(hostile.site)
    dialogs, errors, requests = [], [], []
    context = browser.new_context()
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for url in ("sources/hostile/", "sources/title-line/", evil_url, "sources/", ""):
            tab.goto(f"{base}/{url}", wait_until="networkidle")
            tab.hover("article")  # mouse-over handlers, had any been created
            tab.wait_for_timeout(200)
        previews = []
        for query in ("alert", "onerror"):  # search results show the hostile text too
            tab.fill("input.md-search__input", "")
            tab.click("input.md-search__input")
            tab.keyboard.type(query)
            tab.keyboard.press("End")
            tab.wait_for_selector("li.md-search-result__item", timeout=10_000)
            tab.wait_for_timeout(300)
            previews += tab.locator("li.md-search-result__item").all_inner_texts()
    finally:
        context.close()
        stop()
    assert any("alert('kb-" in text for text in previews), previews  # found, and shown as text
    assert dialogs == []
    assert errors == []
    assert requests and all(url.startswith(base + "/") for url in requests), [u for u in requests if not u.startswith(base)]
