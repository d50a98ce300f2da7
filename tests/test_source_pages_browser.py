"""In a real browser: a source page's previous/next footer walks the sources in the Sources index's order, in the reader's script."""
import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix, lang, next_label, previous_label", [
    ("", "zh-Hans", "下一页", "上一页"),
    ("/zh-Hant", "zh-Hant", "下一頁", "上一頁"),
])
def test_next_and_previous_walk_the_sources_as_the_index_lists_them(browser, seed_server, prefix, lang, next_label, previous_label):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{seed_server}{prefix}/sources/")
    listed = page.locator("#latest + .kb-sources a").evaluate_all("links => links.map(a => a.href)")
    listed = list(dict.fromkeys(listed))
    assert len(listed) >= 3 and all(f"{seed_server}{prefix}/sources/" in url for url in listed)

    # From the first source, "next" leads through every source in the index's order, in this script,
    # and from the last back to the index.
    index = f"{seed_server}{prefix}/sources/"
    page.goto(listed[0])
    walked = [page.url]
    for _ in range(len(listed)):
        following = page.locator("a.md-footer__link--next")
        assert following.is_visible() and next_label in following.inner_text()
        following.click()
        page.wait_for_load_state()
        walked.append(page.url)
        assert page.evaluate("document.documentElement.lang") == lang
    assert walked == listed + [index]

    # And "previous" leads back, one step at a time, to the index before the first source.
    page.goto(listed[-1])
    for expected in reversed([index] + listed[:-1]):
        back = page.locator("a.md-footer__link--prev")
        assert back.is_visible() and previous_label in back.inner_text()
        back.click()
        page.wait_for_url(expected)
        assert page.evaluate("document.documentElement.lang") == lang
    context.close()
