"""A seeds/ folder as people really fill it: every decodable article is on the
site, every other file gets one clear line, and the build never stops.

The whole messy folder (tests/corpora.py) is built once for this module,
together with the five real seed articles.
"""
import shutil
from pathlib import Path

import pytest

from build_scripts.reading.corpus import load_corpus
from conftest import ROOT, page
from corpora import (
    BUILT_WITH_WARNING, DECODABLE, GIANTS, OUTSIDE_MARKER, REJECTED, SIMPLIFIED_SENTENCE, TRADITIONAL_SENTENCE,
    build, paragraph, source_pages_showing, write_messy_seeds,
)
from test_links import check_internal_links

BUILT = sorted(name for name in DECODABLE if name not in GIANTS)
PROBLEM_FILES = sorted({**REJECTED, **BUILT_WITH_WARNING})


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    return build(root, write_messy_seeds(root))


# -- The build goes on, and says what is wrong in one line per file ----------


def test_build_succeeds_without_a_traceback(messy):
    assert messy.returncode == 0, messy.log
    assert "Traceback" not in messy.log


@pytest.mark.parametrize("file_name", PROBLEM_FILES)
def test_each_problem_file_gets_exactly_one_line_saying_what_is_wrong_and_what_to_do(messy, file_name):
    lines = messy.lines_about(file_name)
    assert len(lines) == 1, messy.problem_lines()
    what, todo = lines[0].split(" — ", 1)
    assert {**REJECTED, **BUILT_WITH_WARNING}[file_name] in what
    verdict = "(skipped)" if file_name in REJECTED else "(built with a warning)"
    assert what.endswith(verdict)
    assert len(todo) > 10


def test_only_problem_files_are_reported(messy):
    reported = {line.split(": ", 1)[0] for line in messy.problem_lines()}
    assert reported == set(PROBLEM_FILES)


def test_macos_folder_metadata_is_ignored_silently(messy):
    assert not messy.lines_about(".DS_Store")


# -- Nothing decodable is lost ------------------------------------------------


@pytest.mark.parametrize("file_name", BUILT)
def test_decodable_article_builds_its_page_with_every_paragraph(messy, file_name):
    title, marker = DECODABLE[file_name]
    pages = source_pages_showing(messy.site, marker)
    assert len(pages) == 1, pages
    paragraphs = [p.get_text().rstrip("¶").strip() for p in page(messy.site, pages[0]).select("article p.kb-para")]
    sentence = TRADITIONAL_SENTENCE if file_name == "big5.txt" else SIMPLIFIED_SENTENCE
    assert paragraph(marker, 1, sentence) in paragraphs
    assert sum(marker in p for p in paragraphs) == 4  # line ends split it, nothing glued or lost
    index_links = {a["href"] for a in page(messy.site, "sources/").select("article table a")}
    assert pages[0].removeprefix("sources/") in index_links


# Unclosed front matter is read as text: its first line becomes the title.
@pytest.mark.parametrize("file_name", sorted(set(BUILT) - {"unclosed-front-matter.txt"}))
def test_decodable_article_keeps_its_title(messy, file_name):
    title, marker = DECODABLE[file_name]
    html = page(messy.site, source_pages_showing(messy.site, marker)[0])
    assert html.find("h1").get_text().rstrip("¶") == title


def test_big5_title_stays_traditional(messy):
    html = page(messy.site, "sources/big5/")
    assert html.find("h1").get_text().rstrip("¶") == "Big5 編碼的文章"
    assert "语言：繁体中文" in html.select_one(".kb-meta").get_text()  # the 简体 copy's labels, the article's title as written
    traditional = page(messy.site, "zh-Hant/sources/big5/")
    assert traditional.find("h1").get_text().rstrip("¶") == "Big5 編碼的文章"
    assert "語言：繁體中文" in traditional.select_one(".kb-meta").get_text()


def test_nul_bytes_and_replacement_characters_never_reach_the_page(messy):
    html = (messy.site / "sources" / "nul-bytes" / "index.html").read_text(encoding="utf-8")
    assert "\x00" not in html and "\ufffd" not in html and "&#0;" not in html


def test_the_real_seed_articles_still_build(messy):
    for slug in ("000_8aa7ed600137bead", "001_f557aaf571426259", "002_56d86afa678d481a",
                 "003_93100f986083634d", "004_2a4aa61ecc6eb6e2"):
        assert len(page(messy.site, f"sources/{slug}/").select("article p.kb-para")) >= 5, slug


def test_front_matter_of_the_wrong_type_is_ignored_field_by_field(messy):
    line = messy.lines_about("wrong-types.txt")[0]
    assert "'title' should be text, not list" in line and "'date' is not a date: 'next week'" in line
    meta = page(messy.site, "sources/wrong-types/").select_one(".kb-meta").get_text()
    assert "2025-11-05" in meta  # the date line in the text still counts


# -- Names: duplicates, collisions, odd characters -----------------------------


def test_the_same_article_under_two_names_is_one_source_naming_both_files(messy):
    title, marker = DECODABLE["same-article-1.txt"]
    pages = source_pages_showing(messy.site, marker)
    assert pages == ["sources/same-article-1/"]
    files = [code.get_text() for code in page(messy.site, pages[0]).select(".kb-meta code")]
    assert files == ["same-article-1.txt", "same-article-2.txt"]


def test_case_variant_file_names_get_distinct_pages_first_name_first(messy):
    assert source_pages_showing(messy.site, DECODABLE["Case.txt"][1]) == ["sources/case/"]
    assert source_pages_showing(messy.site, DECODABLE["case.txt"][1]) == ["sources/case-2/"]
    assert "published as 'case-2'" in messy.lines_about("case.txt")[0]


def test_two_articles_asking_for_one_slug_are_both_published_and_the_second_is_renamed(messy):
    assert source_pages_showing(messy.site, DECODABLE["slug-one.txt"][1]) == ["sources/shared/"]
    assert source_pages_showing(messy.site, DECODABLE["slug-two.txt"][1]) == ["sources/shared-2/"]
    assert "published as 'shared-2'" in messy.lines_about("slug-two.txt")[0]


def test_slug_collisions_resolve_the_same_way_whatever_order_the_folder_lists(messy, monkeypatch):
    first = {a.file_name: a.slug for a in load_corpus(messy.seeds).articles}
    real_iterdir = Path.iterdir
    monkeypatch.setattr(Path, "iterdir", lambda self: reversed(list(real_iterdir(self))))
    second = {a.file_name: a.slug for a in load_corpus(messy.seeds).articles}
    assert first == second


def test_a_slug_that_climbs_out_of_sources_is_refused(messy):
    assert source_pages_showing(messy.site, DECODABLE["bad-slug.txt"][1]) == ["sources/bad-slug/"]
    assert not list(messy.site.parent.rglob("escaped*"))
    assert "'../../escaped'" in messy.lines_about("bad-slug.txt")[0]


def test_file_names_with_spaces_and_chinese_get_ascii_urls(messy):
    for name in ("with spaces.txt", "小鹏飞行汽车.txt"):
        (url,) = source_pages_showing(messy.site, DECODABLE[name][1])
        assert url.isascii() and " " not in url
        assert name in [c.get_text() for c in page(messy.site, url).select(".kb-meta code")]


# -- What is not an article is not read ---------------------------------------


def test_symlink_to_a_file_outside_seeds_is_not_followed(messy):
    for file in messy.site.rglob("*"):
        if file.is_file():
            assert OUTSIDE_MARKER.encode("utf-8") not in file.read_bytes(), file


@pytest.mark.parametrize("marker", ["这篇文章在子文件夹里", "这篇文章的文件名以点开头", "一篇存成网页的文章"])
def test_sub_folders_hidden_files_and_html_files_are_not_published(messy, marker):
    assert source_pages_showing(messy.site, marker) == []


def test_a_docx_is_told_to_be_saved_as_text_and_an_empty_web_page_to_be_saved_again(messy):
    assert "save the article as plain text" in messy.lines_about("report.docx")[0]
    assert "save it again" in messy.lines_about("page.html")[0]


# -- The problem-report page ---------------------------------------------------


def test_problems_page_has_one_row_per_problem_file_with_what_and_todo(messy):
    rows = page(messy.site, "problems/").select("article table tbody tr")
    files = [row.find("td").get_text() for row in rows]
    assert sorted(files) == PROBLEM_FILES
    for row in rows:
        file_name, what, todo, result = (td.get_text(strip=True) for td in row.find_all("td"))
        assert what and todo
        assert ("未收录" in result) == (file_name in REJECTED)


def test_home_page_shows_the_number_of_problem_files_above_its_sections_and_links_to_them(messy):
    article = page(messy.site, "").select_one("article")
    link = article.select_one('a[href="problems/"]')
    assert f"{len(PROBLEM_FILES)} 个文件需要处理" in link.get_text()
    first_section = article.find("h2")
    assert first_section is None or link in first_section.find_all_previous("a")


def test_without_problems_there_is_no_problems_page_tab_or_notice(seed_site):
    assert not (seed_site / "problems").exists()
    home = page(seed_site, "")
    assert home.select('a[href="problems/"]') == [] and home.select("article .admonition") == []


def test_problems_page_is_in_the_navigation(messy):
    tabs = [a.get_text(strip=True) for a in page(messy.site, "").select(".md-tabs__link")]
    assert tabs[-1] == "输入问题"


def test_every_internal_link_of_the_messy_site_resolves(messy):
    assert check_internal_links(messy.site) == []


# -- Deterministic -------------------------------------------------------------

# Loaded into the second build's Python (as sitecustomize): MkDocs' clock says
# it is another day, as for a rebuild in CI next week.
ANOTHER_DAY = """
import datetime
import mkdocs.utils


class AnotherDay(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime(2031, 1, 2, 3, 4, 5, tzinfo=tz)


mkdocs.utils.datetime = AnotherDay
"""


def test_a_rebuild_of_the_same_seeds_on_another_day_is_byte_identical(messy, tmp_path, monkeypatch):
    (tmp_path / "clock").mkdir()
    (tmp_path / "clock" / "sitecustomize.py").write_text(ANOTHER_DAY, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "clock"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = build(tmp_path, messy.seeds)
    assert again.returncode == 0, again.log

    def files(site):
        return {str(f.relative_to(site)): f.read_bytes() for f in sorted(site.rglob("*")) if f.is_file()}

    first, second = files(messy.site), files(again.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert "2031-01-02" not in first["sitemap.xml"].decode("utf-8")


# -- Atomic --------------------------------------------------------------------

# Loaded into a build's Python (as sitecustomize): the build is interrupted
# (Ctrl-C) while it renders the third source page.
INTERRUPT_MID_GENERATION = """
import sys

import build_scripts.pages.site

render = build_scripts.pages.site.render_source_page
rendered = []


def render_then_interrupt(*args, **kwargs):
    rendered.append(1)
    if len(rendered) == 3:
        print("simulated interruption while generating pages", file=sys.stderr)
        raise KeyboardInterrupt
    return render(*args, **kwargs)


build_scripts.pages.site.render_source_page = render_then_interrupt
"""


def test_an_interrupted_generation_leaves_the_previous_site_docs_and_seeds_untouched(messy, tmp_path, monkeypatch):
    """Generated pages live in memory (MkDocs File.generated) until every one is made:
    nothing is ever written into docs/ or seeds/, and an interruption while
    generating comes before MkDocs empties site/, so the last good site stays."""

    def snapshot(folder):
        return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file() and not f.is_symlink()}

    shutil.copytree(messy.site, tmp_path / "build" / "site")
    before = {name: snapshot(folder) for name, folder in (("site", messy.site), ("docs", ROOT / "docs"), ("seeds", messy.seeds))}
    (tmp_path / "crash").mkdir()
    (tmp_path / "crash" / "sitecustomize.py").write_text(INTERRUPT_MID_GENERATION, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "crash"))
    interrupted = build(tmp_path, messy.seeds)
    assert interrupted.returncode != 0 and "simulated interruption" in interrupted.log
    assert snapshot(tmp_path / "build" / "site") == before["site"]
    assert snapshot(ROOT / "docs") == before["docs"]
    assert snapshot(messy.seeds) == before["seeds"]
