"""The header reader: each shape a pasted article's top can take → title, outlet, author, date, and where each came from.

The fixtures are invented articles in the shapes real outlets use (names and
numbers made up); the lines after the header are the article text.
"""
import datetime as dt

import pytest

from build_scripts.reading.corpus import parse_article
from build_scripts.reading.header import HeaderRulesError, load_rules, read_header
from build_scripts.reading.outlets import OutletsError, load_outlets

BODY_ZH = "某某公司今天发布了一款新型机器人，售价为十万元。\n\n该公司表示，这款机器人将于明年第一季度交付。\n"
BODY_EN = "The company said on Monday that its new robot will ship next year.\n\nAnalysts expect strong demand in 2027.\n"


def read(text: str, front: dict | None = None):
    return read_header(text, front or {})


def value(found):
    return None if found is None else found.value


def body_lines(header) -> list[str]:
    return [line.strip() for line in header.body.split("\n") if line.strip()]


# -- Domain or outlet beside a date ------------------------------------------------


@pytest.mark.parametrize("separator", [" | ", " ｜ ", " · ", "   "])
def test_domain_beside_a_date_is_the_outlet_and_the_date_not_the_title(separator):
    header = read(f"exampledaily.com{separator}2025-11-05 09:30\n\n小鹏发布新一代人形机器人\n\n{BODY_ZH}")
    assert value(header.title) == "小鹏发布新一代人形机器人"
    assert value(header.outlet) == "exampledaily.com"  # unknown domain: shown as the domain
    assert value(header.date) == dt.date(2025, 11, 5)
    assert "exampledaily.com" not in header.body


def test_known_domain_is_shown_by_the_outlets_display_name():
    header = read(f"Robot maker unveils a walking humanoid for shops\n\ncnyes.com | 2025/11/05\n\n{BODY_EN}")
    assert value(header.outlet) == "鉅亨網 Anue"
    assert value(header.date) == dt.date(2025, 11, 5)


def test_outlet_and_byline_glued_to_the_time_become_fields_not_a_heading():
    header = read(f"鉅亨網編譯王小明 2025-11-06 11:00\n\n機器人公司宣布量產計畫 目標年底交付\n\n{BODY_ZH}")
    assert (value(header.outlet), value(header.author), value(header.date)) == ("鉅亨網 Anue", "王小明", dt.date(2025, 11, 6))
    assert value(header.title) == "機器人公司宣布量產計畫 目標年底交付"
    assert not any("2025-11-06" in line for line in body_lines(header))


# -- Bylines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline, outlet, author",
    [
        ("记者 张三 报道", None, "张三"),
        ("文丨某某汽车网 李四", "某某汽车网", "李四"),
        ("文丨李四", None, "李四"),
        ("記者:陳大文", None, "陳大文"),
        ("採寫:某某日報記者 黃小明", "某某日報", "黃小明"),
        ("聯合報／ 記者林小華／即時報導", "聯合報 United Daily News", "林小華"),
        ("明報記者 周文", "明報 Ming Pao", "周文"),
        ("By Jane Doe", None, "Jane Doe"),
        ("By Jane Doe, Reuters", "Reuters", "Jane Doe"),
        ("by Jane Doe Benzinga Editor", "Benzinga", "Jane Doe"),
        ("Author | Jane Doe", None, "Jane Doe"),
        ("CNBC | Jane Doe", "CNBC", "Jane Doe"),
    ],
)
def test_byline_shapes_give_outlet_and_author(byline, outlet, author):
    header = read(f"A robot maker shows its humanoid to the public\n\n{byline}\n\n{BODY_EN}")
    assert (value(header.outlet), value(header.author)) == (outlet, author)
    assert byline not in header.body


def test_editor_lines_name_the_editor():
    header = read(f"某公司发布新车型\n\n編輯：周小文\n\n{BODY_ZH}")
    assert value(header.editor) == "周小文"


def test_edited_by_from_names_the_editor_and_a_cited_outlet():
    header = read(f"Robot maker unveils a walking humanoid for shops\n\nEdited by Jane Doe from Reuters\n\n{BODY_EN}")
    assert value(header.editor) == "Jane Doe"
    assert "Reuters" in header.cited_outlets and value(header.outlet) is None


@pytest.mark.parametrize("wire", ["PR Newswire", "Business Wire"])
def test_a_wire_after_by_is_the_outlet_not_an_author(wire):
    # a known outlet's name is read as such before it can pass for a company ("Business …")
    header = read(f"Robot Maker Reports Third Quarter Results\n\nBy {wire} | November 17, 2025, 4:00 AM\n\n{BODY_EN}")
    assert value(header.outlet) == wire and header.author is None
    assert value(header.date) == dt.date(2025, 11, 17)


def test_site_roles_are_not_authors():
    header = read(f"飞行汽车工厂正式投产\n点击数:321 发布时间:2026-02-20 发布者:管理员\n{BODY_ZH}")
    assert header.author is None
    assert value(header.date) == dt.date(2026, 2, 20)


def test_a_source_label_naming_a_person_gives_the_author_not_the_outlet():
    header = read(f"某公司发布新车型\n\n来源: 王小红 发布时间: 2025-11-11 01:28:07\n\n{BODY_ZH}")
    assert value(header.author) == "王小红" and header.outlet is None


def test_a_bare_name_between_title_and_platform_date_line_is_the_author():
    header = read(f"某公司首场直播答疑\n某某TIMES\n车家号·0浏览·2026-03-17 17:20 · 北京\n{BODY_ZH}")
    assert value(header.author) == "某某TIMES"
    assert (value(header.via), value(header.outlet)) == ("车家号", "汽车之家")
    assert value(header.date) == dt.date(2026, 3, 17)


def test_a_labelled_producer_wins_and_the_name_beside_the_date_is_the_platform():
    header = read(f"某公司要做机器人公司\n\nIP属地 中国·北京 蓝鲸新闻 时间:2025-11-20 14:11:19\n\n出品|某某财经\n\n{BODY_ZH}")
    assert (value(header.outlet), value(header.via)) == ("某某财经", "蓝鲸新闻")


def test_a_signature_at_the_end_gives_outlet_and_author():
    text = f"某公司飞行器演练发生碰撞\n\n发表于 2025-9-16 20:44 | 显示全部楼层 |阅读模式\n\n{BODY_ZH}\n采写:某某N视频记者 刘小明\n"
    header = read(text)
    assert (value(header.outlet), value(header.author)) == ("某某N视频", "刘小明")
    assert value(header.date) == dt.date(2025, 9, 16)
    assert "采写" not in header.body


def test_a_compilers_note_at_the_end_gives_the_author_and_the_photo_credit_the_outlet_when_nothing_else_does():
    header = read(f"某公司联手开发芯片\n\n{BODY_ZH}\n(編譯:王小芳;首圖來源:科技新報)\n")
    assert value(header.author) == "王小芳"
    assert value(header.outlet) == "科技新報 TechNews" and "photo credit" in header.outlet.origin


# -- Dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "发布时间：2025-11-05 10:00",
        "發布時間：2025/11/05",
        "發布日期 2025 年 11 月 05 日 18:00",
        "2025年11月5日 广州",
        "Published: Nov 5, 2025",
        "Updated: 5 November 2025 10:32 GMT",
        "November 5, 2025 7:27 AM 1 min read",
        "2025-11-05",
    ],
)
def test_date_line_shapes_give_the_publication_date(line):
    header = read(f"Robot maker unveils a walking humanoid\n\n{line}\n\n{BODY_EN}")
    assert value(header.date) == dt.date(2025, 11, 5), line
    assert line not in header.body


def test_day_month_year_with_a_day_over_twelve_is_read_day_first():
    header = read(f"Robot maker unveils a walking humanoid\n\n18/11/2025\n\n{BODY_EN}")
    assert value(header.date) == dt.date(2025, 11, 18)


def test_an_ambiguous_date_is_not_guessed_and_says_so():
    header = read(f"Robot maker unveils a walking humanoid\n\nPublished: 03/04/2026\n\n{BODY_EN}")
    assert header.date is None
    assert any("03/04/2026" in what for what, _todo in header.problems)


def test_month_and_day_only_takes_the_year_from_the_article_and_says_it_was_inferred():
    header = read(f"某公司发布新车型\n11/10\n{BODY_ZH}截至2025年11月7日，公司市值上涨。\n")
    assert value(header.date) == dt.date(2025, 11, 10)
    assert "inferred" in header.date.origin and "2025" in header.date_note


def test_a_dateline_names_the_wire_and_the_date():
    header = read("Robot Maker To Launch Robotaxis Next Year\n\nGUANGZHOU, Nov 5, 2025 (Reuters) - The carmaker said on Wednesday it would launch robotaxis.\n")
    assert value(header.outlet) == "Reuters" and value(header.date) == dt.date(2025, 11, 5)


def test_dates_in_captions_and_the_body_are_not_publication_dates():
    text = (
        "Carmaker to roll out robotaxis and humanoid robots\n\n"
        "The carmaker showed its newest humanoid robot in Guangzhou on Nov. 5, 2025.\n\n"
        "On Monday the company said deliveries would start on 2026-01-15.\n\n" + BODY_EN
    )
    assert read(text).date is None


# -- Title, chrome, credits ------------------------------------------------------


def test_a_long_english_headline_is_the_title():
    title = "Chinese carmaker to roll out robotaxis and humanoid robots running on its own AI chips, with three models next year"
    assert value(read(f"{title}\n\n{BODY_EN}").title) == title


def test_a_photo_caption_above_the_headline_is_not_the_title():
    header = read(f"The new robotaxi coming off the line\nImage Credit: SomeCarmaker\n\nCarmaker Begins Robotaxi Production, Aims for 2026 Pilot\n\n{BODY_EN}")
    assert value(header.title) == "Carmaker Begins Robotaxi Production, Aims for 2026 Pilot"
    assert "Image Credit: SomeCarmaker" not in header.body


def test_a_caption_above_a_date_and_byline_block_is_not_the_title():
    header = read(f"Car logo at an industry exhibition in Shanghai\nSeptember 15, 2025 7:27 AM\n\nCarmaker Teams Up With Supplier To Build EVs In Europe\n\nby Jane Doe Benzinga Editor\n{BODY_EN}")
    assert value(header.title) == "Carmaker Teams Up With Supplier To Build EVs In Europe"


def test_the_title_may_follow_a_lead_paragraph_when_nothing_above_could_be_one():
    lead = "某公司周三舉行第七屆科技日，這場主題為「湧現」的發表會，亮出其十年深耕AI技術的階段性成果，宣告公司正加速轉型成AI科技公司。"
    header = read(f"鉅亨網編譯王小明 2025-11-06 11:00\n\n{lead}\n\n從新一代機器人到飛行汽車！某公司宣示轉型\n\n{BODY_ZH}")
    assert value(header.title) == "從新一代機器人到飛行汽車！某公司宣示轉型"
    assert lead in header.body


def test_breadcrumbs_menus_and_share_buttons_are_not_the_title_and_leave_the_text():
    chrome = ["选择城市", "登录", "下载App", "扫码下载某某App", "分享", "当前位置: 资讯 > 新科技 > 正文", "网易首页 > 网易号 > 正文 申请入驻", "[复制链接]", "0", "分享至", "熱門搜尋:"]
    header = read("\n".join(chrome) + f"\n某公司建成万卡智算集群\n{BODY_ZH}")
    assert value(header.title) == "某公司建成万卡智算集群"
    assert not set(chrome) & set(body_lines(header))
    assert (value(header.via), value(header.outlet)) == ("网易号", "网易")


def test_a_forum_tag_is_not_part_of_the_title():
    header = read(f"找回密码\n注册\n[汽车资讯] 某公司两架飞行器演练时相撞\n发表于 2025-9-16 20:44 | 显示全部楼层\n{BODY_ZH}")
    assert value(header.title) == "某公司两架飞行器演练时相撞"


def test_section_labels_above_the_title_are_dropped_and_a_short_title_alone_is_kept():
    header = read(f"港聞\n\n港聞二\n\n灣區熱搜：某公司請港人北上試車\n\n{BODY_ZH}")
    assert value(header.title) == "灣區熱搜：某公司請港人北上試車"
    assert "港聞" not in body_lines(header)
    assert value(read("标题\n\n同一段。\n").title) == "标题"


def test_the_title_printed_twice_appears_once():
    title = "Carmaker to roll out robotaxis next year"
    header = read(f"{title}\n\n{title}\n\n{BODY_EN}")
    assert title not in header.body


def test_a_title_naming_its_outlet_after_a_bar_gives_both():
    header = read(f"某公司的新模型到底是什麼?|某某新知\n\n{BODY_ZH}")
    assert (value(header.title), value(header.outlet)) == ("某公司的新模型到底是什麼?", "某某新知")


def test_a_first_line_that_is_a_domain_is_not_the_title():
    header = read(f"exampledaily.com\n\nCarmaker unveils flying car in Dubai\n\n{BODY_EN}")
    assert value(header.title) == "Carmaker unveils flying car in Dubai"


# -- Outlets named in the text ---------------------------------------------------


def test_an_outlet_the_body_cites_is_not_the_publisher():
    header = read(f"某公司機器人昨日登場\n\n2025-11-06\n\n據《大象新聞》今日報道，某公司新一代機器人亮相。\n\n{BODY_ZH}")
    assert header.outlet is None
    assert "大象新闻" in header.cited_outlets


def test_the_opening_naming_its_own_outlet_gives_the_outlet():
    assert value(read(f"某公司請港人北上試車\n\n【明報專訊】某公司月初帶領一批車主北上。\n\n{BODY_ZH}").outlet) == "明報 Ming Pao"
    assert value(read(f"某公司开年出招\n\n2月24日,华尔街见闻获悉,某公司发出开工信。\n\n{BODY_ZH}").outlet) == "华尔街见闻"


def test_the_opening_saying_a_reporter_learned_names_no_outlet():
    assert read(f"某公司开年出招\n\n2月24日,记者获悉,某公司发出开工信。\n\n{BODY_ZH}").outlet is None


# -- Front matter and sources.yml ------------------------------------------------


def test_front_matter_keys_name_the_fields_and_say_so():
    front = {"title": "某公司发布新车型", "source": "某某日报", "published": "2025-11-05", "author": "王五"}
    header = read(BODY_ZH, front)
    assert (value(header.title), value(header.outlet), value(header.author), value(header.date)) == ("某公司发布新车型", "某某日报", "王五", dt.date(2025, 11, 5))
    assert header.outlet.origin == "front matter 'source'"


def test_front_matter_url_names_the_outlet_by_its_domain():
    assert value(read(BODY_EN, {"url": "https://www.cnbc.com/2025/11/05/robotaxi.html"}).outlet) == "CNBC"


def test_sources_yml_wins_over_the_text_and_the_page_says_so():
    article = parse_article("x.txt", f"某公司发布新车型\n\n来源: 某某网 发布时间: 2025-01-02 10:00\n\n{BODY_ZH}", {"outlet": "更正后的媒体"}).article
    assert article.outlet == "更正后的媒体" and article.provenance.outlet == "seeds/sources.yml"
    assert article.date == dt.date(2025, 1, 2) and "header line 3" in article.provenance.date


def test_an_article_without_date_or_outlet_is_unknown_and_listed_with_what_to_do():
    result = parse_article("plain.txt", f"某公司发布新车型\n\n{BODY_ZH}", {})
    assert result.article.date is None and result.article.outlet == ""
    said = {p.what: p.todo for p in result.problems}
    assert any("publication date" in what for what in said) and any("outlet" in what for what in said)
    assert all("sources.yml" in todo for todo in said.values())


# -- The data files are checked when read -----------------------------------------


def test_a_broken_pattern_in_header_yml_names_the_file_and_the_entry(tmp_path):
    broken = tmp_path / "header.yml"
    text = (load_rules.__wrapped__.__defaults__[0]).read_text(encoding="utf-8")
    broken.write_text(text.replace("credits:\n", "credits:\n  - '(unclosed'\n", 1), encoding="utf-8")
    with pytest.raises(HeaderRulesError, match=r"header\.yml: credits entry 1: '\(unclosed'"):
        load_rules.__wrapped__(broken)


def test_reader_words_referring_to_a_group_the_pattern_lacks_name_the_entry(tmp_path):
    broken = tmp_path / "header.yml"
    text = (load_rules.__wrapped__.__defaults__[0]).read_text(encoding="utf-8")
    broken.write_text(text.replace("provenance_words:\n", "provenance_words:\n  - ['^og:(title)', '据 \\2']\n", 1), encoding="utf-8")
    with pytest.raises(HeaderRulesError, match=r"header\.yml: provenance_words entry 1: the words"):
        load_rules.__wrapped__(broken)


def test_an_outlet_without_a_name_in_outlets_yml_names_the_file_and_the_entry(tmp_path):
    broken = tmp_path / "outlets.yml"
    broken.write_text("outlets:\n  - {name: Good}\n  - {aliases: [x]}\n", encoding="utf-8")
    with pytest.raises(OutletsError, match=r"outlets\.yml: outlets entry 2 .* has no 'name'"):
        load_outlets.__wrapped__(broken)


# -- Wire signatures and Taiwanese bylines ---------------------------------------


def test_a_wire_signature_at_the_end_names_reporter_and_editor():
    text = f"Carmaker unveils robot taxis for next year\n\nNov 5 (Reuters) - The carmaker said it would launch robotaxis.\n\n{BODY_EN}\nReporting by Jane Doe in Beijing; Editing by Sam Poe\n"
    header = read(text)
    assert (value(header.outlet), value(header.author), value(header.editor)) == ("Reuters", "Jane Doe", "Sam Poe")
    assert header.date is None and any("month and day" in what for what, _ in header.problems)


def test_a_job_title_after_the_name_is_not_an_outlet():
    header = read(f"Carmaker unveils robot taxis for next year\n\nBy Jane Doe, Staff Writer\n\n{BODY_EN}")
    assert value(header.author) == "Jane Doe" and header.outlet is None


def test_a_bracketed_reporter_line_opening_the_text_names_the_author():
    header = read(f"某車企發表新車\n\n〔記者王小明／台北報導〕某車企今天發表新車，售價為十萬元。\n\n{BODY_ZH}")
    assert value(header.author) == "王小明"


def test_an_original_title_line_is_not_the_title():
    header = read(f"原标题：某车企发布新车型\n\n某车企发布新车\n\n发布时间：2025年11月05日 10:32 来源：证券时报网\n\n{BODY_ZH}")
    assert (value(header.title), value(header.outlet)) == ("某车企发布新车", "证券时报")


def test_the_publication_date_wins_over_an_update_shown_above_it():
    header = read(f"Robot maker unveils a walking humanoid\n\nUpdated: Nov 6, 2025\n\nPublished: Nov 5, 2025\n\n{BODY_EN}")
    assert value(header.date) == dt.date(2025, 11, 5)


def test_a_source_that_names_no_one_is_neither_outlet_nor_author():
    header = read(f"某公司发布新车型\n\n来源：网络 发布时间：2025-11-05\n\n{BODY_ZH}")
    assert header.outlet is None and header.author is None


def test_a_labelled_author_beside_the_date_wins_over_a_reporter_line_below():
    header = read(f"某公司发布机器人\n\n2025-11-05 10:30:45\u3000来源：第一财经\u3000作者：张三\n\n本报记者 李四\n\n{BODY_ZH}")
    assert (value(header.outlet), value(header.author), value(header.date)) == ("第一财经", "张三", dt.date(2025, 11, 5))


def test_a_city_beside_a_platform_and_date_is_not_an_author():
    assert read(f"某公司发布机器人\n\n车家号·0浏览·2026-03-17 17:20 · 北京\n\n{BODY_ZH}").author is None


def test_an_english_name_beside_a_date_is_the_author():
    header = read(f"Tesla rival unveils a humanoid robot\n\nFred Lambert | Nov 5 2025 - 4:21 am PT\n\n{BODY_EN}")
    assert (value(header.author), value(header.date)) == ("Fred Lambert", dt.date(2025, 11, 5))


def test_a_staff_code_after_an_editors_name_is_dropped():
    assert value(read(f"某公司发布机器人\n\n2025年11月05日 18:30 某某日报\n\n{BODY_ZH}责任编辑：刘小里 SF014\n").editor) == "刘小里"


def test_a_sentence_holding_a_label_adds_nothing():
    header = read(f"某公司发布机器人\n\n来源：某某日报 这家公司表示今年将继续扩大研发投入并在多个城市开设门店以及展厅\n\n{BODY_ZH}")
    assert header.outlet is None


@pytest.mark.parametrize(
    "opening, outlet, author",
    [
        ("新华社广州11月5日电（记者张三）某车企5日发布新一代机器人。", "新华社 Xinhua", "张三"),
        ("财联社11月5日讯，某车企今日发布新一代机器人。", "财联社", None),
        ("新浪科技讯 11月5日下午消息，某车企今日发布新一代机器人。", "新浪", None),
    ],
)
def test_a_wire_style_opening_names_the_outlet_and_the_day(opening, outlet, author):
    header = read(f"某车企发布机器人\n\n{opening}\n\n{BODY_ZH}2025年11月3日，公司宣布了计划。\n")
    assert (value(header.outlet), value(header.author), value(header.date)) == (outlet, author, dt.date(2025, 11, 5))
    assert opening in header.body  # the opening is article text


def test_hong_kong_publish_and_update_labels():
    header = read(f"某車企機器人亮相\n\n撰文：張小三\n\n出版：2025-11-05 18:00\n\n更新：2025-11-06 19:00\n\n{BODY_ZH}")
    assert (value(header.author), value(header.date)) == ("張小三", dt.date(2025, 11, 5))


def test_a_one_line_article_keeps_its_line_as_text_and_title():
    result = parse_article("one.txt", "某公司今天发布新一代人形机器人\n", {})
    assert result.article is not None
    assert result.article.title == "某公司今天发布新一代人形机器人"
    assert [p.text for p in result.article.paragraphs] == ["某公司今天发布新一代人形机器人"]
    assert not any("boilerplate" in p.what for p in result.problems)


def test_a_front_matter_date_in_words_is_read():
    article = parse_article("x.txt", f"---\ntitle: Robot maker unveils a humanoid\ndate: Nov 5, 2025\n---\n{BODY_EN}", {}).article
    assert article.date == dt.date(2025, 11, 5) and article.provenance.date == "front matter 'date'"


def test_a_date_set_in_sources_yml_drops_the_inferred_year_note():
    article = parse_article("x.txt", f"某公司发布新车型\n11/10\n{BODY_ZH}截至2025年11月7日，公司市值上涨。\n", {"date": dt.date(2025, 11, 9)}).article
    assert article.date == dt.date(2025, 11, 9) and article.date_note == ""


def test_a_wechat_account_header_names_writer_and_account():
    header = read(f"某车企机器人量产在即\n\n原创 张小三 某某汽车观察 2025年11月05日 18:30 北京\n\n{BODY_ZH}")
    assert (value(header.author), value(header.outlet), value(header.date)) == ("张小三", "某某汽车观察", dt.date(2025, 11, 5))


# -- Header shapes of common news sites and aggregators ------------------------------
# One invented header per shape (Sina, Sohu, Tencent, 界面, 财新, 第一财经, 每经, 中央社,
# 自由時報, ETtoday, 香港01, SCMP, Reuters, Bloomberg, CnEVPost, electrive, TechCrunch,
# Yahoo, WeChat, Toutiao, Zhihu, Weibo, Medium, Substack, PR Newswire): the names are
# made up and mostly not in outlets.yml, so each row checks the general rule.

TITLE_ZH = "小鹏发布新一代人形机器人"
TITLE_EN = "Robot Maker Unveils a Walking Humanoid for Shops"
SITE_SHAPES = [
    ("share widget with platforms", f"{TITLE_ZH}\n2025-11-05 10:00 来源：蓝海商报\n分享到：微信 微博 QQ空间\n{BODY_ZH}", TITLE_ZH, "蓝海商报", None, dt.date(2025,11,5)),
    ("share widget english", f"{TITLE_EN}\nNov 5, 2025\nShare: Facebook Twitter LinkedIn\n{BODY_EN}", TITLE_EN, None, None, dt.date(2025,11,5)),
    ("cna wire byline line", f"{TITLE_ZH}\n2025/11/07 10:23\n中央社記者王小明台北7日電\n{BODY_ZH}", TITLE_ZH, "中央社", "王小明", dt.date(2025,11,7)),
    ("xinhua wire line", f"{TITLE_ZH}\n新华社北京11月5日电（记者 张三）\n{BODY_ZH}", TITLE_ZH, "新华社 Xinhua", "张三", None),
    ("chinanews wire line", f"{TITLE_ZH}\n2025-11-05 10:23\n中新网广州11月5日电 (记者 李四)\n{BODY_ZH}", TITLE_ZH, "中新社 China News Service", "李四", dt.date(2025,11,5)),
    ("unknown agency wire lead", f"{TITLE_ZH}\n2025-11-05\n东方社上海11月5日电（记者 王五）某某公司今天发布了一款新型机器人。\n{BODY_ZH}", TITLE_ZH, "东方社", "王五", dt.date(2025,11,5)),
    ("bare title: key", f"title: {TITLE_ZH}\n{TITLE_ZH}\n2025-11-05 10:23\n{BODY_ZH}", TITLE_ZH, None, None, dt.date(2025,11,5)),
    ("bare keys block", f"title: {TITLE_EN}\nauthor: Jane Doe\ndate: 2025-11-05\nsource: examplewire.com\n\n{BODY_EN}", TITLE_EN, "examplewire.com", "Jane Doe", dt.date(2025,11,5)),
    ("posted on by | domain", f"{TITLE_EN}\nPosted on 3 December 2025 by Alex Wu | evdaily.com\n{BODY_EN}", TITLE_EN, "evdaily.com", "Alex Wu", dt.date(2025,12,3)),
    ("unknown name · date", f"{TITLE_ZH}\n极光汽车 · 2025-11-20 08:00\n{BODY_ZH}", TITLE_ZH, "极光汽车", None, dt.date(2025,11,20)),
    ("unknown name | date", f"{TITLE_ZH}\n极光汽车 | 2025-11-20 08:00\n{BODY_ZH}", TITLE_ZH, "极光汽车", None, dt.date(2025,11,20)),
    ("bracket tag title", f"【极光汽车】{TITLE_ZH}\n2025-11-20 08:00\n{BODY_ZH}", TITLE_ZH, "极光汽车", None, dt.date(2025,11,20)),
    ("pengpai style labels", f"{TITLE_ZH}\n2025年11月06日 09:12 来源：蓝海商报 作者：李明\n{BODY_ZH}", TITLE_ZH, "蓝海商报", "李明", dt.date(2025,11,6)),
    ("sina time then outlet", f"{TITLE_ZH}\n2025年11月05日 10:23 蓝海科技\n{BODY_ZH}\n责任编辑：王五\n", TITLE_ZH, "蓝海科技", None, dt.date(2025,11,5)),
    ("sina lead 讯", f"{TITLE_ZH}\n2025年11月05日 10:23\n蓝海科技讯 11月5日上午消息，某某公司今天发布了一款新型机器人。\n{BODY_ZH}", TITLE_ZH, "蓝海科技", None, dt.date(2025,11,5)),
    ("sohu 发布于", f"{TITLE_ZH}\n车圈观察\n2025-11-05 10:23 发布于：广东\n{BODY_ZH}\n返回搜狐，查看更多\n", TITLE_ZH, None, "车圈观察", dt.date(2025,11,5)),
    ("jiemian 记者 |", f"{TITLE_ZH}\n界面新闻记者 | 王小明\n界面新闻编辑 | 李四\n2025/11/05 10:23\n{BODY_ZH}", TITLE_ZH, "界面新闻", "王小明", dt.date(2025,11,5)),
    ("caixin lead", f"{TITLE_ZH}\n2025年11月05日 10:23\n【蓝海网】（记者 王小明）某某公司今天发布了一款新型机器人。\n{BODY_ZH}", TITLE_ZH, "蓝海网", "王小明", dt.date(2025,11,5)),
    ("yicai labels", f"{TITLE_ZH}\n蓝海财经 2025-11-05 10:23:41 作者：王小明 责编：李四\n{BODY_ZH}", TITLE_ZH, "蓝海财经", "王小明", dt.date(2025,11,5)),
    ("每经 abbreviated 记者：", f"{TITLE_ZH}\n每经记者：王小明 每经编辑：李四\n2025-11-05 10:23\n{BODY_ZH}", TITLE_ZH, "每日经济新闻", "王小明", dt.date(2025,11,5)),
    ("outlet记者 name city报道", f"{TITLE_ZH}\n蓝海经济报道记者 王小明 广州报道\n2025-11-05\n{BODY_ZH}", TITLE_ZH, "蓝海经济报道", "王小明", dt.date(2025,11,5)),
    ("ettoday 記者／綜合報導", f"{TITLE_ZH}\n記者王小明／綜合報導\n2025年11月05日 10:23\n{BODY_ZH}", TITLE_ZH, None, "王小明", dt.date(2025,11,5)),
    ("ltn 新聞雲 beside date", f"{TITLE_ZH}\n2025年11月05日 10:23 藍海新聞雲\n{BODY_ZH}", TITLE_ZH, "藍海新聞雲", None, dt.date(2025,11,5)),
    ("hk01 撰文 出版", f"{TITLE_ZH}\n撰文：王小明\n出版：2025-11-05 10:23\n更新：2025-11-05 12:00\n{BODY_ZH}", TITLE_ZH, None, "王小明", dt.date(2025,11,5)),
    ("scmp time before date", f"{TITLE_EN}\nAlex Wu\nPublished: 10:23pm, 5 Nov 2025\nUpdated: 11:00pm, 5 Nov 2025\n{BODY_EN}", TITLE_EN, None, "Alex Wu", dt.date(2025,11,5)),
    ("reuters header", f"{TITLE_EN}\nBy Jane Doe and John Roe\nNovember 5, 2025 10:23 AM GMT+8 Updated 2 hours ago\nBEIJING, Nov 5 (Reuters) - The company said on Monday that its new robot will ship next year.\n{BODY_EN}", TITLE_EN, "Reuters", "Jane Doe and John Roe", dt.date(2025,11,5)),
    ("bloomberg header", f"{TITLE_EN}\nBy Jane Doe\nNovember 5, 2025 at 10:23 AM GMT+8\nSave\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("cnevpost name · date", f"{TITLE_EN}\nPhate Zhang · 2025-11-05 10:23\n{BODY_EN}", TITLE_EN, None, "Phate Zhang", dt.date(2025,11,5)),
    ("techcrunch time · date", f"{TITLE_EN}\nJane Doe\n10:23 AM PST · November 5, 2025\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("yahoo weekday + provider", f"{TITLE_EN}\nJane Doe\nWed, November 5, 2025 at 10:23 AM GMT+8\n3 min read\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("wechat header", f"{TITLE_ZH}\n原创 王小明 车圈观察 2025年11月05日 20:15 广东\n{BODY_ZH}", TITLE_ZH, "车圈观察", "王小明", dt.date(2025,11,5)),
    ("toutiao 原创date·account", f"{TITLE_ZH}\n原创2025-11-05 10:23·车圈观察\n{BODY_ZH}", TITLE_ZH, "车圈观察", None, dt.date(2025,11,5)),
    ("zhihu 发布于 · city", f"{TITLE_ZH}\n发布于 2025-11-05 10:23・广东\n{BODY_ZH}", TITLE_ZH, None, None, dt.date(2025,11,5)),
    ("weibo 来自 client", f"{TITLE_ZH}\n2025-11-5 10:23 来自 iPhone客户端\n{BODY_ZH}", TITLE_ZH, None, None, dt.date(2025,11,5)),
    ("medium chrome", f"{TITLE_EN}\nJane Doe\nFollow\n5 min read\n·\nNov 5, 2025\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("substack caps", f"{TITLE_EN}\nWhat the new robot means for shops\nJANE DOE\nNOV 05, 2025\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("prnewswire dateline", f"{TITLE_EN}\nGUANGZHOU, China, Nov. 5, 2025 /PRNewswire/ -- The company said on Monday that its new robot will ship next year.\n{BODY_EN}", TITLE_EN, "PR Newswire", None, dt.date(2025,11,5)),
    ("chinese weekday", f"{TITLE_ZH}\n2025年11月05日 星期三 10:23 来源：蓝海商报\n{BODY_ZH}", TITLE_ZH, "蓝海商报", None, dt.date(2025,11,5)),
    ("english ET | By", f"{TITLE_EN}\nNov 5, 2025 10:23 AM ET | By Jane Doe\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("tw 經濟 byline", f"{TITLE_ZH}\n藍海日報／ 記者王小明／即時報導\n2025-11-05 10:23\n{BODY_ZH}", TITLE_ZH, "藍海日報", "王小明", dt.date(2025,11,5)),
    ("tencent 作者 label + outlet", f"{TITLE_ZH}\n蓝海科技 作者 王小明 2025-11-05 10:23\n{BODY_ZH}", TITLE_ZH, "蓝海科技", "王小明", dt.date(2025,11,5)),
    ("36kr style 文｜ + domain", f"{TITLE_ZH}\n文｜王小明\n编辑｜李四\n{BODY_ZH}", TITLE_ZH, None, "王小明", None),
    ("netease fullwidth space", f"{TITLE_ZH}\n2025-11-05 10:23:45\u3000来源: 蓝海商报\n{BODY_ZH}", TITLE_ZH, "蓝海商报", None, dt.date(2025,11,5)),
    ("ifeng outlet first", f"{TITLE_ZH}\n蓝海商报 2025-11-05 10:23\n{BODY_ZH}", TITLE_ZH, "蓝海商报", None, dt.date(2025,11,5)),
    ("place beside date not outlet", f"{TITLE_ZH}\n2025-11-05 10:23 浙江杭州\n{BODY_ZH}", TITLE_ZH, None, None, dt.date(2025,11,5)),
    ("发布于place glued", f"{TITLE_ZH}\n2025-11-05 10:23 发布于北京市朝阳区\n{BODY_ZH}", TITLE_ZH, None, None, dt.date(2025,11,5)),
    ("labels en with bar", f"{TITLE_EN}\nPublished: 2025-11-05 10:23 | Updated: 2025-11-05 12:00\n{BODY_EN}", TITLE_EN, None, None, dt.date(2025,11,5)),
    ("by wire", f"{TITLE_EN}\nBy Reuters\nNovember 5, 2025\n{BODY_EN}", TITLE_EN, "Reuters", None, dt.date(2025,11,5)),
    ("文｜outlet author", f"{TITLE_ZH}\n文｜蓝海 王小明\n2025-11-05\n{BODY_ZH}", TITLE_ZH, "蓝海", "王小明", dt.date(2025,11,5)),
    ("作者｜ 编辑｜ one line", f"{TITLE_ZH}\n作者｜王小明 编辑｜李四\n2025-11-05 10:23\n{BODY_ZH}", TITLE_ZH, None, "王小明", dt.date(2025,11,5)),
    ("sina 北京时间 lead", f"{TITLE_ZH}\n2025年11月05日 10:23\n蓝海科技讯 北京时间11月5日早间消息，某某公司今天发布了一款新型机器人。\n{BODY_ZH}", TITLE_ZH, "蓝海科技", None, dt.date(2025,11,5)),
    ("cna lead with author", f"{TITLE_ZH}\n2025/11/07 10:23\n（中央社記者王小明台北7日電）某某公司今天发布了一款新型机器人。\n{BODY_ZH}", TITLE_ZH, "中央社", "王小明", dt.date(2025,11,7)),
    ("reporter and intern", f"{TITLE_ZH}\n蓝海新闻记者 王小明 实习生 李四\n2025-11-05\n{BODY_ZH}", TITLE_ZH, "蓝海新闻", "王小明", dt.date(2025,11,5)),
    ("by name, job | date", f"{TITLE_EN}\nBy Jane Doe, Staff Writer | Nov 5, 2025\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("weekday english full", f"{TITLE_EN}\nWednesday, November 5, 2025\nBy Jane Doe\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("ip属地 line", f"{TITLE_ZH}\n车圈观察\n2025-11-05 10:23 IP属地：广东\n{BODY_ZH}", TITLE_ZH, None, "车圈观察", dt.date(2025,11,5)),
    ("hk 香港01 style", f"{TITLE_ZH}\n撰文：王小明 | 攝影：李四\n出版：2025/11/05 10:23\n{BODY_ZH}", TITLE_ZH, None, "王小明", dt.date(2025,11,5)),
    ("yahoo read time", f"{TITLE_EN}\nJane Doe · 3 min read\nNov 5, 2025\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("bracket category tag", f"【独家】{TITLE_ZH}\n2025-11-05\n{BODY_ZH}", TITLE_ZH, None, None, dt.date(2025,11,5)),
    ("weibo month day time", f"{TITLE_ZH}\n11月5日 10:23 来自 微博网页版\n{BODY_ZH}", TITLE_ZH, None, None, None),
    ("udn date then byline", f"{TITLE_ZH}\n2025-11-05 10:23 藍海日報／ 記者王小明／即時報導\n{BODY_ZH}", TITLE_ZH, "藍海日報", "王小明", dt.date(2025,11,5)),
    ("yahoo provider line", f"{TITLE_EN}\nReuters\nWed, Nov 5, 2025, 10:23 AM 3 min read\n{BODY_EN}", TITLE_EN, "Reuters", None, dt.date(2025,11,5)),
    ("slash separated byline", f"{TITLE_EN}\nBy Jane Doe and Zhang San / Nov 5, 2025 10:23 AM / BUSINESS & TECH\n{BODY_EN}", TITLE_EN, None, "Jane Doe and Zhang San", dt.date(2025,11,5)),
    ("jiemian one line", f"{TITLE_ZH}\n界面新闻记者 | 王小明 界面新闻编辑 | 李四\n2025/11/05 10:23\n{BODY_ZH}", TITLE_ZH, "界面新闻", "王小明", dt.date(2025,11,5)),
    ("medium published in", f"{TITLE_EN}\nJane Doe\nFollow\nPublished in Example Review\n5 min read\nNov 5, 2025\n{BODY_EN}", TITLE_EN, "Example Review", "Jane Doe", dt.date(2025,11,5)),
    ("source then date", f"{TITLE_ZH}\n来源：蓝海商报 2025年11月05日 10:23\n{BODY_ZH}", TITLE_ZH, "蓝海商报", None, dt.date(2025,11,5)),
    ("verge lowercase by", f"{TITLE_EN}\nby Jane Doe\nNov 5, 2025, 10:23 AM GMT+8\n{BODY_EN}", TITLE_EN, None, "Jane Doe", dt.date(2025,11,5)),
    ("scmp name in city", f"{TITLE_EN}\nAlex Wu in Shanghai\nPublished: 9:00am, 5 Nov 2025\n{BODY_EN}", TITLE_EN, None, "Alex Wu", dt.date(2025,11,5)),
    ("wechat account as writer", f"{TITLE_ZH}\n蓝海汽车 2025年11月05日 20:15 广东\n{BODY_ZH}", TITLE_ZH, "蓝海汽车", None, dt.date(2025,11,5)),
]


@pytest.mark.parametrize("shape, text, title, outlet, author, date", SITE_SHAPES, ids=[row[0] for row in SITE_SHAPES])
def test_site_header_shapes_give_title_outlet_author_and_date_and_leave_the_text(shape, text, title, outlet, author, date):
    header = read(text)
    assert (value(header.title), value(header.outlet), value(header.author), value(header.date)) == (title, outlet, author, date)
    # What is left starts with the article's text (a wire's opening may stay in front of it).
    first = body_lines(header)[0]
    assert BODY_ZH[:8] in first or BODY_EN[:8] in first or shape.startswith("substack"), first


@pytest.mark.parametrize("beside", ["广东深圳", "星期三", "农历九月十六", "浏览次数：123", "评论(3)", "来自 iPhone客户端", "王小明"])
def test_a_place_weekday_counter_device_or_person_beside_a_date_is_not_the_outlet(beside):
    header = read(f"{TITLE_ZH}\n2025-11-05 10:23 {beside}\n{BODY_ZH}")
    assert value(header.outlet) is None
    assert value(header.date) == dt.date(2025, 11, 5)


def test_an_unlisted_name_beside_a_date_loses_to_a_labelled_source():
    header = read(f"{TITLE_ZH}\n极光汽车 · 2025-11-20 08:00 来源：蓝海商报\n{BODY_ZH}")
    assert value(header.outlet) == "蓝海商报"


@pytest.mark.parametrize(
    "page, title, outlet, author",
    [
        (f"蓝海首页 > 蓝海科技 > 正文\n{TITLE_ZH}\n2025年11月05日 10:23 蓝海科技\n分享到：微信 微博\n我要反馈\n{BODY_ZH}", TITLE_ZH, "蓝海科技", None),
        (f"藍海01 > 即時中國\n{TITLE_ZH}\n撰文：王小明\n出版：2025/11/05 10:23 最後更新：2025/11/05 12:00\n分享到 Facebook WhatsApp\n{BODY_ZH}", TITLE_ZH, None, "王小明"),
        (f"{TITLE_ZH}\n原创 王小明 蓝海汽车 2025年11月05日 20:15 广东\n听全文\n{BODY_ZH}", TITLE_ZH, "蓝海汽车", "王小明"),
        (f"Business\n{TITLE_EN}\nBy Jane Doe\nNovember 5, 2025 10:23 AM GMT+8 Updated 2 hours ago\nShare\nSave\n{BODY_EN}", TITLE_EN, None, "Jane Doe"),
    ],
    ids=["portal", "hong-kong", "wechat", "wire-page"],
)
def test_a_whole_page_paste_keeps_only_the_article_text(page, title, outlet, author):
    header = read(page)
    assert (value(header.title), value(header.outlet), value(header.author), value(header.date)) == (title, outlet, author, dt.date(2025, 11, 5))
    assert body_lines(header)[0] in (BODY_ZH.split("\n")[0], BODY_EN.split("\n")[0])


# -- A page title naming its site ---------------------------------------------------


@pytest.mark.parametrize("line, title, outlet", [
    ("Reuters | XPeng's humanoid robot IRON enters mass production", "XPeng's humanoid robot IRON enters mass production", "Reuters"),
    ("XPeng's humanoid robot IRON enters mass production - CNBC", "XPeng's humanoid robot IRON enters mass production", "CNBC"),
    ("小鹏发布第二代VLA模型 明年一季度推送_新浪财经_新浪网", "小鹏发布第二代VLA模型 明年一季度推送", "新浪"),  # 新浪财经 is shown as 新浪 (outlets.yml)
    ("36氪 | 小鹏发布第二代VLA模型，明年一季度推送", "小鹏发布第二代VLA模型，明年一季度推送", "36氪"),
])
def test_a_page_title_pasted_with_its_sites_name_gives_the_headline_and_the_outlet(line, title, outlet):
    header = read(f"{line}\n\n{BODY_EN if line.isascii() else BODY_ZH}")
    assert value(header.title) == title
    assert outlet in value(header.outlet)


@pytest.mark.parametrize("line", [
    "G7-Ultra - the car that drives itself in Guangzhou",  # a dash in the headline, no outlet beyond it
    "Robots | Why XPeng bets on humanoids for its factories",  # a section, not an outlet
])
def test_a_dash_or_bar_in_a_headline_stays_when_no_known_outlet_stands_beyond_it(line):
    assert value(read(f"{line}\n\n{BODY_EN}").title) == line
