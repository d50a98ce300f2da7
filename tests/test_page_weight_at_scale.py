"""Pages stay light as the corpus grows (issue 25): none over 300 KB or 5,000 elements.

A page that lists everything grows with the corpus: at 2,000 articles the
single Promises page was 700 KB, the tags page 1.9 MB. They are split into
pages whose addresses do not change as articles come (a page per topic,
per month). This builds the benchmark's corpus at 500 articles once (under a
minute), where every split already happens, and weighs every HTML page the
way the benchmark does; the benchmark itself weighs them at 2,000
(`python -m build_scripts.tools.bench --sizes 2000`, pages over budget listed).
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_scripts.tools import bench
from conftest import build_site, kb_files, page

ARTICLES = 500
PAGE_BYTES = 300_000
PAGE_ELEMENTS = 5_000
ELEMENT = re.compile(rb"<[A-Za-z]")


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pages-at-scale")
    bench.write_corpus(bench.synthesise(ARTICLES, bench.load_templates(), seed=7), work / "seeds")
    result = build_site(work, work / "seeds")  # --strict: every link and anchor resolves
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site"


def weights(site: Path) -> dict[str, tuple[int, int]]:
    """Every HTML page: (bytes, elements)."""
    out = {}
    for html_file in site.rglob("*.html"):
        data = html_file.read_bytes()
        out[html_file.relative_to(site).as_posix()] = (len(data), len(ELEMENT.findall(data)))
    return out


def over_budget(pages: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    return {path: w for path, w in pages.items() if w[0] > PAGE_BYTES or w[1] > PAGE_ELEMENTS}


def test_split_listing_pages_stay_within_the_budget(large_site):
    pages = weights(large_site)
    heavy = over_budget(pages)
    assert not heavy, f"over {PAGE_BYTES:,} B or {PAGE_ELEMENTS:,} elements: {sorted(heavy.items())}"
    # The split pages are there, and the listing pages stay small themselves.
    assert "promises/index.html" in pages and len([p for p in pages if p.startswith("promises/")]) >= 6
    assert any(p.startswith("sources/by-month/") for p in pages) and any(p.startswith("tags/") and p.count("/") > 2 for p in pages)


def test_no_page_at_all_exceeds_the_budget(large_site):
    heavy = over_budget(weights(large_site))
    assert not heavy, f"over budget: {sorted(heavy.items())}"
    # The heaviest pages of the last round, in both scripts: the topic pages, and the to-check queue, now an index.
    pages = weights(large_site)
    for prefix in ("", "zh-Hant/"):
        assert pages[f"{prefix}to-check/index.html"][0] < 60_000
        assert len([p for p in pages if p.startswith(f"{prefix}to-check/")]) > 20


def test_the_to_check_queue_is_split_per_topic_and_its_index_says_what_each_page_holds(large_site):
    """Every item is on one page of its topic; the index names each page with its count, and the pages lead to each other."""
    for prefix in ("", "zh-Hant/"):
        index = page(large_site, f"{prefix}to-check/")
        total = int(re.search(r"(\d+) [条條]待核[实實]", index.get_text()).group(1))
        assert total > 2000 and not index.select(".kb-check-item")  # far more than one page holds
        listed = {}  # a topic's numbered page (its link from to-check/) → the count the index gives
        for link in index.select("article li li a"):
            listed[link["href"]] = int(re.match(r"：(\d+) [条條]", link.next_sibling).group(1))
        topics = [a["href"] for a in index.select("article li > strong > a")]
        assert {"iron/", "second-gen-vla/", "world-model/"} <= set(topics)
        seen, kinds = set(), set()
        for href in {*listed, *topics}:
            part = page(large_site, f"{prefix}to-check/{href}")
            items = part.select(".kb-check-item")
            assert items and len(items) <= 200
            if href in listed:
                assert len(items) == listed[href], href
            assert {i["data-topic"] or "article-info" for i in items} == {href.split("/")[0]}, href
            checks = {i["data-check"] for i in items}
            assert not checks & seen  # on one page only
            seen |= checks
            kinds |= {i["data-kind"] for i in items}
            # an item's source link resolves to its paragraph, from whatever depth the page is at
            link = items[0].select_one("blockquote a")["href"]
            source = Path(os.path.normpath(large_site / f"{prefix}to-check/{href}" / link.split("#")[0]))
            assert BeautifulSoup((source / "index.html").read_text(encoding="utf-8"), "html.parser").find(id=link.split("#")[1]), link
            if href.endswith("/2/"):  # a numbered page leads back to the first and on to the next
                pager = part.select_one("p.kb-pager")
                assert pager.find("a", href="../")["href"] and ("上一页" in pager.get_text() or "上一頁" in pager.get_text())
        assert len(seen) == total and "figure" in kinds


def test_a_topic_page_keeps_its_newest_milestones_and_sends_a_link_to_another_row_on(large_site):
    """The chart draws the rows the page shows; the promises page has them all, and a row's old link finds it."""
    files = kb_files(large_site)
    for name, document in files.items():
        if document["part"] != "topic" or len(document["milestones"]) <= 12:
            continue
        slug = document["topic"]["id"]
        topic = page(large_site, f"topics/{slug}/")
        rows = {p["id"] for p in topic.select("p.kb-milestone")}
        assert 12 <= len(rows) <= 13
        charted = {a["href"].lstrip("#") for a in topic.select("svg.kb-chart-wide a[href^='#m-']")}
        assert charted <= rows and charted
        link = topic.find("a", string="全部承诺与进展")
        assert link["href"] == f"../../promises/{slug}/"
        unlisted = next(m["id"] for m in document["milestones"] if m["id"] not in rows)
        script = next(s.string for s in topic.select("script") if s.string and "^m-" in s.string)
        assert f'"../../promises/{slug}/"' in script
        promises = page(large_site, f"promises/{slug}/")
        forwards = " ".join(s.string or "" for s in promises.select("script"))
        assert promises.find(id=unlisted) is not None or f'"{unlisted}"' in forwards, unlisted


def test_every_milestone_is_listed_on_its_topic_promises_page(large_site):
    """Split, still complete: each milestone of kb.json has its row where its URL says (its topic's
    promises page, or that page's year page when the topic has many)."""
    files = kb_files(large_site)
    milestones = [m for d in files.values() if d["part"] in ("topic", "site-wide") for m in d["milestones"]]
    assert len(milestones) > 100
    root = files["kb.json"]["site_url"]
    rows: dict[str, set[str]] = {}
    for m in milestones:
        path = m["url"].replace(root, "").split("#")[0]
        if path not in rows:
            rows[path] = {row["id"] for row in page(large_site, path).select("p.kb-milestone")}
        assert m["id"] in rows[path], m["url"]
    index = page(large_site, "promises/")
    assert {a["href"].strip("/") for a in index.select("article table a")} == {path.split("/")[1] for path in rows}


def test_kb_json_stays_small_and_its_files_hold_every_source(large_site):
    assert (large_site / "kb.json").stat().st_size < 20_000
    files = kb_files(large_site)
    sources = [s for d in files.values() if d["part"] == "sources" for s in d["sources"]]
    assert len(sources) == len(list((large_site / "sources").glob("*_*/index.html")))
    assert json.loads((large_site / "kb.json").read_text(encoding="utf-8"))["version"] == 2


def test_a_topic_with_more_rows_than_a_page_holds_gets_a_page_per_year(monkeypatch):
    """The seed site with a page holding two rows: every row is on the year page row_pages names,
    the topic's page lists the years and forwards a link to a row it no longer holds."""
    from build_scripts.pages import promises
    from build_scripts.pages.site import compose_site
    from build_scripts.reading.corpus import load_corpus
    from conftest import SEEDS

    monkeypatch.setattr(promises, "TOPIC_PAGE_ROWS", 2)
    corpus = load_corpus(SEEDS)
    pages = compose_site(corpus).pages
    kb_rows = [m for path, text in pages.items() if path.startswith("kb/topics/") for m in json.loads(text)["milestones"]]
    def page_of(m) -> str:
        return "promises/" + m["url"].split("/promises/")[1].split("#")[0].rstrip("/") + ".md"

    assert {page_of(m) for m in kb_rows if m["topic"] == "second-gen-vla"} >= {"promises/second-gen-vla/2026.md"}
    for m in kb_rows:
        assert f"#{m['id']} " in pages[page_of(m)], (m["id"], page_of(m))  # the row's attribute list names its id
    topic_page = pages["promises/second-gen-vla.md"]
    assert "](second-gen-vla/2026.md)" in topic_page and "location.replace" in topic_page
    assert not re.search(r"\{: #m-", topic_page)  # the years' pages hold the rows


def test_a_to_check_queue_longer_than_a_page_gets_a_page_per_topic_numbered_when_long(monkeypatch):
    """The seed site with a page holding two items: each topic's items, newest first, on numbered pages
    the index lists with their counts; a page leads to the next and back to the index."""
    from build_scripts.pages import render_to_check
    from build_scripts.pages.site import compose_site
    from build_scripts.reading.corpus import load_corpus
    from conftest import SEEDS

    corpus = load_corpus(SEEDS)
    whole = compose_site(corpus).pages["to-check.md"]
    monkeypatch.setattr(render_to_check, "PAGE_ITEMS", 2)
    pages = compose_site(corpus).pages
    index = pages["to-check.md"]
    assert "kb-check-item" in whole and "kb-check-item" not in index
    parts = {path: text for path, text in pages.items() if path.startswith("to-check/")}
    items = lambda text: re.findall(r'data-check="([^"]+)"', text)  # noqa: E731
    assert sorted(i for text in parts.values() for i in items(text)) == sorted(items(whole))
    for path, text in parts.items():
        assert 1 <= len(items(text)) <= 2
        assert f"({path[len('to-check/'):]})" not in index or f"：{len(items(text))} 条" in index
    long = next(path for path in parts if path.endswith("/2.md"))
    first = long.rsplit("/", 1)[0] + ".md"
    assert f"]({first})" in index and f"]({long})" in index  # the index names the topic and its pages
    assert "[下一页 ›](" + long.split("/", 1)[1] + ")" in parts[first]
    assert "[‹ 上一页](../" + first.split("/", 1)[1] + ")" in parts[long] and "](../../to-check.md)" in parts[long]
    assert 'href="../../../sources/' in parts[long] and 'href="../../sources/' in parts[first]
    assert "zh-Hant/" + long in pages  # and in 繁體


SHOTS = os.environ.get("KB_SCREENSHOTS")  # a folder to keep the screenshots in, for a person to look at


@pytest.mark.browser
def test_in_a_browser_the_split_pages_read_and_old_links_still_land(browser, large_site):
    """At 1280 and 390 px: the to-check index and a numbered page, a topic page; a link to a milestone row
    the topic page no longer holds lands on that row on the promises pages."""
    from conftest import serve_directory

    base, stop = serve_directory(large_site)
    try:
        for width, height in ((1280, 900), (390, 844)):
            tab = browser.new_page(viewport={"width": width, "height": height})
            tab.goto(f"{base}/to-check/")
            assert tab.locator("article li a", has_text="第 2 页").count() >= 3
            _shot(tab, f"to-check-index-{width}.png")
            tab.locator("article li a", has_text="第 2 页").first.click()
            tab.wait_for_url("**/to-check/*/2/")
            items = tab.locator(".kb-check-item")
            assert 0 < items.count() <= 200 and tab.locator("p.kb-pager").first.is_visible()
            assert tab.locator("button.kb-snippet-copy").count() == items.count()  # kb-check.js ran
            assert tab.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out sideways
            _shot(tab, f"to-check-page-2-{width}.png")
            tab.goto(f"{base}/topics/second-gen-vla/#timeline")
            assert tab.locator("#timeline ~ .kb-chart-box svg").count() == 2
            _shot(tab, f"topic-timeline-{width}.png")
            tab.close()
        document = kb_files(large_site)["kb/topics/second-gen-vla.json"]
        topic = page(large_site, "topics/second-gen-vla/")
        old = next(m for m in document["milestones"] if topic.find(id=m["id"]) is None)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(f"{base}/topics/second-gen-vla/#{old['id']}")
        tab.wait_for_url(f"**/promises/second-gen-vla/**#{old['id']}")
        row = tab.locator(f"#{old['id']}")
        row.wait_for()
        assert row.evaluate("el => el.matches(':target')")
        assert old["url"].split("/promises/")[1] in tab.url
        _shot(tab, "topic-old-milestone-link-1280.png")
        tab.close()
    finally:
        stop()


def _shot(tab, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / name))


def test_every_article_of_the_2000_article_benchmark_corpus_is_read(tmp_path):
    """The reading at the benchmark's own size, without building the site (half a minute on two CPUs):
    its recombined sentences reach clause shapes no seed has (a crash in one sentence stopped the build)."""
    from build_scripts.knowledge.compose import facts_of
    from build_scripts.knowledge.taxonomy import load_topics
    from build_scripts.reading.corpus import load_corpus

    bench.write_corpus(bench.synthesise(2000, bench.load_templates(), seed=7), tmp_path / "seeds")
    corpus = load_corpus(tmp_path / "seeds", workers=2)
    facts = facts_of(corpus.articles, load_topics(), workers=2)
    assert len(facts) == len(corpus.articles) >= 1900
    assert sum(len(f.sightings) for f in facts) > 2000 and sum(len(f.claims) for f in facts) > 2000
