"""The copy-citation control reads as "cite": a quotation-mark icon centred in its button, at every size it is drawn."""
import pytest

pytestmark = pytest.mark.browser

CONTROLS = {"infobox row": ".kb-claim .kb-cite-button", "overview sentence": ".kb-tools-inline .kb-cite-button",
            "footnote": ".kb-ref-list > li .kb-cite-button", "page": ".kb-cite-page .kb-cite-button"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_cite_control_is_a_centred_quotation_mark_icon(browser, seed_server, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, has_touch=width < 400)
    page = context.new_page()
    page.goto(f"{seed_server}/topics/iron/")
    page.wait_for_selector(".kb-claim .kb-cite-button")
    for name, selector in CONTROLS.items():
        button = page.locator(f"article {selector}").first
        button.scroll_into_view_if_needed()
        assert "❞" not in button.inner_text(), name  # the character sat low in the font and read as „
        icon = button.locator("svg.kb-icon")
        assert icon.is_visible(), name
        outer, inner = button.bounding_box(), icon.bounding_box()
        assert 14 <= inner["height"] <= outer["height"], (name, inner)
        # Centred on the button's middle, not sitting on the text's baseline.
        assert abs((inner["y"] + inner["height"] / 2) - (outer["y"] + outer["height"] / 2)) <= 2, (name, inner, outer)
        # Drawn in the button's text colour: as visible as the # beside it, in either scheme.
        colours = icon.evaluate("i => [getComputedStyle(i).fill, getComputedStyle(i.closest('button')).color]")
        assert colours[0] == colours[1], (name, colours)
    context.close()


def test_the_icon_comes_back_after_the_copied_tick(browser, seed_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{seed_server}/topics/iron/")
    page.evaluate("navigator.clipboard.writeText = () => Promise.resolve()")
    row = page.locator(".kb-claim").first
    row.locator("button.kb-cite-button").click()
    row.locator('.kb-cite-menu button[data-format="Markdown"]').click()
    page.wait_for_function("() => document.querySelector('.kb-claim .kb-cite-button').textContent === '✓'")
    page.wait_for_function("() => document.querySelector('.kb-claim .kb-cite-button').querySelector('svg.kb-icon') !== null",
                           timeout=3000)
    assert row.locator("button.kb-cite-button").inner_text().strip() == ""
    context.close()


# The middle of the first line of text in a control's row (its quote, value or event), and of the control's icon.
MIDDLES = """button => {
  const row = button.closest('li, p, .kb-has-tools');
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    if (!node.textContent.trim() || node.parentElement.closest('button, .kb-tools, .kb-badge, sup')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const line = range.getClientRects()[0], icon = button.querySelector('svg').getBoundingClientRect();
    return [(line.top + line.bottom) / 2, (icon.top + icon.bottom) / 2];
  }
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_each_cite_icon_sits_on_the_line_it_cites(browser, seed_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=width < 400)
    page = context.new_page()
    page.goto(f"{seed_server}/topics/robotaxi/")
    page.wait_for_selector(".kb-ref-list .kb-cite-button")
    # (A row's buttons float beside two lines on a phone, its name and its value: checked on a desktop.)
    for name in ("infobox row", "footnote") if width > 400 else ("footnote",):
        for button in page.locator(f"article {CONTROLS[name]}").all()[:4]:
            line, icon = button.evaluate(MIDDLES)
            assert abs(line - icon) <= 3, (name, width, line, icon)  # a reference's icon sat 7 px low, beside the next one
    context.close()

