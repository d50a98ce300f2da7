"""Search keeps finding the right page when the corpus is many times the seeds.

With five articles a topic page wins its own name easily; with a hundred,
dozens of article sections carry the same word in their titles (title boost
1,000) and pushed the IRON page out of the first results for 机器人. This
builds a 120-article synthetic corpus (the benchmark's), large enough for
the browser's two-pass indexing, and types the topic queries of
test_search_browser.py into it once the whole index is loaded.
"""
from __future__ import annotations

import pytest

from build_scripts.tools import bench
from conftest import build_site, serve_directory
from test_search_browser import TOPIC_QUERIES, SearchBox
from test_search_passes import wait_for_state, worker_of

pytestmark = pytest.mark.browser

ARTICLES = 120


@pytest.fixture(scope="module")
def large_search_box(browser, tmp_path_factory):
    work = tmp_path_factory.mktemp("search-at-scale")
    bench.write_corpus(bench.synthesise(ARTICLES, bench.load_templates(), seed=7), work / "seeds")
    result = build_site(work, work / "seeds")
    assert result.returncode == 0, result.stderr
    base, stop = serve_directory(work / "site")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    box = SearchBox(page, base)
    wait_for_state(worker_of(page), "complete")
    yield box
    page.close()
    stop()


@pytest.mark.parametrize(("query", "expected"), TOPIC_QUERIES, ids=[q for q, _ in TOPIC_QUERIES])
def test_topic_page_stays_in_the_top_three_among_many_articles(large_search_box, query, expected):
    results = large_search_box.search(query)
    assert expected in results.pages[:3], f"{query!r} → {results.pages[:5]}"
