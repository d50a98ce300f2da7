"""Search, without a browser: the jieba dictionary and the index rewrite."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from build_scripts.search import index as search
from build_scripts.search.index import ZWSP, Vocabulary, TopicTerms

from conftest import ROOT

DATA_DIR = ROOT / "build_scripts" / "data"
# The project's own separator, so these tests split words as the site does.
SEPARATOR = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]["search"]["separator"]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    """The project's own vocabulary, loaded into jieba as a build does."""
    vocabulary = search.load_vocabulary(DATA_DIR)
    return vocabulary


@pytest.fixture(scope="module", autouse=True)
def user_dictionary(vocabulary, tmp_path_factory):
    return search.write_user_dictionary(vocabulary, tmp_path_factory.mktemp("search") / "build" / "jieba_user_dict.txt")


def words(segmented: str) -> list[str]:
    return [w for w in re.split(f"[{ZWSP} ]+", segmented) if w]


# --- the dictionary -----------------------------------------------------------


def test_dictionary_is_generated_from_the_topic_aliases(user_dictionary):
    lines = user_dictionary.read_text(encoding="utf-8").splitlines()
    for term in ("陆地航母", "图灵芯片", "飞行汽车", "人形机器人", "小路", "第二代"):
        assert term in lines
    assert len(lines) == len(set(lines))


def test_dictionary_holds_the_chinese_part_of_mixed_names_only():
    vocabulary = Vocabulary(topics=(TopicTerms("x", ("第二代VLA", "小路NGP", "图灵AI芯片", "Super LCC+")),), synonyms=())
    assert search.dictionary_words(vocabulary) == ["图灵", "小路", "第二代", "芯片"]


def test_dictionary_leaves_counted_units_to_jieba():
    vocabulary = Vocabulary(topics=(TopicTerms("x", ("720亿参数", "72B")),), synonyms=())
    assert search.dictionary_words(vocabulary) == []


def test_dictionary_words_are_simplified_whatever_the_yaml_says():
    vocabulary = Vocabulary(topics=(), synonyms=(("陸地航母",),))
    assert search.dictionary_words(vocabulary) == ["陆地航母"]


def test_glossary_and_entities_are_optional(tmp_path):
    (tmp_path / "topics.yml").write_text("topics:\n  - {slug: iron, title_zh: IRON 人形机器人, aliases: {en: [humanoid robot]}}\n", encoding="utf-8")
    vocabulary = search.load_vocabulary(tmp_path)
    assert vocabulary.topics == (TopicTerms("iron", ("IRON 人形机器人", "humanoid robot")),)
    assert vocabulary.synonyms == ()


def test_glossary_terms_and_entity_names_join_the_dictionary(tmp_path):
    (tmp_path / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    (tmp_path / "glossary.yml").write_text(
        "terms:\n  - {term: NGP, aliases: [导航辅助驾驶, Navigation Guided Pilot]}\n  - {term: 端到端}\n", encoding="utf-8"
    )
    (tmp_path / "entities.yml").write_text("entities:\n  - {tag: 米良川, kind: person, names: [米良川]}\n", encoding="utf-8")
    vocabulary = search.load_vocabulary(tmp_path)
    assert vocabulary.synonyms == (("NGP", "导航辅助驾驶", "Navigation Guided Pilot"), ("端到端",), ("米良川",))
    assert search.dictionary_words(vocabulary) == ["导航辅助驾驶", "端到端", "米良川"]


def test_a_topic_without_slug_is_reported_with_the_file_name(tmp_path):
    (tmp_path / "topics.yml").write_text("topics:\n  - {title_zh: 无名}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="topics.yml.*slug"):
        search.load_vocabulary(tmp_path)


# --- folding and cutting --------------------------------------------------------


def test_fold_is_opencc_traditional_to_simplified_one_character_at_a_time():
    assert search.fold("機器人與陸地航母") == "机器人与陆地航母"
    assert search.fold("臺灣的裡程") == "台湾的里程"
    assert search.fold("ＴＯＰＳ　２２５０") == "TOPS　2250"
    assert search.fold("Robotaxi 第二代") == "Robotaxi 第二代"
    text = "小鵬的二代VLA到底是什麼?"
    assert len(search.fold(text)) == len(text)


def test_traditional_text_is_cut_where_its_simplified_twin_is():
    traditional = "小鵬第二代IRON機器人已成為小鵬今年最驚艷的產品,量產是目標"
    simplified = search.fold(traditional)
    cut_t = words(search.segment(traditional))
    cut_s = words(search.segment(simplified))
    assert [len(w) for w in cut_t] == [len(w) for w in cut_s]
    assert "機器人" in cut_t and "量產" in cut_t  # stock jieba: 機器|人, 量|產是


def test_domain_terms_stay_whole():
    cut = words(search.segment("小鹏汇天的陆地航母与图灵芯片,第二代VLA上车,小路NGP开启"))
    for term in ("陆地航母", "图灵芯片", "第二代", "小路", "VLA", "NGP"):
        assert term in cut


def test_segmenting_changes_nothing_a_reader_sees():
    text = "<p>擁有理解、交互和改變世界能力的機器 &amp; 2250TOPS</p>"
    assert search.segment(text).replace(ZWSP, "") == text
    assert search.segment(search.segment(text)) == search.segment(text)


# --- spellings -----------------------------------------------------------------


def spellings_of(text: str) -> set[str]:
    return search.spellings(search.tokens(search.segment(text), SEPARATOR))


def test_number_and_unit_are_found_joined_or_apart():
    assert {"2250", "tops"} <= spellings_of("有效算力2250TOPS,同时")
    assert {"2250tops", "2250"} <= spellings_of("2,250 TOPS 算力")
    assert {"72"} <= spellings_of("72B世界基座模型")


def test_ordinary_words_after_numbers_are_not_joined():
    assert not {s for s in spellings_of("in 2025 and 2026 the") if s.startswith("2025")}


def test_long_chinese_words_are_found_by_their_parts():
    assert {"陆地", "航母"} <= spellings_of("一台陆地航母")
    assert {"陆地", "航母"} <= spellings_of("一臺陸地航母")


BAOSTEEL = ("宝钢", "中国宝武", "Baosteel")
HE_XIAOPENG = ("何小鹏", "He Xiaopeng")


def synonyms_of(text: str, *groups: tuple[str, ...]) -> set[str]:
    chunks = search.tokens(search.segment(text), SEPARATOR)
    return search.synonyms(chunks, [[search.name_words(n, SEPARATOR) for n in group] for group in groups])


def test_a_name_brings_the_other_one_word_names_of_the_same_thing():
    assert synonyms_of("与寶鋼合作", BAOSTEEL) == {"宝钢", "中国宝武", "baosteel"}
    assert synonyms_of("a deal with Baosteel", BAOSTEEL) == {"宝钢", "中国宝武", "baosteel"}
    assert synonyms_of("founder He Xiaopeng said", HE_XIAOPENG) == {"何小鹏"}


def test_names_of_several_words_are_recognised_but_not_added():
    assert synonyms_of("何小鹏表示", HE_XIAOPENG) == {"何小鹏"}  # not `he`, `xiaopeng`
    assert synonyms_of("he said Xiaopeng", HE_XIAOPENG) == set()  # the words, not the name


def test_spellings_never_repeat_the_text():
    found = spellings_of("有效算力2250TOPS")
    assert "2250tops" not in found and "算力" not in found


# --- the rewritten index ---------------------------------------------------------


def material_index(*docs: dict) -> dict:
    return {
        "config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": ["stemmer"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
        "docs": list(docs),
    }


IRON = TopicTerms("iron", ("IRON 人形机器人", "IRON humanoid robot", "humanoid robot", "宝钢"))


def test_index_declares_its_hidden_fields(vocabulary):
    index = search.rewrite_index(material_index(), Vocabulary(topics=(IRON,), synonyms=()))
    fields = index["config"]["fields"]
    assert fields["text"]["boost"] == 1.0 and fields["spellings"]["boost"] == 1.0
    assert fields["names"]["boost"] > fields["text"]["boost"]


def test_topic_page_carries_its_names_and_a_boost():
    index = search.rewrite_index(
        material_index(
            {"location": "topics/iron/", "title": "IRON 人形机器人", "text": "<p>小鹏新一代 IRON</p>"},
            {"location": "topics/iron/#facts", "title": "事实", "text": "<p>宝钢</p>"},
            {"location": "sources/a/", "title": "文章", "text": "<p>机器人</p>"},
        ),
        Vocabulary(topics=(IRON,), synonyms=()),
    )
    head, section, article = index["docs"]
    assert {"humanoid", "robot", "宝钢", "人形机器人", "iron"} <= set(head["names"].split())
    assert head["boost"] == search.TOPIC_BOOST
    assert "boost" not in section and "names" not in section
    assert "boost" not in article and "names" not in article


def test_a_boost_set_in_front_matter_wins():
    index = search.rewrite_index(
        material_index({"location": "topics/iron/", "title": "IRON", "text": "", "boost": 2}),
        Vocabulary(topics=(IRON,), synonyms=()),
    )
    assert index["docs"][0]["boost"] == 2


def test_rewriting_twice_changes_nothing():
    index = material_index({"location": "sources/a/", "title": "小鵬的二代VLA", "text": "<p>2250TOPS 的 陸地航母</p>"})
    once = search.rewrite_index(index, Vocabulary(topics=(IRON,), synonyms=()))
    assert search.rewrite_index(once, Vocabulary(topics=(IRON,), synonyms=())) == once


def test_a_separator_that_keeps_the_query_mark_is_refused():
    index = material_index()
    index["config"]["separator"] = r"[\s\u200b]+"
    with pytest.raises(ValueError, match="mkdocs.yml.*u303b"):
        search.rewrite_index(index, Vocabulary(topics=(), synonyms=()))


# --- the built seed site ---------------------------------------------------------


@pytest.fixture(scope="module")
def built_index(seed_site) -> dict:
    """The documents the seed site's search bundle was made of (bundle.py keeps them beside mkdocs.yml)."""
    docs = json.loads((seed_site.parent / "build" / "search" / "documents.json").read_text(encoding="utf-8"))
    return {"docs": docs}


def test_the_index_material_fetches_on_every_page_holds_no_documents(seed_site):
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["separator"]


def test_built_index_previews_carry_no_pilcrow(built_index):
    assert not [d["location"] for d in built_index["docs"] if "¶" in d["text"]]


def test_built_index_cuts_traditional_articles_through_simplified(built_index):
    text = next(d["text"] for d in built_index["docs"] if d["location"] == "sources/001_f557aaf571426259/#p-2317b6")
    assert f"{ZWSP}機器人" in text and f"{ZWSP}機器{ZWSP}人" not in text


def test_english_aliases_reach_the_topic_pages(built_index):
    names = {d["location"]: set(d.get("names", "").split()) for d in built_index["docs"]}
    assert {"humanoid", "robot"} <= names["topics/iron/"]
    assert {"land", "aircraft", "carrier", "flying", "car"} <= names["topics/flying-cars/"]
    assert {"turing", "chip"} <= names["topics/turing-chip/"]


def test_search_script_is_a_local_asset_on_every_page(seed_site):
    script = (seed_site / search.SCRIPT_PATH).read_text(encoding="utf-8")
    assert "KB_SEARCH_FOLD" in script and "http" not in script
    html = (seed_site / "index.html").read_text(encoding="utf-8")
    # Before Material's bundle, which starts the search worker as it runs.
    assert re.search(r'<script src="[^":]*assets/javascripts/kb-search\.js"></script>\s*<script src="[^":]*bundle\.', html)
    assert not re.findall(r'<script[^>]+src="(?:https?:)?//', html)  # nothing from another host


def test_cited_by_lines_and_image_addresses_are_shown_but_not_indexed(seed_site, built_index):
    # A "cited by" line names topics: indexed, it made every cited article
    # match the topic's name. An image's address is no word anyone searches.
    source = (seed_site / "sources" / "003_93100f986083634d" / "index.html").read_text(encoding="utf-8")
    assert "被引用于" in source and "mmbiz.qpic.cn" in source
    text = " ".join(doc["text"] for doc in built_index["docs"])
    assert "被引用于" not in text and "mmbiz" not in text and "未加载远程图片" not in text
    assert "🖼" in text  # the image and its caption still are


def test_an_article_title_is_found_on_its_own_page_not_in_the_sources_table(seed_site, built_index):
    # The sources table lists every title and outlet: indexed, the index page matched nearly every query.
    table = (seed_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "XPeng Tech Day 2025" in table
    titles = {d["location"]: d["title"] for d in built_index["docs"]}
    assert "XPeng Tech Day 2025" in titles["sources/004_2a4aa61ecc6eb6e2/"]
    index_text = " ".join(d["text"] for d in built_index["docs"] if d["location"].split("#")[0] == "sources/")
    assert "Tech Day" not in index_text and "智駕網" not in index_text
    assert "来源" in titles["sources/"]  # the page itself is still found by its name


TURING = TopicTerms("turing-chip", ("图灵 AI 芯片", "Turing AI chip", "TOPS"))


def test_a_topic_is_named_by_its_figures_in_its_own_units():
    figures = "<p>4 颗 </p> <p>2,250 TOPS </p> <p>750 TOPS </p>"
    assert search.own_figures(TURING, figures, SEPARATOR) == ("2250tops", "750tops")
    assert search.own_figures(IRON, figures, SEPARATOR) == ()  # TOPS is not one of IRON's names


def test_key_figures_are_indexed_by_value_with_the_wordings_left_to_the_articles(built_index):
    docs = {doc["location"]: doc for doc in built_index["docs"]}
    infobox = " ".join(doc["text"] for location, doc in docs.items() if location.startswith("topics/turing-chip/#subject-"))
    assert "2,250 TOPS" in infobox and "高达" not in infobox  # the quoted sentence is not
    assert "个来源" not in infobox
    assert "2250tops" in docs["topics/turing-chip/"]["names"].split()
    assert "2250tops" not in docs["topics/robotaxi/"]["names"].split()  # quotes the figure; not its unit


def test_a_preview_rewrites_only_the_documents_an_edit_changed(monkeypatch):
    vocabulary = Vocabulary(topics=(IRON,), synonyms=())
    index = material_index(
        {"location": "sources/a/", "title": "小鵬", "text": "<p>2250TOPS 的 陸地航母</p>"},
        {"location": "sources/b/", "title": "機器人", "text": "<p>宝钢</p>"},
    )
    kept: dict = {}
    first = search.documents(index, vocabulary, kept)
    assert first == search.documents(index, vocabulary)  # the same documents as a full build's
    cut = []
    monkeypatch.setattr(search, "segment", lambda text, *args: cut.append(text) or text)
    edited = material_index(index["docs"][0], dict(index["docs"][1], text="<p>宝钢 IRON</p>"))
    again = search.documents(edited, vocabulary, kept)
    assert again[0] == first[0] and sorted(cut) == sorted(["機器人", "<p>宝钢 IRON</p>"])  # only b was cut again
    assert len(kept) == 2
