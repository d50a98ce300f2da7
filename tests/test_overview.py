"""A topic's overview is written from its own infobox and milestones, in Chinese and English, each fact cited."""
import dataclasses
import datetime as dt
import re

import pytest

from build_scripts.data.schema import KnowledgeFileError
from build_scripts.knowledge.compose import build_knowledge_base
from build_scripts.model import Corpus
from build_scripts.knowledge.overview import load_overview_wording
from build_scripts.reading.corpus import parse_article

IRON_LAUNCH = """小鹏IRON人形机器人正式发布。

新一代IRON全身拥有82个自由度，搭载3颗图灵AI芯片。

何小鹏表示，小鹏目标在2026年底实现IRON人形机器人的规模量产。"""

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
    assert "量产" in promise.zh and "2026 Q4" in promise.zh and "待兑现" in promise.zh and "2025-12-01" in promise.zh
    assert promise.en.startswith("Its main promise is mass production of IRON") and "upcoming" in promise.en
    assert any("2026年底" in c.quote for c in promise.citations)


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
