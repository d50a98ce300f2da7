"""Articles in the header shapes of outlets the reader was not developed on: it reads them by general rules, or abstains.

The fixtures in unseen_shapes/ are invented articles pasted (or saved) the way
people copy them from wire services, English tech and EV sites, mainland
portals and apps, Hong Kong and Taiwanese newspapers, an aggregator and a
WeChat account: navigation, share and app prompts, captions, counters, desk
and editor lines around the text. Each test names what a reader would see
wrong if the rule broke.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_scripts.reading.corpus import load_corpus
from build_scripts.reading.header import read_header

SHAPES = Path(__file__).parent / "unseen_shapes"

# file → (title, outlet, author, date): what a reader of the page would write down; "" / None where the page does not say.
EXPECTED = {
    # English wires and sites
    "wire_reuters_en.txt": ("XPeng to start robotaxi trials in Guangzhou next year, chairman says", "Reuters", "Yelin Mo and Kevin Krolicki", "2025-11-05"),
    "wire_bloomberg_en.txt": ("XPeng Bets on Flying Cars and Robots as China’s EV Price War Drags On", "Bloomberg", "Linda Lew", "2025-11-06"),
    "hk_scmp_en.txt": ("XPeng’s humanoid robot Iron to enter mass production by end of 2026, founder says", "South China Morning Post", "Ben Jiang", "2025-11-06"),
    "global_caixin_en.txt": ("XPeng Steps Up Robotaxi Push With Three Models and Its Own Chips", "财新", "Wang Xintong and Denise Jia", "2025-11-06"),
    "ev_cnevpost_en.txt": ("XPeng to launch 3 robotaxi models in 2026, trial operations in Guangzhou", "CnEVPost", "Phate Zhang", "2025-11-05"),
    "ev_electrek_en.txt": ("XPeng unveils next-gen IRON humanoid robot, promises mass production by late 2026", "Electrek", "Fred Lambert", "2025-11-05"),
    "aggregator_yahoofinance_en.txt": ("XPeng shares jump after robotaxi, humanoid robot reveal", "Reuters", "", "2025-11-05"),
    "hk_ambiguous_date_en.txt": ("XPeng robot to enter mass production by end-2026", "The Standard", "", None),
    # Mainland portals, apps and newspapers
    "portal_sinafinance_zhhans.txt": ("小鹏汽车：第二代VLA明年一季度全量推送 Robotaxi同步试运营", "新浪", "", "2025-11-06"),
    "portal_tencent_zhhans.txt": ("小鹏Robotaxi明年试运营，三款车型同步推出", "腾讯新闻", "郭晓静", "2025-11-06"),
    "portal_sohu_zhhans.txt": ("小鹏IRON机器人走猫步惊艳全场 年底量产能否兑现？", "搜狐", "周一鸣", "2025-11-06"),
    "finance_yicai_zhhans.txt": ("小鹏汽车发布第二代VLA，何小鹏称L4明年开始落地", "第一财经", "杨海艳", "2025-11-05"),
    "news_thepaper_zhhans.txt": ("小鹏飞行汽车“陆地航母”首台量产机下线", "澎湃新闻", "周頔", "2025-11-06"),
    "tech_ithome_zhhans.txt": ("小鹏汽车：IRON 人形机器人明年底量产，搭载 3 颗图灵 AI 芯片", "IT之家", "远洋", "2025-11-05"),
    "wechat_account_zhhans.txt": ("小鹏IRON量产倒计时：一个人形机器人要跨过哪几道坎", "汽车产业观察", "王小明", "2025-11-06"),
    # Hong Kong and Taiwan
    "hk_hk01_zhhant.txt": ("小鵬人形機械人IRON明年底量產 何小鵬：裡面沒有真人", "香港01", "陳嘉欣", "2025-11-06"),
    "hk_singtao_zhhant.txt": ("小鵬飛行汽車「陸地航母」首台量產機下線 明年開始交付", "星島日報", "", "2025-11-06"),
    "hk_oncc_zhhant.txt": ("小鵬機械人明年底量產 何小鵬剪開外殼證無真人", "東方日報", "", "2025-11-06"),
    "hk_relative_time_zhhant.txt": ("小鵬股價急升 機械人量產時間表獲市場追捧", "", "", None),
    "tw_cna_zhhant.txt": ("小鵬人形機器人明年底量產 搭載自研圖靈晶片", "中央社", "吳家豪", "2025-11-06"),
    "tw_ltn_zhhant.txt": ("小鵬飛行汽車首台量產 明年交付中東客戶", "自由時報", "", "2025-11-06"),
    "tw_edn_zhhant.txt": ("小鵬汽車拚Robotaxi 明年廣州試營運", "經濟日報 (台灣)", "黃淑惠", "2025-11-06"),
    # Saved web pages: the page's tags, then its text
    "hk_scmp_page_en.html": ("XPeng’s Iron robot to enter mass production by end of 2026", "South China Morning Post", "Ben Jiang", "2025-11-06"),
    "portal_tencent_page_zhhans.html": ("小鹏Robotaxi明年试运营，三款车型同步推出", "腾讯新闻", "郭晓静", "2025-11-06"),
    "tw_ltn_page_zhhant.html": ("小鵬Robotaxi明年廣州試營運 搭載自研晶片", "自由時報", "王小明", "2025-11-06"),
    # A site's tagline above the headline, a quote box, an author box under the text (tests/test_article_noise.py)
    "tech_tagline_zhhans.txt": ("小鹏第二代VLA开启推送 首批覆盖三款Ultra车型", "车智网", "李明远", "2025-11-07"),
    "ev_tagline_en.txt": ("XPeng shares climb as robotaxi trials near and humanoid robot gets a launch date", "EV Central", "Jane Whitfield", "2025-11-06"),
    "tw_quote_box_zhhant.txt": ("小鵬股價三日漲兩成 人形機器人量產時程成市場焦點", "數位時代", "陳嘉欣", "2025-11-07"),  # the author named only in the box under the text
    # A channel or desk after a source label: the outlet is read elsewhere, or not at all
    "portal_channel_zhhans.txt": ("小鹏Robotaxi明年广州试运营 三款车型同步推出", "网易", "", "2025-11-06"),
    "tw_channel_zhhant.txt": ("小鵬Robotaxi明年試營運 三款車型同步亮相", "", "", "2025-11-06"),
    "wire_desk_en.txt": ("XPeng sets end-2026 target for humanoid robot mass production", "The Straits Times", "", "2025-11-06"),
}
# Navigation, prompts, captions, counters and notices in those files: never a paragraph of the text.
NOT_TEXT = [
    "Home > Business", "新浪财经首页", "< Back to", "東網 >", "首頁 >", "即時新聞 >",  # breadcrumbs and links back
    "打开腾讯新闻", "下載「香港01」App", "星島頭條App", "尽在新浪财经APP", "新浪财经APP", "Download our app", "點我下載APP",  # app prompts
    "3小時前", "Updated 3 hours ago",  # relative times
    "(Image credit", "（小鵬汽車圖片）", "图片来源",  # captions and credits
    "23 Comments", "+8.21%", "In This Article", "阅读 (2345)", "阅读原文", "预览时标签不可点",  # counters and widgets
    "字級", "缩小字体", "QQ空间", "Gift this article", "Scroll to continue", "听全文",  # article tools and share buttons
    "Copyright ©", "©2025 Bloomberg", "未经授权不得转载", "in Beijing",  # notices, the writer's place
    "责任编辑", "责编", "Reporting by", "作者：",  # bylines are metadata
    "专业的汽车科技媒体", "Your daily dose", "最具影響力的科技媒體",  # a site's tagline above the headline
    "作者简介", "About the author", "資深科技記者",  # an author box under the text
]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SHAPES)


@pytest.fixture(scope="module")
def read(corpus):
    return {a.file_name: a for a in corpus.articles}


def problems_of(corpus, name: str) -> list[str]:
    return [p.what for p in corpus.problems if p.file_name == name]


def test_every_fixture_is_read_as_an_article(read):
    assert sorted(read) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_outlet_author_and_date_are_what_a_reader_sees(read, name):
    title, outlet, author, date = EXPECTED[name]
    article = read[name]
    assert (article.title, article.outlet, article.author) == (title, outlet, author)
    assert article.date == (dt.date.fromisoformat(date) if date else None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_navigation_prompt_caption_or_counter_is_left_in_the_text(read, name):
    texts = [p.text for p in read[name].paragraphs]
    assert [word for word in NOT_TEXT if any(word in text for text in texts)] == []
    assert read[name].title not in texts  # the headline is the title, not the first paragraph


def test_an_article_that_cannot_tell_its_outlet_or_date_abstains_and_says_so(corpus, read):
    """A section menu ("即時 財經") and a relative time ("3小時前") give nothing; the Problems page lists what is missing."""
    article = read["hk_relative_time_zhhant.txt"]
    assert (article.outlet, article.author, article.date) == ("", "", None)
    problems = problems_of(corpus, "hk_relative_time_zhhant.txt")
    assert any("no publication date" in p for p in problems) and any("names no outlet" in p for p in problems)
    assert "3小時前" not in [p.text for p in article.paragraphs]


def test_a_date_that_could_be_either_way_round_is_left_empty_and_listed(corpus, read):
    assert read["hk_ambiguous_date_en.txt"].date is None
    assert any("could be day/month or month/day" in p for p in problems_of(corpus, "hk_ambiguous_date_en.txt"))


# -- One line at a time --------------------------------------------------------

BODY_ZH = "小鹏汽车表示，新一代IRON人形机器人将于明年底实现规模量产。\n\n该公司还表示，Robotaxi将于明年在广州开启试运营。\n"
BODY_EN = (
    "XPeng said on Wednesday it would start trial operations of robotaxis in Guangzhou next year, using three models.\n\n"
    "The company also said its IRON humanoid robot would enter mass production by the end of next year.\n"
)


def value(found):
    return found.value if found else None


@pytest.mark.parametrize("menu", ["即時 財經", "新聞 財經", "要聞 日報"])
def test_a_line_of_section_words_is_neither_outlet_nor_author(menu):
    header = read_header(f"{menu}\n小鵬股價急升 機械人量產時間表獲市場追捧\n2025-11-06 10:00\n\n{BODY_ZH}")
    assert (value(header.outlet), value(header.author)) == (None, None)
    assert value(header.title) == "小鵬股價急升 機械人量產時間表獲市場追捧"


@pytest.mark.parametrize("relative", ["3小時前", "15分钟前", "Updated 3 hours ago", "2 days ago", "刚刚"])
def test_a_relative_time_is_no_date_and_not_text(relative):
    header = read_header(f"小鵬股價急升 機械人量產時間表獲市場追捧\n{relative}\n\n{BODY_ZH}")
    assert header.date is None
    assert relative not in header.body


@pytest.mark.parametrize("byline, outlet", [
    ("經濟日報／ 記者黃淑惠／即時報導", "經濟日報 (台灣)"),  # Taiwan's paper writes its name in Traditional
    ("经济日报记者 王小明", "经济日报"),  # the mainland's in Simplified
])
def test_two_papers_one_name_apart_only_in_script_are_told_apart_by_the_script_written(byline, outlet):
    header = read_header(f"小鹏汽车拚Robotaxi 明年广州试运营\n{byline}\n2025-11-06 10:21\n\n{BODY_ZH}")
    assert value(header.outlet) == outlet


@pytest.mark.parametrize("notice, outlet", [
    ("Copyright © 2025 South China Morning Post Publishers Ltd. All rights reserved.", "South China Morning Post"),
    ("©2025 Bloomberg L.P. All Rights Reserved.", "Bloomberg"),
    ("©2025 聯合新聞網 版權所有", "聯合報 United Daily News"),
    ("© Reuters", None),  # no year: a photo's credit, not the site's notice
    ("© 2025 XPeng Inc. All rights reserved.", None),  # a company's release: not an outlet
])
def test_a_copyright_notice_at_the_end_names_the_publisher_only_when_it_is_a_listed_outlet(notice, outlet):
    header = read_header(f"XPeng robot to enter mass production by end-2026\nBy Jane Doe\nNov 6, 2025\n\n{BODY_EN}\n{notice}\n")
    assert value(header.outlet) == outlet
    assert (notice in header.body) == (outlet is None)


def test_where_the_writer_files_from_on_its_own_line_belongs_to_the_byline():
    header = read_header(f"XPeng robot to enter mass production by end-2026\nA deck line that says more about the story\nBen Jiang\nin Beijing\nPublished: 8:00pm, 6 Nov 2025\n\n{BODY_EN}")
    assert (value(header.author), value(header.date)) == ("Ben Jiang", dt.date(2025, 11, 6))
    assert "in Beijing" not in header.body


def test_an_aggregators_masthead_above_the_headline_gives_way_to_the_outlet_credited_under_it():
    header = read_header(f"Yahoo Finance\nXPeng shares jump after robot reveal\nReuters\nNov 6, 2025\n\n{BODY_EN}")
    assert value(header.outlet) == "Reuters"
    alone = read_header(f"Electrek\nXPeng shares jump after robot reveal\nFred Lambert\nNov 6, 2025\n\n{BODY_EN}")
    assert (value(alone.outlet), value(alone.author)) == ("Electrek", "Fred Lambert")  # a masthead alone still names the site


def test_share_buttons_one_a_line_are_not_outlets():
    buttons = "\n".join(["微博", "微信", "腾讯QQ", "QQ空间", "WhatsApp"])
    header = read_header(f"小鹏汽车：第二代VLA明年一季度全量推送\n2025年11月06日 08:30 某某财经网\n{buttons}\n\n{BODY_ZH}")
    assert value(header.outlet) == "某某财经网"
    assert not any(button in header.body for button in ("QQ空间", "WhatsApp"))


def test_a_byline_box_of_labels_on_a_saved_page_gives_author_and_editor(read):
    article = read["portal_tencent_page_zhhans.html"]
    assert (article.author, article.editor) == ("郭晓静", "徐青阳")


@pytest.mark.parametrize("byline, outlet", [
    ("By Reuters Staff", "Reuters"),  # a listed outlet's own desk names the outlet
    ("Written by The Associated Press", "Associated Press"),  # "the" or not, the same outlet
    ("By Business Desk", None),  # a desk of no outlet named: nothing
    ("(Reporting by Beijing Newsroom; Editing by Jane Roe)", None),
])
def test_a_desk_or_a_wire_where_the_author_stands_is_never_the_author(byline, outlet):
    header = read_header(f"XPeng starts robotaxi trials in Guangzhou\n{byline}\nNov 5, 2025\n\n{BODY_EN}")
    assert (value(header.outlet), value(header.author)) == (outlet, None)


@pytest.mark.parametrize("desk", ["財經中心／綜合報導", "記者 財經組／台北報導", "中時新聞網 編輯部"])
def test_a_chinese_desk_line_is_never_the_author(desk):
    header = read_header(f"小鵬人形機器人明年底量產\n{desk}\n2025/11/06 12:05\n\n{BODY_ZH}")
    assert value(header.author) is None
