"""In Chromium: footnote previews on hover and on tap, copy controls a thumb can hit, "cite this page"."""
import re

import pytest

pytestmark = pytest.mark.browser

PREVIEW = ".kb-fn-preview"


def test_hovering_a_footnote_previews_its_source_and_quote_and_a_click_opens_the_paragraph(browser, seed_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{seed_server}/topics/iron/")
    marker = page.locator("#lead ~ p sup.kb-fn a.kb-cite").first
    quote = marker.get_attribute("title")
    number = marker.get_attribute("data-ref")
    marker.hover()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible", timeout=3000)
    text = preview.inner_text()
    head = page.locator(f"#ref-{number}").locator("xpath=ancestor::div[contains(@class,'kb-ref-source')]").locator(".kb-ref-head")
    assert f"[{number}]" in text and head.inner_text() in text and quote in text
    assert re.search(r"\d{4}-\d{2}-\d{2}", text)
    # Only ours: Material's tooltip (content.tooltips) would repeat the quote on top of it.
    assert not page.locator(".md-tooltip2--active, .md-tooltip--active").count()
    box, marked = preview.bounding_box(), marker.bounding_box()
    assert box["y"] >= marked["y"] + marked["height"] - 1 or box["y"] + box["height"] <= marked["y"] + 1  # beside, not over it
    page.mouse.move(5, 5)
    preview.wait_for(state="detached", timeout=3000)
    assert marker.get_attribute("title") == quote  # the hover text is back for the next reader of the link
    marker.click()
    page.wait_for_url("**/sources/*/#p-*")
    assert quote.split("，")[0][:10] in page.locator(f"#{page.url.split('#')[1]}").inner_text()
    context.close()


def test_a_first_tap_on_a_phone_previews_and_the_preview_opens_the_paragraph(browser, seed_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{seed_server}/zh-Hant/topics/iron/")
    marker = page.locator("#figures ~ p.kb-figure sup.kb-fn a.kb-cite").first
    quote = marker.get_attribute("title")
    marker.tap()
    preview = page.locator(PREVIEW)
    preview.wait_for(state="visible", timeout=3000)
    assert page.url.endswith("/zh-Hant/topics/iron/")  # the tap showed the preview, it did not leave
    assert quote in preview.inner_text() and "打開原文段落" in preview.inner_text()
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # on the screen
    page.locator(PREVIEW).get_by_text("打開原文段落").tap()
    page.wait_for_url("**/sources/*/#p-*")
    context.close()


def test_every_copy_control_is_visible_and_a_44px_target_on_a_phone(browser, seed_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    for path in ("topics/iron/", "promises/iron/", ""):
        page.goto(f"{seed_server}/{path}")
        page.wait_for_selector(".kb-cite-page .kb-cite-button")
        where = {"page": ".kb-cite-page .kb-cite-button", "footnote": ".kb-ref-list > li .kb-cite-button"}
        if path:  # the home page lists events in short, each linking its row on a topic page
            where["milestone"] = ".kb-milestone .kb-cite-button"
        if path == "topics/iron/":
            where |= {"overview sentence": ".kb-tools-inline .kb-cite-button", "infobox row": ".kb-claim .kb-cite-button",
                      "row link": ".kb-claim .kb-copy"}
        for name, selector in where.items():
            controls = page.locator(f"article {selector}")
            assert controls.count(), (path, name)
            for i in range(min(controls.count(), 5)):
                control = controls.nth(i)
                control.scroll_into_view_if_needed()
                box = control.bounding_box()
                assert box["width"] >= 44 and box["height"] >= 44, (path, name, box)
                assert float(control.evaluate("e => getComputedStyle(e).opacity")) == 1, (path, name)
                # Nothing covers it: a tap at its centre reaches it.
                hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('button') === null ? '' : "
                                    "document.elementFromPoint(x, y).closest('button').className",
                                    [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
                assert hit.split()[0] in ("kb-cite-button", "kb-copy"), (path, name, hit)
    context.close()


def test_cite_this_page_and_an_overview_sentence_copy_their_words(browser, seed_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{seed_server}/topics/iron/")
    page.evaluate("navigator.clipboard.writeText = (text) => { window.kbCopied = text; return Promise.resolve(); };"
                  "window.prompt = (label, text) => { window.kbCopied = text; };")

    def copy(tools, name):
        tools.locator("button.kb-cite-button").click()
        tools.locator(f'.kb-cite-menu button[data-format="{name}"]').click()
        return page.evaluate("window.kbCopied")

    cite_page = page.locator("article .kb-cite-page")
    wiki = copy(cite_page, "MediaWiki")
    assert wiki.startswith('<ref name="kb-iron">{{cite web |url=https://kb.example.internal/topics/iron/ |title=IRON 人形机器人')
    assert " |website=小鹏物理 AI 知识库" in wiki and " |access-date=" in wiki
    sentence = page.locator("article .kb-tools-inline").first
    markdown = copy(sentence, "Markdown")
    first_sentence = page.evaluate("document.querySelector('#lead ~ p').textContent").split("。")[0]
    assert markdown.startswith("IRON 人形机器人 · 概述：" + " ".join(first_sentence.split())[:6]) and "[^lead-1]" in markdown
    assert "#lead)" in markdown and re.search(r"，\d{4}-\d{2}-\d{2}：“", markdown)  # the source, its date, the quote
    footnote = page.locator("article .kb-ref-list > li").first
    confluence = copy(footnote, "Confluence")
    link = re.fullmatch(r"\[IRON 人形机器人（(.+)，(\d{4}\\-\d{2}\\-\d{2})）\|(\S+)\] “(.+)”（访问日期：\d{4}-\d{2}-\d{2}）", confluence)
    assert link and "《" in link[1], confluence  # the page's subject, then the source: outlet and title, date
    assert link[3].startswith("https://kb.example.internal/sources/") and "#p-" in link[3]  # its paragraph, public URL
    context.close()
