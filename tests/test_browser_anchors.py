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
    # The highlight fades in (kb.css: a .4 s transition): wait for it, then check it stays.
    page.wait_for_function(
        "id => !['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(document.getElementById(id)).backgroundColor)",
        arg=paragraph_id, timeout=3000,
    )
    page.wait_for_timeout(500)
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


def test_reader_goes_from_home_to_a_topic_to_the_cited_paragraph_and_back(browser, seed_server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{seed_server}/")
    page.locator(".grid.cards a", has_text="飞行汽车").first.click()
    page.wait_for_url("**/topics/flying-cars/")
    row = page.locator("#flying-car-factory-takt-time")
    citation = row.locator("a.kb-cite").first
    quote = citation.get_attribute("title")
    citation.click()
    page.wait_for_url("**/sources/000_8aa7ed600137bead/#p-*")
    paragraph_id = page.url.split("#")[1]
    target = page.locator(f"#{paragraph_id}")
    assert quote in target.inner_text()
    assert target.evaluate("el => el.matches(':target')")
    # the highlight fades in (a .4 s transition): wait for it rather than read its first frame
    page.wait_for_function(
        "id => !['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(document.getElementById(id)).backgroundColor)",
        arg=paragraph_id, timeout=5000)
    assert 0 <= target.bounding_box()["y"] < 800
    page.go_back()
    page.wait_for_url("**/topics/flying-cars/")
    assert page.locator("#flying-car-factory-takt-time").is_visible()
    page.close()


def test_copy_link_button_copies_the_public_url_of_a_figure_row(browser, seed_server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=seed_server)
    page = context.new_page()
    page.goto(f"{seed_server}/topics/robotaxi/")
    row = page.locator("#robotaxi-compute")
    row.hover()
    row.locator("button.kb-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "https://kb.example.internal/topics/robotaxi/#robotaxi-compute"
    context.close()
