"""The Promises pages in a real browser: every status, the chart at desktop and phone width, the filters.

Promises are listed a page per topic (promises/<topic>/), reached from the
index (promises/), which holds the counts and the time rules."""
import pytest

from tests.conftest import build_site, page, serve_directory

pytestmark = pytest.mark.browser

ARTICLES = {
    # A plan in Simplified Chinese, reported done later in English.
    "a_plan.md": ("2026-01-12", "新一代IRON人形机器人将在2026年3月启动量产。小鹏汇天陆地航母将于2026年5月开始交付。"),
    "b_report.md": ("2026-03-30", "XPeng has started mass production of the IRON humanoid robot in March 2026."),
    # A moved date in Traditional Chinese, a dropped plan, a vague time word.
    "c_moved.md": ("2026-06-10", "小鵬匯天陸地航母的交付推遲到2026年第四季度。"),
    "d_vague.md": ("2026-02-10", "小鹏Robotaxi将在年底启动试运营。小鹏图灵芯片将在2026年4月首搭上车。"),
    "e_dropped.md": ("2026-05-02", "小鹏宣布图灵芯片的首搭计划已取消。"),
    "f_overdue.md": ("2026-01-20", "小鹏第二代VLA将于2026年2月全量推送。"),
    # A second flying-car milestone: its page then holds two statuses to filter.
    "g_second.md": ("2026-02-15", "小鹏汇天陆地航母将于2026年8月启动量产。"),
}


@pytest.fixture(scope="module")
def promises_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("promises")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, (date, text) in ARTICLES.items():
        (seeds / name).write_text(f"---\ntitle: {name[:-3]}\ndate: {date}\noutlet: 测试报\n---\n\n{text}\n", encoding="utf-8")
    result = build_site(root / "out", seeds, extra_yaml="    as_of: 2026-09-30\n")
    assert result.returncode == 0, result.stderr
    return root / "out" / "site"


def topic_pages(site) -> list[str]:
    """The per-topic promises pages the index links to, as URL paths."""
    return [f"promises/{a['href']}" for a in page(site, "promises/").select("article table a")]


def test_every_status_shows_on_the_promises_pages_with_its_citations(promises_site):
    pages = topic_pages(promises_site)
    assert {"promises/iron/", "promises/flying-cars/", "promises/turing-chip/"} <= set(pages)
    rows = {r["data-status"]: r for path in pages for r in page(promises_site, path).select("p.kb-milestone")}
    assert {"done", "moved", "upcoming", "dropped", "overdue"} <= set(rows)
    assert "这些来源中没有兑现的报道" in rows["overdue"].get_text()
    moved = rows["moved"].get_text()
    assert "2026-05" in moved and "2026 Q4" in moved
    assert len({a["href"].split("#")[0] for a in rows["done"].select("a.kb-cite")}) == 2  # the plan and the report
    assert "“年底” → 2026 Q4" in rows["upcoming"].get_text()
    html = page(promises_site, "promises/")
    assert html.select_one("#time-rules") and "本周" in html.select_one("#time-rules").find_next("ul").get_text()
    # The index counts what the topic pages list.
    total = sum(int(tr.select("td")[-1].get_text()) for tr in html.select("article table tbody tr"))
    assert total == sum(len(page(promises_site, path).select("p.kb-milestone")) for path in pages)


def test_a_link_to_a_row_on_the_former_single_page_lands_on_its_topic_page(browser, promises_site):
    row = page(promises_site, "promises/flying-cars/").select_one("p.kb-milestone")["id"]
    base, stop = serve_directory(promises_site)
    try:
        tab = browser.new_page()
        tab.goto(f"{base}/promises/#{row}")
        tab.wait_for_url(f"**/promises/flying-cars/#{row}")
        assert tab.locator(":target").get_attribute("id") == row
        tab.close()
    finally:
        stop()


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_is_drawn_linked_and_readable_at_desktop_and_phone_width(browser, promises_site, width, tmp_path):
    base, stop = serve_directory(promises_site)
    try:
        tab = browser.new_page(viewport={"width": width, "height": 900})
        tab.goto(f"{base}/promises/flying-cars/")
        chart = tab.locator(".kb-chart-box").first
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(tmp_path / f"chart-{width}.png"))
        tab.screenshot(path=str(tmp_path / f"promises-{width}.png"), full_page=True)
        # The page itself never scrolls sideways; the chart box does when it must.
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        # At phone width the compact chart (labels above bars) fits without scrolling.
        box = chart.evaluate("el => [el.scrollWidth, el.clientWidth]")
        assert box[0] <= box[1]
        shown = tab.locator("svg.kb-chart:visible")
        assert shown.count() == 1 and ("kb-chart-compact" in shown.get_attribute("class")) == (width < 600)
        assert "飞行汽车" in shown.text_content() or "陆地航母" in shown.text_content()
        rows = tab.locator("svg.kb-chart:visible rect")
        assert rows.count() >= 1
        # Each mark links to the paragraph it rests on; following one opens that paragraph.
        href = tab.locator("svg.kb-chart:visible a[href*='sources/']").first.get_attribute("href")
        tab.goto(f"{base}/promises/flying-cars/{href}")
        assert tab.locator(":target").count() == 1
        tab.close()
    finally:
        stop()


def test_the_status_filter_shows_only_the_chosen_status_and_each_page_one_topic(browser, promises_site):
    for path in topic_pages(promises_site):
        topic = path.split("/")[1]
        assert {r["data-topic"] for r in page(promises_site, path).select("p.kb-milestone")} == {topic}
    base, stop = serve_directory(promises_site)
    try:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(f"{base}/promises/flying-cars/")
        tab.select_option("form.kb-filters select[name=status]", "moved")
        visible = tab.locator("p.kb-milestone:visible")
        assert visible.count() == 1 and visible.first.get_attribute("data-status") == "moved"
        tab.select_option("form.kb-filters select[name=status]", "")
        assert tab.locator("p.kb-milestone:visible").count() == tab.locator("p.kb-milestone").count() > 1
        tab.close()
    finally:
        stop()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_small_phone_the_counts_scroll_beside_their_topic_and_each_heading_stays_one_word(browser, promises_site, scheme):
    base, stop = serve_directory(promises_site)
    try:
        tab = browser.new_page(viewport={"width": 320, "height": 800}, color_scheme=scheme)
        tab.goto(f"{base}/promises/")
        table = tab.locator("article table").first
        # every heading on one line (待兑现, not 待兑 / 现)
        heights = table.locator("thead th").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().height)")
        assert max(heights) - min(heights) < 2, heights
        scroller = table.evaluate_handle(
            "t => { for (let e = t; e; e = e.parentElement) if (e.scrollWidth > e.clientWidth + 1) return e; return null; }")
        assert scroller.evaluate("e => e !== null && e.tagName !== 'HTML'"), "the counts do not scroll at 320 px"
        scroller.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
        topic = table.locator("tbody tr td").first
        left = topic.evaluate("c => c.getBoundingClientRect().left")
        assert abs(left - scroller.evaluate("e => e.getBoundingClientRect().left")) < 2  # still at the left edge
        # and it hides the counts scrolled under it: its background is the page's, not transparent
        assert topic.evaluate("c => getComputedStyle(c).backgroundColor") == tab.evaluate(
            "getComputedStyle(document.body).backgroundColor")
        tab.close()
    finally:
        stop()
