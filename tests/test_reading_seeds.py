"""The five seed articles read with the right metadata and without boilerplate."""
import datetime as dt

import pytest

from build_scripts.reading.corpus import load_corpus, parse_article, slug_from_file_name
from conftest import SEEDS


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEEDS)


def article(corpus, stem):
    return next(a for a in corpus.articles if a.file_name.startswith(stem))


@pytest.mark.parametrize(
    "stem, title, outlet, date, language",
    [
        ("000", "小鹏科技日发布第二代VLA大模型", "", dt.date(2025, 11, 11), "zh-Hans"),  # names no outlet: cited by its title
        ("001", "小鵬的二代VLA到底是什麼?", "新皮層", dt.date(2025, 11, 10), "zh-Hant"),
        ("002", "「擁有理解、交互和改變世界能力的機器」正在悄悄到來", "智駕網", dt.date(2025, 11, 12), "zh-Hant"),
        ("003", "72B世界基座模型启动，小鹏的端到端智驾正在验证Scaling Laws", "ByteAILab（GPTNB）", dt.date(2025, 4, 17), "zh-Hans"),
        ("004", "XPeng Tech Day 2025: the second-generation VLA model", "", dt.date(2025, 11, 6), "en"),
    ],
)
def test_seed_metadata(corpus, stem, title, outlet, date, language):
    a = article(corpus, stem)
    assert (a.title, a.outlet, a.date, a.language) == (title, outlet, date, language)


def test_bylines_are_read_from_the_text(corpus):
    assert article(corpus, "000").author == "李凯婷"
    assert article(corpus, "001").author == "吳一凡"
    assert article(corpus, "001").editor == "吳洋洋"
    assert article(corpus, "002").author == "零醬"  # the "??" paste residue is gone


def test_seeds_build_without_problems(corpus):
    assert corpus.problems == ()


def test_sources_are_newest_first(corpus):
    dates = [a.date for a in corpus.articles]
    assert dates == sorted(dates, reverse=True)


BOILERPLATE = ["免責聲明", "熱議股票", "特別聲明", "Notice: The content above", "感谢阅读", "關注智駕網",
               "聯系郵箱", "HTML版本", "Key Points", "NewNewTh", "記者:", "來源:", "发布时间"]


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_no_boilerplate_left_in_any_article(corpus, phrase):
    for a in corpus.articles:
        assert not any(phrase in p.text for p in a.paragraphs), (a.file_name, phrase)


def test_empty_image_embeds_are_removed(corpus):
    assert not any("![]()" in p.text for a in corpus.articles for p in a.paragraphs)


def test_remote_images_become_placeholders_with_caption_and_url(corpus):
    images = [p for p in article(corpus, "003").paragraphs if p.kind == "image"]
    assert len(images) == 7
    assert all(p.url.startswith("https://mmbiz.qpic.cn/") and p.text == "图片" for p in images)


def test_bold_lines_of_003_are_headings(corpus):
    headings = [p.text for p in article(corpus, "003").paragraphs if p.kind == "heading"]
    assert "三大阶段性成果" in headings


def test_section_numbers_of_002_introduce_headings(corpus):
    headings = [p.text for p in article(corpus, "002").paragraphs if p.kind == "heading"]
    assert headings[0] == "小鵬智駕「涌現」新門"
    assert not any(p.text in {"01.", "02."} for p in article(corpus, "002").paragraphs)


def test_paragraph_broken_by_a_blank_line_is_rejoined(corpus):
    texts = [p.text for p in article(corpus, "000").paragraphs]
    assert any("探索扩展第四大法则,最大程度保护物理AI世界参与者安全" in t for t in texts)
    assert not any(t.startswith(",") for t in texts)


def test_line_wrap_spaces_between_chinese_characters_are_removed(corpus):
    texts = " ".join(p.text for p in article(corpus, "000").paragraphs)
    assert "面向个人低空飞行的陆地航母" in texts


def test_footer_marker_inside_article_body_is_kept():
    body = "标题\n\n" + "\n\n".join(f"第{i}段正文。" for i in range(10)) + "\n\n免责声明写在正文中间也不算页脚。\n\n" + "\n\n".join(f"后{i}段。" for i in range(20))
    result = parse_article("x.txt", body, {})
    assert any("免责声明写在正文中间" in p.text for p in result.article.paragraphs)


def test_paragraph_ids_do_not_move_when_a_paragraph_is_inserted():
    before = parse_article("x.txt", "标题\n\n第一段。\n\n第二段。\n", {}).article
    after = parse_article("x.txt", "标题\n\n新插入的一段。\n\n第一段。\n\n第二段。\n", {}).article
    ids_before = {p.text: p.id for p in before.paragraphs}
    ids_after = {p.text: p.id for p in after.paragraphs}
    assert all(ids_after[text] == pid for text, pid in ids_before.items())


def test_repeated_paragraph_gets_a_distinct_id():
    article = parse_article("x.txt", "标题\n\n同一段。\n\n同一段。\n", {}).article
    assert len({p.id for p in article.paragraphs}) == 2


def test_sources_yml_overrides_what_the_text_says():
    result = parse_article("x.txt", "来源: 某网 发布时间: 2025-01-02 10:00\n\n标题\n\n正文。\n", {"outlet": "更正后的媒体"})
    assert result.article.outlet == "更正后的媒体"
    assert result.article.date == dt.date(2025, 1, 2)


def test_front_matter_of_the_wrong_type_is_reported_and_ignored():
    result = parse_article("bad.txt", "---\ntitle: [a, b]\ndate: next week\n---\n\n正文一段。\n", {})
    messages = " ".join(p.what for p in result.problems)
    assert "'title' should be text" in messages and "'date' is not a date" in messages
    assert all(p.file_name == "bad.txt" for p in result.problems)
    assert result.article.paragraphs


@pytest.mark.parametrize(
    "file_name, slug",
    [("000_8aa7ed600137bead.txt", "000_8aa7ed600137bead"), ("My Article.TXT", "my-article-")],
)
def test_slugs_are_ascii(file_name, slug):
    assert slug_from_file_name(file_name).startswith(slug)
    assert slug_from_file_name(file_name).isascii()


def test_cjk_file_names_get_distinct_ascii_slugs():
    a, b = slug_from_file_name("小鹏一.txt"), slug_from_file_name("小鹏二.txt")
    assert a != b and a.isascii() and b.isascii()
