"""Articles in different header shapes dropped into seeds/: their source pages show the right title,
outlet and date with where each came from, the sources index lists them newest first, and an article
whose text names no date or outlet is shown as unknown and listed on the Problems page."""
from pathlib import Path

import pytest

from build_scripts.pages.variants import SIMPLIFIED, to_script

from conftest import build_site, page

PARAGRAPHS = (
    "该车企表示，新一代人形机器人IRON全身拥有82个自由度，将于明年底开始量产。\n\n"
    "公司董事长称，机器人业务将成为公司未来十年最重要的增长点之一。\n"
)
ENGLISH = (
    "The carmaker said its new humanoid robot has 82 degrees of freedom and will enter mass production late next year.\n\n"
    "Its chairman called robots one of the company's most important businesses for the next decade.\n"
)

def paragraphs(marker: str) -> str:
    """Two paragraphs of article text, different in each article (the same text twice is one article)."""
    return f"{marker}：" + PARAGRAPHS


# file name → (text, title, outlet, date shown, where the date came from)
ARTICLES = {
    "domain-first.txt": (
        f"exampledaily.com | 2025-11-05 09:30\n\n某车企发布新一代人形机器人\n\n记者 张三 报道\n\n{paragraphs('第1篇')}",
        "某车企发布新一代人形机器人", "exampledaily.com", "2025-11-05", "据原文第 1 行",
    ),
    "labelled-traditional.txt": (
        f"某車企機器人計劃年底量產\n\n聯合報／ 記者林小華／即時報導\n\n發布時間：2026/02/24 10:00\n\n{paragraphs('第2篇')}",
        "某車企機器人計劃年底量產", "聯合報 United Daily News", "2026-02-24", "据原文第 5 行",
    ),
    "english-wire.txt": (
        "Carmaker Reports Record Quarterly Deliveries And Robot Plans For The Coming Year Ahead Of Its Annual Technology Day\n\n"
        f"By PR Newswire | November 17, 2025, 4:00 AM\n\nArticle five: {ENGLISH}",
        "Carmaker Reports Record Quarterly Deliveries And Robot Plans For The Coming Year Ahead Of Its Annual Technology Day",
        "PR Newswire", "2025-11-17", "据原文第 3 行",
    ),
    "front-matter.md": (
        f"---\ntitle: 某车企飞行汽车工厂投产\nsource: 某某日报\npublished: 2025-09-15\n---\n\n{paragraphs('第3篇')}",
        "某车企飞行汽车工厂投产", "某某日报", "2025-09-15", "据文件开头所注的 published",
    ),
}
UNDATED = ("no-date.txt", f"某车企的机器人走起了猫步\n\n{paragraphs('第4篇')}")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("metadata-site")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, (text, *_expected) in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / UNDATED[0]).write_text(UNDATED[1], encoding="utf-8")
    result = build_site(root / "build", seeds)
    assert result.returncode == 0, result.stderr
    return root / "build" / "site"


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_source_page_shows_title_outlet_and_date_with_where_they_came_from(site, name):
    _text, title, outlet, date, date_origin = ARTICLES[name]
    soup = page(site, f"sources/{Path(name).stem}/")
    assert soup.find("h1").get_text().rstrip("¶").strip() == title
    # Labels in the article's script (媒體 on a Traditional article's page).
    rows = {to_script(li.strong.get_text(), SIMPLIFIED): li.get_text() for li in soup.select(".kb-meta li")}
    assert outlet in rows["媒体"]
    assert date in rows["日期"] and date_origin in rows["日期"]
    assert "（据" in rows["媒体"] or "（據" in rows["媒体"]


def test_header_lines_are_not_article_paragraphs(site):
    texts = [p.get_text() for p in page(site, "sources/domain-first/").select("p.kb-para")]
    assert texts and not any("exampledaily.com" in t or "记者 张三" in t for t in texts)


def test_sources_index_lists_articles_newest_first_and_undated_last(site):
    rows = page(site, "sources/").select("article table tbody tr")
    dates = [row.select("td")[2].get_text() for row in rows]
    assert dates == ["2026-02-24", "2025-11-17", "2025-11-05", "2025-09-15", "—"]


def test_an_article_naming_no_date_or_outlet_says_unknown_and_is_on_the_problems_page(site):
    rows = {li.strong.get_text(): li.get_text() for li in page(site, "sources/no-date/").select(".kb-meta li")}
    assert "未知" in rows["日期"] and "未知" in rows["媒体"]
    problem_rows = [row.get_text(" ") for row in page(site, "problems/").select("article table tbody tr")]
    (row,) = [r for r in problem_rows if "no-date.txt" in r]
    assert "publication date" in row and "outlet" in row and "sources.yml" in row
