"""Search answered from Pagefind: the pages it indexes, and what a reader downloads.

The synthetic pages (build_scripts/search/bundle.py) must say to Pagefind
what the project's own cutting and folding say; the browser must download
nothing for search before the box is focused, and then only pieces.
"""
from __future__ import annotations

import pytest

from build_scripts.search import bundle

# --- the synthetic pages ------------------------------------------------------


def test_traditional_words_are_written_with_their_simplified_twin():
    assert bundle.words("機器\u200b人形") == ["機器^机器", "人形"]


def test_words_in_simplified_or_latin_have_no_twin():
    assert bundle.words("<p>第二代\u200bVLA 2,250 TOPS</p>") == ["第二代", bundle.GLUE, "VLA", "2,250", "TOPS"]


def test_chinese_punctuation_stands_alone_and_is_never_a_twin():
    assert bundle.words("見上：「A868」") == ["見上^见上", "：", "「", bundle.GLUE, "A868", bundle.GLUE, "」"]


def test_a_space_the_text_had_is_kept_and_none_is_glued():
    assert bundle.words("IRON 人形机器人") == ["IRON", "人形机器人"]


def test_a_caret_in_the_text_cannot_hide_a_word():
    assert bundle.words("x^2") == ["x\u02c62"]


def test_a_page_is_written_undetermined_with_its_location_and_a_heading_per_section():
    page = bundle.synthetic_page("topics/iron/", [
        {"location": "topics/iron/", "title": "IRON 人形机器人", "text": "<p>小鵬</p>", "names": "humanoid robot", "spellings": "机器"},
        {"location": "topics/iron/#figures", "title": "关键数字", "text": "<p>2,250 TOPS</p>"},
    ])
    assert '<html lang="und">' in page  # Pagefind neither stems nor cuts it again
    assert 'data-pagefind-meta="loc[content]" content="topics/iron/"' in page
    assert '<h2 id="figures">' in page and "<h1>IRON 人形机器人</h1>" in page
    assert f'data-pagefind-weight="{bundle.NAMES_WEIGHT}">^humanoid ^robot<' in page
    assert "小鵬^小鹏 ^机器" in page


def test_the_words_a_query_is_cut_into_are_the_chinese_words_of_the_index():
    words = bundle.query_words([{"location": "a/", "title": "陸地航母", "text": "<p>小鹏\u200b汽车 VLA</p>", "spellings": "航母"}])
    assert set(words) == {"小鹏", "航母", "汽车", "陆地航母"}


# --- in the browser -------------------------------------------------------------


def worker_of(page):
    for _ in range(100):
        if page.workers:
            return page.workers[0]
        page.wait_for_timeout(50)
    raise AssertionError("the search worker did not start")


def wait_for_state(worker, state: str, timeout_s: float = 30) -> None:
    """Wait until the search worker's `kbSearchState` is `state` (idle, loading, complete)."""
    worker.evaluate(
        """async ([state, timeoutMs]) => {
          const until = performance.now() + timeoutMs
          while (self.kbSearchState !== state && performance.now() < until)
            await new Promise(resolve => setTimeout(resolve, 20))
          if (self.kbSearchState !== state) throw new Error("search stayed " + self.kbSearchState)
        }""",
        [state, timeout_s * 1000],
    )


@pytest.mark.browser
def test_nothing_is_downloaded_for_search_until_the_box_is_focused(browser, seed_server):
    page = browser.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        page.goto(f"{seed_server}/topics/iron/", wait_until="networkidle")
        page.wait_for_timeout(300)
        assert not [url for url in fetched if "/pagefind/" in url]
        assert worker_of(page).evaluate("self.kbSearchState") == "idle"
        page.keyboard.press("/")  # Material's shortcut focuses the box
        wait_for_state(worker_of(page), "complete")
        assert [url for url in fetched if url.endswith("/pagefind/pagefind.js")]
    finally:
        page.close()



def test_a_middle_dot_between_spaced_names_keeps_its_spaces():
    assert bundle.words("人形机器人 · IRON") == ["人形机器人", "·", "IRON"]


def test_the_index_is_cut_into_the_fewest_shards_of_about_equal_size(monkeypatch):
    """Pagefind's memory follows the largest shard: 2.5 MB under a 1 MB limit is three runs of about
    0.83 MB (not 1 + 1 + 0.5), every page in one of them, in name order."""
    from build_scripts.search import bundle

    monkeypatch.setenv(bundle.SHARD_BYTES_VARIABLE, "1000000")
    pages = [(f"p{i:04d}", "x" * (1000 + (i * 37) % 500)) for i in range(2000)]
    shards = bundle.shard(pages)
    sizes = [sum(len(page) for _, page in run) for run in shards]
    assert len(shards) == 3 and max(sizes) < 0.85e6 and min(sizes) > 0.8e6, sizes
    assert [name for run in shards for name, _ in run] == sorted(name for name, _ in pages)
    assert bundle.shard([("only", "x")]) == [[("only", "x")]]
