"""Citations as numbered footnotes: one number per source paragraph, a reference list, republications folded."""
import datetime as dt
import re
from collections import defaultdict

import markdown
import pytest
from bs4 import BeautifulSoup

from build_scripts.knowledge.corroborate import Citation
from build_scripts.model import Article
from build_scripts.pages.footnotes import number_footnotes
from build_scripts.pages.markdown_text import HtmlParagraphs
from build_scripts.pages.render_topics import citations_text
from conftest import SEEDS, build_site, page

TOPIC_SLUGS = ("second-gen-vla", "robotaxi", "iron", "flying-cars", "turing-chip", "world-model")


def article(slug, outlet="36氪", title="标题", copy_of="", date=dt.date(2025, 11, 5)):
    return Article(slug=slug, file_name=f"{slug}.txt", title=title, outlet=outlet, author="", date=date,
                   language="zh-Hans", paragraphs=(), copy_of=copy_of)


def render(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(number_footnotes(text), extensions=["md_in_html", HtmlParagraphs()]), "html.parser")


def test_the_same_paragraph_is_one_number_and_the_reference_names_outlet_date_and_title():
    a, b = article("a", "36氪", "IRON 发布"), article("b", "", "一篇没有媒体名的文章")
    page_text = (
        f"IRON 有 82 个自由度。 {citations_text([Citation(a, 'p-1', '82个自由度'), Citation(b, 'p-9', '全身82个自由度')])}\n\n"
        f"手有 22 个自由度。 {citations_text([Citation(a, 'p-1', '手有22个自由度')])}\n"
    )
    soup = render(page_text)
    markers = [(m.get_text(), m["href"]) for m in soup.select("sup.kb-fn a.kb-cite")]
    assert markers == [("[1]", "../sources/a.md#p-1"), ("[2]", "../sources/b.md#p-9"), ("[1]", "../sources/a.md#p-1")]
    first = soup.select_one("#ref-1")
    head = first.find_parent(class_="kb-ref-source").select_one(".kb-ref-head").get_text()
    assert head == "36氪 · 2025-11-05 · 《IRON 发布》"
    assert first.get_text() == "“82个自由度”"  # the words it cites (a preview shows each marker's own)
    assert [m["title"] for m in soup.select("sup.kb-fn a")] == ["82个自由度", "全身82个自由度", "手有22个自由度"]
    # No outlet: the article's title names it, never a placeholder.
    second = soup.select_one("#ref-2").find_parent(class_="kb-ref-source").select_one(".kb-ref-head").get_text()
    assert second == "《一篇没有媒体名的文章》 · 2025-11-05"


def test_a_story_and_its_republications_are_one_marker_with_the_copies_folded_under_its_reference():
    original = article("orig", "新华社", "小鹏发布 IRON")
    copies = [article(f"copy{n}", f"门户{n}", f"转载：小鹏发布 IRON {n}", copy_of="orig") for n in range(59)]
    other = article("other", "澎湃新闻", "另一篇报道")
    cited = [Citation(c, "p-2", "IRON 有 82 个自由度") for c in copies[:30]] + [Citation(original, "p-2", "IRON 有 82 个自由度")]
    cited += [Citation(c, "p-2", "IRON 有 82 个自由度") for c in copies[30:]] + [Citation(other, "p-5", "82 个自由度")]
    soup = render(f"IRON 有 82 个自由度。 {citations_text(cited)}\n")
    markers = soup.select("p sup.kb-fn a")
    assert [m.get_text() for m in markers] == ["[1]", "[2]"]  # the story once (its original), then the other report
    assert markers[0]["href"] == "../sources/orig.md#p-2"
    folded = soup.select_one("#ref-1 details.kb-copies")
    assert folded.summary.get_text() == "及另外 59 家转载"
    assert len(folded.select("a")) == 5 and "门户0 · 2025-11-05" in folded.get_text()  # the first five, linked
    assert folded.get_text().endswith("等，共 59 家")


def test_a_statement_citing_two_sources_lists_their_numbers_in_order():
    a, b = article("a", "36氪"), article("b", "新浪")
    page_text = (
        f"手有 22 个自由度。 {citations_text([Citation(b, 'p-2', '22个自由度')])}\n\n"
        f"IRON 有 82 个自由度。 {citations_text([Citation(a, 'p-1', '82个自由度'), Citation(b, 'p-2', '22个自由度')])}\n"
    )
    second_statement = render(page_text).select("p")[1]
    assert [m.get_text() for m in second_statement.select("sup.kb-fn a.kb-cite")] == ["[1]", "[2]"]


def test_the_markers_and_the_list_are_html_markdown_never_reads():
    quoted = article("q", "*36氪*", "[标题](https://evil.example)")
    soup = render(f"一句话。 {citations_text([Citation(quoted, 'p-1', '**不是粗体** [不是链接](x)')])}\n")
    assert not soup.select("strong, em") and not soup.select('a[href="https://evil.example"]')
    assert "*36氪*" in soup.select_one(".kb-ref-head").get_text()
    assert soup.select_one("sup.kb-fn a")["title"] == "**不是粗体** [不是链接](x)"


def test_a_page_without_citations_is_left_as_it_is():
    assert number_footnotes("# 标题\n\n没有引用。\n") == "# 标题\n\n没有引用。\n"
    assert citations_text([]) == ""


# --- the seed site ---------------------------------------------------------------------


def test_every_topic_page_has_numbered_footnotes_and_a_reference_list(seed_site):
    for slug in TOPIC_SLUGS:
        soup = page(seed_site, f"topics/{slug}/")
        markers = soup.select("article sup.kb-fn a.kb-cite")
        assert markers and soup.select_one("#references"), slug
        number_of, href_of = defaultdict(set), defaultdict(set)
        for marker in markers:
            number = marker["data-ref"]
            assert marker.get_text() == f"[{number}]" and "/sources/" in marker["href"] and marker["title"]
            number_of[marker["href"]].add(number)
            href_of[number].add(marker["href"])
            reference = soup.select_one(f"#ref-{number}")
            head = reference.find_parent(class_="kb-ref-source").select_one(".kb-ref-head a")
            assert re.search(r"\d{4}-\d{2}-\d{2}|日期不详", head.get_text()) and "《" in head.get_text(), slug
            assert reference.select_one("a.kb-ref-link")["href"] == marker["href"]  # the reference links the paragraph
        # The same source paragraph is one number across the page, and a number one paragraph.
        assert all(len(numbers) == 1 for numbers in number_of.values()), slug
        assert all(len(hrefs) == 1 for hrefs in href_of.values()), slug
        for run in soup.select("article .kb-cites"):  # no run repeats itself
            numbers = [a["data-ref"] for a in run.select("a.kb-cite")]
            assert len(numbers) == len(set(numbers)), slug


def test_a_reference_names_outlet_date_and_title(seed_site):
    soup = page(seed_site, "topics/iron/")
    heads = [h.get_text() for h in soup.select(".kb-ref-head")]
    assert "智驾网 · 2025-11-12 · 《「拥有理解、交互和改变世界能力的机器」正在悄悄到来》" in heads
    assert "《小鹏科技日发布第二代VLA大模型》 · 2025-11-11" in heads  # no outlet in its text: its title


def test_no_page_of_the_seed_site_names_a_placeholder_outlet(seed_site):
    for html_file in seed_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for placeholder in ("来源未注明", "來源未註明", "Unattributed", "未署名英文报道", "未署名英文報導"):
            assert placeholder not in text, (html_file, placeholder)


def test_promises_timeline_home_and_glossary_cite_with_footnotes(seed_site):
    # A topic's promises page holds the rows with their citations; the timeline's rows link there.
    for path in ("promises/iron/", "", "glossary/", "zh-Hant/topics/iron/"):
        soup = page(seed_site, path)
        markers = soup.select("article sup.kb-fn a.kb-cite")
        assert markers and all(soup.select_one(f"#ref-{m['data-ref']}") for m in markers), path


def test_a_traditional_page_numbers_its_footnotes_as_the_simplified_one(seed_site):
    numbers = lambda soup: [(a["data-ref"], a["href"].split("sources/")[1]) for a in soup.select("sup.kb-fn a")]  # noqa: E731
    assert numbers(page(seed_site, "zh-Hant/topics/iron/")) == numbers(page(seed_site, "topics/iron/"))
    assert "參考資料" in page(seed_site, "zh-Hant/topics/iron/").select_one("#references").get_text()


# --- a syndicated corpus -------------------------------------------------------------------


@pytest.fixture(scope="module")
def syndicated_site(tmp_path_factory):
    """The seeds, and three republications of 000 by other outlets (a paragraph dropped, a new title)."""
    root = tmp_path_factory.mktemp("syndicated")
    seeds = root / "seeds"
    seeds.mkdir()
    for source in SEEDS.iterdir():
        (seeds / source.name).write_bytes(source.read_bytes())
    original = (SEEDS / "000_8aa7ed600137bead.txt").read_text(encoding="utf-8").split("\n")
    body = [line for line in original[3:] if line.strip()]
    for n, outlet in enumerate(("网易新闻", "搜狐汽车", "腾讯新闻")):
        text = "\n\n".join(body[: -1 - n] if n else body[1:])
        front = f"---\ntitle: 转载{n}：小鹏科技日发布第二代VLA\noutlet: {outlet}\ndate: 2025-11-1{2 + n}\n---\n\n"
        (seeds / f"9{n}_copy.txt").write_text(front + text, encoding="utf-8")
    result = build_site(root, seeds)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_republications_fold_under_their_story_in_one_reference(syndicated_site):
    soup = page(syndicated_site, "topics/flying-cars/")
    folds = soup.select(".kb-refs details.kb-copies")
    assert folds, "no reference folds a republication"
    counts = [int(re.search(r"及另外 (\d+) 家转载", d.summary.get_text())[1]) for d in folds]
    assert max(counts) >= 2
    # A run cites the story once: no run links two copies of one report.
    copies = {"90_copy", "91_copy", "92_copy", "000_8aa7ed600137bead"}
    for run in soup.select("article .kb-cites"):
        linked = {re.search(r"sources/([^/]+)/", a["href"])[1] for a in run.select("a.kb-cite")}
        assert len(linked & copies) <= 1, linked
