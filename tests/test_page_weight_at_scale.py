"""Pages stay light when the corpus is 2,000 articles (issue 25): none over 300 KB or 5,000 elements.

A page that lists everything grows with the corpus: at 2,000 articles the
single Promises page was 700 KB, the tags page 1.9 MB. They are split into
pages whose addresses do not change as articles come (a page per topic,
per month). This builds the benchmark's 2,000-article corpus once (about
two minutes) and weighs every HTML page the way the benchmark does.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts.tools import bench
from conftest import build_site, kb_files, page

ARTICLES = 2000
PAGE_BYTES = 300_000
PAGE_ELEMENTS = 5_000
ELEMENT = re.compile(rb"<[A-Za-z]")
# Pages whose splitting is not done yet (notes/search.md, "Not done"): the
# topic pages (infobox, lists, references) and the editors' to-check list.
NOT_SPLIT_YET = re.compile(r"(zh-Hant/)?(topics/[^/]+|to-check)/index\.html")


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
    heavy = {path: w for path, w in over_budget(pages).items() if not NOT_SPLIT_YET.fullmatch(path)}
    assert not heavy, f"over {PAGE_BYTES:,} B or {PAGE_ELEMENTS:,} elements: {sorted(heavy.items())}"
    # The split pages are there, and the listing pages stay small themselves.
    assert "promises/index.html" in pages and len([p for p in pages if p.startswith("promises/")]) >= 6
    assert any(p.startswith("sources/by-month/") for p in pages) and any(p.startswith("tags/") and p.count("/") > 2 for p in pages)


@pytest.mark.xfail(reason="topic pages and to-check are not split yet (notes/search.md)", strict=False)
def test_no_page_at_all_exceeds_the_budget(large_site):
    heavy = over_budget(weights(large_site))
    assert not heavy, f"over budget: {sorted(heavy.items())}"


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
