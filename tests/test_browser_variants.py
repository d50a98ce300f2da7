"""In a real browser: switching script keeps the page and the anchor, the choice carries, each citation format copies."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from build_scripts.reading.language import converter

pytestmark = pytest.mark.browser


def test_switching_to_traditional_keeps_the_row_and_the_choice_carries_to_the_next_page(browser, seed_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{seed_server}/topics/robotaxi/#robotaxi-compute")
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh-Hant"]').click()
    page.wait_for_url("**/zh-Hant/topics/robotaxi/#robotaxi-compute")
    assert page.locator("#robotaxi-compute").is_visible()
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert "來源" in page.locator("article").inner_text()
    # The header, tabs and sidebars are drawn from the one nav: kb.js puts them in the page's script too.
    # (The language switcher names each script in itself: 简体中文 stays so.)
    chrome = page.evaluate(
        "[...document.querySelectorAll('.md-header__title, .md-search-result__meta, .md-tabs, .md-sidebar')]"
        ".map(e => e.innerText).join(' ')"
    )
    assert "主題" in chrome and converter("s2tw").convert(chrome) == chrome
    # A link from a source page (one script only) leads to the Simplified page: the reader lands on 繁體.
    page.goto(f"{seed_server}/sources/000_8aa7ed600137bead/")
    page.goto(f"{seed_server}/topics/iron/#figures")
    page.wait_for_url("**/zh-Hant/topics/iron/#figures")
    # And back.
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh-Hans"]').click()
    page.wait_for_url(f"{seed_server}/topics/iron/#figures")
    page.goto(f"{seed_server}/timeline/")
    assert page.url == f"{seed_server}/timeline/"
    context.close()


def test_copy_citation_menu_copies_markdown_mediawiki_and_confluence(browser, seed_server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=seed_server)
    page = context.new_page()
    page.goto(f"{seed_server}/topics/robotaxi/")
    row = page.locator("#robotaxi-compute")
    quote = row.locator("a.kb-cite").first.get_attribute("title")
    url = "https://kb.example.internal/topics/robotaxi/#robotaxi-compute"
    copied = {}
    for name in ("Markdown", "MediaWiki", "Confluence"):
        row.hover()
        row.locator("button.kb-cite-button").click()
        row.locator(f'.kb-cite-menu button[data-format="{name}"]').click()
        copied[name] = page.evaluate("navigator.clipboard.readText()")
    # Subject, attribute and value: which robot, which figure, how much.
    what = "小鹏 Robotaxi · 算力：3,000 TOPS"
    markdown, note = copied["Markdown"].split("\n\n")
    assert markdown == "小鹏 Robotaxi · 算力：3,000 TOPS[^robotaxi-compute]"
    assert note.startswith(f"[^robotaxi-compute]: [{what}]({url}) — ") and "2025-11-" in note
    assert "3,000 TOPS" in note and "访问日期：" in note
    wiki = copied["MediaWiki"]
    assert wiki.startswith('<ref name="robotaxi-compute">{{cite web |url=' + url + " |title=" + what) and wiki.endswith("}}</ref>")
    assert " |website=" in wiki and " |date=2025-11-" in wiki and f" |quote={' '.join(quote.split())}" in wiki
    assert " |access-date=" in wiki
    assert copied["Confluence"].startswith("[小鹏 Robotaxi") and f"|{url}]" in copied["Confluence"]
    assert "2025\\-11\\-" in copied["Confluence"].split("|")[0]  # the link's text: outlet and date
    context.close()


def test_a_reader_who_chose_traditional_goes_from_a_search_result_straight_to_the_traditional_page(browser, seed_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{seed_server}/sources/000_8aa7ed600137bead/")  # one script only: no forwarding here
    page.evaluate("localStorage.setItem('kb-script', 'zh-Hant')")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.click("input.md-search__input")
    page.keyboard.type("IRON")
    result = page.locator('a.md-search-result__link[href*="topics/iron/"]').first
    result.wait_for(timeout=10000)
    page.wait_for_timeout(500)  # the list is redrawn as each letter arrives: click the settled one
    # The list is redrawn once more when the full index arrives (two passes,
    # search.js); a click that lands on the list being replaced is lost, as
    # it would be for a reader, who clicks again.
    for attempt in range(2):
        result.click()
        try:
            page.wait_for_url("**/zh-Hant/topics/iron/**", timeout=15000)
            break
        except PlaywrightTimeout:
            if attempt:
                raise
    assert not [url for url in requested if "/topics/iron/" in url and "/zh-Hant/" not in url]
    context.close()


def test_a_traditional_reader_clicking_through_tabs_cited_by_tags_and_sources_never_lands_on_a_simplified_page(browser, seed_server):
    # A fresh reader (no script chosen yet, so nothing forwards): every link the
    # pages themselves draw must lead to 繁體 — header, tabs, sidebar, content, footer.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    root = f"{seed_server}/zh-Hant/"
    # All but the language switcher, whose 简体中文 is the one way to Simplified.
    links = ".md-header a[href]:not(.md-select__link), .md-tabs a[href], .md-sidebar a[href], article a[href], .md-footer a[href]"

    def internal_targets():
        # getAttribute: the chart's links are SVG <a>, whose .href is no string.
        hrefs = page.eval_on_selector_all(links, "els => els.map(a => new URL(a.getAttribute('href'), location.href).href)")
        return {h.split("#")[0] for h in hrefs if h.startswith(seed_server) and "/assets/" not in h and not h.endswith(".json")}

    # Clicks, as a reader makes them: a tab, a cited-by link, a tag, a source.
    page.goto(f"{root}topics/iron/")
    page.locator(".md-tabs__link", has_text="承諾與兌現").click()
    page.wait_for_url(f"{root}promises/")
    assert page.locator(".md-tabs__item--active").inner_text().strip() == "承諾與兌現"
    page.goto(f"{root}topics/iron/")
    page.locator("article a.md-tag, .md-tags a").first.click()
    page.wait_for_url(f"{root}tags/**")
    page.locator("article a[href*='/20']").first.click()  # a month of articles naming the tag
    page.wait_for_url(f"{root}tags/**/20*/")
    page.locator("article li a").first.click()  # an article
    page.wait_for_url(f"{root}sources/**")
    page.locator(".kb-cited-by a").first.click()
    page.wait_for_url(f"{root}topics/**")
    page.locator(".md-tabs__link", has_text="來源").click()
    page.wait_for_url(f"{root}sources/")
    page.locator("article table a").first.click()
    page.wait_for_url(f"{root}sources/*/")

    # And every page reachable so, entered at the home page: each link it draws stays in 繁體.
    seen, queue, outside = set(), [root], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        assert page.evaluate("document.documentElement.lang") == "zh-Hant", url
        for target in internal_targets() - seen:
            if target.startswith(root):
                queue.append(target)
            else:
                outside.append((url, target))
    assert not outside, outside[:5]
    kinds = {url[len(root):].split("/")[0] for url in seen}
    assert {"", "topics", "sources", "tags", "promises", "timeline", "glossary", "to-check"} <= kinds
    context.close()
