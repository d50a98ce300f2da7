"""Saved web pages and CMS API responses in seeds/ become articles: the article's text alone, its metadata right.

The fixtures in saved_pages/ are made in the shapes of eight kinds of real
site (a Chinese portal, a Hong Kong and a Taiwanese newspaper, an English
wire, a WordPress blog, a WeChat public account, an e-paper page, a
press-release site): menus, ads, share bars, comments, related links,
scripts and styles around the article, as a browser saves them.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

import pytest

from build_scripts.pages.variants import SIMPLIFIED, to_script
from build_scripts.reading import cleaning, webpage
from build_scripts.reading.corpus import load_corpus
from build_scripts.reading.outlets import load_outlets
from conftest import build_site, kb_document, page

PAGES = Path(__file__).parent / "saved_pages"

# file → (title, outlet, author, date, the date's origin, first words of the text, last words of the text)
EXPECTED = {
    "portal_sina_zhhans.html": ("小鹏汽车发布第二代VLA模型 明年一季度推送", "每日经济新闻", "王晓", "2025-11-06", "meta article:published_time", "11月5日，小鹏汽车", "开启试运营。"),
    "hk_mingpao_zhhant.html": ("小鵬發布第二代VLA 人形機器人明年底量產", "明報 Ming Pao", "", "2025-11-06", "meta dcterms.date", "【明報專訊】小鵬汽車", "報98.5元。"),
    "tw_udn_zhhant.html": ("小鵬發表人形機器人IRON 2026年底量產", "聯合報 United Daily News", "陳湘瑾", "2025-11-05", "JSON-LD datePublished", "大陸電動車廠", "推出三款車型。"),
    "wire_reuters_en.html": ("XPeng unveils robotaxi, humanoid robot as it bets on physical AI", "Reuters", "Zhang Yan, Brenda Goh", "2025-11-05", "JSON-LD datePublished", "GUANGZHOU, Nov 5 (Reuters) -", "outperforming the broader market."),
    "blog_wordpress_en.html": ("XPeng’s VLA 2.0: what changes for drivers", "EV Notes Daily", "Sam Keller", "2025-11-07", "meta article:published_time", "XPeng says its second-generation", "or a distilled one."),
    "wechat_account_zhhans.html": ("IRON量产时间表首次公布：2026年底", "智能车观察", "", "2025-11-06", "htmldate", "11月5日的小鹏科技日上", "而不是进入家庭。"),
    "epaper_hkcd_zhhant.html": ("小鵬飛行汽車工廠投產", "香港商報", "張明", "2025-11-07", "htmldate", "小鵬匯天位於廣州黃埔", "計劃於2026年開始交付。"),
    "pressrelease_prn_en.html": ("XPeng Announces Third Quarter 2025 Unaudited Financial Results", "PR Newswire", "", "2025-11-17", "meta date", "GUANGZHOU, China, Nov. 17, 2025 /PRNewswire/", "ir.xiaopeng.com."),
}
# What is around the article on those pages and must never reach its text.
NOT_ARTICLE = [
    "gtag", "dataLayer", "function", "googletag", "var ", "{", "}",  # scripts and styles
    "Advertisement", "广告", "廣告",  # ads
    "Read Next", "热门推荐", "相關新聞", "延伸閱讀", "Recent Posts", "Also from this source", "本版標題",  # related lists
    "网友评论", "Leave a Reply", "Great write-up", "期待IRON上市", "留言",  # comments
    "新浪首页", "Sign In", "版面導航", "上一版", "下一版", "上一篇", "往期回顧", "Proudly powered", "版權所有", "All rights reserved",  # navigation, footers
    "分享到", "Share this", "WhatsApp", "阅读 10万+", "微信扫一扫",  # share bars and counters
    "責任編輯", "责任编辑", "Reporting by", "每经记者",  # bylines are metadata, not text
]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(PAGES)


@pytest.fixture(scope="module")
def read(corpus):
    return {a.file_name: a for a in corpus.articles}


def test_every_kind_of_saved_page_is_read_as_an_article(read, corpus):
    assert sorted(read) == sorted(EXPECTED)
    assert not [p for p in corpus.problems if p.rejected]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_page_metadata_is_the_pages_own(read, name):
    title, outlet, author, date, date_origin, _first, _last = EXPECTED[name]
    article = read[name]
    assert (article.title, article.outlet, article.author, article.date) == (title, outlet, author, dt.date.fromisoformat(date))
    assert date_origin in article.provenance.date
    assert article.provenance.title and article.provenance.outlet


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_page_text_is_the_article_alone(read, name):
    *_fields, first, last = EXPECTED[name]
    texts = [p.text for p in read[name].paragraphs]
    assert texts[0].startswith(first.replace(" ", "")) or texts[0].startswith(first)
    assert texts[-1].endswith(last)
    assert texts[0] != read[name].title  # the headline is the title, not the first paragraph
    body = "\n".join(texts)
    assert [word for word in NOT_ARTICLE if word in body] == []


def test_metadata_says_where_each_field_came_from(read):
    udn = read["tw_udn_zhhant.html"].provenance
    assert (udn.title, udn.author, udn.date, udn.outlet) == ("JSON-LD headline", "JSON-LD author", "JSON-LD datePublished", "og:site_name")
    assert read["hk_mingpao_zhhant.html"].provenance.outlet == "og:site_name"


def test_a_wechat_account_is_the_outlet_and_the_platform_is_via(read):
    article = read["wechat_account_zhhans.html"]
    assert (article.outlet, article.via) == ("智能车观察", "微信公众号")


def test_an_e_paper_is_dated_by_its_issue_not_by_the_day_it_was_viewed(read):
    assert read["epaper_hkcd_zhhant.html"].date == dt.date(2025, 11, 7)  # the page's header says 2025年12月7日 (today)


def test_a_press_release_names_the_wire_not_the_company_as_author(read):
    article = read["pressrelease_prn_en.html"]
    assert (article.outlet, article.author) == ("PR Newswire", "")


def test_an_unknown_site_is_shown_as_its_address_marked_as_such():
    html = ('<html><head><link rel="canonical" href="https://www.small-ev-blog.example/p/1"><title>A post</title></head>'
            '<body><article><h1>A post</h1><p>' + "XPeng showed a robot that walks like a person on a stage in Guangzhou. " * 3 + "</p></article></body></html>")
    outlet = webpage.read_page(html, load_outlets()).fields["outlet"]
    assert outlet.value == "small-ev-blog.example" and "not in outlets.yml" in outlet.origin


def test_a_saved_page_with_no_article_text_is_a_problem_not_an_empty_page(tmp_path):
    (tmp_path / "login.html").write_text(
        "<html><head><title>Sign in</title><script>var a = 1;</script></head><body><nav><a>Home</a><a>News</a></nav>"
        "<form><input name=user><button>Sign in</button></form></body></html>", encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert corpus.articles == ()
    (problem,) = corpus.problems
    assert problem.file_name == "login.html" and problem.rejected and "no article text" in problem.what


# As browsers and Office name the folder in English, German, French, Spanish, Dutch, Japanese/Chinese/Russian versions.
@pytest.mark.parametrize("folder", ["reuters_files", "reuters-Dateien", "reuters_fichiers", "reuters_archivos", "reuters_bestanden", "reuters.files"])
def test_the_folder_of_a_page_saved_complete_is_not_a_problem(tmp_path, folder):
    shutil.copy(PAGES / "wire_reuters_en.html", tmp_path / "reuters.html")
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "main.css").write_text("body{}", encoding="utf-8")
    (tmp_path / "notes").mkdir()  # a folder of the user's own is still named
    (tmp_path / "other-Dateien").mkdir()  # a saved page's suffix with no page beside it: the user's too
    corpus = load_corpus(tmp_path)
    assert [a.file_name for a in corpus.articles] == ["reuters.html"]
    assert [p.file_name for p in corpus.problems] == ["notes/", "other-Dateien/"]


def test_markup_inside_a_page_stays_text(tmp_path):
    html = ("<html><head><title>Escapes</title></head><body><article><h1>Escapes</h1>"
            "<p>XPeng wrote &lt;script&gt;alert(1)&lt;/script&gt; and **not bold** and [a link](https://example.com) in this long enough paragraph of text.</p>"
            "<p>A second paragraph says the robot will be produced at scale by the end of 2026, the company said.</p></article></body></html>")
    (tmp_path / "escapes.html").write_text(html, encoding="utf-8")
    (article,) = load_corpus(tmp_path).articles
    assert "<script>alert(1)</script>" in article.paragraphs[0].text  # shown as these characters, escaped when rendered


def test_a_wordpress_api_response_is_read_as_its_posts(tmp_path):
    post = {
        "id": 7, "date": "2025-11-08T09:00:00", "link": "https://evnotesdaily.example.org/2025/11/08/iron/",
        "title": {"rendered": "IRON&#8217;s hands: 22 degrees of freedom"},
        "content": {"rendered": "<p>XPeng&#8217;s IRON robot has <strong>22</strong> degrees of freedom in each hand, the company said on Wednesday.</p>\n"
                                "<script>evil()</script><p>Mass production is planned for the end of 2026 in Guangzhou, according to the company.</p>"},
    }
    second = dict(post, id=8, title={"rendered": "Robotaxi trials in 2026"},
                  content={"rendered": "<p>XPeng plans robotaxi trial operations in Guangzhou in 2026 with three models, it said.</p>"})
    (tmp_path / "posts.json").write_text(json.dumps([post, second]), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    by_title = {a.title: a for a in corpus.articles}
    assert sorted(by_title) == ["IRON’s hands: 22 degrees of freedom", "Robotaxi trials in 2026"]
    first = by_title["IRON’s hands: 22 degrees of freedom"]
    assert first.date == dt.date(2025, 11, 8) and first.provenance.date == "JSON date"
    assert [p.text for p in first.paragraphs] == [
        "XPeng’s IRON robot has 22 degrees of freedom in each hand, the company said on Wednesday.",
        "Mass production is planned for the end of 2026 in Guangzhou, according to the company.",
    ]
    assert len({a.slug for a in corpus.articles}) == 2


def test_every_post_of_a_cms_response_can_be_corrected_by_its_name(tmp_path):
    posts = [
        {"title": {"rendered": f"Post {n}"}, "date": f"2025-11-0{n}T09:00:00",
         "content": {"rendered": f"<p>XPeng said on day {n} that its robotaxi trials in Guangzhou start in 2026 with three models.</p>"}}
        for n in (1, 2, 3)
    ]
    (tmp_path / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "posts.json:\n  outlet: EV Notes Daily\n"
        "posts.json#2:\n  title: The second post, retitled\n  date: 2025-12-01\n"
        "posts.json#3:\n  slug: third-post\n"
        "posts.json#7:\n  title: no such post\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    by_name = {a.file_name: a for a in corpus.articles}
    assert sorted(by_name) == ["posts.json", "posts.json#2", "posts.json#3"]
    assert by_name["posts.json"].outlet == "EV Notes Daily" and by_name["posts.json"].title == "Post 1"
    second = by_name["posts.json#2"]
    assert (second.title, second.date, second.outlet) == ("The second post, retitled", dt.date(2025, 12, 1), "")
    assert second.provenance.title == "seeds/sources.yml" and second.slug == "posts-2"
    assert by_name["posts.json#3"].slug == "third-post"
    (stale,) = [p for p in corpus.problems if p.file_name == "sources.yml"]
    assert "posts.json#7" in stale.what


def test_json_that_is_not_a_cms_response_is_a_problem(tmp_path):
    (tmp_path / "data.json").write_text('{"rows": [1, 2, 3]}', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    (problem,) = corpus.problems
    assert corpus.articles == () and problem.rejected and "CMS API response" in problem.what


def test_reading_a_saved_page_takes_a_few_tens_of_milliseconds():
    outlets, furniture = load_outlets(), cleaning.load_rules().page_furniture
    pages = [path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.html"))]
    webpage.read_page(pages[0], outlets, furniture)  # imports and caches warmed

    def seconds(html: str) -> float:  # the best of three: a busy machine slows one run, not the reading
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            webpage.read_page(html, outlets, furniture)
            runs.append(time.perf_counter() - start)
        return min(runs)

    assert sum(seconds(html) for html in pages) / len(pages) < 0.05


# A page whose title and text hold markup, as text: it must stay text on the site.
HOSTILE = (
    '<html><head><meta property="og:title" content="XPeng &lt;img src=x onerror=alert(1)&gt; robot">'
    '<meta property="og:site_name" content="&lt;b&gt;Bold Site&lt;/b&gt;"></head><body><article>'
    "<p>XPeng's robot demo included the string &lt;script&gt;alert('x')&lt;/script&gt; in a slide, the company said on Wednesday.</p>"
    "<p>It also showed **markdown** and {{ jinja }} and [a link](javascript:alert(1)) on screen, the presenters joked afterwards.</p>"
    "</article></body></html>"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("saved-pages-site")
    seeds = root / "seeds"
    shutil.copytree(PAGES, seeds)
    (seeds / "hostile.html").write_text(HOSTILE, encoding="utf-8")
    result = build_site(root / "build", seeds)
    assert result.returncode == 0, result.stderr
    return root / "build" / "site"


def test_a_saved_page_builds_into_a_source_page_of_the_article_alone(site):
    soup = page(site, "sources/wire_reuters_en/")
    assert soup.find("h1").get_text().rstrip("¶").strip() == EXPECTED["wire_reuters_en.html"][0]
    texts = [p.get_text() for p in soup.select("p.kb-para")]
    assert texts[0].startswith("GUANGZHOU, Nov 5 (Reuters) -") and len(texts) == 4
    rows = {to_script(li.strong.get_text(), SIMPLIFIED): li.get_text() for li in soup.select(".kb-meta li")}
    # Where each field came from, in Chinese; the tag's own name for a curator in the tooltip.
    assert "Reuters" in rows["媒体"] and "据网页分享标签所注的网站名" in rows["媒体"]
    assert "据网页内嵌的结构化数据所注的发布日期" in rows["日期"]
    origins = {to_script(li.strong.get_text(), SIMPLIFIED): li.select_one(".kb-origin") for li in soup.select(".kb-meta li")}
    assert origins["日期"]["title"] == "JSON-LD datePublished" and origins["媒体"]["title"] == "og:site_name"
    article = soup.find("article").decode_contents()
    assert "chartbeat" not in article and "Advertisement" not in article


def test_a_page_saved_in_gbk_reads_the_same(tmp_path):
    html = (PAGES / "portal_sina_zhhans.html").read_text(encoding="utf-8").replace("©", "(c)").replace("charset=utf-8", "charset=gbk")
    (tmp_path / "gbk.html").write_bytes(html.encode("gbk"))
    (article,) = load_corpus(tmp_path).articles
    assert article.title == EXPECTED["portal_sina_zhhans.html"][0]
    assert article.paragraphs[0].text.startswith("11月5日，小鹏汽车")


def test_markup_in_a_saved_page_is_shown_as_text_never_run(site):
    soup = page(site, "sources/hostile/")
    article = soup.find("article")
    assert article.find("script") is None and article.find("img", src="x") is None and article.find("b", string="Bold Site") is None
    assert soup.find("h1").get_text().rstrip("¶").strip() == "XPeng <img src=x onerror=alert(1)> robot"
    texts = [p.get_text() for p in soup.select("p.kb-para")]
    assert "<script>alert('x')</script>" in texts[0]
    assert "**markdown**" in texts[1] and "{{ jinja }}" in texts[1] and not article.find("a", href="javascript:alert(1)")


def test_a_ghost_style_response_with_posts_under_a_key_is_read_too(tmp_path):
    response = {"posts": [{
        "title": "Robotaxi trials in 2026", "published_at": "2025-11-09T08:00:00.000+00:00", "url": "https://blog.example.org/robotaxi/",
        "html": "<p>XPeng plans robotaxi trial operations in Guangzhou in 2026 with three models, it said on Wednesday.</p>",
    }]}
    (tmp_path / "ghost.json").write_text(json.dumps(response), encoding="utf-8")
    (article,) = load_corpus(tmp_path).articles
    assert (article.title, article.date, article.provenance.date) == ("Robotaxi trials in 2026", dt.date(2025, 11, 9), "JSON published_at")
    assert article.outlet == "blog.example.org" and "not in outlets.yml" in article.provenance.outlet


def test_the_sites_name_after_a_pages_headline_is_not_part_of_the_title():
    html = ('<html><head><meta property="og:title" content="小鹏汽车发布第二代VLA模型_新浪财经_新浪网"></head><body><article>'
            "<p>11月5日，小鹏汽车在广州举办2025科技日，发布第二代VLA模型，并宣布该模型将于明年第一季度推送。</p></article></body></html>")
    assert webpage.read_page(html, load_outlets()).fields["title"].value == "小鹏汽车发布第二代VLA模型"


def test_a_page_saved_as_a_single_file_is_read_like_the_page(tmp_path):
    import quopri

    html = quopri.encodestring((PAGES / "hk_mingpao_zhhant.html").read_bytes()).decode("ascii").replace("\n", "\r\n")
    boundary = "----MultipartBoundary--k3Xq----"
    mhtml = (  # as Chrome's "Save page as › Web page, single file" writes it
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.mingpao.com/pns/x\r\nSubject: =?utf-8?Q?x?=\r\n"
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.mingpao.com/pns/x\r\n\r\n"
        f"{html}\r\n--{boundary}\r\nContent-Type: text/css\r\nContent-Location: https://news.mingpao.com/a.css\r\n\r\nbody{{}}\r\n--{boundary}--\r\n"
    )
    (tmp_path / "mingpao.mhtml").write_text(mhtml, encoding="ascii")
    (article,) = load_corpus(tmp_path).articles
    title, outlet, _author, date, *_ = EXPECTED["hk_mingpao_zhhant.html"]
    assert (article.title, article.outlet, article.date.isoformat()) == (title, outlet, date)
    assert article.paragraphs[0].text.startswith("【明報專訊】小鵬汽車")


TECHNICAL_WORDS = ("og:", "twitter:", "JSON", "meta ", "htmldate", "trafilatura", "page's", "header line", "<h1>", "<title>", "outlets.yml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_saved_pages_source_page_says_where_each_field_came_from_in_chinese(site, name):
    soup = page(site, f"sources/{Path(name).stem}/")
    shown = soup.select_one(".kb-meta").get_text(" ")
    assert not [word for word in TECHNICAL_WORDS if word in shown], shown
    assert all(origin.get("title") for origin in soup.select(".kb-meta .kb-origin"))  # the technical form, for a curator


def test_kb_json_keeps_each_fields_technical_origin(site):
    sources = {s["files"][0]: s for s in kb_document(site)["sources"]}  # kb.json's source files
    assert sources["tw_udn_zhhant.html"]["provenance"] == {
        "title": "JSON-LD headline", "outlet": "og:site_name", "author": "JSON-LD author", "date": "JSON-LD datePublished"}
