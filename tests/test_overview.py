"""A topic's overview is written from its own infobox and milestones, in Chinese and English, each fact cited."""
import dataclasses
import datetime as dt
import re

import pytest

from build_scripts.data.schema import KnowledgeFileError
from build_scripts.knowledge.compose import build_knowledge_base
from build_scripts.model import Corpus
from build_scripts.knowledge.overview import compose_overview, date_words, load_overview_wording, spaced
from build_scripts.knowledge.timing import Period
from build_scripts.reading.corpus import parse_article

IRON_LAUNCH = """小鹏IRON人形机器人正式发布。

新一代IRON全身拥有82个自由度，搭载3颗图灵AI芯片。

何小鹏表示，小鹏目标在2026年底实现IRON人形机器人的规模量产。"""

VLA_NEWS = """小鹏第二代VLA开启路测。

小鹏第二代VLA使用近1亿段视频片段训练，复杂小路的平均接管里程提升了13倍。"""

IRON_LATER = """IRON humanoid robot enters factory.

XPeng's IRON humanoid robot has 82 degrees of freedom, the company said."""


def article(text: str, date: dt.date, name: str):
    first, _, body = text.partition("\n\n")
    return dataclasses.replace(parse_article(name, first + "\n\n" + body, {}).article, date=date)


@pytest.fixture(scope="module")
def iron_page():
    corpus = Corpus(articles=(article(IRON_LATER, dt.date(2025, 12, 1), "b.txt"), article(IRON_LAUNCH, dt.date(2025, 11, 6), "a.txt")), problems=())
    kb = build_knowledge_base(corpus)
    return next(p for p in kb.topics if p.topic.slug == "iron"), corpus


def test_the_overview_states_the_headline_figure_with_its_citation(iron_page):
    page, _ = iron_page
    figures = next(s for s in page.lead if "自由度" in s.zh)
    assert "82" in figures.zh and "82 degrees of freedom" in figures.en
    assert any("82" in c.quote for c in figures.citations)


def test_the_overview_states_the_main_promise_with_its_status_as_of_the_newest_source(iron_page):
    page, _ = iron_page
    promise = page.lead[-1]
    # Dates as people write them, the status in words, the topic called 其 once it has been named.
    assert promise.zh == "按计划，其量产定于 2026 年第四季度；截至 2025 年 12 月 1 日，尚未到期。"
    assert promise.en == "Its mass production is due in Q4 2026; as of 1 December 2025, it is not yet due."
    assert any("2026年底" in c.quote for c in promise.citations)


def test_the_topic_is_named_once_then_called_it(iron_page):
    page, _ = iron_page
    first, *rest = [s.zh for s in page.lead]
    assert first.startswith("IRON")
    assert rest and not any("IRON" in s for s in rest), rest
    assert "其" in rest[0]


def test_what_the_topic_is_is_said_only_with_a_source_for_it(iron_page):
    page, corpus = iron_page
    wording = load_overview_wording()
    # The seeds' source for "IRON 是小鹏的人形机器人" is not in this corpus: the overview does not define it.
    assert not any("人形机器人" in s.zh for s in page.lead)
    cited = dict(wording, topics={**wording["topics"], "iron": {**wording["topics"]["iron"],
                                                                   "cite": {"source": "a.txt", "quote": "小鹏IRON人形机器人正式发布"}}})
    first = compose_overview(page, dt.date(2025, 12, 1), cited)[0]
    assert first.zh == "IRON 是小鹏的人形机器人。"
    assert any(c.quote == "小鹏IRON人形机器人正式发布" for c in first.citations)
    wrong = dict(cited, topics={**cited["topics"], "iron": {**cited["topics"]["iron"], "cite": {"source": "a.txt", "quote": "不在文中"}}})
    with pytest.raises(KnowledgeFileError, match=r"overview\.yml topic 'iron'.*a\.txt"):
        compose_overview(page, dt.date(2025, 12, 1), wrong)


def test_dates_read_as_people_write_them():
    week = Period(dt.date(2025, 4, 14), dt.date(2025, 4, 20), "week")
    assert date_words(week, "zh") == "2025年4月14日至20日" and date_words(week, "en") == "14 April 2025 – 20 April 2025"
    assert spaced(date_words(Period(dt.date(2025, 11, 1), dt.date(2025, 11, 30), "month"), "zh")) == "2025 年 11 月"
    assert date_words(Period(dt.date(2026, 7, 1), dt.date(2026, 12, 31), "half"), "zh") == "2026年下半年"
    assert date_words(Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31), "quarter"), "en") == "Q4 2026"
    assert date_words(dt.date(2025, 11, 5), "zh") == "2025年11月5日"


def test_a_value_carries_its_qualifier_once_and_the_condition_every_source_states():
    corpus = Corpus(articles=(article(VLA_NEWS, dt.date(2025, 11, 10), "v.txt"),), problems=())
    page = next(p for p in build_knowledge_base(corpus).topics if p.topic.slug == "second-gen-vla")
    figures = next(s for s in page.lead if "接管里程" in s.zh)
    assert "提升 13 倍（复杂小路）" in figures.zh, figures.zh
    assert "近 1 亿段" in figures.zh and "近近" not in figures.zh and "≈" not in figures.zh


def test_no_overview_sentence_is_lifted_from_an_article(iron_page):
    page, corpus = iron_page
    paragraphs = [p.text for a in corpus.articles for p in a.paragraphs]
    for sentence in page.lead:
        assert not any(sentence.zh.rstrip("。") in text for text in paragraphs), sentence.zh
        assert sentence.en and re.fullmatch(r"[\x20-\x7e’–—…éü²…（）]+", sentence.en), sentence.en  # English only


def test_every_overview_citation_quotes_its_paragraph(iron_page):
    page, _ = iron_page
    for sentence in page.lead:
        for citation in sentence.citations:
            assert citation.quote in citation.article.paragraph(citation.paragraph_id).text


def test_an_overview_wording_file_without_english_is_refused_naming_the_file(tmp_path):
    broken = tmp_path / "overview.yml"
    broken.write_text(
        "max_figures: 3\nsentences:\n  what: {zh: '{title}是{what}。'}\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=r"overview\.yml.*line"):
        load_overview_wording.__wrapped__(broken)


def test_a_promise_kept_late_is_noted_in_the_overviews_own_language_only():
    import datetime as dt
    from build_scripts.knowledge.overview import _promise, load_overview_wording
    from build_scripts.knowledge.milestones import Milestone
    from build_scripts.knowledge.timing import Period
    late = Milestone(id="m", topic="second-gen-vla", subject="第二代VLA", kind="rollout", kind_label="推送上车",
                     due=Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31), "quarter"), announced=dt.date(2025, 11, 6),
                     status="done", status_note="最早的报道在 2026-06-03 · first reported 2026-06-03", done=None,
                     moved_to=None, plans=(), reports=())
    names = {"zh": ("第二代 VLA", "其"), "en": ("the VLA", "its")}
    sentence = _promise(load_overview_wording(), late, dt.date(2026, 6, 3), lambda subject: names)
    assert "最早的报道在 2026-06-03" in sentence.zh and "first reported" not in sentence.zh
