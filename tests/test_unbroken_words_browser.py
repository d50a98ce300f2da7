"""On a phone, a two-character link and a topic chip move to the next line whole: seen broken on the 390 px screenshots."""
import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("slug", ["robotaxi", "iron", "flying-cars"])
def test_the_overviews_details_link_is_never_split_across_lines(browser, seed_server, slug):
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(f"{seed_server}/topics/{slug}/")
    link = page.locator('#lead + p > a[href^="#m-"]')
    assert link.count() == 1 and link.evaluate("a => a.getClientRects().length") == 1
    page.close()


@pytest.mark.parametrize("prefix", ["", "/zh-Hant"])
def test_a_topic_chip_is_never_split_across_lines(browser, seed_server, prefix):
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(f"{seed_server}{prefix}/")
    chips = page.locator("article a.kb-topic")
    assert chips.count() >= 5
    broken = [c.inner_text() for c in chips.all() if c.evaluate("a => a.getClientRects().length") > 1]
    assert not broken, broken
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # and nothing pushed off the side
    page.close()
