"""A sentence is listed on a topic page only when it is about that topic.

The fixture is shaped like the seeds (a launch-day report in Simplified, a
commentary in Traditional, an English wire story), with invented wording: a
sentence names several products, and only the one it is about lists it.
"""
import dataclasses
import datetime as dt

import pytest

from build_scripts.data.schema import KnowledgeFileError
from build_scripts.knowledge.classify import load_aboutness
from build_scripts.knowledge.compose import build_knowledge_base
from build_scripts.model import Corpus
from build_scripts.pages.render_topics import render_topic_page
from build_scripts.reading.corpus import parse_article

LAUNCH = """小鹏科技日发布四款物理AI产品

活动当天，小鹏汽车发布了第二代VLA、Robotaxi、全新IRON以及两款飞行汽车，展示了物理AI的整体布局。

小鹏Robotaxi搭载4颗图灵AI芯片，在暴雨、夜间和隧道里都能稳定识别行人，面向L4级无人驾驶设计。

在第二代VLA的赋能下，小鹏Robotaxi可以在没有高精地图的城市快速开通服务。

全新IRON搭载3颗图灵AI芯片，拥有仿生脊椎、柔性皮肤和可以换装的外壳。它还能在展厅中为访客讲解车型。

同时，小鹏图灵AI芯片采用自研的神经网络架构，功耗比同类芯片更低。

为了让第二代VLA顺利量产上车，小鹏针对图灵AI芯片重写了编译器。

云端世界基座模型完成了新一轮训练，未来可驱动汽车、Robotaxi、IRON和飞行汽车等多种终端。

对于第二代VLA，何小鹏宣布将向全球合作伙伴开源。"""

COMMENTARY = """小鵬押注物理AI

搭載第二代VLA的全新IRON則擁有更靈活的腰部關節，轉身時不再僵硬。

隨著第二代VLA帶來的能力提升，小鵬Robotaxi的鋪開不再依賴人工標注。

特斯拉的Robotaxi目前仍配有安全員，商業化進度落後於預期。"""

WIRE = """XPeng shows its flying car in the Gulf

XPeng's Robotaxi uses four Turing chips, needs no lidar and will carry passengers in three cities next year.

The Land Aircraft Carrier flew over the bay on Saturday in front of investors.

The aircraft is steered with a single joystick and can also fly itself.

XPeng says its new model gives a foundation to many fields, such as driving assistance, humanoid robots and flying cars."""


def _article(text: str, name: str, date: dt.date):
    return dataclasses.replace(parse_article(name, text, {}).article, date=date)


@pytest.fixture(scope="module")
def pages():
    corpus = Corpus(articles=(
        _article(LAUNCH, "launch.txt", dt.date(2025, 11, 5)),
        _article(COMMENTARY, "commentary.txt", dt.date(2025, 11, 7)),
        _article(WIRE, "wire.txt", dt.date(2025, 11, 9)),
    ), problems=())
    return {page.topic.slug: page for page in build_knowledge_base(corpus).topics}


def listed(page) -> list[str]:
    """Every sentence a topic page lists, each quote of each item (an item may merge several sentences)."""
    return [c.quote for x in (*page.facts, *page.opinions) for c in x.citations]


def on_page(page, words: str) -> bool:
    return any(words in quote for quote in listed(page))


# --- mentioned in passing: not listed -----------------------------------------------


def test_a_model_sentence_naming_iron_among_its_uses_is_not_on_the_iron_page(pages):
    assert on_page(pages["world-model"], "云端世界基座模型完成了新一轮训练")
    assert not on_page(pages["iron"], "云端世界基座模型完成了新一轮训练")
    assert not on_page(pages["robotaxi"], "云端世界基座模型完成了新一轮训练")


def test_the_chips_a_product_carries_put_its_sentence_on_the_products_page_not_the_chips(pages):
    # listed, or shown above the lists already: its clauses are the Robotaxi's chip count and autonomy level
    assert on_page(pages["robotaxi"], "小鹏Robotaxi搭载4颗图灵AI芯片") or any(
        "小鹏Robotaxi搭载4颗图灵AI芯片" in c.quote for c in pages["robotaxi"].infobox.citations)
    assert on_page(pages["iron"], "全新IRON搭载3颗图灵AI芯片")
    assert not on_page(pages["turing-chip"], "小鹏Robotaxi搭载4颗图灵AI芯片")
    assert not on_page(pages["turing-chip"], "全新IRON搭载3颗图灵AI芯片")
    assert on_page(pages["robotaxi"], "XPeng's Robotaxi uses four Turing chips")
    assert not on_page(pages["turing-chip"], "XPeng's Robotaxi uses four Turing chips")


def test_a_launch_sentence_listing_several_products_is_on_none_of_their_pages(pages):
    for page in pages.values():
        assert not on_page(page, "活动当天，小鹏汽车发布了第二代VLA")


def test_a_topic_named_in_a_framing_clause_does_not_get_the_sentence(pages):
    # 在…的赋能下 / 隨著… (Traditional) frame the sentence; the Robotaxi is what it is about.
    for words in ("在第二代VLA的赋能下", "隨著第二代VLA帶來的能力提升"):
        assert on_page(pages["robotaxi"], words)
        assert not on_page(pages["second-gen-vla"], words)


def test_a_product_described_by_a_relative_clause_is_the_subject_not_the_product_in_it(pages):
    assert on_page(pages["iron"], "搭載第二代VLA的全新IRON")
    assert not on_page(pages["second-gen-vla"], "搭載第二代VLA的全新IRON")


def test_another_companys_product_of_the_same_kind_is_not_listed(pages):
    assert not on_page(pages["robotaxi"], "特斯拉的Robotaxi目前仍配有安全員")


def test_products_given_as_examples_are_not_the_sentences_subject(pages):
    assert not on_page(pages["flying-cars"], "such as driving assistance, humanoid robots and flying cars")
    assert not on_page(pages["iron"], "such as driving assistance, humanoid robots and flying cars")


def test_no_listed_sentence_is_about_another_page_only(pages):
    # Every list item of every page quotes a sentence that names the page's
    # topic as its subject, or refers back to a sentence that does.
    about = {
        "second-gen-vla": ("对于第二代VLA",),
        "robotaxi": ("小鹏Robotaxi搭载", "在第二代VLA的赋能下", "隨著第二代VLA", "XPeng's Robotaxi"),
        "iron": ("全新IRON搭载", "它还能在展厅中", "搭載第二代VLA的全新IRON"),
        "turing-chip": ("小鹏图灵AI芯片采用自研", "为了让第二代VLA顺利量产上车"),
        "world-model": ("云端世界基座模型完成了",),
        "flying-cars": ("The Land Aircraft Carrier", "The aircraft is steered"),
    }
    for slug, page in pages.items():
        for quote in listed(page):
            assert any(words in quote for words in about[slug]), f"{slug} lists a sentence not about it: {quote}"


# --- about the topic: listed -----------------------------------------------------------


def test_a_sentence_whose_subject_is_the_chip_is_on_the_chip_page(pages):
    assert on_page(pages["turing-chip"], "小鹏图灵AI芯片采用自研的神经网络架构")


def test_a_topic_introduced_by_duiyu_is_what_the_sentence_is_about(pages):
    assert on_page(pages["second-gen-vla"], "对于第二代VLA，何小鹏宣布将向全球合作伙伴开源")


def test_a_sentence_opening_with_a_pronoun_is_about_what_the_sentence_before_was(pages):
    assert on_page(pages["iron"], "它还能在展厅中为访客讲解车型")


def test_a_sentence_opening_with_the_topics_word_continues_the_paragraph_before(pages):
    # "The aircraft …" follows a paragraph about the Land Aircraft Carrier.
    assert on_page(pages["flying-cars"], "The aircraft is steered with a single joystick")


def test_the_only_topic_a_sentence_names_gets_it_even_as_an_object(pages):
    # No topic is the subject ("小鹏针对图灵AI芯片…"): the one the main clause names gets it.
    assert on_page(pages["turing-chip"], "小鹏针对图灵AI芯片重写了编译器")
    assert not on_page(pages["second-gen-vla"], "小鹏针对图灵AI芯片重写了编译器")


def test_the_rendered_page_has_no_passing_mentions_section(pages):
    markdown = render_topic_page(pages["iron"])
    assert "云端世界基座模型完成了新一轮训练" not in markdown
    assert "全新IRON搭载3颗图灵AI芯片" in markdown


# --- the cue words are knowledge, checked when read ----------------------------------


def test_a_broken_cue_list_in_signals_yml_stops_the_build_naming_the_file_and_key(tmp_path):
    broken = tmp_path / "signals.yml"
    broken.write_text(
        "competitor_cues: [特斯拉]\nown_cues: [小鹏]\nside_frames: [为了]\nside_frame_ends: [之后]\n"
        "topic_frames: [对于]\nobject_cues: 搭载\nlist_cues: [包括]\npronoun_cues: [它]\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeFileError) as error:
        load_aboutness(broken)
    assert "signals.yml" in str(error.value) and "object_cues" in str(error.value)


def test_an_english_judgement_starting_with_a_capital_is_an_opinion_not_a_fact():
    corpus = Corpus(articles=(_article(
        "XPeng robot news\n\nXPeng's IRON humanoid robot walks with a human gait on stage.\n\n"
        "In other words, XPeng's IRON humanoid robot is ahead of every rival in the industry.",
        "judgement.txt", dt.date(2025, 11, 9)),), problems=())
    iron = next(p for p in build_knowledge_base(corpus).topics if p.topic.slug == "iron")
    assert [x.text[:14] for x in iron.opinions] == ["In other words"]
    assert not any(x.text.startswith("In other words") for x in iron.facts)
