"""Numbers, units and dates as the sources write them."""
import datetime as dt

import pytest

from build_scripts.knowledge.classify import Passage
from build_scripts.knowledge.extract import extract_figures
from build_scripts.knowledge.milestones import extract_sightings
from build_scripts.knowledge.taxonomy import load_topics
from build_scripts.knowledge.timing import read_times
from build_scripts.reading.language import to_simplified
from build_scripts.model import Article, Paragraph


def passage(text: str, published=dt.date(2025, 11, 10), language="zh-Hans") -> Passage:
    paragraph = Paragraph(id="p-000000", text=text)
    article = Article(
        slug="x", file_name="x.txt", title="t", outlet="测试网", author="", date=published,
        language=language, paragraphs=(paragraph,),
    )
    from build_scripts.knowledge.classify import simplified_same_length

    return Passage(article, paragraph, text, simplified_same_length(text), 0, "", {"robotaxi": 5.0})


def figures(text: str):
    return [(f.value, f.unit, f.qualifier) for f in extract_figures(passage(text))]


@pytest.mark.parametrize(
    "text",
    ["车端算力高达3,000T0PS", "车端算力达3000TOPS", "车端算力达 3 000 TOPS", "车端算力达３０００ＴＯＰＳ", "車端算力達3000TOPS"],
)
def test_tops_written_five_ways_is_one_value(text):
    assert figures(text) == [(3000.0, "TOPS", "")]


def test_chinese_magnitudes_scale_the_number():
    assert figures("数据训练量接近1亿clips") == [(100_000_000.0, "clips", "nearly")]
    assert figures("相当于一个普通人驾驶6.5万年遇到的极限场景") == [(65_000.0, "years", "")]
    assert figures("视频数据量已达到 2000 万 clips") == [(20_000_000.0, "clips", "")]


def test_english_million_and_billion():
    assert figures("XPeng collected nearly 100 million clips of data") == [(100_000_000.0, "clips", "nearly")]
    assert figures("a 72B model") == [(72_000_000_000.0, "parameters", "")]


def test_one_figure_said_three_ways_in_one_sentence_is_counted_once():
    found = figures("正在推进 72B（72 Billion，即 720 亿）超大规模参数世界基座模型的研发")
    assert found == [(72_000_000_000.0, "parameters", "")]


def test_unitless_amount_takes_the_unit_named_right_after_it():
    assert figures("烧了20多亿的研发费用、近1亿视频Clips") == [(2_000_000_000.0, "cny", "over"), (100_000_000.0, "clips", "nearly")]


def test_years_model_names_and_ordinals_are_not_figures():
    assert figures("2026年推出A868和X9，第七届科技日在ICCV 2025前举办") == []


def test_qualifier_after_the_number():
    assert figures("集群运行效率常年保持在 90% 以上") == [(90.0, "percent", "over")]


def test_clause_is_the_source_words_around_the_number():
    (figure,) = extract_figures(passage("满产状态下, 生产线每30分钟可下线一台飞行器, 将加速量产。"))
    assert figure.clause == "生产线每30分钟可下线一台飞行器"


# Dates are read by the published time rules (knowledge/timing.py, data/time_rules.yml):
# the same cases as before, now as periods at the source's precision.


def times(text: str, published=dt.date(2025, 11, 10)):
    return [(m.period.label if m.period else None, m.relative) for m in read_times(to_simplified(text), published)]


def test_relative_next_year_quarter_resolves_against_publication_date():
    assert times("明年第一季度,小鵬汽車將面向Ultra車型全量推送第二代VLA。") == [("2026 Q1", True)]


def test_this_years_quarter_in_traditional_chinese_resolves():
    assert times("那是小鵬智駕團隊在今年二季度的一次日常VLA測試。") == [("2025 Q2", True)]


@pytest.mark.parametrize("text, expected", [
    ("小鵬將於本季向用戶推送第二代VLA。", [("2025 Q4", True)]),
    ("小鵬下季將量產IRON機器人。", [("2026 Q1", True)]),
    ("小鵬上季已完成路測。", [("2025 Q3", True)]),
    ("小鵬今季推出Robotaxi。", [("2025 Q4", True)]),
])
def test_a_quarter_written_ji_as_taiwan_and_hong_kong_do(text, expected):
    assert times(text) == expected


def test_last_year_with_month():
    assert times("小鹏于去年 7 月就宣布了量产端到端大模型上车。", dt.date(2025, 4, 17)) == [("2024-07", True)]


def test_explicit_dates_are_not_marked_resolved():
    assert times("2025年12月底,小鹏汽车将邀请先锋用户共创体验第二代VLA,2026年第一季度将全量推送。") == [
        ("2025-12", False), ("2026 Q1", False),
    ]


def test_english_month_year_and_quarter():
    assert times("It will begin in December 2025 and roll out in the first quarter of 2026.", dt.date(2025, 11, 6)) == [
        ("2025-12", False), ("2026 Q1", False),
    ]


@pytest.mark.parametrize("text, expected", [
    # a year's end written 年末 or 年尾 (Hong Kong, Taiwan) after the year, as 年底 is; 年初步 is no time word
    ("小鹏IRON计划于2026年末量产。", [("2026 Q4", False)]),
    ("小鵬IRON計劃於2026年尾量產。", [("2026 Q4", False)]),
    ("小鹏IRON计划2026年初步实现量产。", [("2026", False)]),
    # a year in Han digits
    ("小鵬IRON計劃於二〇二六年量產。", [("2026", False)]),
    # analysts' shorthand for halves and quarters
    ("XPeng aims to mass-produce IRON in 2H26.", [("2026 H2", False)]),
    ("XPeng aims to mass-produce IRON in 4Q26 or Q1'27.", [("2026 Q4", False), ("2027 Q1", False)]),
    ("The G7 carries 3H26 parts.", []),
])
def test_more_ways_of_writing_a_part_of_a_year(text, expected):
    assert times(text) == expected


def test_english_next_year_resolves():
    assert times("XPeng will launch three Robotaxi models next year.") == [("2026", True)]


def test_yesterday_resolves_to_the_day_before_publication():
    assert times("昨天，小鹏又宣布开启自研 AI 芯片计划。", dt.date(2025, 4, 17)) == [("2025-04-16", True)]


def test_this_year_alone_in_a_past_sentence_is_no_milestone():
    assert extract_sightings(passage("它成了小鹏今年最惊艳的一款产品。"), load_topics()) == []


def test_month_day_takes_the_publication_year():
    assert times("汇天飞行汽车量产工厂已于11月3日试产并顺利下线首台陆地航母飞行器。") == [("2025-11-03", True)]


def test_relative_dates_need_a_publication_date():
    assert times("明年推出三款车型。", published=None) == [(None, True)]



def _first_characters(parsed) -> tuple[set, bool]:
    """What a match of a parsed pattern (re's parser) can start with, and whether it can match nothing:
    {("char", code), ("range", low, high), ("category", name), ("any",)}."""
    first: set = set()
    for op, value in parsed:
        op = str(op)
        if op in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: the next item starts the match
        if op == "LITERAL":
            item, can_be_empty = {("char", value)}, False
        elif op == "IN":
            item = {("char", v) if str(o) == "LITERAL" else ("range", *v) if str(o) == "RANGE" else ("category", str(v))
                    if str(o) == "CATEGORY" else ("any",) for o, v in value}
            can_be_empty = False
        elif op == "BRANCH":
            branches = [_first_characters(branch) for branch in value[1]]
            item, can_be_empty = set().union(*(b[0] for b in branches)), any(b[1] for b in branches)
        elif op == "SUBPATTERN":
            item, can_be_empty = _first_characters(value[-1])
        elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            item, can_be_empty = _first_characters(value[2])
            can_be_empty = can_be_empty or value[0] == 0
        else:  # any character, a back reference…
            item, can_be_empty = {("any",)}, False
        first |= item
        if not can_be_empty:
            return first, False
    return first, True


def test_every_time_starts_with_a_character_the_time_patterns_lookahead_lets_through():
    """timing.py scans for times behind a lookahead on their first characters (a digit or a rule word's
    first): whatever alternative is added to the pattern, each must start with one of them."""
    import re

    try:
        from re import _parser as parser
    except ImportError:  # Python before 3.11
        import sre_parse as parser
    from build_scripts.knowledge import timing

    rules = timing.load_time_rules()
    lookahead = re.match(r"\(\?=(\[(?:\\.|[^\]\\])*\])\)", rules.pattern.pattern)
    assert lookahead, "the pattern starts with its lookahead"
    allowed = re.compile(lookahead[1])
    first, can_be_empty = _first_characters(parser.parse(rules.pattern.pattern[lookahead.end():]))
    assert not can_be_empty
    for what in first:
        if what[0] == "char":
            assert allowed.match(chr(what[1])), chr(what[1])
        elif what[0] == "range":
            assert all(allowed.match(chr(c)) for c in range(what[1], what[2] + 1)), what
        else:
            assert what == ("category", "CATEGORY_DIGIT") and allowed.match("٣"), what


def test_the_time_patterns_lookahead_skips_no_time_the_plain_alternation_finds():
    """timing.py scans for times behind a lookahead on their first characters (a digit or a rule word):
    every rule word, in any surroundings, must be found as the alternation without it finds it."""
    import random
    import re

    from build_scripts.knowledge import timing

    rules = timing.load_time_rules()
    lookahead = re.match(r"\(\?=\[(?:\\.|[^\]\\])*\]\)", rules.pattern.pattern)
    assert lookahead, "the pattern starts with its lookahead"
    plain = re.compile(rules.pattern.pattern[lookahead.end():])
    words = [*timing.ENGLISH_MONTHS, *rules.undated, *rules.same_day,
             *(word for name in timing.SECTIONS for word in getattr(rules, name))]
    around = ["", "在", "将于", "小鹏", "the ", "on ", "3", "2026年", "12月", "年", "5日", " ", "，", "第", "款", "a", "一"]
    rng = random.Random(3)
    texts = [f"{a}{w}{b}" for w in words for a in around for b in ("", "发布", "3月", "年", " 2026", "日")]
    texts += ["".join(rng.choice(words + around + ["1", "20", "2026", "-", "至"]) for _ in range(12)) for _ in range(3000)]
    for text in texts:
        found = [(m.span(), m.groupdict()) for m in rules.pattern.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
