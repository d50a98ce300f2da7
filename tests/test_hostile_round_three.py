"""Hostile and unlucky input, round three: names and titles that are not
plain text, a missing seeds folder. What the user sees: the build log, the
Problems page, the pages' titles and what is published.

One folder of such files is built once for this module (a few seconds).
"""
from __future__ import annotations

import json
import os
import re

import pytest

from conftest import build_site, page
from corpora import article, build

GBK_NAME = "小鹏".encode("gbk") + b".txt"  # as an archive made on Chinese Windows unzips
GBK_MARKER = "这篇文章的文件名是GBK编码"
ESCAPE_NAME = "esc\x1b]0;pwned\x07\x1b[2Jname.txt"  # sets the window title, clears the screen
NEWLINE_NAME = "new\nline.txt"
RTL_NAME = "rtl\u202etxt.exe.txt"
CONTROL_MARKER = "这篇文章的标题和第一段有控制字符"
# YAML escapes in front matter: the decoder never lets such characters through the text itself.
CONTROL_FRONT_MATTER = '---\ntitle: "响铃\\a标题\\e[31m红色\\uFFFF结尾\\uFFFE"\ndate: 2025-11-05\noutlet: 测试网\n---\n'
FIRST_PARAGRAPH = f"{CONTROL_MARKER}：第一段有非字符\uffff和\ufffe。"


@pytest.fixture(scope="module")
def odd(tmp_path_factory):
    root = tmp_path_factory.mktemp("round-three")
    seeds = root / "seeds"
    seeds.mkdir()
    with open(os.fsencode(seeds) + b"/" + GBK_NAME, "w", encoding="utf-8") as file:
        file.write(article("GBK 文件名的文章", GBK_MARKER))
    (seeds / "controls.txt").write_text(
        CONTROL_FRONT_MATTER + "\n\n".join([FIRST_PARAGRAPH, *(f"{CONTROL_MARKER}，第{n}段。" for n in range(2, 5))]) + "\n",
        encoding="utf-8",
    )
    for name in (ESCAPE_NAME, NEWLINE_NAME, RTL_NAME):
        (seeds / name).write_text("", encoding="utf-8")  # empty: a Problems row and a log line each
    (seeds / "INDEX.md").write_text(article("大写的 INDEX", "这篇文章的文件名是INDEX"), encoding="utf-8")
    (seeds / "benign.txt").write_text(article("一篇普通的文章", "这篇文章没有任何花样"), encoding="utf-8")
    return build(root, seeds)


def problems_rows(site) -> dict[str, str]:
    """Problems page: {file name as shown: the row's text}."""
    rows = page(site, "problems/").select("table tbody tr")
    return {row.select_one("td").get_text(): row.get_text(" ") for row in rows}


def test_the_odd_folder_builds_whole_without_a_traceback(odd):
    assert odd.returncode == 0, odd.log
    assert "Traceback" not in odd.log


# -- A file name that is not UTF-8 ---------------------------------------------


def test_an_article_whose_name_is_not_utf8_is_published_and_named_with_its_bytes_written_out(odd):
    shown = [row for name, row in problems_rows(odd.site).items() if "\\xc5\\xf4" in name]
    assert len(shown) == 1 and "not UTF-8" in shown[0] and "built with a warning" in shown[0]
    pages = [p for p in (odd.site / "sources").glob("*/index.html") if GBK_MARKER in p.read_text(encoding="utf-8")]
    assert len(pages) == 1


def test_a_name_that_is_not_utf8_leaves_the_search_index_and_both_sitemaps_whole(odd):
    index = json.loads((odd.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(GBK_MARKER in doc["text"].replace("\u200b", "") for doc in index["docs"])  # words are split by ZWSP
    assert (odd.site / "sitemap.xml").is_file()
    assert "zh-Hant/" in (odd.site / "sitemap.xml").read_text(encoding="utf-8")


# -- Control characters in titles and first paragraphs --------------------------


def test_control_characters_in_a_title_never_break_the_page_front_matter(odd):
    source = page(odd.site, "sources/controls/")
    assert source.title.get_text().startswith("响铃标题[31m红色结尾")
    assert "og_locale:" not in source.select_one("article").get_text()
    assert "description:" not in source.select_one("article").get_text()
    assert source.select_one('meta[name="description"]')["content"].startswith(CONTROL_MARKER)


def test_no_control_character_or_noncharacter_reaches_a_title_on_the_site(odd):
    for html_file in (odd.site / "sources").rglob("index.html"):
        title = page(odd.site, f"sources/{html_file.parent.name}/" if html_file.parent.name != "sources" else "sources/").title
        assert not re.search("[\x00-\x1f\x7f-\x9f\ufffe\uffff]", title.get_text()), html_file


# -- File names in the build log and on the Problems page ----------------------


def test_terminal_escape_sequences_in_a_file_name_never_reach_the_build_log_raw(odd):
    assert "\x1b" not in odd.log and "\x07" not in odd.log
    assert odd.lines_about("esc\\x1b]0;pwned\\x07\\x1b[2Jname.txt")


def test_a_newline_in_a_file_name_keeps_its_problems_row_and_log_line_whole(odd):
    rows = problems_rows(odd.site)
    assert "new\\nline.txt" in rows and "empty" in rows["new\\nline.txt"]
    assert odd.lines_about("new\\nline.txt")


def test_a_right_to_left_override_in_a_file_name_is_written_out_not_obeyed(odd):
    rows = problems_rows(odd.site)
    assert "rtl\\u202etxt.exe.txt" in rows
    assert "\u202e" not in page(odd.site, "problems/").get_text()


def test_index_md_is_told_its_page_name_belongs_to_the_list_of_sources(odd):
    (line,) = odd.lines_about("INDEX.md")
    assert "taken by the list of sources" in line and "another article" not in line


# -- seeds_dir missing or mistyped ---------------------------------------------


@pytest.mark.parametrize("strict", [False, True])
def test_a_mistyped_seeds_dir_fails_the_build_naming_it_and_publishes_nothing(tmp_path, strict, monkeypatch):
    if strict:
        monkeypatch.setenv("KB_STRICT", "1")
    result = build_site(tmp_path / "build", tmp_path / "seedz", strict=False)
    assert result.returncode == 1
    assert "seeds_dir" in result.stderr and "seedz' does not exist" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "build" / "site" / "index.html").exists()
