"""What a reader notices first on a page with milestones, in a real browser (issue 24)."""
import re

import pytest

from tests.conftest import build_site, page, serve_directory

pytestmark = pytest.mark.browser

ARTICLES = {
    # An event the article reports as already done (no plan before it), and a plan.
    "a_unveil.md": ("2025-11-12", "小鹏IRON人形机器人已于2024年11月发布。新一代IRON人形机器人将在2026年年底量产。"),
    # A plan, reported done later in English.
    "b_plan.md": ("2026-01-12", "小鹏汇天陆地航母将于2026年3月开始交付。小鹏Robotaxi将在2026年第四季度启动试运营。"),
    "c_report.md": ("2026-04-02", "XPeng Aridge has started deliveries of the Land Aircraft Carrier in March 2026."),
    # A moved date, and a plan with a week's precision.
    "d_moved.md": ("2026-02-10", "小鹏图灵芯片将于2026年5月首搭上车。"),
    "e_later.md": ("2026-04-20", "小鹏图灵芯片的首搭推迟到2026年第三季度。"),
    # Two paragraphs that open alike, for links to a paragraph since edited.
    "f_anchor.md": ("2025-10-01", "记者在现场看到，展台前排起了长队，观众都想亲眼看看新产品的样子。\n\n"
                                  "记者在现场看到，工作人员一直在给观众讲解产品的用法，讲了整整一个下午。"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("trust")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, (date, text) in ARTICLES.items():
        (seeds / name).write_text(f"---\ntitle: {name[:-3]}\ndate: {date}\noutlet: 测试报\n---\n\n{text}\n", encoding="utf-8")
    result = build_site(root / "out", seeds)
    assert result.returncode == 0, result.stderr
    return root / "out" / "site"


@pytest.fixture(scope="module")
def server(site):
    base, stop = serve_directory(site)
    yield base
    stop()


# Whether two elements' drawn boxes meet, line box by line box (a wrapped
# inline element's bounding box would cover the lines between its parts).
OVERLAP = """([a, b]) => {
  const meet = (r, s) => r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1;
  return [...a.getClientRects()].some(r => [...b.getClientRects()].some(s => meet(r, s)));
}"""


@pytest.mark.parametrize("width", [1280, 900, 390])
@pytest.mark.parametrize("path", ["topics/flying-cars/", "promises/flying-cars/", "timeline/", "zh-Hant/promises/flying-cars/"])
def test_milestone_row_due_date_never_covers_its_status_badge(browser, server, path, width):
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(f"{server}/{path}")
    rows = tab.locator("p.kb-milestone")
    assert rows.count() >= 1
    for i in range(rows.count()):
        row = rows.nth(i)
        badge, when, what = (row.locator(s).first.element_handle() for s in (".kb-badge", ".kb-when", "strong:not(.kb-when)"))
        assert not tab.evaluate(OVERLAP, [badge, when]), f"{path} row {i} at {width}px: the date is drawn over the badge"
        assert not tab.evaluate(OVERLAP, [what, when]), f"{path} row {i} at {width}px: the date is drawn over the event"
        assert when.bounding_box()["x"] + when.bounding_box()["width"] <= width
    tab.close()


# ---------------------------------------------------------------------------
# One voice per page: Chinese pages speak Chinese.

LATIN_WORD = re.compile(r"\b[a-z]{3,}\b")


def _own_words(soup) -> str:
    """The page's own text: without citation markers and the reference list (outlet names, titles), quotes (“…”), the English overview, the chart,
    and the time words the rules read (English ones among them)."""
    article = soup.select_one("article")
    rules = article.select_one("#time-rules")
    if rules:
        rules.find_next_sibling("ul").decompose()
    for element in article.select("a.kb-cite, .kb-refs, details.kb-overview-en, .kb-chart-box, .md-content__button, .headerlink"):
        element.decompose()
    return re.sub(r"“[^”]*”", "", article.get_text(" "))


@pytest.mark.parametrize("path", ["", "topics/flying-cars/", "topics/iron/", "promises/", "promises/iron/", "timeline/", "zh-Hant/promises/",
                                  "zh-Hant/promises/iron/", "zh-Hant/topics/iron/"])
def test_chinese_pages_label_in_chinese_only(site, path):
    soup = page(site, path)
    assert not LATIN_WORD.findall(_own_words(soup)), path
    tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
    assert tabs and not any(LATIN_WORD.search(t) for t in tabs)


def test_english_overview_is_one_click_away_not_a_grey_line(site):
    soup = page(site, "topics/iron/")
    (english,) = soup.select("article details.kb-overview-en")
    assert not english.has_attr("open") and english.summary.get_text(strip=True) == "English"
    assert english.select_one('p[lang="en"]').get_text().startswith("IRON ")
    assert not soup.select("article p.kb-overview-en")


def test_no_maintainer_text_reaches_readers(site):
    promises = page(site, "promises/").select_one("article").get_text(" ")
    assert "mkdocs.yml" not in promises and "as_of" not in promises and "build_scripts" not in promises
    meta = page(site, "sources/a_unveil/").select_one(".kb-meta").get_text(" ")
    assert "见上" not in meta and "as above" not in meta and "front matter" not in meta
    assert "据文件开头所注的 date" in " ".join(meta.split())  # the key as code: <code>date</code>


def test_source_page_says_in_reader_words_which_line_a_field_came_from(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "headed.txt").write_text(
        "某车企发布新一代人形机器人\n\n来源：测试日报 发布时间：2025-11-05 09:30\n\n"
        "某车企今天发布了新一代人形机器人，全身有八十多个自由度。\n\n该机器人计划在明年年底量产。\n", encoding="utf-8")
    assert build_site(tmp_path / "out", seeds).returncode == 0
    meta = page(tmp_path / "out" / "site", "sources/headed/").select_one(".kb-meta").get_text(" ")
    assert "据原文第 3 行" in meta and "header line" not in meta


# ---------------------------------------------------------------------------
# The chart: only what is drawn, and legible.

LEGEND_MARKS = {  # legend wording → the marks it stands for in the wide chart
    "宣布": "circle", "截止期": "rect[fill-opacity]", "报道兑现": "path.kb-chart-done",
    "改期至": "rect[stroke-dasharray]", "截至日期": "text.kb-chart-as-of",
}


@pytest.mark.parametrize("path", ["promises/flying-cars/", "topics/iron/", "topics/flying-cars/", "topics/turing-chip/"])
def test_chart_legend_names_exactly_the_marks_drawn(site, path):
    soup = page(site, path)
    legend = soup.select_one(".kb-chart-legend").get_text(" ")
    chart = soup.select_one("svg.kb-chart-wide")
    for words, selector in LEGEND_MARKS.items():
        assert (words in legend) == bool(chart.select(selector)), f"{path}: {words}"
    drawn_statuses = {m["data-status"] for m in soup.select("p.kb-milestone")}
    for status, words in {"done": "已兑现", "upcoming": "待兑现", "moved": "已改期", "overdue": "已逾期", "dropped": "已放弃"}.items():
        assert (words in legend) == (status in drawn_statuses), f"{path}: {words}"


def _rows(chart):
    """Per chart row (by its y), the x of its announcement dot and of its done diamond."""
    rows = {}
    for circle in chart.select("circle"):
        rows.setdefault(round(float(circle["cy"])), {})["announced"] = float(circle["cx"])
    for diamond in chart.select("path.kb-chart-done"):
        x, y = re.match(r"M([\d.]+) ([\d.]+)", diamond["d"]).groups()
        rows.setdefault(round(float(y) + 7), {})["done"] = float(x)
    return rows


def promise_pages(site) -> list[str]:
    """The promises page of each topic, as the index links them."""
    return [f"promises/{a['href']}" for a in page(site, "promises/").select("article table a")]


def test_reported_events_are_drawn_done_and_never_announced_after_they_happened(site):
    charts = [page(site, path).select_one("svg.kb-chart-wide") for path in promise_pages(site)]
    done = [r for chart in charts if chart for r in _rows(chart).values() if "done" in r]
    assert len(done) == 2  # the delivery reported done, and the unveil only ever reported
    assert [r for r in done if "announced" not in r], "an event only reported has no announcement dot"
    assert all(r["announced"] < r["done"] for r in done if "announced" in r)


@pytest.mark.parametrize("layout", ["wide", "compact"])
def test_chart_rows_are_told_apart_by_their_labels(seed_site, layout):
    charts = [page(seed_site, path).select_one(f"svg.kb-chart-{layout}") for path in promise_pages(seed_site)]
    labels = [[a.find("text").find(string=True, recursive=False) for a in chart.select('a[href^="#m-"]')] for chart in charts if chart]
    assert sum(map(len, labels)) >= 5 and all(len(set(one)) == len(one) for one in labels)


def _contrast(a, b) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(float(v)) for v in re.findall(r"[\d.]+", css)[:3])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_chart_text_is_legible_in_both_schemes_and_on_a_phone(browser, server, scheme, width):
    tab = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab.goto(f"{server}/promises/flying-cars/")
    background = _rgb(tab.evaluate("getComputedStyle(document.body).backgroundColor"))
    as_of = tab.locator("svg.kb-chart:visible .kb-chart-as-of")
    assert as_of.count() == 1
    fill = tab.evaluate("el => getComputedStyle(el).fill", as_of.element_handle())
    assert _contrast(_rgb(fill), background) >= 4.5, (scheme, fill, background)
    sizes = tab.evaluate("[...document.querySelectorAll('svg.kb-chart')].filter(s => s.getBoundingClientRect().width)"
                         ".flatMap(s => [...s.querySelectorAll('text')]).map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert sizes and min(sizes) >= (12 if width < 600 else 11)
    tab.close()


# ---------------------------------------------------------------------------
# Home: what happened, newest first, then what is due next.

def test_home_lists_what_happened_newest_first_then_what_is_due_next(site):
    soup = page(site, "")
    happened = soup.select_one("#latest").find_next_sibling("ul").select("li")
    due = soup.select_one("#next").find_next_sibling("ul").select("li")
    assert [li.select_one(".kb-badge")["class"][1] for li in happened] == ["kb-s-done", "kb-s-done"]
    assert "陆地航母" in happened[0].get_text() or "小鹏汇天" in happened[0].get_text()  # March 2026, then
    assert "IRON" in happened[1].get_text() and "2024-11" in happened[1].get_text()  # November 2024
    assert {li.select_one(".kb-badge")["class"][1] for li in due} <= {"kb-s-upcoming", "kb-s-moved"}
    assert "图灵芯片" in due[0].get_text() and "2026 Q3" in due[0].get_text()  # moved to Q3, before the Q4 plans
    assert [li.strong.get_text() for li in due] == ["2026 Q3", "2026 Q4", "2026 Q4"]


# ---------------------------------------------------------------------------
# Paragraph links survive edits.

ANCHORED = "记者在现场看到，工作人员一直在给观众讲解产品的用法，讲了整整一个下午。"


def test_a_punctuation_or_width_edit_keeps_the_paragraph_link(site, server, browser):
    from build_scripts.reading.paragraphs import paragraph_id

    retyped = ANCHORED.replace("，", ", ").replace("。", ".").replace("一", " 一 ")
    assert paragraph_id(retyped) == paragraph_id(ANCHORED)
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(f"{server}/sources/f_anchor/#{paragraph_id(retyped)}")
    assert ANCHORED in tab.locator(":target").text_content()
    assert tab.locator(".kb-changed-note").count() == 0
    tab.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("older", [
    "记者在现场看到，工作人员一直在给观众讲解产品的用法，讲了一上午。",  # its end was edited
    "据报道，现场工作人员一直在给观众讲解产品的用法，讲了整整一个下午。",  # its beginning was edited
])
def test_a_link_to_an_edited_paragraph_opens_the_closest_one_and_says_it_changed(site, server, browser, older, width):
    from build_scripts.reading.paragraphs import paragraph_id

    assert not page(site, "sources/f_anchor/").find(id=paragraph_id(older))
    tab = browser.new_page(viewport={"width": width, "height": 700})
    tab.goto(f"{server}/sources/f_anchor/#{paragraph_id(older)}")
    highlighted = tab.locator(".kb-near-target")
    assert highlighted.count() == 1 and ANCHORED in highlighted.text_content()
    note = tab.locator(".kb-changed-note")
    assert note.count() == 1 and "已有改动" in note.text_content() and note.is_visible()
    assert tab.evaluate("el => el.getBoundingClientRect().top", highlighted.element_handle()) < 700
    tab.close()


def test_links_saved_before_ids_were_read_this_way_still_land(seed_site):
    # #p-8c1bcb: the id a paragraph of this seed article had, a hash of its text as written.
    soup = page(seed_site, "sources/001_f557aaf571426259/")
    old = soup.find(id="p-8c1bcb")
    assert old is not None and old.parent.name == "h2" and "Robotaxi" not in old.parent.get_text()
    assert old.parent["id"] != "p-8c1bcb" and old.parent.get_text().startswith("去年小鵬還想讓機器人進工廠打工")


# ---------------------------------------------------------------------------
# What search and link previews take from a page.

def test_promises_page_is_searched_by_its_prose_not_its_form_or_chart(seed_site):
    import json

    docs = json.loads((seed_site.parent / "build" / "search" / "documents.json").read_text(encoding="utf-8"))  # what search indexes
    text = " ".join(d["title"] + " " + d["text"] for d in docs if d["location"].startswith("promises/")).replace("\u200b", "")
    assert "状态截至最新来源日期" in text  # the prose is there
    soups = [page(seed_site, path) for path in promise_pages(seed_site)]
    chart_labels = {t.find(string=True, recursive=False) for soup in soups for t in soup.select("svg.kb-chart-wide a[href^='#m-'] text")}
    assert chart_labels and not [label for label in chart_labels if label in text]
    soup = soups[0]
    assert "◆" not in text and "▬" not in text and "承诺时间图" not in text
    options = " ".join(o.get_text() for o in soup.select("form.kb-filters option"))
    assert "全部" in options and "全部 全站" not in text and "<select" not in text


ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


def test_pages_carry_no_zero_width_characters(seed_site):
    pages = [p for p in seed_site.rglob("*.html")]
    assert len(pages) > 10
    assert not [str(p.relative_to(seed_site)) for p in pages if ZERO_WIDTH.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", ["", "topics/", "topics/iron/", "topics/world-model/", "promises/", "timeline/", "glossary/",
                                  "tags/", "sources/", "sources/004_2a4aa61ecc6eb6e2/", "zh-Hant/topics/iron/"])
def test_every_page_is_described_in_80_to_160_characters(seed_site, path):
    head = page(seed_site, path).head
    description = head.find("meta", attrs={"name": "description"})["content"]
    assert 80 <= len(description) <= 160, description
    assert head.find("meta", attrs={"property": "og:description"})["content"] == description


def test_a_topic_page_is_described_by_its_overview(seed_site):
    description = page(seed_site, "topics/iron/").head.find("meta", attrs={"name": "description"})["content"]
    lead = page(seed_site, "topics/iron/").select_one("#lead").find_next_sibling("p")
    for chip in lead.select("a.kb-cite"):
        chip.decompose()
    overview = " ".join(lead.get_text().split())
    assert description.startswith("IRON 是小鹏的人形机器人") and " ".join(description[:60].split()) in overview.replace("。 ", "。")


# ---------------------------------------------------------------------------
# 繁體 pages: Taiwan's words for the site's own text, the sources' words in quotes.

def test_traditional_page_uses_taiwan_vocabulary_but_quotes_keep_the_sources_words(seed_site):
    soup = page(seed_site, "zh-Hant/topics/turing-chip/")
    assert "晶片" in soup.find("h1").get_text() and "芯片" not in soup.find("h1").get_text()
    quoted = [s.get_text() for s in soup.select("article li .kb-as-written") if "芯" in s.get_text() or "晶片" in s.get_text()]
    assert quoted and all("芯片" in q for q in quoted)  # every source in seeds/ writes 芯片
    article = soup.select_one("article")
    for kept in article.select(".kb-as-written, a.kb-cite, details.kb-overview-en, .kb-chart-box, [title]"):
        kept.decompose()
    assert "晶片" in article.get_text() and "芯片" not in article.get_text()


def test_traditional_pages_say_their_language_and_name_their_own_counterpart(seed_site):
    traditional, simplified = page(seed_site, "zh-Hant/topics/iron/"), page(seed_site, "topics/iron/")
    assert traditional.html["lang"] == "zh-Hant" and simplified.html["lang"] == "zh-Hans"
    for soup in (traditional, simplified):
        alternates = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
        assert alternates["zh-Hans"].endswith("/topics/iron/") and alternates["zh-Hant"].endswith("/zh-Hant/topics/iron/")
    # A source page has its copy in the other script too (the article's words as written in both): it names it.
    alternates = {link["hreflang"]: link["href"] for link in
                  page(seed_site, "sources/004_2a4aa61ecc6eb6e2/").select('head link[rel="alternate"][hreflang]')}
    assert alternates["zh-Hant"].endswith("/zh-Hant/sources/004_2a4aa61ecc6eb6e2/")


def test_a_reader_entering_at_a_traditional_url_stays_in_traditional(browser, seed_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(f"{seed_server}/zh-Hant/topics/iron/")
    visited = []

    def follow(locator):
        with tab.expect_navigation():
            locator.first.click()
        tab.wait_for_load_state()
        visited.append(tab.url)
        return tab.url

    assert "/zh-Hant/topics/" in follow(tab.locator(".md-tabs__link", has_text="主題"))
    assert tab.evaluate("document.documentElement.lang") == "zh-Hant"
    assert "/zh-Hant/topics/iron/" in follow(tab.locator("article a[href*='iron']"))
    assert "/sources/" in follow(tab.locator("article a.kb-cite"))  # the article's own page, in its script
    assert "/zh-Hant/topics/" in follow(tab.locator(".kb-cited-by a"))  # cited by: back to a 繁體 topic page
    assert "/zh-Hant/promises/" in follow(tab.locator(".md-tabs__link", has_text="承諾與兌現"))
    assert "/zh-Hant/timeline/" in follow(tab.locator(".md-tabs__link", has_text="時間線"))
    assert "/zh-Hant/" in follow(tab.locator(".md-tabs__link", has_text="首頁"))
    simplified = [url for url in visited if "/zh-Hant/" not in url and "/sources/" not in url]
    assert not simplified, simplified
    context.close()


def test_an_articles_page_labels_in_the_readers_script_and_leads_to_topics_in_it(seed_site):
    # An article in 繁體: its 繁體 copy labels in Traditional and leads to 繁體 topic pages …
    soup = page(seed_site, "zh-Hant/sources/001_f557aaf571426259/")
    labels = [li.strong.get_text() for li in soup.select(".kb-meta li")]
    assert "媒體" in labels and "語言" in labels and "媒体" not in labels
    cited_by = soup.select(".kb-cited-by")
    assert cited_by and all(p.get_text().startswith("被引用於") for p in cited_by)
    assert all(a["href"].startswith("../../topics/") for p in cited_by for a in p.select("a"))  # zh-Hant/topics/
    # … its 简体 copy in Simplified, leading to Simplified topic pages; the article's words as written in both.
    simplified = page(seed_site, "sources/001_f557aaf571426259/")
    assert "媒体" in [li.strong.get_text() for li in simplified.select(".kb-meta li")]
    assert all(a["href"].startswith("../../topics/") for a in simplified.select(".kb-cited-by a"))
    assert simplified.select_one("p.kb-para").get_text() == soup.select_one("p.kb-para").get_text()


def test_an_articles_page_says_its_copys_language_and_its_notes_in_it(browser, seed_server, seed_site):
    assert page(seed_site, "zh-Hant/sources/001_f557aaf571426259/").html["lang"] == "zh-Hant"
    assert page(seed_site, "sources/001_f557aaf571426259/").html["lang"] == "zh-Hans"
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    tab.goto(f"{seed_server}/zh-Hant/sources/001_f557aaf571426259/#p-2317ff")  # a paragraph since changed
    assert "已有改動" in tab.locator(".kb-changed-note").text_content()
    tab.evaluate("localStorage.clear()")
    tab.goto(f"{seed_server}/sources/001_f557aaf571426259/#p-2317ff")
    assert "已有改动" in tab.locator(".kb-changed-note").text_content()
    # Reading a 繁體 article on its 简体 copy is not choosing 繁體 for the site.
    assert tab.evaluate("localStorage.getItem('kb-script')") is None
    context.close()
