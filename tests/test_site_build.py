"""End to end: the seed site as MkDocs builds it, read back from its HTML."""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, build_site, page

SOURCE_PAGES = {
    "000_8aa7ed600137bead": ("小鹏科技日发布第二代VLA大模型", "", "2025-11-11", "zh-Hans"),  # the text names no outlet (seeds/sources.yml)
    "001_f557aaf571426259": ("小鵬的二代VLA到底是什麼?", "新皮層", "2025-11-10", "zh-Hant"),
    "002_56d86afa678d481a": ("「擁有理解、交互和改變世界能力的機器」正在悄悄到來", "智駕網", "2025-11-12", "zh-Hant"),
    "003_93100f986083634d": ("72B世界基座模型启动，小鹏的端到端智驾正在验证Scaling Laws", "ByteAILab（GPTNB）", "2025-04-17", "zh-Hans"),
    "004_2a4aa61ecc6eb6e2": ("XPeng Tech Day 2025: the second-generation VLA model", "", "2025-11-06", "en"),
}


def test_strict_build_has_no_warnings(tmp_path):
    result = build_site(tmp_path)
    assert result.returncode == 0
    assert "WARNING" not in result.stderr


def test_readme_build_command_does_not_show_the_mkdocs_2_banner(tmp_path):
    result = subprocess.run(
        [str(ROOT / "build_scripts" / "run"), "build", "-d", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "end of life" not in result.stderr + result.stdout
    assert "MkDocs 2" not in result.stderr + result.stdout


@pytest.mark.parametrize("slug", sorted(SOURCE_PAGES))
def test_source_page_shows_title_outlet_date_language(seed_site, slug):
    title, outlet, date, language = SOURCE_PAGES[slug]
    html = page(seed_site, f"sources/{slug}/")
    assert " ".join(html.find("h1").get_text().split()).rstrip("¶").strip() == title
    meta = html.select_one(".kb-meta").get_text(" ", strip=True)
    # The labels are in the page's script, the article's own words (its outlet) as written, in both copies.
    label = {"zh-Hans": "语言 ：简体中文", "zh-Hant": "语言 ：繁体中文", "en": "语言 ：英文"}[language]
    assert outlet in meta and date in meta and label in meta
    traditional = page(seed_site, f"zh-Hant/sources/{slug}/")
    assert " ".join(traditional.find("h1").get_text().split()).rstrip("¶").strip() == title
    meta = traditional.select_one(".kb-meta").get_text(" ", strip=True)
    assert outlet in meta and "語言 ：" in meta


@pytest.mark.parametrize("slug", sorted(SOURCE_PAGES))
def test_every_paragraph_has_an_anchor_linking_to_itself(seed_site, slug):
    html = page(seed_site, f"sources/{slug}/")
    paragraphs = html.select("article p.kb-para")
    assert len(paragraphs) >= 5
    for p in paragraphs:
        assert re.fullmatch(r"p-[0-9a-f]{6}(-\d+)?", p["id"])
        assert p.select_one("a.kb-anchor")["href"] == f"#{p['id']}"


@pytest.mark.parametrize("phrase", ["免責聲明", "熱議股票", "特別聲明", "感谢阅读", "Notice: The content above", "關注智駕網", "HTML版本"])
def test_source_pages_have_no_boilerplate(seed_site, phrase):
    for slug in SOURCE_PAGES:
        assert phrase not in page(seed_site, f"sources/{slug}/").select_one("article").get_text()


def test_highlight_style_targets_linked_paragraphs():
    css = (ROOT / "docs" / "assets" / "kb.css").read_text(encoding="utf-8")
    assert ":target.kb-para" in css


def test_sources_index_lists_every_article_newest_first(seed_site):
    rows = page(seed_site, "sources/").select("article table tbody tr")
    dates = [row.find_all("td")[2].get_text(strip=True) for row in rows]
    assert len(rows) == 5
    assert dates == sorted(dates, reverse=True)
    assert rows[0].find("a")["href"].startswith("002_56d86afa678d481a")


def test_sources_index_links_each_title_to_its_page_and_counts_its_paragraphs(seed_site):
    rows = page(seed_site, "sources/").select("article table tbody tr")
    for row in rows:
        link, cells = row.find("a"), row.find_all("td")
        source = page(seed_site, f"sources/{link['href']}")
        assert source.find("h1").get_text().rstrip("¶") == link.get_text()
        assert int(cells[4].get_text()) == len(source.select("article p.kb-para, article h2[id^='p-']"))
    # Glossary abbreviations are marked in titles as on the source pages, Chinese around them too.
    vla = [row.find("abbr") for row in rows if "二代VLA" in row.find("a").get_text()]
    assert vla and all(abbr is not None and abbr.get_text() == "VLA" and abbr["title"] for abbr in vla)


def test_navigation_starts_with_home_topics_sources(seed_site):
    tabs = [a.get_text(strip=True) for a in page(seed_site, "").select(".md-tabs__link")]
    assert tabs[:3] == ["首页", "主题", "来源"]


def test_site_requests_nothing_from_other_hosts(seed_site):
    for html_file in seed_site.rglob("*.html"):
        html = page(seed_site, str(html_file.relative_to(seed_site)))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                url = element.get(attr) or ""
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) and "preconnect" not in (element.get("rel") or []):
                    continue
                assert not re.match(r"(https?:)?//", url), (html_file, url)
    assert "fonts.googleapis" not in "".join(p.read_text(encoding="utf-8") for p in seed_site.rglob("*.html"))


def test_remote_images_are_shown_as_text_not_loaded(seed_site):
    html = page(seed_site, "sources/003_93100f986083634d/")
    placeholders = html.select("p.kb-image")
    assert len(placeholders) == 7
    assert all("mmbiz.qpic.cn" in p.get_text() for p in placeholders)
    assert not html.select("article img")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str) -> tuple[int, str]:
    """(status, body); status 0 while the server is not up yet."""
    try:
        with LOCAL.open(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        # TimeoutError: `mkdocs serve` answers only once a rebuild is done,
        # which on a busy machine can take longer than one request waits.
        return 0, ""


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_serve_picks_up_added_and_deleted_articles_without_restart(tmp_path, seeds_copy):
    """Add an article while `mkdocs serve` runs: its page appears; delete it: gone; no rebuild loop."""
    port = free_port()
    build_site(tmp_path / "cfg", seeds_copy)  # writes the INHERIT config
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(tmp_path / "cfg" / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(base + "/sources/")[0] == 200, 60)
        (seeds_copy / "005_new.txt").write_text("小鹏新文章标题\n\n来源: 测试网 发布时间: 2025-12-01\n\n图灵芯片的新消息。\n", encoding="utf-8")
        assert wait_for(lambda: fetch(base + "/sources/005_new/")[0] == 200)
        assert "图灵芯片的新消息" in fetch(base + "/sources/005_new/")[1]
        (seeds_copy / "005_new.txt").unlink()
        assert wait_for(lambda: fetch(base + "/sources/005_new/")[0] == 404)
        time.sleep(3)
        builds = Path(tmp_path / "serve.log").read_text().count("Building documentation")
        time.sleep(4)
        assert Path(tmp_path / "serve.log").read_text().count("Building documentation") == builds, "rebuild loop"
    finally:
        server.terminate()
        server.wait(10)
        log.close()
