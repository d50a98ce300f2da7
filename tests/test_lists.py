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
