"""Search on a large site answers at once, then completely (search.js, worker).

A site with more text than `LATER["when_total_above"]` is indexed twice in
the browser: first without the long passages, then in full, in slices. These
tests check, in Material's own search worker in Chromium, that the first
index answers by titles, that the full one replaces it and finds body text,
that the results on screen are completed without the reader typing again,
and that the faster Builder.add builds exactly Lunr's index.
"""
from __future__ import annotations

import json
import shutil

import pytest

from build_scripts.search.index import LATER, LATER_FIELDS
from conftest import serve_directory

pytestmark = pytest.mark.browser

# In one seed article's text only (as 異曲同工): no title, name or tag has it.
BODY_ONLY_QUERY, BODY_ONLY_ARTICLE = "异曲同工", "/sources/002_56d86afa678d481a/"


def worker_of(page):
    for _ in range(100):
        if page.workers:
            return page.workers[0]
        page.wait_for_timeout(50)
    raise AssertionError("Material's search worker did not start")


def wait_for_state(worker, state: str, timeout_s: float = 30) -> None:
    worker.evaluate(
        """async ([state, timeoutMs]) => {
          const until = performance.now() + timeoutMs
          while (self.kbSearchState !== state && performance.now() < until)
            await new Promise(resolve => setTimeout(resolve, 20))
          if (self.kbSearchState !== state) throw new Error("search stayed " + self.kbSearchState)
        }""",
        [state, timeout_s * 1000],
    )


@pytest.fixture
def worker(browser, seed_server):
    page = browser.new_page()
    page.goto(f"{seed_server}/")
    worker = worker_of(page)
    wait_for_state(worker, "complete")  # search.js (lunr.kb) is loaded and the seed index built
    yield worker
    page.close()


def test_seed_site_is_small_enough_for_one_pass(worker, seed_site):
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = sum(len(doc.get(name, "")) for doc in index["docs"] for name in LATER_FIELDS)
    assert text < LATER["when_total_above"]
    assert all(index["config"]["fields"][name]["kb_later"] == LATER for name in LATER_FIELDS)
    wait_for_state(worker, "complete")


def test_faster_add_builds_exactly_the_index_lunr_builds(worker):
    same, size = worker.evaluate(
        """async () => {
          const index = await (await fetch("../../../search/search_index.json")).json()
          const build = add => {
            const builder = new lunr.Builder()
            builder.ref("location")
            builder.metadataWhitelist = ["position"]
            builder.pipeline.add(lunr.Pipeline.registeredFunctions["kb-fold"])
            for (const [name, spec] of Object.entries(index.config.fields)) builder.field(name, { boost: spec.boost })
            for (const doc of index.docs) add.call(builder, doc, { boost: doc.boost })
            return JSON.stringify(builder.build())
          }
          const ours = build(lunr.Builder.prototype.add), lunrs = build(self.kbLunrAdd)
          return [ours === lunrs, ours.length]
        }"""
    )
    assert size > 100_000  # the seed site's index, not an empty one
    assert same


def test_first_pass_answers_by_title_and_the_full_index_takes_its_place(worker):
    found = worker.evaluate(
        """async () => {
          const later = { short: 20, when_total_above: 0 }
          const docs = [
            { location: "a/", title: "Alpha page", text: "short alpha" },
            { location: "b/", title: "Beta page", text: "a long passage that mentions the word zebrafish somewhere in it" },
          ]
          const index = lunr(function () {
            this.use(lunr.kb)
            this.ref("location")
            this.field("title", { boost: 1000 })
            this.field("text", { boost: 1, kb_later: later })
            for (const doc of docs) this.add(doc)
          })
          const refs = query => index.search(query).map(result => result.ref)
          const first = { state: self.kbSearchState, beta: refs("beta"), zebrafish: refs("zebrafish"), alpha: refs("short") }
          while (self.kbSearchState !== "complete") await new Promise(resolve => setTimeout(resolve, 5))
          return { first, full: { beta: refs("beta"), zebrafish: refs("zebrafish"), alpha: refs("short") } }
        }"""
    )
    assert found["first"] == {"state": "partial", "beta": ["b/"], "zebrafish": [], "alpha": ["a/"]}
    assert found["full"] == {"beta": ["b/"], "zebrafish": ["b/"], "alpha": ["a/"]}


@pytest.fixture
def large_site(seed_site, tmp_path):
    """The seed site indexed in two passes, every passage in the second,
    and 3,000 filler sections whose 600,000 words keep the second pass busy
    for seconds, long enough to type a query while it runs."""
    site = tmp_path / "site"
    shutil.copytree(seed_site, site)
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for name in LATER_FIELDS:  # every passage waits for the second pass
        index["config"]["fields"][name]["kb_later"] = {"short": 0, "when_total_above": 0}
    index["docs"] += [
        {"location": f"filler/#{n}", "title": "filler", "text": " ".join(f"w{(n * 7919 + i) % 20_000}" for i in range(200))}
        for n in range(3_000)
    ]
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    base, stop = serve_directory(site)
    yield base
    stop()


def test_results_on_screen_are_completed_without_typing_again(browser, large_site):
    page = browser.new_page()
    try:
        page.goto(f"{large_site}/")
        worker = worker_of(page)
        wait_for_state(worker, "partial")
        page.click("input.md-search__input")
        page.keyboard.type(BODY_ONLY_QUERY)
        page.keyboard.press("End")
        page.wait_for_function("() => /\\S/.test(document.querySelector('.md-search-result__meta').textContent)")
        page.wait_for_timeout(100)
        shown = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => new URL(a.href).pathname)")
        assert worker.evaluate("self.kbSearchState") == "partial", "the second pass ended before the query was answered"
        assert BODY_ONLY_ARTICLE not in shown, "the first pass should not hold article text"
        wait_for_state(worker, "complete")
        page.wait_for_function(
            "path => [...document.querySelectorAll('.md-search-result__item a')].some(a => new URL(a.href).pathname === path)",
            arg=BODY_ONLY_ARTICLE,
            timeout=5000,
        )
    finally:
        page.close()
