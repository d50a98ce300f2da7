"""In a real browser: a paragraph link opens the paragraph, highlighted."""
import pytest

pytestmark = pytest.mark.browser


def test_paragraph_link_scrolls_to_and_highlights_the_paragraph(browser, seed_server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{seed_server}/sources/000_8aa7ed600137bead/")
    target = page.locator("p.kb-para").nth(20)
    paragraph_id = target.get_attribute("id")
    page.goto(f"{seed_server}/sources/000_8aa7ed600137bead/#{paragraph_id}")
    highlighted = page.locator(f"#{paragraph_id}")
    assert highlighted.evaluate("el => el.matches(':target')")
    background = highlighted.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    box = highlighted.bounding_box()
    assert 0 <= box["y"] < 800  # scrolled into view
    page.close()


def test_pilcrow_appears_on_hover(browser, seed_server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{seed_server}/sources/001_f557aaf571426259/")
    paragraph = page.locator("p.kb-para").nth(3)
    anchor = paragraph.locator("a.kb-anchor")
    assert anchor.evaluate("el => getComputedStyle(el).opacity") == "0"
    paragraph.hover()
    page.wait_for_timeout(100)
    assert anchor.evaluate("el => getComputedStyle(el).opacity") == "1"
    page.close()
