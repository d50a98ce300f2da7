"""Topic lists: who voiced an opinion is named only when the sentence says so."""
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
