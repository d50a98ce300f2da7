"""Messier input, round two: one stray byte, an impossible date, a copy under
a new title, odd names and links. Each keeps the build going, publishes what
can be published and says in one line what is wrong and what to do.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from build_scripts.pages.site import compose_site
from build_scripts.reading import decoding
from build_scripts.reading.corpus import load_corpus, parse_article
from build_scripts.reading.language import detect_language
from conftest import ROOT, SEEDS, build_site
from corpora import article, paragraph


def problems_about(corpus, file_name):
    return [p for p in corpus.problems if p.file_name == file_name]


# -- Decoding: the encoding that explains the bytes best ----------------------


def test_chinese_utf8_article_with_one_stray_byte_is_published_with_a_warning_naming_the_line(tmp_path):
    raw = article("一个坏字节的文章", "这篇文章有一个坏字节").encode("utf-8")
    line_five = raw.split(b"\n")[4]
    damaged = raw.replace(line_five, line_five[:9] + b"\xff" + line_five[9:])
    (tmp_path / "stray.txt").write_bytes(damaged)
    corpus = load_corpus(tmp_path)
    (published,) = corpus.articles
    assert published.title == "一个坏字节的文章"
    assert "\ufffd" in published.paragraphs[0].text  # the bad byte is shown, not hidden
    (problem,) = problems_about(corpus, "stray.txt")
    assert not problem.rejected
    assert "not UTF-8 on line 5" in problem.what and "(shown as �)" in problem.what
    assert "save it as UTF-8" in problem.todo


def test_english_utf8_text_with_two_stray_bytes_keeps_its_chinese_words():
    text = "The average takeover (average接管) interval rose sharply this year, the company said.\n" * 4
    lines = text.encode("utf-8").split(b"\n")
    lines[0] = lines[0].replace(b"interval", b"inter\xe9val")
    lines[1] = lines[1].replace(b"sharply", b"sharp\x92ly")
    raw = b"\n".join(lines)
    decoded, encoding = decoding.decode(raw)
    assert encoding == "utf-8"
    assert decoded.count("average接管") == 4
    assert decoded.count("\ufffd") == 2
    assert decoding.replaced_lines(decoded) == [1, 2]


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_legacy_chinese_code_pages_are_still_not_taken_for_damaged_utf8(encoding):
    text = "小鹏汽车今日发布新一代人形机器人，并宣布量产计划。" if encoding == "gb18030" else "小鵬汽車今日發佈新一代人形機器人，並宣佈量產計劃。"
    decoded, detected = decoding.decode((text * 3).encode(encoding))
    assert decoded == text * 3 and detected != "utf-8"


def test_latin1_text_without_any_utf8_character_is_not_taken_for_damaged_utf8():
    decoded, detected = decoding.decode("Le café de la gare est fermé depuis des années, dit-on.\n".encode("latin-1"))
    assert detected != "utf-8" and "\ufffd" not in decoded


# -- Language -------------------------------------------------------------------


JAPANESE = (
    "小鵬汽車は東京で新型の人型ロボットを発表した。同社によると、ロボットは二〇二六年に量産を開始する予定である。\n"
    "記者会見では自動運転技術についても説明があった。\n"
)


def test_shift_jis_japanese_is_read_and_labelled_japanese_not_traditional_chinese(tmp_path):
    (tmp_path / "japanese.txt").write_bytes(("日本語の記事\n\n" + JAPANESE * 2).encode("shift_jis"))
    (published,) = load_corpus(tmp_path).articles
    assert published.language == "ja"
    assert "人型ロボット" in published.paragraphs[0].text


def test_kanji_heavy_traditional_chinese_stays_traditional():
    assert detect_language("小鵬汽車今日發佈新一代人形機器人，並宣佈量產計劃。" * 5) == "zh-Hant"


# -- Markup-like lines are text, never headings ----------------------------------


@pytest.mark.parametrize("line", ["```", "```python", "<!-- -->", "<!-- 编者注 -->", "|---|", "| --- | :---: |", "~~~~~~"])
def test_a_short_markup_like_line_is_never_a_heading(line):
    text = f"标题在这里的一篇文章\n\n第一段的内容。\n\n{line}\n\n第二段的内容说明了更多细节。\n"
    kinds = {p.text: p.kind for p in parse_article("x.txt", text, {}).article.paragraphs}
    assert kinds[line] == "text"


def test_a_short_line_of_words_before_a_paragraph_is_still_a_heading():
    text = "标题在这里的一篇文章\n\n第一段的内容。\n\n小鹏机器人的发布会\n\n第二段的内容说明了更多细节。\n"
    kinds = {p.text: p.kind for p in parse_article("x.txt", text, {}).article.paragraphs}
    assert kinds["小鹏机器人的发布会"] == "heading"


# -- Links and names ----------------------------------------------------------------


def test_a_symlink_loop_is_named_a_loop_not_a_bug(tmp_path):
    (tmp_path / "good.txt").write_text(article("好文章", "这篇能读"), encoding="utf-8")
    os.symlink("loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink("loop-a.txt", tmp_path / "loop-b.txt")
    corpus = load_corpus(tmp_path)
    assert [a.file_name for a in corpus.articles] == ["good.txt"]
    for name in ("loop-a.txt", "loop-b.txt"):
        (problem,) = problems_about(corpus, name)
        assert "loop" in problem.what and "bug" not in problem.todo and problem.rejected


def test_a_dangling_symlink_names_the_missing_target(tmp_path):
    os.symlink("deleted-article.txt", tmp_path / "link.txt")
    (problem,) = problems_about(load_corpus(tmp_path), "link.txt")
    assert "'deleted-article.txt', which does not exist" in problem.what
    assert "not a regular file" not in problem.what


CAFE_NFC = unicodedata.normalize("NFC", "café报道.txt")
CAFE_NFD = unicodedata.normalize("NFD", "café报道.txt")


def test_one_article_saved_under_the_nfc_and_the_nfd_form_of_its_name_gets_one_page(tmp_path):
    for name in (CAFE_NFC, CAFE_NFD):
        (tmp_path / name).write_text(article("咖啡馆的报道", "同一篇咖啡馆报道"), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    assert corpus.articles[0].file_name == CAFE_NFC
    assert any("differ only in how accents are stored" in p.what for p in corpus.problems)


@pytest.mark.parametrize("file_form, entry_form", [(CAFE_NFC, CAFE_NFD), (CAFE_NFD, CAFE_NFC)])
def test_sources_yml_matches_a_file_name_whichever_unicode_form_each_uses(tmp_path, file_form, entry_form):
    (tmp_path / file_form).write_text(article("咖啡馆的报道", "咖啡馆报道"), encoding="utf-8")
    (tmp_path / "sources.yml").write_text(f'"{entry_form}":\n  outlet: 更正后的媒体\n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].outlet == "更正后的媒体"
    assert not corpus.problems


# -- Dates and fields: a bad value costs that field only ----------------------------


def test_an_impossible_unquoted_date_in_sources_yml_costs_only_that_field(tmp_path):
    (tmp_path / "a.txt").write_text(article("文章甲", "甲文", date="2025-11-05"), encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: 更正媒体\n  date: 2025-13-45\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    (published,) = corpus.articles
    assert published.outlet == "更正媒体" and published.date == dt.date(2025, 11, 5)
    (problem,) = problems_about(corpus, "sources.yml")
    assert "entry 'a.txt'" in problem.what and "'date' is not a date: '2025-13-45'" in problem.what
    assert "(line 3)" in problem.what and not problem.rejected


def test_an_impossible_unquoted_date_in_front_matter_publishes_the_article_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("---\ntitle: 日期写错的文章\ndate: 2025-13-45\n---\n\n" + paragraph("正文", 1) + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    (published,) = corpus.articles
    assert published.title == "日期写错的文章" and published.date is None
    whats = " ".join(p.what for p in problems_about(corpus, "a.txt"))
    assert "'date' is not a date: '2025-13-45'" in whats
    assert not any(p.rejected for p in corpus.problems)


def test_a_bad_slug_and_a_bad_title_in_front_matter_cost_only_those_fields(tmp_path):
    text = "---\ntitle: [不是, 文字]\nslug: 中文/../x\noutlet: 正确媒体\ndate: 2025-11-05\n---\n\n第一行当标题\n\n" + paragraph("正文", 1) + "\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    (published,) = corpus.articles
    assert (published.slug, published.outlet, published.date) == ("a", "正确媒体", dt.date(2025, 11, 5))
    whats = " ".join(p.what for p in problems_about(corpus, "a.txt"))
    assert "'title' should be text" in whats and "'slug' must be lowercase" in whats


def test_an_article_dated_after_the_build_is_published_with_a_warning(tmp_path):
    (tmp_path / "future.txt").write_text(article("来自未来的文章", "未来", date="2031-05-01"), encoding="utf-8")
    corpus = load_corpus(tmp_path, today=dt.date(2026, 1, 1))
    assert corpus.articles[0].date == dt.date(2031, 5, 1)
    (problem,) = problems_about(corpus, "future.txt")
    assert "dated 2031-05-01, later than the day of the build" in problem.what and "check the year" in problem.todo
    assert not problems_about(load_corpus(tmp_path, today=dt.date(2031, 6, 1)), "future.txt")


def test_an_article_dated_2031_never_dates_the_sitemap_after_today(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "future.txt").write_text(article("来自未来的文章", "未来", date="2031-05-01"), encoding="utf-8")
    (seeds / "past.txt").write_text(article("过去的文章", "过去", date="2025-11-05"), encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = build_site(tmp_path / "out", seeds)
    assert result.returncode == 0, result.stderr
    assert "future.txt: is dated 2031-05-01, later than the day of the build" in result.stderr
    sitemap = (tmp_path / "out" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = set(re.findall(r"<lastmod>([\d-]+)</lastmod>", sitemap))
    assert lastmods and max(lastmods) <= dt.date.today().isoformat()


# -- A copy under a new title is one report, never a second confirmation ------------


def syndicated_copy(original: str, extra: str) -> str:
    """`original` with another headline, and a paragraph of its own added after its first one."""
    lines = original.split("\n")
    paragraphs_start = next(i for i, line in enumerate(lines) if "发布时间" in line or "來源" in line) + 1
    body = "\n".join(lines[paragraphs_start:]).strip().split("\n\n")
    body.insert(1, extra)
    return "转载：换了一个标题的同一篇报道\n\n来源: 转载网 发布时间: 2025-11-12\n\n" + "\n\n".join(body) + "\n"


def test_a_syndicated_copy_with_a_new_title_and_an_extra_paragraph_is_published_as_a_copy_of_the_original(tmp_path):
    original = article("原始报道", "原始报道内容", date="2025-11-05")
    (tmp_path / "a-copy.txt").write_text(syndicated_copy(original, "转载网编者按：本文经授权转载，内容有增补。"), encoding="utf-8")
    (tmp_path / "b-original.txt").write_text(original, encoding="utf-8")
    (tmp_path / "c-other.txt").write_text(article("另一篇报道", "毫不相干的另一篇"), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    by_name = {a.file_name: a for a in corpus.articles}
    assert set(by_name) == {"a-copy.txt", "b-original.txt", "c-other.txt"}  # nothing it adds is lost
    assert by_name["a-copy.txt"].copy_of == "b-original"  # the earlier date is the original
    assert by_name["a-copy.txt"].report == by_name["b-original.txt"].report != by_name["c-other.txt"].report
    (problem,) = problems_about(corpus, "a-copy.txt")
    assert "is a copy of b-original.txt (another title, 1 paragraph(s) more)" in problem.what
    assert "counted as one source" in problem.todo and not problem.rejected


def test_a_copy_with_a_paragraph_cut_is_the_same_report_too(tmp_path):
    original = article("原始报道", "原始报道内容")
    cut = original.replace("\n\n" + paragraph("原始报道内容", 4), "")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(cut.replace("原始报道\n", "删节版的报道\n", 1), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [(a.file_name, a.copy_of) for a in corpus.articles] == [("a.txt", ""), ("b.txt", "a")]
    assert "is a copy of a.txt (another title, 1 paragraph(s) fewer)" in problems_about(corpus, "b.txt")[0].what


def test_two_reports_sharing_one_quoted_paragraph_stay_two_sources(tmp_path):
    shared = paragraph("两篇都引用的声明", 1)
    (tmp_path / "a.txt").write_text(article("报道甲", "报道甲自己的内容") + "\n" + shared + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(article("报道乙", "报道乙自己的内容") + "\n" + shared + "\n", encoding="utf-8")
    assert len(load_corpus(tmp_path).articles) == 2


def test_a_syndicated_copy_never_adds_a_source_to_a_figure_row(seeds_copy):
    original = (SEEDS / "000_8aa7ed600137bead.txt").read_text(encoding="utf-8")
    copy = "转载：小鹏科技日全记录\n\n" + original.split("\n", 1)[1].replace(
        "\n\n", "\n\n转载网编者按：本文经授权转载，标题为编辑所加，内容有增补。\n\n", 1
    )
    before = compose_site(load_corpus(seeds_copy)).pages["topics/robotaxi.md"]
    (seeds_copy / "900_syndicated_copy.txt").write_text(copy, encoding="utf-8")
    corpus = load_corpus(seeds_copy)
    after = compose_site(corpus).pages["topics/robotaxi.md"]
    lines = after.split("\n")
    # The infobox row of the Robotaxi's compute (its old id #fig-tops-3000 is an anchor inside it).
    row = lines[next(n for n, line in enumerate(lines) if line.startswith("{: #robotaxi-compute ")) - 1]
    assert "3,000 TOPS" in row and "2 个来源" in row
    assert re.findall(r"\d+ 个来源", before) == re.findall(r"\d+ 个来源", after)
    copy = next(a for a in corpus.articles if a.file_name == "900_syndicated_copy.txt")
    assert copy.copy_of == "000_8aa7ed600137bead"


# -- Packaging -------------------------------------------------------------------------


def test_installing_the_project_prints_no_warning_from_its_own_packaging(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps", "-e", str(ROOT)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    if result.returncode != 0 and "setuptools" in result.stderr and "No matching distribution" in result.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if "Warning" in line or "careful" in line]
    assert warnings == []


# -- The preview -------------------------------------------------------------------------


def test_serve_on_an_occupied_port_says_how_to_choose_another_instead_of_a_traceback(tmp_path):
    import socket

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(article("文章", "正文"), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\ntheme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        f"plugins:\n  kb:\n    seeds_dir: {seeds}\n",
        encoding="utf-8",
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "build_scripts.serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            capture_output=True, text=True, timeout=120, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"cannot preview on 127.0.0.1:{port}" in result.stderr
    assert f"build_scripts/run serve -a 127.0.0.1:{port + 1}" in result.stderr
