"""YAML front matter, in the shapes pasted articles really have."""
import datetime as dt

from build_scripts.reading.frontmatter import split_front_matter


def test_front_matter_with_blank_lines_inside_like_article_003():
    text = "---\n\ntitle: '72B世界基座模型启动'\ndate: 2025-04-17\nauthor: ByteAILab\n\n---\n\n正文第一段。\n"
    front = split_front_matter(text)
    assert front.fields == {"title": "72B世界基座模型启动", "date": dt.date(2025, 4, 17), "author": "ByteAILab"}
    assert front.body.strip() == "正文第一段。"
    assert not front.error


def test_text_without_front_matter_is_all_body():
    front = split_front_matter("标题\n\n正文。\n")
    assert front.fields == {} and front.body == "标题\n\n正文。\n"


def test_unclosed_front_matter_keeps_the_whole_text_and_says_why():
    text = "---\ntitle: 标题\n\n正文没有结束标记。\n"
    front = split_front_matter(text)
    assert "never closed" in front.error
    assert "正文没有结束标记" in front.body


def test_invalid_yaml_is_reported_with_its_line_and_body_kept():
    front = split_front_matter("---\ntitle: [unclosed\n---\n正文。\n")
    assert "not valid YAML" in front.error
    assert front.body.strip() == "正文。"


def test_non_mapping_front_matter_is_reported():
    front = split_front_matter("---\n- a\n- b\n---\n正文。\n")
    assert "mapping" in front.error
