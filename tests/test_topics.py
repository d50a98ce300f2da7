"""Topic pages: the right sentence, figure and date on the right page, each cited."""
import dataclasses
import datetime as dt
import re

import pytest

from build_scripts.knowledge.classify import classify_article, split_sentences
from build_scripts.knowledge.compose import CitationError, build_knowledge_base, verify_citations
from build_scripts.knowledge.corroborate import Citation
from build_scripts.knowledge.infobox import Infobox
from build_scripts.model import Corpus
from build_scripts.reading.corpus import load_corpus, parse_article
from build_scripts.knowledge.taxonomy import load_topics
from conftest import SEEDS, page

TOPIC_SLUGS = ["second-gen-vla", "robotaxi", "iron", "flying-cars", "turing-chip", "world-model"]


def article(text: str, date=dt.date(2025, 11, 10), name="t.txt"):
    return dataclasses.replace(parse_article(name, "标题\n\n" + text, {}).article, date=date)


def scores(text: str) -> list[dict]:
    return [p.scores for p in classify_article(article(text), load_topics())]


# --- classification -----------------------------------------------------------


def test_traditional_sentence_lands_on_the_topic_named_in_simplified_aliases():
    (only,) = scores("小鵬全新一代IRON人形機器人擁有82個自由度。")
    assert set(only) == {"iron"}


def test_english_alias_reaches_the_topic():
    (only,) = scores("The Land Aircraft Carrier enters mass production.")
    assert "flying-cars" in only


def test_passing_mention_in_a_list_ranks_below_a_sentence_about_the_topic():
    about, listing = scores("陆地航母已正式进入量产前夜。\n\n小鹏发布了第二代VLA、Robotaxi、IRON和飞行汽车。")
    assert about["flying-cars"] > listing.get("flying-cars", 0)


def test_sentence_continuing_a_paragraph_about_one_topic_inherits_it():
    first, second = scores("小鹏全新一代IRON的设计理念是由内而生。全身拥有82个自由度。")
    assert "iron" in second


def test_unrelated_sentence_is_on_no_topic():
    (only,) = scores("今天天气很好，大家去公园散步。")
    assert only == {}


def test_multi_sentence_quotation_is_one_sentence():
    assert split_sentences("他说：「第一句。第二句。」然后走了。") == ["他说：「第一句。第二句。」", "然后走了。"]


def test_an_abbreviations_full_stop_does_not_end_an_english_sentence():
    assert split_sentences("The robot walked on stage in Shenzhen on Nov. 5, 2025. It then waved.") == [
        "The robot walked on stage in Shenzhen on Nov. 5, 2025.", "It then waved.",
    ]
    assert split_sentences("Acme Motors Inc. ACME will build the car with Beta Corp. in Graz. Output starts in May.") == [
        "Acme Motors Inc. ACME will build the car with Beta Corp. in Graz.", "Output starts in May.",
    ]
    # A word that also ends sentences is no abbreviation: the sentence still ends.
    assert split_sentences("Asked about a price cut, he said no. Sales rose.") == ["Asked about a price cut, he said no.", "Sales rose."]


# --- citations -------------------------------------------------------------------


def test_citation_verification_fails_the_build_naming_topic_quote_and_source():
    kb = build_knowledge_base(load_corpus(SEEDS))
    robotaxi = next(p for p in kb.topics if p.topic.slug == "robotaxi")
    row = next(r for r in robotaxi.infobox.rows if r.id == "robotaxi-compute")
    good = row.facts[0].claims[0].citation
    wrong = Citation(good.article, good.paragraph_id, "车端算力高达9,999T0PS")
    broken_claim = dataclasses.replace(row.facts[0].claims[0], citation=wrong)
    broken_value = dataclasses.replace(row.facts[0], claims=(broken_claim,), citations=(wrong,))
    broken_row = dataclasses.replace(row, facts=(broken_value,))
    broken = dataclasses.replace(robotaxi, infobox=Infobox((broken_row,)))
    with pytest.raises(CitationError) as error:
        verify_citations(broken)
    message = str(error.value)
    assert "robotaxi" in message and "9,999T0PS" in message and good.article.file_name in message


def test_every_citation_of_the_seed_site_quotes_its_paragraph():
    kb = build_knowledge_base(load_corpus(SEEDS))
    for topic_page in kb.topics:
        verify_citations(topic_page)  # raises on the first bad quote
        assert topic_page.citations


def test_a_new_article_lands_on_the_right_topic_without_code_change(tmp_path):
    corpus = load_corpus(SEEDS)
    new = article("小鹏汇天宣布陆地航母将于2026年3月开始交付，首批交付1000台。", dt.date(2025, 12, 1), "010_new.txt")
    kb = build_knowledge_base(Corpus(articles=corpus.articles + (new,), problems=()))
    flying = next(p for p in kb.topics if p.topic.slug == "flying-cars")
    assert any(c.article.file_name == "010_new.txt" for c in flying.citations)
    assert any(m.due and m.due.label == "2026-03" and m.kind == "delivery" for m in flying.timeline)
    robotaxi = next(p for p in kb.topics if p.topic.slug == "robotaxi")
    assert not any(c.article.file_name == "010_new.txt" for c in robotaxi.citations)


# --- the built pages ----------------------------------------------------------------


def figure_row(html, figure_id):
    """The infobox row with this id, or the row an older key-figure id (`fig-…`) lands on."""
    row = html.select_one(f"#{figure_id}")
    assert row is not None, f"no figure row #{figure_id}"
    if "kb-old-anchor" in row.get("class", []):
        row = row.parent
    assert "kb-figure" in row.get("class", []), f"#{figure_id} is not in an infobox row"
    return row


def cited_sources(element) -> set[str]:
    return {re.search(r"sources/([^/]+)/", a["href"]).group(1) for a in element.select("a.kb-cite")}


def test_six_topic_pages_exist_with_all_sections(seed_site):
    for slug in TOPIC_SLUGS:
        html = page(seed_site, f"topics/{slug}/")
        for section in ("lead", "figures", "timeline", "sources-say", "related", "sources"):
            assert html.select_one(f"#{section}"), (slug, section)
        assert html.select("#lead ~ p a.kb-cite"), f"{slug}: lead has no citation"


def test_flying_car_page_has_the_one_aircraft_every_30_minutes_line_cited(seed_site):
    html = page(seed_site, "topics/flying-cars/")
    row = figure_row(html, "fig-minutes-30")  # the old key-figure link lands on the infobox row
    assert row["id"] == "flying-car-factory-takt-time"
    assert "30 分钟" in row.get_text() and "满产节拍" in row.get_text()
    link = row.select_one("a.kb-cite")
    assert link["href"].startswith("../../sources/000_8aa7ed600137bead/#p-")
    assert "每30分钟" in link["title"]
    paragraph_id = link["href"].split("#")[1]
    source = page(seed_site, "sources/000_8aa7ed600137bead/")
    assert "生产线每30分钟可下线一台飞行器" in source.select_one(f"#{paragraph_id}").get_text()


def test_cluster_efficiency_is_the_cloud_clusters_and_super_lcc_is_cited(seed_site):
    row = figure_row(page(seed_site, "topics/world-model/"), "fig-percent-90")
    assert row["id"] == "model-factory-cluster-utilisation"
    assert "90" in row.get_text() and row.select_one("a.kb-cite")
    html = page(seed_site, "topics/second-gen-vla/")
    super_lcc = [li for li in html.select("li") if "Super LCC" in li.get_text() and not li.find_parent(class_="kb-refs")]
    assert super_lcc and all(li.select_one("a.kb-cite") for li in super_lcc)


def test_tops_written_differently_by_two_sources_is_one_row_with_both(seed_site):
    row = figure_row(page(seed_site, "topics/robotaxi/"), "fig-tops-3000")
    assert cited_sources(row) == {"000_8aa7ed600137bead", "002_56d86afa678d481a"}
    assert "2 个来源" in row.get_text()


def test_clip_counts_of_different_models_and_times_are_not_shown_as_a_disagreement(seed_site):
    vla = page(seed_site, "topics/second-gen-vla/")
    assert "1 亿" in figure_row(vla, "vla2-training-clips").get_text()
    world = page(seed_site, "topics/world-model/")
    clips = figure_row(world, "world-model-training-clips").get_text()
    assert "2000 万" in clips and "2 亿" in clips and "目标" in clips  # a fact, then the year's target
    assert "1 亿" not in clips  # the VLA's training set is another model's
    for html in (vla, world):
        assert not html.select(".admonition.warning")


def test_timeline_is_sorted_and_marks_resolved_relative_dates(seed_site):
    html = page(seed_site, "topics/second-gen-vla/")
    entries = html.select("p.kb-event")
    labels = [e.select_one(".kb-when").get_text() for e in entries]
    assert "2026 Q1" in labels
    q1 = entries[labels.index("2026 Q1")]
    assert "按发布日期 2025-11-10 推算" in q1.get_text() and "明年第一季度" in q1.get_text()
    assert len(cited_sources(q1)) >= 3


def test_opinions_are_attributed_to_their_outlet(seed_site):
    html = page(seed_site, "topics/second-gen-vla/")
    # Every opinion, the folded ones too: the list's order is by source, not by topic.
    opinions = " ".join(ul.get_text() for ul in html.select_one("#opinions").find_all_next("ul") if ul.find_previous("h2") == html.select_one("#sources-say"))
    # In the page's script (Simplified), whatever the article's: 新皮層 writes 新皮层 here.
    assert "新皮层" in opinions and "拿掉L" in opinions


def test_competitor_figures_stay_off_the_key_figures(seed_site):
    html = page(seed_site, "topics/iron/")
    figures_text = " ".join(row.get_text() for row in html.select("p.kb-figure"))
    assert "Optimus" not in figures_text and "1000萬臺" not in figures_text
    assert "82 自由度" in figures_text and "14 %" not in figures_text  # the share price is no robot spec


def test_boilerplate_never_reaches_a_topic_page(seed_site):
    for slug in TOPIC_SLUGS:
        text = page(seed_site, f"topics/{slug}/").select_one("article").get_text()
        for phrase in ("免責聲明", "熱議股票", "感谢阅读", "特別聲明", "關注智駕網"):
            assert phrase not in text


def test_source_page_says_which_topics_cite_a_paragraph(seed_site):
    html = page(seed_site, "sources/000_8aa7ed600137bead/")
    cited_by = html.select("p.kb-cited-by a")
    assert any(a["href"].endswith("topics/flying-cars/") for a in cited_by)


def test_home_page_has_a_card_per_topic_and_latest_events(seed_site):
    html = page(seed_site, "")
    cards = html.select(".grid.cards li")
    assert len(cards) == 6
    assert all("来源" in card.get_text() and "数字" in card.get_text() for card in cards)
    latest = html.select_one("#latest").find_next("ul").select("li")
    assert latest and all(li.select_one("a.kb-cite") for li in latest)


@pytest.mark.parametrize("text", [
    "智元机器人的人形机器人已于今年开始量产。",
    "國內多家企業的人形機器人已開始量產。",
    "Agibot's humanoid robots entered mass production this year.",
    "人形机器人赛道竞争白热化。",  # the trade, not the robot
])
def test_another_makers_thing_of_a_topics_kind_is_listed_on_no_topic_page(text):
    assert [sorted(p.about_topics) for p in classify_article(article(text), load_topics())] == [[]]


def test_the_companys_own_thing_of_that_kind_is_still_listed_on_its_page():
    assert [sorted(p.about_topics) for p in classify_article(article("小鹏汽车的人形机器人将于2026年底量产。"), load_topics())] == [["iron"]]
