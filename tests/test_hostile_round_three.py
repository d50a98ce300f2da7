"""Hostile and unlucky input, round three (issue 26), as the user sees it.

- names and titles that are not plain text, a missing seeds folder: the build
  log, the Problems page, the pages' titles and what is published;
- site/ replaced in one step or left whole: kill -9, a full disk, a read-only
  folder; no reading process outlives a killed build;
- copied citations pasted into Python-Markdown and checked as wikitext;
- safety nets: each test here fails when its net is taken out (HTML escaping,
  citation verification, range tops, ambiguous dates, outlet subdomains,
  undecodable files);
- `build_scripts/run serve` converging to a fresh build as problems, tags,
  articles and seeds/ itself come and go.

Builds use small folders of their own (a few seconds each).
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from build_scripts import publish
from build_scripts.knowledge import compose
from build_scripts.knowledge.classify import Passage, simplified_same_length
from build_scripts.knowledge.corroborate import Citation
from build_scripts.knowledge.extract import extract_figures
from build_scripts.model import Article, Paragraph
from build_scripts.pages.cite_menu import cite_data
from build_scripts.pages.site import Stages, compose_site
from build_scripts.reading.corpus import load_corpus, parse_article, read_article
from conftest import ROOT, SEEDS, build_site, page
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
    assert len(shown) == 1 and "not UTF-8" in shown[0] and "已收录，有警告" in shown[0]
    pages = [p for p in (odd.site / "sources").glob("*/index.html") if GBK_MARKER in p.read_text(encoding="utf-8")]
    assert len(pages) == 1


def test_a_name_that_is_not_utf8_leaves_the_search_index_and_both_sitemaps_whole(odd):
    docs = json.loads((odd.site.parent / "build" / "search" / "documents.json").read_text(encoding="utf-8"))  # what search indexes
    assert any(GBK_MARKER in json.dumps(doc, ensure_ascii=False).replace("\u200b", "").replace(" ", "") for doc in docs)
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
        title = page(odd.site, html_file.parent.relative_to(odd.site).as_posix() + "/").title
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


# -- site/ is replaced in one step, or left whole -------------------------------


def tree(site) -> dict[str, str]:
    """Every file under `site`, by relative path: a digest of its bytes."""
    return {
        str(f.relative_to(site)): hashlib.sha1(f.read_bytes()).hexdigest()
        for f in sorted(site.rglob("*")) if f.is_file()
    }


@pytest.fixture
def built_once(tmp_path):
    """A site built from one article, and a second article added to seeds/ since: (out, seeds, the site's tree)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "first.txt").write_text(article("第一篇文章", "这是第一篇文章"), encoding="utf-8")
    out = tmp_path / "build"
    assert build_site(out, seeds).returncode == 0
    (seeds / "second.txt").write_text(article("第二篇文章", "这是第二篇文章"), encoding="utf-8")
    return out, seeds, tree(out / "site")


def mkdocs_failing(out, failure: str, *options: str) -> subprocess.CompletedProcess:
    """`mkdocs build` on out/mkdocs.yml (written by build_site) with `failure` (Python) run first to break the disk."""
    argv = ["mkdocs", "build", "-f", "mkdocs.yml", *options]
    code = f"import errno, os, sys\n{failure}\nfrom mkdocs.__main__ import cli\nsys.argv = {argv!r}\ncli()\n"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=out)


# MkDocs writes every page and copied file through these two.
FULL_DISK_AFTER_20_FILES = """
import shutil, mkdocs.utils
calls = []
def failing(original):
    def write(*args, **kwargs):
        calls.append(1)
        if len(calls) > 20:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return original(*args, **kwargs)
    return write
mkdocs.utils.write_file = failing(mkdocs.utils.write_file)
mkdocs.utils.copy_file = failing(mkdocs.utils.copy_file)
"""


def test_a_full_disk_while_writing_leaves_the_previous_site_whole_and_says_so(built_once):
    out, _seeds, before = built_once
    result = mkdocs_failing(out, FULL_DISK_AFTER_20_FILES)
    assert result.returncode == 1
    assert "the disk is full" in result.stderr and "left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(out / "site") == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".site")] == []  # its half-written build is removed


def test_a_strict_build_aborted_by_a_late_warning_leaves_the_previous_site_whole(built_once):
    out, _seeds, before = built_once
    warning_while_writing = (
        "import logging\n"
        "from build_scripts.pages import variants\n"
        "write_sitemap = variants.write_sitemap\n"
        "def warn(*args, **kwargs):\n"
        "    logging.getLogger('mkdocs.plugins.kb').warning('a warning as the last files are written')\n"
        "    return write_sitemap(*args, **kwargs)\n"
        "variants.write_sitemap = warn\n"
    )
    result = mkdocs_failing(out, warning_while_writing, "--strict")
    assert result.returncode == 1 and "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
    assert tree(out / "site") == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".site")] == []


def read_only_mounts_work(folder) -> bool:
    """Whether this machine lets the test mount a folder read-only in a namespace of its own (root in a container: yes)."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}' && ! touch '{folder}/probe'"],
        capture_output=True,
    )
    return probe.returncode == 0


def test_a_read_only_site_folder_leaves_the_previous_site_and_says_so(built_once):
    out, _seeds, _before = built_once
    public = out / "public"
    config = out / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_dir: {out / 'site'}", f"site_dir: {public / 'site'}"), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = f"'{sys.executable}' -m mkdocs build -f mkdocs.yml"
    assert subprocess.run(command, shell=True, cwd=out, env=env, capture_output=True).returncode == 0
    before = tree(public / "site")
    if not read_only_mounts_work(public):
        pytest.skip("cannot mount a folder read-only here (needs unshare and mount rights)")
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{public}' '{public}' && exec {command}"],
        cwd=out, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "read-only file system" in result.stderr and "left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(public / "site") == before


def files_written_since(out, start: float) -> int:
    """How many files a running build has written so far, into site/ or anywhere beside it."""
    count = 0
    for folder, _, files in os.walk(out):
        for name in files:
            try:
                count += os.stat(os.path.join(folder, name)).st_mtime >= start
            except OSError:  # renamed meanwhile
                pass
    return count


def test_kill_9_while_the_site_is_written_leaves_the_previous_site_whole(built_once):
    out, seeds, before = built_once
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml"]
    killed_while_writing = 0
    for files_written in (1, len(before) // 3, 2 * len(before) // 3):  # early, halfway, late in the write phase
        start = time.time()
        process = subprocess.Popen(command, cwd=out, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if files_written_since(out, start) >= files_written:
                process.send_signal(signal.SIGKILL)
                killed_while_writing += 1
                break
            time.sleep(0.005)
        if process.wait() == 0:  # it finished first: the machine is faster than the polling
            break
        assert tree(out / "site") == before
    assert killed_while_writing >= 1
    # The next build replaces the site and removes what the killed ones left.
    assert build_site(out, seeds).returncode == 0
    assert "sources/second/index.html" in tree(out / "site")
    assert [p.name for p in out.iterdir() if p.name.startswith(".site")] == []


# -- Killing the build ends its reading processes ---------------------------------


def children_of(pid: int) -> set[int]:
    try:
        return {int(child) for child in (Path(f"/proc/{pid}/task/{pid}/children").read_text().split())}
    except OSError:
        return set()


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads processes from Linux's /proc")
def test_kill_9_of_the_build_leaves_no_reading_process_alive(tmp_path):
    from build_scripts.parallel import PARALLEL_FROM, available_cores

    if available_cores() < 2:
        pytest.skip("one processor: the build reads in one process")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(PARALLEL_FROM + 4):  # enough for the build to read in several processes
        (seeds / f"a{n:03}.txt").write_text(article(f"第{n}篇文章", f"这是第{n}篇文章的标记"), encoding="utf-8")
    out = tmp_path / "build"
    build_site(out, seeds, extra_yaml="")  # writes out/mkdocs.yml (and a first site)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml"], cwd=out, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while process.poll() is None and len(workers) < 2 and time.monotonic() < deadline:
        workers = children_of(process.pid)
        time.sleep(0.01)
    if len(workers) < 2:
        process.kill()
        process.wait()
        pytest.skip("the build finished before its reading processes could be seen")
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # never leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert left == []


# -- Copied citations stay text in the wiki they are pasted into ----------------


HOSTILE_FIELD = (
    "[Reuters](https://evil.example/phish) <img src=x onerror=alert(1)> <b>bold</b> &amp; "
    "[[Category:Spam]] [[File:X.png]] [http://evil.example x] </ref> <ref>x</ref> ~~~~ {{Delete}} {{!}} | "
    "''bold'' __NOTOC__ https://bare.example {html}<script>{html} !pic.png! [~admin] *strong* _em_ `code` ~~gone~~"
)
PAGE_URL = "https://kb.example.internal/topics/iron/"


def hostile_citations() -> list[Citation]:
    """The same hostile words as the outlet, as the title (no outlet: a source is then named by its title)
    and as the file name (neither), each quoted."""
    def cited(outlet="", title="", file_name="plain.txt"):
        article = Article(slug="hostile", file_name=file_name, title=title, outlet=outlet, author="",
                          date=dt.date(2025, 11, 5), language="en", paragraphs=())
        return Citation(article, "p1", "IRON has 22 degrees of freedom " + HOSTILE_FIELD)
    return [cited(outlet=HOSTILE_FIELD, title="t"), cited(title=HOSTILE_FIELD), cited(file_name=HOSTILE_FIELD)]


def plain_citation() -> Citation:
    article = Article(slug="plain", file_name="plain.txt", title="t", outlet="36氪", author="",
                      date=dt.date(2025, 11, 5), language="en", paragraphs=())
    return Citation(article, "p1", "IRON has 22 degrees of freedom, XPeng's engineers said.")


@pytest.fixture(scope="module")
def copied(browser) -> list[dict[str, str]]:
    """For each hostile citation's row: {format: the text the ❞ menu copies}, from kb.js in Chromium."""
    rows = "".join(
        f'<p id="row-{n}" class="kb-figure"{cite_data(citation)}><span class="kb-value">{html.escape(HOSTILE_FIELD)}</span></p>'
        for n, citation in enumerate(hostile_citations())
    ) + f'<p id="row-3" class="kb-figure"{cite_data(plain_citation())}><span class="kb-value">22</span></p>'
    page = browser.new_page()
    page.set_content(
        f'<html><head><meta property="og:title" content="{html.escape(HOSTILE_FIELD)}">'
        f'<link rel="canonical" href="{PAGE_URL}"></head><body>{rows}</body></html>'
    )
    # Clipboard or prompt, whichever kb.js uses here: keep the text. document$ stands in for Material's.
    page.evaluate(
        "window.prompt = (label, text) => { window.kbCopied = text; };"
        "if (navigator.clipboard) navigator.clipboard.writeText = (text) => { window.kbCopied = text; return Promise.resolve(); };"
        "window.document$ = { subscribe: (f) => f() };"
    )
    page.add_script_tag(path=str(ROOT / "docs" / "assets" / "kb.js"))
    found = []
    for n in range(len(hostile_citations()) + 1):
        texts = {}
        for name in ("Markdown", "MediaWiki", "Confluence"):
            page.click(f"#row-{n} button.kb-cite-button")
            page.click(f'#row-{n} .kb-cite-menu button[data-format="{name}"]')
            texts[name] = page.evaluate("window.kbCopied")
        found.append(texts)
    page.close()
    return found


def one_line(text: str) -> str:
    return " ".join(text.split())


ACCESSED = r"\d{4}-\d{2}-\d{2}"


def rendered_footnote(markdown_text: str):
    """A pasted Markdown citation through Python-Markdown with footnotes: (the page, its one footnote)."""
    rendered = BeautifulSoup(markdown.markdown(markdown_text, extensions=["extra"]), "html.parser")
    notes = rendered.select("div.footnote li")
    assert len(notes) == 1, markdown_text
    return rendered, notes[0]


def test_a_copied_markdown_citation_is_one_footnote_with_one_link_ours_and_the_fields_as_text(copied):
    for n, texts in enumerate(copied[:3]):
        rendered, note = rendered_footnote(texts["Markdown"])
        # Nothing but paragraphs, the footnote's marker and list, and links: no image, script, bold, list of its own.
        assert {tag.name for tag in rendered.find_all(True)} <= {"p", "a", "sup", "div", "hr", "ol", "li"}, texts["Markdown"]
        links = [a for a in rendered.find_all("a") if not {"footnote-ref", "footnote-backref"} & set(a.get("class", []))]
        assert [a["href"] for a in links] == [f"{PAGE_URL}#row-{n}"]
        assert rendered.select_one("sup a.footnote-ref")["href"] == f"#fn:row-{n}"
        text = one_line(note.get_text())
        assert one_line(HOSTILE_FIELD) in text and "2025-11-05" in text  # the outlet, title or file name, as written
        assert re.search(rf"访问日期：{ACCESSED}", text)


def wikitext_outside_nowiki(text: str) -> tuple[str, list[str]]:
    """The wikitext MediaWiki parses (each <nowiki> part as ␀), and what each <nowiki> part shows."""
    parts = re.split(r"<nowiki>(.*?)</nowiki>", text)
    for inner in parts[1::2]:
        assert "<" not in inner and ">" not in inner, inner  # nothing can close it early or open a tag
    return "\0".join(parts[0::2]), [html.unescape(inner) for inner in parts[1::2]]


# MediaWiki's <ref> with a name and one {{cite web}} inside: the name quoted, nothing else in the ref.
CITE_REF = re.compile(r'<ref name="[A-Za-z0-9_-]+">\{\{cite web((?: \|[a-z-]+=[^|{}<>]*)+)\}\}</ref>')


def cite_ref_fields(wikitext: str) -> dict[str, str]:
    """The parameters of a pasted `<ref name="…">{{cite web …}}</ref>`, as MediaWiki reads them (nowiki parts as text)."""
    parsed, shown = wikitext_outside_nowiki(wikitext)
    found = CITE_REF.fullmatch(parsed)
    assert found, wikitext
    fields, nowiki = {}, iter(shown)
    for param in found[1].split(" |")[1:]:
        key, _, value = param.partition("=")
        fields[key] = re.sub("\0", lambda _: next(nowiki), value.strip())
    return fields


def test_a_copied_mediawiki_citation_is_our_ref_with_every_field_as_text(copied):
    for n, texts in enumerate(copied[:3]):
        fields = cite_ref_fields(texts["MediaWiki"])
        assert fields["url"] == f"{PAGE_URL}#row-{n}" and fields["date"] == "2025-11-05"
        assert re.fullmatch(ACCESSED, fields["access-date"])
        assert fields["website"] == one_line(HOSTILE_FIELD)  # the outlet, else the title, else the file name
        assert fields["quote"].endswith(one_line(HOSTILE_FIELD)) and fields["title"].startswith(one_line(HOSTILE_FIELD))


def test_a_plain_mediawiki_field_is_left_without_nowiki(copied):
    assert re.search(
        rf" \|website=36氪 \|date=2025-11-05 \|quote=IRON has 22 degrees of freedom, XPeng's engineers said\. \|access-date={ACCESSED}\}}\}}</ref>$",
        copied[-1]["MediaWiki"],
    ), copied[-1]["MediaWiki"]


def test_each_copied_format_yields_a_footnote_with_outlet_date_and_quote(copied):
    """What a reader pastes: a footnote in Markdown (Python-Markdown's footnotes) and MediaWiki, a cited link in Confluence."""
    texts = copied[-1]
    quote = "IRON has 22 degrees of freedom, XPeng's engineers said"
    _, note = rendered_footnote(texts["Markdown"])
    assert "36氪" in note.get_text() and "2025-11-05" in note.get_text() and quote in note.get_text()
    fields = cite_ref_fields(texts["MediaWiki"])
    assert (fields["website"], fields["date"]) == ("36氪", "2025-11-05") and fields["quote"].startswith(quote)
    assert fields["title"].endswith("：22")  # what is cited: the page's subject, and the row's value
    link = re.fullmatch(rf"\[(.*)\|{re.escape(PAGE_URL)}#row-3\] “(.*)”（访问日期：{ACCESSED}）", texts["Confluence"])
    assert link and "36氪" in link[1] and "2025-11-05" in re.sub(r"\\(.)", r"\1", link[1]) and link[2].startswith(quote)


def test_a_copied_confluence_citation_is_one_link_to_the_row_with_markup_escaped(copied):
    for n, texts in enumerate(copied[:3]):
        found = re.fullmatch(rf"\[([^|\]]*)\|{re.escape(PAGE_URL)}#row-{n}\] “(.*)”（访问日期：{ACCESSED}）", texts["Confluence"])
        assert found, texts["Confluence"]
        assert "2025-11-05" in re.sub(r"\\(.)", r"\1", found[1])  # the link's text names the source and its date
        for part in found.groups():
            unescaped = re.sub(r"\\.", "", part)
            assert not re.search(r"[\[\]|{}!*_~^+?#@-]", unescaped), part


# -- Safety nets: each of these fails when its net is taken away -----------------


MARKUP_SENTENCE = "小鹏IRON人形机器人<b>全身</b>拥有82个自由度，<i>灵巧手</i>有22个自由度。"
# Tags, and an entity: without HTML escaping, "&amp;" would be shown as "&", not as written.
LISTED_SENTENCE = "小鹏IRON人形机器人<b>采用</b>仿生肌肉&amp;全包覆柔性皮肤，<i>外观</i>更接近人类，可以在展厅中自然行走。"


@pytest.fixture(scope="module")
def markup(tmp_path_factory):
    """A site whose articles put HTML in sentences quoted on topic pages, and in a file name on the Problems page."""
    root = tmp_path_factory.mktemp("markup")
    seeds = root / "seeds"
    seeds.mkdir()
    body = "\n\n".join([
        MARKUP_SENTENCE,
        LISTED_SENTENCE,
        "IRON人形机器人将于2026年底<b>量产</b>，首先在小鹏门店和工厂中承担导览与巡检工作。",
        "分析人士认为，小鹏IRON人形机器人<b>表现惊艳</b>，或将推动行业加速发展。",
    ])
    (seeds / "markup.txt").write_text(f"小鹏发布新一代IRON人形机器人\n\n来源: 测试网 发布时间: 2025-11-05\n\n{body}\n", encoding="utf-8")
    (seeds / "<b>bold&amp;.txt").write_text("", encoding="utf-8")
    return build(root, seeds)


def html_pages(site):
    for html_file in sorted(site.rglob("*.html")):
        yield html_file.relative_to(site), BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")


# Every page type that quotes those sentences, in both scripts, and what it must show as written.
SHOWN_AS_TEXT = {
    "sources/markup/index.html": ["<b>全身</b>", "仿生肌肉&amp;全包覆", "<b>量产</b>"],
    "topics/iron/index.html": ["<b>采用</b>仿生肌肉&amp;全包覆", "<b>量产</b>", "<b>表现惊艳</b>"],
    "zh-Hant/topics/iron/index.html": ["<b>採用</b>仿生肌肉&amp;全包覆", "<b>量產</b>"],
    "promises/iron/index.html": ["<b>量产</b>"],
    "zh-Hant/promises/iron/index.html": ["<b>量產</b>"],
}


def test_html_in_an_article_sentence_stays_text_on_every_page_that_shows_it(markup):
    assert markup.returncode == 0, markup.log
    for path, soup in html_pages(markup.site):
        body = soup.select_one("article")
        assert body is None or not body.find(["b", "i"]), f"{path}: article HTML became markup"
    for path, texts in SHOWN_AS_TEXT.items():
        shown = page(markup.site, path).select_one("article").get_text()
        for text in texts:
            assert text in shown, f"{path}: {text!r} not shown as written"


def test_html_in_a_file_name_stays_text_on_the_problems_page(markup):
    problems = page(markup.site, "problems/")
    assert not problems.select_one("article").find("b")
    assert "<b>bold&amp;.txt" in problems.select_one("article").get_text()


def test_the_page_build_verifies_every_citation_against_its_paragraph():
    """A sentence whose words are not in the paragraph it cites stops the build, naming topic, quote and file."""
    class Tampered(Stages):
        @staticmethod
        def facts(article, *rules):
            found = compose.article_facts(article, *rules)
            passages = tuple(replace(p, text="此句已被篡改：" + p.text) for p in found.passages)
            return replace(found, passages=passages)

    corpus = load_corpus(SEEDS)
    compose_site(corpus)  # the seeds themselves pass
    with pytest.raises(compose.CitationError) as error:
        compose_site(corpus, stages=Tampered)
    message = str(error.value)
    assert "topic '" in message and "此句已被篡改" in message and ".txt paragraph #" in message


def figures_of(text: str):
    paragraph = Paragraph(id="p-000000", text=text)
    article = Article(slug="x", file_name="x.txt", title="t", outlet="测试网", author="", date=dt.date(2025, 11, 10),
                      language="zh-Hans", paragraphs=(paragraph,))
    passage = Passage(article, paragraph, text, simplified_same_length(text), 0, "", {"flying-cars": 5.0})
    return [(f.value, f.high) for f in extract_figures(passage)]


@pytest.mark.parametrize("text, low, high", [
    ("陆地航母的预售价为20-30万元", 200_000, 300_000),
    ("单车售价约0.5~1亿元", 50_000_000, 100_000_000),
])
def test_the_top_of_a_range_is_scaled_like_its_bottom(text, low, high):
    assert (low, high) in figures_of(text)


@pytest.mark.parametrize("header", [
    "Published: 12/11/2025",
    "发布时间：12/11/2025",
    "Reuters | 12/11/2025",
])
def test_a_date_that_could_be_day_or_month_first_is_listed_not_guessed(header):
    body = "XPeng showed its IRON humanoid robot, which walks like a person, at its AI Day in Guangzhou this week."
    result = parse_article("ambiguous.txt", f"XPeng unveils a new humanoid robot\n\n{header}\n\n{body}\n\n{body}\n", {})
    assert result.article is not None and result.article.date is None
    assert any("12/11/2025" in problem.what for problem in result.problems)


@pytest.mark.parametrize("header", ["news.36kr.com | 2025-11-05", "来源：news.36kr.com 2025-11-05"])
def test_a_subdomain_of_an_outlet_names_the_outlet(header):
    body = "小鹏汽车在广州发布了新一代IRON人形机器人，全身拥有82个自由度，外观更接近人类。"
    result = parse_article("kr.txt", f"小鹏发布新一代IRON人形机器人\n\n{header}\n\n{body}\n\n{body}\n", {})
    assert result.article.outlet == "36氪"


def test_a_file_that_is_no_text_in_any_encoding_is_skipped_and_said_so(tmp_path):
    undecodable = tmp_path / "garbled.txt"
    undecodable.write_bytes(bytes(range(128, 256)) * 20)
    result = read_article(undecodable)
    assert result.article is None
    (problem,) = result.problems
    assert problem.rejected and "encoding" in problem.what
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "garbled.txt").write_bytes(undecodable.read_bytes())
    (seeds / "fine.txt").write_text(article("一篇普通的文章", "这篇文章没有任何花样"), encoding="utf-8")
    corpus = load_corpus(seeds)
    assert [a.file_name for a in corpus.articles] == ["fine.txt"]
    assert [p.line() for p in corpus.problems if p.file_name == "garbled.txt"][0].endswith(
        "(skipped) — save it as UTF-8 text"
    )


# -- `mkdocs serve --dirty` converges to what a fresh build makes ---------------


PEOPLE = "何小鹏表示，IRON人形机器人由小鹏汽车自主研发，将与宝钢合作进入工厂。"


def snapshot(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """`build_scripts/run serve` (mkdocs serve --dirty) on a folder of seeds, in its own process."""

    def __init__(self, root, seeds):
        self.root, self.seeds = root, seeds
        self.url = f"http://127.0.0.1:{free_port()}/"
        (root / "tmp").mkdir()
        self.log = root / "serve.log"
        (root / "config").mkdir()
        (root / "config" / "mkdocs.yml").write_text(  # as build_site writes it, without building
            f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
            f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
            f"site_url: {self.url}\nplugins:\n  kb:\n    seeds_dir: {seeds}\n",
            encoding="utf-8",
        )
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(root / "tmp"))  # MkDocs serves from a folder in TMPDIR
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "build_scripts.serve", "-f", str(root / "config" / "mkdocs.yml"), "-a", self.url[7:-1]],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        self.wait_for_build(since=0)

    @property
    def site(self):
        (served,) = (self.root / "tmp").glob("mkdocs_*")
        return served

    def wait_for_build(self, since: int, timeout: float = 90) -> None:
        """Until a build has finished after log position `since`, and the log has then been quiet for a while.

        One save can start two builds (the file created, then written, seen
        by two polls of MkDocs' watcher every 0.5 s): quiet means none is left.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text(errors="replace")
            log = self.log.read_text(errors="replace")
            new = log[since:]
            # The first build ends before "Serving on"; each rebuild with "Reloading browsers" (MkDocs drops a
            # "Documentation built in 0.37 seconds" it has logged before) or "appear stuck".
            built = "Serving on" in new if since == 0 else ("Reloading browsers" in new or "appear stuck" in new)
            if "Serving on" in log and built:
                time.sleep(1.5)
                if self.log.read_text(errors="replace") == log:
                    return
            else:
                time.sleep(0.1)
        raise AssertionError("no rebuild:\n" + self.log.read_text(errors="replace"))

    def change(self, what) -> None:
        since = len(self.log.read_text(errors="replace"))
        what()
        self.wait_for_build(since)

    def differences_from_a_fresh_build(self, name: str) -> list[str]:
        result = build_site(self.root / name, self.seeds, extra_yaml=f"site_url: {self.url}\n", strict=False)
        assert result.returncode == 0, result.stderr
        served, fresh = snapshot(self.site), snapshot(self.root / name / "site")
        return sorted(path for path in served.keys() | fresh.keys() if served.get(path) != fresh.get(path))

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def test_serve_converges_to_a_fresh_build_as_problems_tags_articles_and_seeds_come_and_go(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "first.txt").write_text(article("第一篇文章", "这是第一篇文章") + PEOPLE + "\n", encoding="utf-8")
    (seeds / "second.txt").write_text(article("第二篇文章", "这是第二篇文章"), encoding="utf-8")
    preview = Preview(tmp_path, seeds)
    try:
        steps = {
            "an empty file: the Problems page appears": lambda: (seeds / "empty.txt").write_text(""),
            "it is deleted: the Problems page goes": lambda: (seeds / "empty.txt").unlink(),
            "an article is renamed": lambda: (seeds / "second.txt").rename(seeds / "renamed.txt"),
            "a new article names people": lambda: (seeds / "third.txt").write_text(
                article("第三篇文章", "这是第三篇文章") + PEOPLE + "\n", encoding="utf-8"),
            "a file whose name is not UTF-8": lambda: (
                open(os.fsencode(seeds) + b"/" + GBK_NAME, "w").write(article("GBK 文件名", GBK_MARKER))),
            "it is deleted": lambda: os.unlink(os.fsencode(seeds) + b"/" + GBK_NAME),
        }
        for n, (step, change) in enumerate(steps.items()):
            preview.change(change)
            assert preview.differences_from_a_fresh_build(f"fresh-{n}") == [], step
        assert not (preview.site / "problems" / "index.html").exists()  # the deleted file's row went with it

        preview.change(lambda: seeds.rename(tmp_path / "away"))
        assert "seeds_dir" in (preview.site / "index.html").read_text(encoding="utf-8")  # the error, on the last good pages
        preview.change(lambda: (tmp_path / "away").rename(seeds))
        preview.change(lambda: (seeds / "fourth.txt").write_text(article("第四篇文章", "这是第四篇文章"), encoding="utf-8"))
        assert preview.differences_from_a_fresh_build("fresh-back") == []
    finally:
        preview.stop()


def test_serve_started_without_seeds_says_so_and_builds_once_they_are_there(tmp_path):
    seeds = tmp_path / "seeds"
    preview = Preview(tmp_path, seeds)
    try:
        assert "Traceback" not in preview.log.read_text()
        assert "seeds_dir" in (preview.site / "index.html").read_text(encoding="utf-8")
        seeds.mkdir()
        preview.change(lambda: (seeds / "first.txt").write_text(article("第一篇文章", "这是第一篇文章"), encoding="utf-8"))
        assert preview.differences_from_a_fresh_build("fresh") == []
    finally:
        preview.stop()


# -- Where the system cannot swap two folders in one step ------------------------


def staged_beside_a_site(root):
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous", encoding="utf-8")
    staged = publish.StagedSite.start(str(root / "site"))
    (staged.path / "index.html").write_text("new", encoding="utf-8")
    return staged


def test_without_an_atomic_swap_the_new_site_still_replaces_the_old_and_nothing_is_left_beside_it(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "exchange", lambda a, b: False)  # not Linux, or a file system without it
    staged_beside_a_site(tmp_path).publish()
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_without_an_atomic_swap_a_failed_rename_puts_the_previous_site_back(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "exchange", lambda a, b: False)
    staged = staged_beside_a_site(tmp_path)
    rename = os.rename

    def full_disk_on_the_second(source, target):
        if Path(source) == staged.path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        rename(source, target)

    monkeypatch.setattr(publish.os, "rename", full_disk_on_the_second)
    with pytest.raises(Exception, match="the disk is full"):
        staged.publish()
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_staging_folder_left_by_a_killed_build_is_removed_by_the_next(tmp_path):
    (tmp_path / "site").mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    abandoned = tmp_path / f".site.building-{dead.stdout.strip()}"
    abandoned.mkdir()
    staged = publish.StagedSite.start(str(tmp_path / "site"))
    assert not abandoned.exists() and staged.path.exists()
    staged.discard()


def test_a_joiner_between_emoji_stays_and_one_between_words_goes():
    from build_scripts.reading.decoding import INVISIBLE

    assert INVISIBLE.sub("", "团队👨\u200d👩\u200d👧合影") == "团队👨\u200d👩\u200d👧合影"  # one family, not three people
    assert INVISIBLE.sub("", "量\u200d产") == "量产"  # between words it splits them for search: gone


def test_a_right_to_left_override_in_a_file_name_is_written_out_on_its_source_page():
    import dataclasses

    from build_scripts.pages.render_sources import render_source_page
    from build_scripts.reading.corpus import parse_article

    name = "报道\u202etxt.txt"
    article = dataclasses.replace(parse_article("a.txt", "标题\n\n正文第一段。", {}).article, file_name=name)
    markdown = render_source_page(article)
    assert "\u202e" not in markdown and "\\u202e" in markdown
