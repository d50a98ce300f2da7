"""Reading seeds/ never raises: a bad file becomes a Problem naming it, what is wrong and what to do."""
import os
import threading

from build_scripts.reading import corpus as reading
from build_scripts.model import Corpus, Problem
from build_scripts.reading.corpus import load_corpus, parse_article
from corpora import article


def test_a_crash_reading_one_file_costs_that_file_only(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(article("好文章", "这篇能读"), encoding="utf-8")
    (tmp_path / "cursed.txt").write_text(article("坏文章", "这篇触发程序错误"), encoding="utf-8")
    real_parse = reading.parse_article

    def parse(file_name, text, override):
        if file_name == "cursed.txt":
            raise KeyError("simulated bug")
        return real_parse(file_name, text, override)

    monkeypatch.setattr(reading, "parse_article", parse)
    corpus = load_corpus(tmp_path)
    assert [a.file_name for a in corpus.articles] == ["good.txt"]
    (problem,) = corpus.problems
    assert problem.file_name == "cursed.txt" and problem.rejected
    assert "KeyError" in problem.what and "report this as a bug" in problem.todo


def test_a_named_pipe_in_seeds_is_reported_not_read(tmp_path):
    (tmp_path / "good.txt").write_text(article("好文章", "这篇能读"), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = {}
    reader = threading.Thread(target=lambda: result.update(corpus=load_corpus(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a named pipe blocks the build forever"
    assert [p.file_name for p in result["corpus"].problems] == ["pipe.txt"]


def test_a_file_holding_only_a_bom_and_unicode_spaces_is_empty(tmp_path):
    (tmp_path / "blank.txt").write_bytes("\ufeff\u3000\u00a0\n".encode("utf-8"))
    (problem,) = load_corpus(tmp_path).problems
    assert (problem.file_name, problem.what, problem.rejected) == ("blank.txt", "is empty", True)


def test_a_slug_in_sources_yml_must_stay_a_plain_name(tmp_path):
    (tmp_path / "a.txt").write_text(article("文章", "正文"), encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  slug: ../../../etc/x\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].slug == "a"
    assert any("slug" in p.what and p.file_name == "sources.yml" for p in corpus.problems)


def test_a_title_with_line_breaks_in_front_matter_becomes_one_line():
    result = parse_article("x.txt", '---\ntitle: "第一行\\n第二行\\n\\n第三行"\n---\n\n正文一段。\n', {})
    assert result.article.title == "第一行 第二行 第三行"


def test_several_problems_of_one_file_make_one_report_line():
    corpus = Corpus(articles=(), problems=(
        Problem("a.txt", "has no title", "add a title"),
        Problem("a.txt", "has no publication date", "add a date"),
        Problem("b.txt", "is empty", "paste the text", rejected=True),
    ))
    lines = [report.line() for report in corpus.reports]
    assert lines == [
        "a.txt: has no title; has no publication date (built with a warning) — add a title; add a date",
        "b.txt: is empty (skipped) — paste the text",
    ]
