"""The header reader judges each line: captions, page chrome and desk lines never become title, outlet or author.

Shapes of real articles seen in pasted and saved copies; each test names what
a reader would see wrong if the rule broke.
"""
from __future__ import annotations

import datetime as dt

import pytest

from build_scripts.reading.header import read_header

BODY_EN = (
    "XPeng said on Wednesday it would start trial operations of robotaxis in Guangzhou next year, using three models.\n\n"
    "The company also said its IRON humanoid robot would enter mass production by the end of next year.\n"
)
BODY_ZH = "小鹏汽车表示，新一代IRON人形机器人将于明年底实现规模量产。\n\n该公司还表示，Robotaxi将于明年在广州开启试运营。\n"


def value(found):
    return found.value if found else None


@pytest.mark.parametrize("caption", [
    "Image source: Screenshot from Weibo",
    "Photo: Reuters/Tingshu Wang",
    "圖／小鵬汽車提供",
    "图片来源：小鹏汽车官方微博",
])
def test_a_photo_credit_is_neither_outlet_nor_author(caption):
    header = read_header(f"XPeng starts robotaxi trials in Guangzhou\n\nNov 5, 2025\n\n{caption}\n\n{BODY_EN}")
    assert value(header.outlet) is None and value(header.author) is None
    assert value(header.title) == "XPeng starts robotaxi trials in Guangzhou"


@pytest.mark.parametrize("caption", [
    "▲小鵬IRON機器人在科技日上亮相，步態自然。（圖／翻攝微博）",
    "小鵬IRON機器人在科技日上亮相，步態自然。（圖／小鵬汽車）",
])
def test_a_caption_above_the_headline_is_not_the_title(caption):
    header = read_header(f"{caption}\n\n小鵬人形機器人明年底量產 搭載三顆圖靈芯片\n\n記者 王小明／台北報導\n\n{BODY_ZH}")
    assert value(header.title) == "小鵬人形機器人明年底量產 搭載三顆圖靈芯片"


def test_e_paper_navigation_is_not_title_outlet_or_date():
    text = (
        "今日 2025年12月7日 星期日\n版面導航\nA01：要聞\nA05：中國經濟\n上一版\n下一版\n"
        "2025年11月07日 A05版：中國經濟\n小鵬飛行汽車工廠投產 首台量產機下線\n記者 張明 廣州報道\n\n"
        f"{BODY_ZH}\ntop\n"
    )
    header = read_header(text)
    assert value(header.title) == "小鵬飛行汽車工廠投產 首台量產機下線"
    assert value(header.date) == dt.date(2025, 11, 7)  # the date, not the day the page was viewed
    assert value(header.author) == "張明"
    assert "版面導航" not in header.body and "上一版" not in header.body and "\ntop" not in header.body


def test_a_breadcrumb_without_a_colon_is_chrome():
    header = read_header(f"当前位置 首页 > 汽车 > 正文\n小鹏机器人明年量产\n2025-11-06 10:00 来源：某某日报\n\n{BODY_ZH}")
    assert value(header.title) == "小鹏机器人明年量产" and value(header.outlet) == "某某日报"


@pytest.mark.parametrize("desk", ["財經組", "国际新闻部", "Business Desk", "新聞中心", "Staff"])
def test_a_desk_line_is_not_a_person(desk):
    header = read_header(f"小鹏机器人明年量产\n\n作者：{desk}\n\n2025-11-06\n\n{BODY_ZH}")
    assert value(header.author) is None


def test_a_reporter_after_an_app_clients_name():
    header = read_header(f"小鹏机器人明年量产\n\n上游新闻客户端记者 张小凡\n\n2025-11-06\n\n{BODY_ZH}")
    assert (value(header.outlet), value(header.author)) == ("上游新闻", "张小凡")


def test_a_name_with_an_editors_title_after_it():
    header = read_header(f"XPeng starts robotaxi trials in Guangzhou\n\nBy Jane Doe, Automotive Editor\n\nNov 5, 2025\n\n{BODY_EN}")
    assert (value(header.author), value(header.outlet)) == ("Jane Doe", None)


def test_a_wire_dateline_without_a_date_names_the_wire():
    header = read_header(f"XPeng starts robotaxi trials in Guangzhou\n\nNov 5, 2025\n\nBEIJING (Reuters) - {BODY_EN}")
    assert value(header.outlet) == "Reuters"


def test_wire_credits_give_author_and_editor_and_leave_the_text():
    header = read_header(f"XPeng starts robotaxi trials\n\nNov 5, 2025\n\n{BODY_EN}\n(Reporting by Zhang Yan and Brenda Goh; Editing by Jacqueline Wong)\n")
    assert value(header.author) == "Zhang Yan and Brenda Goh" and value(header.editor) == "Jacqueline Wong"
    assert "Reporting by" not in header.body


def test_cna_dateline_gives_outlet_author_and_day():
    header = read_header(f"小鵬機器人明年量產\n\n（中央社記者王小明台北5日電）小鵬汽車今年11月宣布，新一代IRON人形機器人將於2026年底量產。\n\n{BODY_ZH}")
    assert (value(header.outlet), value(header.author)) == ("中央社", "王小明")


def test_a_day_without_a_year_takes_the_storys_year_not_a_captions():
    text = (
        "XPeng starts robotaxi trials in Guangzhou\n\n"
        "GUANGZHOU, Nov 5 (Reuters) - XPeng said on Wednesday it would begin trials, after a pilot it announced on Nov. 3, 2025.\n\n"
        "FILE PHOTO: An XPeng showroom in Beijing, China, March 18, 2024. REUTERS/Tingshu Wang/File Photo\n\n"
        "File photo taken March 2, 2024 shows the logo. (Photo: Reuters, 2024-03-02)\n\n"
        "Photo: A robot at the show, April 1, 2024\n\n"
        f"{BODY_EN}"
    )
    assert value(read_header(text).date) == dt.date(2025, 11, 5)


def test_a_day_without_a_year_and_no_year_in_the_story_is_a_problem():
    header = read_header(f"XPeng starts robotaxi trials\n\nGUANGZHOU, Nov 5 (Reuters) - {BODY_EN}\nPhoto: the launch, Nov 5, 2024\n")
    assert value(header.date) is None
    assert header.problems and "no year" in header.problems[0][0]


def test_a_long_real_headline_is_not_refused():
    headline = "小鵬汽車科技日發布第二代VLA大模型、新一代IRON人形機器人、三款Robotaxi車型及陸地航母飛行汽車量產計劃，何小鵬稱公司將轉型為物理AI世界的出行探索者與全球具身智能公司"
    assert len(headline) > 80
    header = read_header(f"{headline}\n\n記者 王小明／台北報導\n\n2025-11-06\n\n{BODY_ZH}")
    assert value(header.title) == headline


def test_a_name_with_a_chinese_job_title_after_it():
    header = read_header(f"小鹏机器人明年量产\n\n作者：王小明 资深编辑\n\n2025-11-06\n\n{BODY_ZH}")
    assert value(header.author) == "王小明"


def test_an_outlets_domain_is_shown_by_its_name_and_an_unknown_one_as_marked_address():
    known = read_header(f"小鹏机器人明年量产\n\netnet.com.hk | 2025-11-05\n\n{BODY_ZH}")
    assert value(known.outlet) == "經濟通"
    unknown = read_header(f"小鹏机器人明年量产\n\nsmall-ev-blog.net | 2025-11-05\n\n{BODY_ZH}")
    assert value(unknown.outlet) == "small-ev-blog.net" and "not in outlets.yml" in unknown.outlet.origin


def test_an_outlet_keeps_its_own_simplified_spelling_on_simplified_pages():
    from build_scripts.pages.variants import OPENCC_CONFIG, SIMPLIFIED
    from build_scripts.reading.language import converter

    simplified = converter(OPENCC_CONFIG[SIMPLIFIED]).convert("據鉅亨網報導，鉅亨網編譯指出")
    assert simplified == "据钜亨网报导，钜亨网编译指出"  # not 巨亨网, which OpenCC alone would write
    assert converter("s2tw").convert("钜亨网") == "鉅亨網"


def test_a_day_without_a_year_never_takes_the_year_of_another_article_listed_below():
    text = (
        "XPeng starts robotaxi trials in Guangzhou\n\nGUANGZHOU, Nov 5 (Reuters) - XPeng said on Wednesday it would begin trials next year.\n\n"
        f"{BODY_EN}\nRelated Articles\n\nNov 3, 2024 — XPeng shares jump after earnings\n\nOct 1, 2024 — XPeng G6 deliveries start\n\nMarch 2, 2024 — XPeng opens store\n"
    )
    header = read_header(text)
    assert value(header.date) is None and "no year" in header.problems[0][0]


def test_a_notice_above_the_title_is_neither_the_title_nor_the_end_of_the_header():
    header = read_header(f"免责声明：本文仅代表作者观点\n\n小鹏机器人明年量产\n\n记者 王小明 报道\n\n2025-11-06\n\n{BODY_ZH}")
    assert (value(header.title), value(header.author), value(header.date)) == ("小鹏机器人明年量产", "王小明", dt.date(2025, 11, 6))


def test_a_lead_that_opens_with_today_is_text_not_a_sites_date_bar():
    header = read_header("今天，小鹏汇天又迎来一个重要里程碑：飞行体的生产许可证申请已正式被受理，计划2026年量产交付。\n\n" + BODY_ZH)
    assert header.body.startswith("今天，小鹏汇天")


@pytest.mark.parametrize("line, outlet", [
    ("36氪 · 2026-06-11 09:30", "36氪"),  # an outlet whose name opens with digits is no counter
    ("AASTOCKS 2026/12/01 10:35", "阿斯達克財經網"),
])
def test_a_listed_outlet_beside_the_date_is_the_outlet(line, outlet):
    found = read_header("小鹏IRON量产进展\n" + line + "\n\n6月10日，小鹏汽车在广州举行IRON量产进展沟通会。会上负责人表示，IRON首条量产线已完成调试。\n", {})
    assert found.outlet.value == outlet


def test_a_count_beside_the_date_is_still_no_outlet():
    found = read_header("小鹏IRON量产进展\n阅读 123次 2026-06-11\n\n6月10日，小鹏汽车在广州举行IRON量产进展沟通会。会上负责人表示，IRON首条量产线已完成调试。\n", {})
    assert found.outlet is None and found.date.value.isoformat() == "2026-06-11"


@pytest.mark.parametrize("body", [
    "小鹏第二代图灵芯片官宣\nIT之家 12 月 2 日消息\n\n小鹏汽车今日宣布，第二代图灵 AI 芯片单颗算力达到 2000 TOPS，是第一代的近 3 倍。\n",
    "小鹏第二代图灵芯片官宣\n\nIT之家 12 月 2 日消息，小鹏汽车今日宣布，第二代图灵 AI 芯片单颗算力达到 2000 TOPS。\n",
])
def test_a_sites_dateline_without_a_year_gives_the_outlet_and_no_date(body):
    found = read_header(body, {})
    assert found.outlet.value == "IT之家" and found.date is None
