"""One script per page: every page in 简体, and in 繁體 under /zh-Hant/ (articles' own words as written); link previews."""
import base64
import json
import re

from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

from build_scripts.pages.cite_menu import cite_data
from build_scripts.pages.variants import TRADITIONAL, SIMPLIFIED, convert_page, convert_text, one_script_per_page, to_script
from build_scripts.reading.language import converter
from conftest import page

TOPIC_SLUGS = ["second-gen-vla", "robotaxi", "iron", "flying-cars", "turing-chip", "world-model"]
NOT_PAGES = ("404.html", "search/")


# --- conversion, on Markdown -------------------------------------------------------


def test_traditional_copy_converts_the_page_text_but_keeps_the_quote_a_citation_shows_on_hover():
    markdown = '- 机器人发布会 [来源 · 2025-11-10](../sources/a.md#p-1 "小鵬機器人發佈會"){ .kb-cite }\n'
    traditional = convert_text(markdown, TRADITIONAL)
    assert traditional.startswith("- 機器人發佈會 [來源")
    assert '"小鵬機器人發佈會"' in traditional  # the hover text, as the article wrote it


def test_simplified_page_shows_a_sentence_quoted_from_a_traditional_article_in_simplified():
    markdown = '- 小鵬機器人擁有82個自由度 [智駕網](../sources/b.md#p-2 "小鵬機器人擁有82個自由度")\n'
    simplified = convert_text(markdown, SIMPLIFIED)
    assert simplified.startswith("- 小鹏机器人拥有82个自由度 [智驾网]")
    assert '"小鵬機器人擁有82個自由度"' in simplified


def test_english_is_never_converted():
    text = "The humanoid robot IRON has 82 degrees of freedom; Turing chip, 2,250 TOPS."
    assert to_script(text, TRADITIONAL) == text and to_script(text, SIMPLIFIED) == text


def test_the_sites_own_words_read_as_taiwan_writes_them():
    # s2twp: Taiwan's vocabulary, not only its glyphs.
    assert to_script("芯片、出租车、视频、硬件", TRADITIONAL) == "晶片、計程車、影片、硬體"
    # Except where Taiwan's software words misread this subject: 發佈會, not 釋出會; 參數, not 引數.
    assert to_script("图灵芯片发布会", TRADITIONAL) == "圖靈晶片發佈會"
    assert to_script("720亿参数", TRADITIONAL) == "720億參數"


def test_quotes_and_names_keep_their_words_on_a_traditional_page():
    markdown = '据<span class="kb-as-written">界面新闻</span>报道：<span class="kb-as-written">小鹏视频里的芯片</span>，出租车芯片。'
    assert convert_text(markdown, TRADITIONAL) == (
        '據<span class="kb-as-written">界面新聞</span>報道：<span class="kb-as-written">小鵬視頻裡的芯片</span>，計程車晶片。')
    # An outlet or company named in the site's own text: its glyphs change, its words do not.
    assert to_script("界面新闻与大众汽车", TRADITIONAL) == "界面新聞與大眾汽車"


def test_traditional_copy_links_to_traditional_pages_and_reaches_other_files_from_its_own_folder():
    pages = {
        "topics/iron.md": "---\ntitle: 机器人\n---\n\n[机器人](../sources/a.md#p-1 \"引\") [世界模型](world-model.md#lead)"
                          ' <a href="../tags/#tag:x">标签</a> [数据](../kb.json)\n',
        "topics/world-model.md": "---\ntitle: 世界模型\n---\n\n正文\n",
        "sources/a.md": "---\ntitle: 文章\n---\n\n原文\n",
    }
    built = one_script_per_page(pages)
    copy = built["zh-Hant/topics/iron.md"]
    assert "](../sources/a.md#p-1 \"引\")" in copy  # the source page's own Traditional copy
    assert "](world-model.md#lead)" in copy and 'href="../tags/#tag:x"' in copy  # pages, by file or by URL
    assert "](../../kb.json)" in copy  # a file that is no page exists once, at the root
    assert "zh-Hant/sources/a.md" in built and "zh-Hant/zh-Hant/topics/iron.md" not in built


def test_an_articles_own_words_and_code_stay_as_written_in_both_copies():
    from build_scripts.pages.variants import verbatim

    paragraph = verbatim('小鵬的晶片 <abbr title="x">VLA</abbr>')
    markdown = (f"---\ntitle: 小鵬發佈會\nas_written: true\n---\n\n# {verbatim('小鵬發佈會')}\n\n"
                f'<p class="kb-para">{paragraph} 链接到此段</p>\n\n'
                "文件 <code>资料/芯片.txt</code>\n")
    simplified = convert_page(markdown, SIMPLIFIED, {})
    traditional = convert_page(markdown, TRADITIONAL, {})
    for copy in (simplified, traditional):
        assert "title: 小鵬發佈會" in copy and "# <span translate=\"no\">小鵬發佈會</span>" in copy
        assert "小鵬的晶片 <abbr" in copy and "<code>资料/芯片.txt</code>" in copy
    assert "链接到此段" in simplified and "連結到此段" in traditional  # the page's own words are converted


def test_traditional_copy_is_left_out_of_search_and_names_its_pair():
    front = convert_page("---\ntitle: 时间线\n---\n\n正文\n", TRADITIONAL, {SIMPLIFIED: "timeline.md", TRADITIONAL: "zh-Hant/timeline.md"})
    assert "title: 時間線" in front
    assert "search:\n  exclude: true" in front
    assert "  zh-Hans: timeline.md" in front


def test_copy_citation_data_survives_quotes_braces_and_either_script():
    from build_scripts.knowledge.corroborate import Citation
    from build_scripts.model import Article
    import datetime as dt

    article = Article("a", "a.txt", "标题", "新皮層", "", dt.date(2025, 11, 10), "zh-Hant", ())
    attribute = cite_data(Citation(article, "p-1", '他說：「{去掉了"L"}」'))
    encoded = re.fullmatch(r' data-kb-cite="([A-Za-z0-9+/=]+)"', attribute).group(1)  # ASCII: no script conversion touches it
    assert json.loads(base64.b64decode(encoded).decode("utf-8")) == {"outlet": "新皮層", "date": "2025-11-10", "quote": '他說：「{去掉了"L"}」', "source_title": "标题"}


# --- the built site ------------------------------------------------------------------


def _own_text(soup) -> str:
    """What the page itself says: its article and title (attributes, hover text, an article's own words and code are not its words)."""
    title = soup.title.get_text() if not soup.select_one("h1 [translate=no]") else soup.title.get_text().rsplit(" - ", 1)[-1]
    article = soup.select_one("article")
    for kept in article.select(".headerlink, [translate=no], code, pre"):
        kept.decompose()
    return title + "\n" + article.get_text(" ")


def _changed_characters(text: str, config: str) -> list[str]:
    converted = converter(config).convert(text)
    return sorted({a for a, b in zip(text, converted) if a != b})


def test_no_page_mixes_simplified_and_traditional(seed_site):
    checked = 0
    for html_file in sorted(seed_site.rglob("*.html")):
        relative = html_file.relative_to(seed_site).as_posix()
        if relative.startswith(NOT_PAGES) or "index.html" not in relative:
            continue
        # Every page has its copy in the other script: tags, sources, the to-check page included.
        counterpart = relative.removeprefix("zh-Hant/") if relative.startswith("zh-Hant/") else "zh-Hant/" + relative
        assert (seed_site / counterpart).is_file(), f"{relative} has no copy at {counterpart}"
        soup = page(seed_site, relative)
        if soup.select_one("article") is None:
            continue  # a redirect of a former slug
        text = _own_text(soup)
        traditional = relative.startswith("zh-Hant/")
        # A Simplified page has nothing t2s would change; a Traditional one nothing s2tw would.
        wrong = _changed_characters(text, "s2tw" if traditional else "t2s")
        assert not wrong, f"{relative} mixes scripts: {''.join(wrong)}"
        checked += 1
    assert checked >= 2 * (len(TOPIC_SLUGS) + 4 + 5)  # topics, listings, five source pages


def test_every_topic_page_has_a_traditional_copy_with_the_same_anchors(seed_site):
    for slug in TOPIC_SLUGS:
        simplified = page(seed_site, f"topics/{slug}/")
        traditional = page(seed_site, f"zh-Hant/topics/{slug}/")
        ids = lambda soup: [x["id"] for x in soup.select("article [id]")]  # noqa: E731
        assert ids(traditional) == ids(simplified) and "fig-" in " ".join(ids(simplified))
        assert traditional.html["lang"] and "人形機器人" in page(seed_site, "zh-Hant/topics/iron/").get_text()


def test_citation_hover_text_is_the_same_quote_in_both_scripts(seed_site):
    titles = lambda soup: [a["title"] for a in soup.select("a.kb-cite")]  # noqa: E731
    simplified, traditional = page(seed_site, "topics/iron/"), page(seed_site, "zh-Hant/topics/iron/")
    assert titles(simplified) == titles(traditional)
    assert any("鵬" in t for t in titles(simplified))  # a Traditional article's quote stays Traditional on the 简体 page


def test_search_finds_each_page_once(seed_site):
    docs = json.loads((seed_site.parent / "build" / "search" / "documents.json").read_text(encoding="utf-8"))  # what search indexes
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert "topics/iron/" in locations
    assert not [x for x in locations if x.startswith("zh-Hant/")]


@pytest.mark.parametrize("prefix, locale", [("", "zh_CN"), ("zh-Hant/", "zh_TW")])
def test_topic_page_head_describes_the_page_for_a_link_preview(seed_site, seed_server, prefix, locale):
    # Fetched as a wiki's or chat's link unfurler would: over HTTP, the head only.
    with urlopen(f"{seed_server}/{prefix}topics/iron/") as response:
        head = BeautifulSoup(response.read().decode("utf-8"), "html.parser").head
    meta = lambda key: head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})  # noqa: E731
    description = meta("description")["content"]
    home_description = page(seed_site, "").head.find("meta", attrs={"name": "description"})["content"]
    assert "IRON" in description and description != home_description
    assert meta("og:description")["content"] == description == meta("twitter:description")["content"]
    assert meta("og:title")["content"].startswith("IRON 人形")
    assert meta("og:url")["content"] == f"https://kb.example.internal/{prefix}topics/iron/"
    assert meta("og:locale")["content"] == locale
    assert meta("og:site_name")["content"] and meta("og:type")["content"] == "article"
    assert meta("twitter:card")["content"] == "summary_large_image"  # with its picture (test_social_cards.py)


def test_source_page_is_described_by_its_articles_first_paragraph(seed_site):
    head = page(seed_site, "sources/001_f557aaf571426259/").head
    description = head.find("meta", attrs={"name": "description"})["content"]
    first = page(seed_site, "sources/001_f557aaf571426259/").select_one("p.kb-para").get_text()
    assert description[:12] in first
    assert head.find("meta", attrs={"property": "og:locale"})["content"] == "zh_TW"


# --- lists ------------------------------------------------------------------------------


def _items(soup, section_id: str) -> list[str]:
    """The list items' own words (citation chips removed) in one section of a topic page."""
    heading = soup.find(id=section_id)
    items = []
    for element in heading.find_all_next(["li", "h2", "h3"]):
        if element.name != "li":
            if element is not heading:
                break
            continue
        for chip in element.select("a.kb-cite, small"):
            chip.decompose()
        items.append(element.get_text(" ").strip())
    return items


def _simplified_words(text: str) -> str:
    return re.sub(r"[\W_]+", "", converter("t2s").convert(text)).lower()


def test_no_topic_page_lists_a_sentence_twice_or_repeats_its_overview(seed_site):
    for slug in TOPIC_SLUGS:
        soup = page(seed_site, f"topics/{slug}/")
        overview = soup.find(id="lead").find_next("p").get_text(" ")
        facts = [_simplified_words(x) for x in _items(soup, "facts")] if soup.find(id="facts") else []
        assert len(facts) == len(set(facts)), slug
        for fact in facts:
            assert fact[:30] not in _simplified_words(overview), f"{slug}: listed again below the overview: {fact[:30]}"


def test_an_english_judgement_is_an_opinion_not_a_fact(seed_site):
    soup = page(seed_site, "topics/second-gen-vla/")
    assert not [x for x in _items(soup, "facts") if "impressive" in x]
    assert [x for x in _items(soup, "opinions") if "impressive" in x]


def test_long_lists_fold_and_say_how_many_they_hide(seed_site):
    soup = page(seed_site, "topics/second-gen-vla/")
    folded = soup.select("article details:not(.kb-overview-en)")
    assert folded and all(not d.has_attr("open") for d in folded)
    summary = folded[0].summary.get_text()
    assert re.search(r"\d+", summary) and len(folded[0].select("li")) == int(re.search(r"\d+", summary).group())


def test_a_page_a_later_stage_adds_gets_both_scripts_and_a_file_that_is_no_page_none():
    pages = {
        "promises.md": "---\ntitle: 承诺\n---\n\n# 承诺\n",
        "tags.md": "---\ntitle: 人物与机构\n---\n\n<!-- material/tags -->\n",
        "kb.json": "{}",
    }
    built = one_script_per_page(pages)
    assert "# 承諾" in built["zh-Hant/promises.md"]
    assert "zh-Hant/tags.md" in built and "zh-Hant/kb.json" not in built


def test_a_former_slug_forwards_traditional_readers_to_the_traditional_page():
    from build_scripts.pages.site import REDIRECT_HTML

    pages = {"topics/old-name/index.html": REDIRECT_HTML.format(target="../new-name/", title="机器人")}
    built = one_script_per_page(pages)
    assert 'url=../new-name/"' in built["zh-Hant/topics/old-name/index.html"]
    assert "<title>機器人</title>" in built["zh-Hant/topics/old-name/index.html"]


@pytest.mark.parametrize("url, tab", [("zh-Hant/topics/iron/", "主題"), ("zh-Hant/tags/", "人物與機構"), ("zh-Hant/sources/", "來源")])
def test_a_traditional_page_is_drawn_in_its_own_site_before_any_script_runs(seed_site, url, tab):
    # The static HTML, as a crawler or a reader without scripts gets it.
    soup = page(seed_site, url)
    assert soup.html["lang"] == "zh-Hant"
    tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
    assert tabs[:3] == ["首頁", "主題", "來源"] and "人物與機構" in tabs
    assert soup.select_one(".md-tabs__item--active").get_text(strip=True) == tab
    assert len(soup.select(".md-sidebar--primary .md-nav__link")) > 10  # the whole nav, not an empty sidebar
    assert soup.select_one(".md-header__topic").get_text(strip=True) == "小鵬物理 AI 知識庫"
    assert soup.select_one(".md-search__input")["placeholder"] == "搜尋"
    footer = soup.select_one(".md-footer__link--next")
    assert footer and "下一頁" in footer.get_text() and footer["href"].startswith("../")


@pytest.mark.parametrize("url, tab", [("zh-Hant/sources/001_f557aaf571426259/", "來源"), ("sources/by-month/2025-04/", "来源")])
def test_a_page_the_nav_does_not_list_is_shown_under_its_folders_tab(seed_site, url, tab):
    soup = page(seed_site, url)
    assert soup.select_one(".md-tabs__item--active").get_text(strip=True) == tab


def test_a_hong_kong_readership_gets_hong_kong_glyphs_and_words(tmp_path):
    import shutil
    from conftest import SEEDS, build_site
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for one in sorted(SEEDS.glob("00[0-2]_*")):  # a few seed articles are enough for the topic pages
        shutil.copy2(one, seeds / one.name)
    result = build_site(tmp_path / "hk", seeds, extra_yaml="    traditional: hong_kong\n")
    assert result.returncode == 0, result.stderr[-2000:]
    title = page(tmp_path / "hk" / "site", "zh-Hant/topics/turing-chip/").find("h1").get_text()
    assert "芯片" in title and "晶片" not in title  # Hong Kong keeps 芯片; Taiwan writes 晶片
