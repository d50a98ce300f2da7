"""A 20 MB article and a single 1 MB line are read and rendered whole, in seconds.

The reading and rendering stages are timed on their own: their cost must
grow linearly with the article (both once took minutes, see
markdown_text.HtmlParagraphs). The full `mkdocs build` of these files also
runs the topic and search stages, which take minutes on 20 MB; it is the
last test here, run only when KB_SLOW_TESTS=1.
"""
import os
import re
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_scripts.pages.markdown_text import HtmlParagraphs
from build_scripts.reading.corpus import read_article
from build_scripts.pages.render_sources import render_source_page, source_path
from conftest import ROOT
from corpora import DECODABLE, GIANTS, HUGE_BYTES, ONE_LINE_BYTES, ONE_LINE_REPEATS, build, source_pages_showing, write_giants


@pytest.fixture(scope="module")
def giants(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("giants") / "seeds"
    seeds.mkdir()
    write_giants(seeds)
    return seeds


def rendered_page(article) -> Page:
    """The article's source page rendered by MkDocs' Page, with mkdocs.yml's extensions and the kb plugin's."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.markdown_extensions.append(HtmlParagraphs())
    file = File(source_path(article), src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = render_source_page(article)
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def to_html(article) -> str:
    return rendered_page(article).content


def read_and_render(path: Path) -> tuple[int, str, float]:
    """(paragraphs read, page HTML, seconds it took)."""
    start = time.perf_counter()
    article = read_article(path).article
    html = to_html(article)
    return len(article.paragraphs), html, time.perf_counter() - start


def test_twenty_megabyte_article_is_read_and_rendered_whole_in_seconds(giants):
    assert (giants / "huge.txt").stat().st_size >= HUGE_BYTES
    paragraphs, html, seconds = read_and_render(giants / "huge.txt")
    assert paragraphs > 50_000
    assert html.count('class="kb-para"') == paragraphs
    assert DECODABLE["huge.txt"][1] in html
    assert seconds < 60, f"{seconds:.0f} s: rendering is no longer linear in the article's length"


def test_single_one_megabyte_line_of_markup_is_one_literal_paragraph_in_seconds(giants):
    assert (giants / "one-line.txt").stat().st_size >= ONE_LINE_BYTES
    paragraphs, html, seconds = read_and_render(giants / "one-line.txt")
    assert paragraphs == 1 and html.count('class="kb-para"') == 1
    paragraph = html[html.index('<p class="kb-para"'):]
    assert paragraph.count("&lt;b&gt;2025-11-05&lt;/b&gt;") == ONE_LINE_REPEATS  # the markup in it stays text
    # the anchor of the id links were made with before (reading/paragraphs.py), the article's words kept as
    # written in either script (translate="no") and the ¶ link, nothing else
    assert re.findall(r"</?(\w+)", paragraph) == ["p", "span", "span", "span", "span", "a", "a", "p"]
    assert seconds < 10, f"{seconds:.0f} s: rendering is no longer linear in the paragraph's length"


@pytest.mark.skipif(os.environ.get("KB_SLOW_TESTS") != "1", reason="builds 21 MB of articles through every stage; set KB_SLOW_TESTS=1")
def test_giant_articles_build_their_pages_with_mkdocs(giants):
    result = build(giants.parent, giants)
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log
    for name in GIANTS:
        assert len(source_pages_showing(result.site, DECODABLE[name][1])) == 1, name


def test_a_source_pages_paragraph_ids_still_count_as_its_anchors_for_mkdocs_link_check(tmp_path):
    """The paragraphs are stored before MkDocs scans the page for ids (HtmlParagraphs): their ids are handed over."""
    article_file = tmp_path / "short.txt"
    article_file.write_text("标题\n\n第一段，小鹏汽车发布了新车。\n\n第二段，IRON 机器人亮相。\n", encoding="utf-8")
    article = read_article(article_file).article
    assert {p.id for p in article.paragraphs} <= rendered_page(article).present_anchor_ids
