"""What people save around an article that is not the article: a site's tagline, a stock quote box, an author box.

Invented articles in tests/unseen_shapes/ (their title, outlet, author and date
are checked in test_header_unseen_shapes.py) and single lines put around a
short story. A reader notices a tagline ("专业的汽车科技媒体") read as the
headline or the first paragraph, "NYSE: XPEV" or "$XPEV" as a paragraph of
its own, an "About the author" box cited as the story, and a section name
("来源：汽车频道", "Source: Tech Desk") shown as the outlet. Each rule is a
shape: where the line stands, its punctuation, the kind of word it ends in;
never a sentence of one article.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.reading.corpus import parse_article
from build_scripts.reading.header import read_header

SHAPES = Path(__file__).parent / "unseen_shapes"

# file → the story's paragraphs, as a reader would copy them: every one of them, and nothing else.
STORY = {
    "tech_tagline_zhhans.txt": [
        "11月6日，小鹏汽车宣布第二代VLA模型开始向P7、G7和X9的Ultra版本用户推送，这是该模型首次大规模上车。",
        "受此消息带动，小鹏汽车（09868.HK）当日股价收涨4.2%，市场对其智能驾驶进展反应积极。",  # a ticker inside a sentence is the story's
        "据介绍，第二代VLA去掉了语言转译环节，由视觉信号直接生成驾驶动作，官方称复杂路口的通行效率提升了23%。",
        "小鹏方面表示，明年一季度还将向更多车型推送，并同步用于Robotaxi的道路测试。",
    ],
    "ev_tagline_en.txt": [
        "XPeng (NYSE: XPEV) shares rose 5% in New York on Wednesday after the company said it would start robotaxi trial operations in Guangzhou next year.",
        "The Guangzhou-based automaker said three robotaxi models would launch in 2026, each powered by four of its in-house Turing AI chips.",
        "Its IRON humanoid robot, which walked on stage at the company's annual tech day, is slated for mass production by the end of 2026.",
        "\"Physical AI is where our next decade lies,\" chairman He Xiaopeng told the audience.",
    ],
    "tw_quote_box_zhhant.txt": [
        "小鵬汽車（09868）股價本周三日累計上漲近兩成，市場看好其人形機器人與Robotaxi業務的商業化進度。",
        "小鵬在5日的科技日上宣布，新一代IRON人形機器人將於2026年底量產，Robotaxi則於明年在廣州展開試營運。",
        "分析師指出，小鵬的估值正從電動車廠轉向「實體AI」公司，但量產時程仍需觀察。",
    ],
}


def read_file(name: str):
    return parse_article(name, (SHAPES / name).read_text(encoding="utf-8"), {}).article


@pytest.mark.parametrize("name", sorted(STORY))
def test_the_text_is_the_story_without_tagline_quote_box_or_author_box(name):
    assert [p.text for p in read_file(name).paragraphs] == STORY[name]


# -- One shape at a time -------------------------------------------------------

BODY_ZH = "小鹏汽车表示，新一代IRON人形机器人将于明年底实现规模量产。\n\n该公司还表示，Robotaxi将于明年在广州开启试运营。\n"
BODY_EN = (
    "XPeng said on Wednesday it would start trial operations of robotaxis in Guangzhou next year, using three models.\n\n"
    "The company also said its IRON humanoid robot would enter mass production by the end of next year.\n"
)
STORY_ZH = ["小鹏汽车表示，新一代IRON人形机器人将于明年底实现规模量产。", "该公司还表示，Robotaxi将于明年在广州开启试运营。"]
STORY_EN = [p for p in BODY_EN.split("\n") if p]
HEADLINE_ZH = "小鹏IRON机器人明年底量产"
HEADLINE_EN = "XPeng to start robotaxi trials in Guangzhou next year"


def paragraphs(text: str) -> list[str]:
    return [p.text for p in parse_article("probe.txt", text, {}).article.paragraphs]


def value(found):
    return found.value if found else None


@pytest.mark.parametrize("tagline, headline, byline, body, story", [
    ("专业的汽车科技媒体", HEADLINE_ZH, "记者 王小明\n2025-11-06 10:00", BODY_ZH, STORY_ZH),
    ("中国领先的新能源汽车资讯平台", HEADLINE_ZH, "2025-11-06 10:00", BODY_ZH, STORY_ZH),
    ("有態度的科技新聞門戶", "小鵬IRON機器人明年底量產", "2025-11-06 10:00", BODY_ZH, STORY_ZH),
    ("Your daily dose of EV news", HEADLINE_EN, "Nov 5, 2025", BODY_EN, STORY_EN),
    ("Electric vehicle news, reviews and analysis", HEADLINE_EN, "By Jane Doe\nNov 5, 2025", BODY_EN, STORY_EN),
])
@pytest.mark.parametrize("masthead", ["", "某某汽车网\n"])
def test_a_sites_tagline_above_the_headline_is_neither_the_title_nor_text(masthead, tagline, headline, byline, body, story):
    text = f"{masthead}{tagline}\n{headline}\n{byline}\n\n{body}"
    assert value(read_header(text).title) == headline
    assert paragraphs(text) == story


@pytest.mark.parametrize("headline", [
    "小鹏发布全球首个量产的人形机器人平台",  # a headline may end in the word a tagline ends in
    "XPeng stock news: shares jump after robot reveal",
])
def test_a_headline_that_ends_like_a_tagline_is_still_the_headline(headline):
    header = read_header(f"{headline}\n2025-11-06 10:00\n\n{BODY_ZH}")
    assert value(header.title) == headline


@pytest.mark.parametrize("ticker", [
    "XPEV  +3.21%", "XPEV 21.33 +0.45 (+2.15%)", "$XPEV", "$XPEV $NIO $LI", "NYSE: XPEV", "(NYSE: XPEV)", "NASDAQ: NIO",
    "小鹏汽车-W (09868.HK)", "小鵬汽車 (09868-HK)(XPEV-US)", "小鹏汽车-W 09868.HK +3.21%", "港股：09868", "XPeng Inc. (NYSE: XPEV)",
    "+3.21%", "(+2.15%)",
])
@pytest.mark.parametrize("where", ["under the byline", "between paragraphs", "at the end"])
def test_a_line_that_is_only_a_ticker_or_a_quote_is_not_a_paragraph(ticker, where):
    first, second = STORY_EN
    lines = {
        "under the byline": [HEADLINE_EN, "By Jane Doe", "Nov 5, 2025", ticker, "", first, "", second],
        "between paragraphs": [HEADLINE_EN, "By Jane Doe", "Nov 5, 2025", "", first, "", ticker, "", second],
        "at the end": [HEADLINE_EN, "By Jane Doe", "Nov 5, 2025", "", first, "", second, "", ticker],
    }[where]
    assert paragraphs("\n".join(lines)) == STORY_EN


def test_a_bare_symbol_is_a_ticker_in_a_quote_box_and_a_word_elsewhere():
    box = f"{HEADLINE_EN}\nBy Jane Doe\nNov 5, 2025\nIn This Article:\nXPEV\n+8.21%\nNIO\n-1.30%\n\n{BODY_EN}"
    assert paragraphs(box) == STORY_EN
    heading = f"{HEADLINE_EN}\nBy Jane Doe\nNov 5, 2025\n\n{STORY_EN[0]}\n\nVLA\n\n{STORY_EN[1]}"
    assert "VLA" in paragraphs(heading)  # a section heading of one capitalised word is no ticker


@pytest.mark.parametrize("sentence", [
    "XPeng (NYSE: XPEV) shares rose 5% in New York on Wednesday.",
    "Shares of XPEV rose 3.21% to $21.33.",
    "$XPEV is up 40% this year, traders said.",
    "小鹏汽车-W（09868.HK）周三收涨4.2%。",
    "VLA 2.0",  # a version, not a quote
    "小鹏汽车（2025）",  # a year in brackets, not a code
])
def test_a_sentence_or_a_heading_that_mentions_a_ticker_stays(sentence):
    text = f"{HEADLINE_EN}\nBy Jane Doe\nNov 5, 2025\n\n{STORY_EN[0]}\n\n{sentence}\n\n{STORY_EN[1]}"
    assert sentence in paragraphs(text)


@pytest.mark.parametrize("box, story, author", [
    ("作者简介：张三，资深汽车记者，关注新能源与智能驾驶。", STORY_ZH, "张三"),
    ("作者簡介：陳大文，資深財經記者，專注科技股。", STORY_ZH, "陳大文"),
    ("关于作者\n张三，资深汽车记者，关注新能源与智能驾驶。", STORY_ZH, "张三"),
    ("张三\n资深汽车记者，关注新能源与智能驾驶。", STORY_ZH, "张三"),
    ("陳大文\n資深財經記者，專注新能源車及科技股報道。", STORY_ZH, "陳大文"),
    ("About the author: Jane Doe covers EVs and autonomous driving for Example News.", STORY_EN, "Jane Doe"),
    ("About the Author\nJane Doe is a senior reporter covering China's carmakers.", STORY_EN, "Jane Doe"),
    ("Jane Doe\nJane Doe covers electric vehicles for Example News from Shanghai.", STORY_EN, "Jane Doe"),
    ("Jane Doe\nShe is a reporter covering autonomous driving.", STORY_EN, "Jane Doe"),
])
def test_an_author_box_under_the_story_is_not_text_and_names_the_author(box, story, author):
    headline = HEADLINE_ZH if story is STORY_ZH else HEADLINE_EN
    body = BODY_ZH if story is STORY_ZH else BODY_EN
    text = f"{headline}\n2025-11-06 10:00\n\n{body}\n{box}\n"
    assert paragraphs(text) == story
    assert value(read_header(text).author) == author


def test_an_author_box_gives_way_to_the_byline_and_goes_before_the_editor_line():
    text = f"{HEADLINE_ZH}\n记者 王小明\n2025-11-06 10:00\n\n{BODY_ZH}\n张三\n资深汽车记者，关注新能源与智能驾驶。\n责任编辑：李四\n"
    header = read_header(text)
    assert (value(header.author), value(header.editor)) == ("王小明", "李四")
    assert paragraphs(text) == STORY_ZH


@pytest.mark.parametrize("ending", [
    "结语\n本报记者将持续关注此事。",  # a closing heading and sentence: the story's
    "何小鹏\n何小鹏表示，公司明年将推出更多车型，并加快海外布局，目前已进入欧洲多个市场。",  # a caption name, then a sentence of the story
    "Rollout\nThe commercial rollout still follows a tight, ambitious schedule.",
    "Jane Doe\nJane Doe, the company's spokeswoman, declined to comment on the timeline.",
])
def test_a_name_or_heading_over_the_last_sentence_is_not_an_author_box(ending):
    text = f"{HEADLINE_ZH}\n2025-11-06 10:00\n\n{BODY_ZH}\n{ending}\n"
    kept = paragraphs(text)
    assert ending.split("\n")[1] in kept


@pytest.mark.parametrize("source, outlet", [
    ("来源：科技频道", None),
    ("来源：汽车频道", None),
    ("來源：財經頻道", None),
    ("来源：财经栏目", None),
    ("来源：财经版", None),
    ("Source: Tech Desk", None),
    ("Source: Autos Channel", None),
    ("来源：新浪科技", "新浪"),  # a listed outlet, as before
    ("来源：澎湃新闻", "澎湃新闻"),
    ("来源：新浪科技频道", "新浪"),  # a listed outlet's channel names the outlet
    ("Source: Channel NewsAsia", "CNA (Singapore)"),  # a listed name with "channel" in it is the outlet
    ("来源：人民日报海外版", "人民日报海外版"),  # an edition, not a page of the paper
])
def test_a_channel_or_desk_after_a_source_label_is_not_the_outlet(source, outlet):
    header = read_header(f"{HEADLINE_ZH}\n2025-11-06 10:00 {source}\n\n{BODY_ZH}")
    assert value(header.outlet) == outlet
    assert value(header.author) is None  # "财经版" is no person either
    assert source not in header.body


def test_a_channel_after_a_source_label_leaves_the_outlet_to_the_rest_of_the_page():
    header = read_header(f"网易首页 > 网易汽车 > 正文\n{HEADLINE_ZH}\n2025-11-06 10:00　来源：汽车频道\n\n{BODY_ZH}")
    assert value(header.outlet) == "网易"
    header = read_header(f"{HEADLINE_EN}\nSource: Tech Desk\nNov 5, 2025\n\n{BODY_EN}\nCopyright © 2025 The Straits Times. All rights reserved.\n")
    assert value(header.outlet) == "The Straits Times"


def test_a_broken_rule_for_these_shapes_names_the_file_and_the_entry(tmp_path):
    from build_scripts.data import schema
    from build_scripts.reading.header import HEADER_FILE, load_rules

    broken = tmp_path / "header.yml"
    broken.write_text(HEADER_FILE.read_text(encoding="utf-8").replace("(?P<name>", "(?P<who>", 1), encoding="utf-8")
    with pytest.raises(schema.KnowledgeFileError, match=r"header\.yml.*author_box.*writer.*\(\?P<name>"):
        load_rules(broken)
