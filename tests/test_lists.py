"""Topic lists: who voiced an opinion is named only when the sentence says so."""
import pytest
from build_scripts.knowledge.entities import Entity
from build_scripts.knowledge.lists import speaker
from build_scripts.knowledge.taxonomy import name_forms, name_pattern


def person(tag: str, *names: str) -> Entity:
    names = names or (tag,)
    return Entity(tag=tag, kind="person", names=names, pattern=name_pattern(list(names)), forms=tuple(name_forms(list(names))))


PEOPLE = (person("王晓明", "王晓明", "Wang Xiaoming"), person("赵一"))


def test_person_quoted_after_a_speech_verb_is_the_speaker_in_either_script():
    assert speaker("王曉明稱,「這一代模型更好」。", PEOPLE) == "王晓明"
    assert speaker("王晓明表示：“量产不是难题。”", PEOPLE) == "王晓明"
    assert speaker('Wang Xiaoming said "the robot is ready".', PEOPLE) == "王晓明"


def test_belief_and_viewpoint_frames_name_the_speaker():
    assert speaker("在赵一看来，这只是第一步。", PEOPLE) == "赵一"
    assert speaker("赵一认为这是一次拐点。", PEOPLE) == "赵一"


def test_a_name_before_a_plain_verb_is_not_the_speaker_of_the_outlets_judgement():
    assert speaker("王晓明说新模型去掉了语言模块，其实并没有。", PEOPLE) == ""
    assert speaker("据王晓明介绍，这款车面向全球。", PEOPLE) == ""
    assert speaker("这种说法让人困惑。", PEOPLE) == ""


def _excerpt(text: str, source: str):
    import datetime as dt

    from build_scripts.knowledge.corroborate import Citation, Excerpt
    from build_scripts.model import Article, Paragraph

    article = Article(source, f"{source}.txt", "标题", source, "", dt.date(2025, 11, 10), "zh-Hans", (Paragraph("p-1", text),))
    return Excerpt(text=text, citations=(Citation(article, "p-1", text),), score=1.0, opinion=False)


def test_a_syndicated_rewording_is_one_item_with_the_longer_wording_and_both_citations():
    from build_scripts.knowledge.lists import merge_contained

    short = _excerpt("在車端,星河團隊針對天樞芯片重新開發了針對性的編譯器和軟件棧。", "weekly")
    long = _excerpt("为了实现新模型量产上车,星河汽车针对天枢芯片重新开发了针对性的编译器和软件栈。", "wire")
    other = _excerpt("星河汽车计划明年在欧洲开设第一家门店，首批覆盖三座城市。", "daily")
    merged, kept = merge_contained((short, other, long))
    assert merged.text == long.text
    assert [c.article.slug for c in merged.citations] == ["wire", "weekly"]
    assert kept == other


# --- items a reader can use alone (excerpts.yml) ------------------------------------------

LAUNCH = """星河发布IRON新一代机器人

小鹏全新一代IRON搭载3颗图灵AI芯片，拥有仿生脊椎。它还能在展厅中为访客讲解车型。

这一设计让IRON走路更像人。

在此次发布会现场，小鹏全新一代IRON以猫步般的步态惊艳亮相。

小鹏第二代VLA去掉了语言转译环节。VLA即Vision-Language-Action，是一种融合视觉、语言与动作的端到端大模型。

当前，人形机器人行业仍未进入规模普及阶段，供应链尚不成熟。

小鹏VLA模型的另一个落地场景是IRON。

何小鹏表示，IRON将先进入导览、导购场景。「机器人可以做成非常好的秀，但不是我们真正要商业的目的。」

宝钢将成为小鹏IRON项目的生态合作伙伴，IRON将入驻宝钢工厂。

在何小鹏看来，IRON最大的优势是成本。

首先，IRON与汽车共享了七成的AI软件。"""

INDUSTRY = """人形机器人行业观察

人形机器人行业仍未进入规模普及阶段，供应链尚不成熟。"""

WEEKLY = """小鵬機器人走進展廳

這一步讓IRON更接近商用。

何小鵬表示,IRON將先進入導覽、導購等商業場景。

目前,寶鋼已與小鵬達成合作,IRON將在寶鋼巡檢。"""


@pytest.fixture(scope="module")
def pages():
    import dataclasses
    import datetime as dt

    from build_scripts.knowledge.compose import build_knowledge_base
    from build_scripts.model import Corpus
    from build_scripts.reading.corpus import parse_article

    def article(text, name, day):
        return dataclasses.replace(parse_article(name, text, {}).article, date=day)

    corpus = Corpus(articles=(article(LAUNCH, "launch.txt", dt.date(2025, 11, 5)), article(WEEKLY, "weekly.txt", dt.date(2025, 11, 7)),
                              article(INDUSTRY, "industry.txt", dt.date(2025, 11, 8))), problems=())
    return {p.topic.slug: p for p in build_knowledge_base(corpus).topics}


@pytest.fixture(scope="module")
def iron_page(pages):
    return pages["iron"]


@pytest.fixture(scope="module")
def vla_page(pages):
    return pages["second-gen-vla"]


def test_a_sentence_leaning_on_the_one_before_is_joined_to_it_or_left_out(iron_page):
    facts = [x.text for x in iron_page.facts]
    assert any(x.startswith("小鹏全新一代IRON") and "。它还能在展厅中为访客讲解车型。" in x for x in facts), facts
    # opening its paragraph, "这一设计" continues the paragraph before; opening the article, "這一步" points at nothing
    assert any(x.endswith("它还能在展厅中为访客讲解车型。 这一设计让IRON走路更像人。") for x in facts), facts
    assert not any("這一步" in x or "这一步" in x for x in facts + [x.text for x in iron_page.opinions])
    # a bare quotation is joined to the sentence saying whose words they are
    assert any(x.startswith("何小鹏表示") and x.endswith("目的。」") for x in facts), facts


def test_evaluative_wording_is_an_opinion_never_a_fact(iron_page):
    assert not any("惊艳" in x.text for x in iron_page.facts)
    assert any("惊艳" in x.text for x in iron_page.opinions)


def test_definitions_and_industry_background_are_left_out(iron_page, vla_page):
    listed = [x.text for page in (iron_page, vla_page) for x in (*page.facts, *page.opinions)]
    assert any(x.startswith("小鹏第二代VLA去掉了") for x in listed)
    assert not any(x.startswith("VLA即") for x in listed)  # what VLA means is the glossary's job
    assert not any("行业仍未进入" in x for x in listed)  # names nothing of XPeng's
    assert not any(x.endswith("落地场景是IRON。") for x in listed)  # a lead-in: says nothing but the topic's name


def test_one_fact_from_two_outlets_is_one_item_citing_both(iron_page):
    said = [x for x in iron_page.facts if "导购" in x.text or "導購" in x.text]
    assert len(said) == 1 and {c.article.file_name for c in said[0].citations} == {"launch.txt", "weekly.txt"}


def test_the_source_list_is_the_sources_the_page_cites(iron_page):
    cited = {c.article.report for c in iron_page.citations}
    assert {a.report for a in iron_page.sources} == cited
    assert "industry.txt" not in {a.file_name for a in iron_page.sources}  # it names the robot, says nothing listed of it


def test_an_enumeration_opening_its_paragraph_is_shown_with_the_sentence_it_continues(iron_page):
    (item,) = [x for x in (*iron_page.facts, *iron_page.opinions) if "首先" in x.text]
    assert item.text.startswith("在何小鹏看来") and item.text.endswith("七成的AI软件。")
    assert len({c.paragraph_id for c in item.citations}) == 2  # each paragraph cited


def test_facts_naming_the_same_partner_are_one_item(iron_page):
    said = [x for x in iron_page.facts if "宝钢" in x.text or "寶鋼" in x.text]
    assert len(said) == 1 and {c.article.file_name for c in said[0].citations} == {"launch.txt", "weekly.txt"}
