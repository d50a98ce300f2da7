"""Articles → Markdown: one page per source and the sources index.

Every paragraph carries its id as an anchor (`#p-…`) and a ¶ link, so any
paragraph can be linked to from a wiki or cited from a topic page.

Article text never reaches Markdown as syntax: paragraphs, the metadata
block and the sources table are raw HTML with the text HTML-escaped;
headings and the title are Markdown with every special character escaped.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping, Sequence

from build_scripts.pages.markdown_text import visible_controls, escape, literal_html, yaml_string
from build_scripts.pages.review import checked_mark
from build_scripts.pages.voice import zh
from build_scripts.pages.variants import page_url, verbatim
from build_scripts.model import Article
from build_scripts.reading.header import reader_words
from build_scripts.reading.paragraphs import former_ids

LANGUAGE_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "英文", "ja": "日文"}
SOURCES_DIR = "sources"


def source_path(article: Article) -> str:
    """Docs-relative path of an article's page."""
    return f"{SOURCES_DIR}/{article.slug}.md"


def render_source_page(
    article: Article,
    cited_by: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    abbreviate: Callable[[str], str] = lambda escaped: escaped,
) -> str:
    """Markdown of one source page.

    `cited_by` maps a paragraph id to (topic title, docs-relative topic path)
    pairs; each cited paragraph lists the topic pages that quote it.
    `abbreviate` marks glossary abbreviations in a paragraph's escaped HTML
    (the paragraphs are HTML, so Markdown's abbr extension never sees them).
    """
    cited_by = cited_by or {}
    say = _own_words(article)
    lines = [
        "---",
        f"title: {yaml_string(literal_html(article.title))}",
        "as_written: true",  # title and description are the article's words: neither copy converts them (variants.py)
        "---",
        "",
        f"# {verbatim(escape(article.title))} {{#title}}",
        "",
        _metadata_block(article, say),
        "",
    ]
    for paragraph, former in zip(article.paragraphs, former_ids(article.paragraphs)):
        lines.append(_paragraph(paragraph.kind, paragraph.text, paragraph.url, paragraph.id, abbreviate, former, say))
        topics = cited_by.get(paragraph.id)
        if topics:
            # HTML like the paragraphs, for the same reason (HtmlParagraphs); the
            # URLs are the ones MkDocs gives the pages, relative to this one: the
            # page's Traditional copy leads to the topics' Traditional copies.
            links = " · ".join(
                f'<a href="../../{page_url(path)}">{literal_html(say(title))}</a>' for title, path in topics
            )
            # Not searched: every article it is under would match the topic's name.
            lines += ["", f'<p class="kb-cited-by" data-search-exclude="true"><small>{say("被引用于")}：{links}</small></p>']
        lines.append("")
    return "\n".join(lines)


def _own_words(article: Article) -> Callable[[str], str]:
    """The page's own words (labels, notes), written in Simplified: each copy of the page converts them to its script (variants.py)."""
    return lambda text: text


def _written(text: str) -> str:
    """A value the article itself gives (an outlet's name, a byline): shown as written in both copies of its page."""
    return verbatim(literal_html(text))


def _metadata_block(article: Article, say: Callable[[str], str] = lambda text: text) -> str:
    origin = article.provenance
    unknown = say("未知")
    checked = _checked_fields(article, say)
    date = article.date.isoformat() if article.date else unknown
    if article.date_note:
        date += f"（{literal_html(say(zh(article.date_note)))}）"
    rows = [
        ("媒体", (_written(article.outlet) or unknown) + _origin(origin.outlet, say) + checked("outlet")),
        ("作者", (_written(article.author) or "—") + _origin(origin.author, say) + checked("author")),
        ("日期", date + _origin(origin.date, say) + checked("date")),
        ("语言", LANGUAGE_NAMES.get(article.language, article.language)),
        # a file name's controls written out (\u202e would show the name reversed)
        ("文件", " · ".join(f"<code>{literal_html(visible_controls(name))}</code>" for name in (article.file_name, *article.other_names))),
        ("长度", say(f"{article.text_length:,} 字 · {len(article.paragraphs)} 段")),
    ]
    if origin.title:
        rows.insert(0, ("标题", f'<span class="kb-origin" title="{literal_html(origin.title)}">{_reader_words(origin.title, say)}</span>'
                        + checked("title")))
    elif checked("title"):  # the editor says the text has no title: the page goes by its file name
        rows.insert(0, ("标题", say("原文无标题") + checked("title")))
    if article.editor or checked("editor"):
        rows.insert(3, ("编辑", (_written(article.editor) or "—") + checked("editor")))
    if article.via:
        rows.insert(2, ("转载平台", _written(article.via) + _origin(origin.via, say)))
    if article.cited_outlets:
        rows.append(("文中引用", " · ".join(_written(name) for name in article.cited_outlets)))
    if article.copy_of:
        rows.insert(0, ("转载", f'<a class="kb-copy-of" href="../{article.copy_of}/">{literal_html(article.copy_of)}</a>'
                        + say("（同一篇报道，只算一个来源）")))
    items = "\n".join(f"<li><strong>{say(label)}</strong>：{value}</li>" for label, value in rows)
    return f'<div class="kb-meta">\n<ul>\n{items}\n</ul>\n</div>'


def _checked_fields(article: Article, say: Callable[[str], str] = lambda text: text) -> Callable[[str], str]:
    """The checked mark (who, why in its tooltip) for each field an editor set or confirmed in seeds/sources.yml."""
    review = article.review
    if review is None:
        return lambda name: ""
    corrected = dict(review.original)
    mark = say(checked_mark(review))
    return lambda name: mark if review.verdict == "confirmed" or name in corrected else ""


def _reader_words(where: str, say: Callable[[str], str] = lambda text: text) -> str:
    """`header line 3: “发布时间：…”` as a reader says it: `据原文第 3 行：“发布时间：…”` (the quoted line as written).

    The words are header.yml's `provenance_words`; what a line is quoted saying is the article's, as written
    in both copies of the page (variants.py).
    """
    words = reader_words(where).replace(": “", "：“")
    parts = re.split(r"(“[^”]*”)", words)
    shown = "".join(f"“{verbatim(literal_html(part[1:-1]))}”" if part.startswith("“") else literal_html(say(part))
                    for part in parts)
    # A front matter key (`date`, `published`) is the file's own word, shown as such: code, not an English gloss.
    key = re.match(r"front matter '([A-Za-z_][\w-]*)'", where)
    return re.sub(rf"(?<![\w>]){re.escape(key[1])}(?!\w)", f"<code>{key[1]}</code>", shown, count=1) if key else shown


def _origin(where: str, say: Callable[[str], str] = lambda text: text) -> str:
    """Where a field was read, so a reader can check it (and a curator knows what to correct): the technical form in the tooltip."""
    if not where:
        return ""
    return (f' <small class="kb-origin" title="{literal_html(where)}" data-search-exclude="true">'
            f"（{_reader_words(where, say)}）</small>")


def _paragraph(kind: str, text: str, url: str, paragraph_id: str, abbreviate: Callable[[str], str], former: str = "",
               say: Callable[[str], str] = lambda text: text) -> str:
    # The id a link saved before ids were read from the comparable text still finds (reading/paragraphs.py).
    old = f'<span class="kb-old-anchor" id="{former}"></span>' if former and former != paragraph_id else ""
    # The article's own words: the page's copy in the other script shows them as written (variants.py).
    if kind == "heading":
        return f"## {old}{verbatim(escape(text))} {{ #{paragraph_id} }}"
    # A link to the paragraph, not part of it: kept out of search previews.
    pilcrow = f'<a class="kb-anchor" href="#{paragraph_id}" title="{say("链接到此段")}" data-search-exclude="true">¶</a>'
    if kind == "image":
        caption = verbatim(literal_html(text)) if text else say("图片")
        return (
            f'<p class="kb-para kb-image" id="{paragraph_id}">{old}🖼 {caption}'
            # The caption is searched; the notice and the address are not what anyone looks for.
            f'<span data-search-exclude="true">（{say("未加载远程图片")}）<br><code>{literal_html(url)}</code></span>'
            f" {pilcrow}</p>"
        )
    return f'<p class="kb-para" id="{paragraph_id}">{old}{verbatim(abbreviate(literal_html(text)))} {pilcrow}</p>'


# The sources index lists the newest articles and links one page per month
# of publication: at 2,000 articles one table of all of them was 714 KB and
# 14,800 elements. A month's page keeps its address as articles are added.
LATEST_ON_INDEX = 50
MONTHS_DIR = f"{SOURCES_DIR}/by-month"
UNDATED = "undated"


def month_of(article: Article) -> str:
    return article.date.strftime("%Y-%m") if article.date else UNDATED


def month_path(month: str) -> str:
    return f"{MONTHS_DIR}/{month}.md"


def render_sources_index(articles: Sequence[Article], abbreviate: Callable[[str], str] = lambda escaped: escaped) -> dict[str, str]:
    """The sources index and a page per month, {docs-relative path: Markdown}: HTML tables (HtmlParagraphs stores them as they are).

    `abbreviate` marks glossary abbreviations in the escaped titles, as on the source pages.
    """
    months: dict[str, list[Article]] = {}
    for article in articles:
        months.setdefault(month_of(article), []).append(article)
    order = sorted((m for m in months if m != UNDATED), reverse=True) + ([UNDATED] if UNDATED in months else [])
    month_links = [
        f'<li><a href="{page_url(month_path(month)).removeprefix(SOURCES_DIR + "/")}">{_month_name(month)}</a>'
        f" · {len(months[month])} 篇</li>"
        for month in order
    ]
    latest = articles[:LATEST_ON_INDEX]
    index = [
        "---",
        "title: 来源",
        "---",
        "",
        "# 来源 {#sources}",
        "",
        f"本知识库引用的全部 {len(articles)} 篇文章，按发布月份分页；每个段落都有可直接链接的锚点。",
        "",
        "## 按月份 {#by-month}",
        "",
        '<ul class="kb-months">',
        *month_links,
        "</ul>",
        "",
        f"## 最新 {len(latest)} 篇 {{#latest}}",
        "",
        _table(latest, abbreviate, ""),
    ]
    pages = {f"{SOURCES_DIR}/index.md": "\n".join(index) + "\n"}
    for month in order:
        name = _month_name(month)
        pages[month_path(month)] = "\n".join([
            "---",
            f"title: 来源 · {name}",
            "---",
            "",
            f"# 来源 · {name} {{#sources}}",
            "",
            f'{len(months[month])} 篇文章，按发布日期从新到旧排列。 [全部月份](../index.md#by-month)',
            "",
            _table(months[month], abbreviate, "../../"),
        ]) + "\n"
    return pages


def _month_name(month: str) -> str:
    return "日期不明" if month == UNDATED else month


def _table(articles: Sequence[Article], abbreviate: Callable[[str], str], to_sources: str) -> str:
    """A table of `articles`, linked from a page `to_sources` away from sources/."""
    rows = []
    for article in articles:
        date = article.date.isoformat() if article.date else "—"
        rows += [
            "<tr>",
            f'<td><a href="{to_sources}{page_url(source_path(article)).removeprefix(SOURCES_DIR + "/")}">{verbatim(abbreviate(literal_html(article.title)))}</a></td>',
            f"<td>{_written(article.outlet) or '—'}</td>",
            f"<td>{date}</td>",
            f"<td>{LANGUAGE_NAMES.get(article.language, article.language)}</td>",
            f'<td style="text-align: right;">{len(article.paragraphs)}</td>',
            "</tr>",
        ]
    lines = [
        # Not searched: each row's title and outlet are found on the article's own page, and a
        # table of every title would match nearly every query (and cost each preview rebuild its cutting).
        '<div class="kb-sources" data-search-exclude="true">',
        "<table>",
        "<thead>",
        "<tr>",
        "<th>标题</th>",
        "<th>媒体</th>",
        "<th>日期</th>",
        "<th>语言</th>",
        '<th style="text-align: right;">段落</th>',
        "</tr>",
        "</thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        "</div>",
    ]
    return "\n".join(lines)


# -- Previous and next: the source pages in the Sources index's order --------
#
# The nav lists the Sources index, not each source page (there are hundreds),
# so MkDocs gives a source page no previous/next page and Material draws no
# footer under it. A source page names its neighbours in the index's order
# (newest first, as the index and its month pages list them) in its front
# matter; the plugin gives the page those pages as Material's previous and
# next (`link_neighbours`). The walk starts and ends at the index: the newest
# source's previous page and the oldest's next are the list they are in, so
# every source page has both links. The names are relative (`<slug>.md`),
# so the Traditional copy, in a parallel tree, leads to the Traditional
# neighbours. Being in the page's own text, a neighbour that changes (an
# article added) changes the page, which `mkdocs serve` then writes again.
NEIGHBOURS = {"previous_page": ("previous_source", "previous_source_title"),
              "next_page": ("next_source", "next_source_title")}
INDEX_NAME, INDEX_TITLE = "index.md", "来源"


def with_neighbours(pages: dict[str, str], articles: Sequence[Article]) -> dict[str, str]:
    """`pages` with each source page's neighbours in `articles`' order (the corpus': the index's) in its front matter."""
    listed = [a for a in articles if source_path(a) in pages]
    names = [(INDEX_NAME, INDEX_TITLE)] + [(a.slug + ".md", a.title) for a in listed] + [(INDEX_NAME, INDEX_TITLE)]
    linked = dict(pages)
    for at, article in enumerate(listed, start=1):
        fields = []
        for (name, title), (key, title_key) in zip((names[at - 1], names[at + 1]), NEIGHBOURS.values()):
            fields += [f"{key}: {yaml_string(name)}", f"{title_key}: {yaml_string(literal_html(title))}"]
        path = source_path(article)
        if linked[path].startswith("---\n"):
            linked[path] = "---\n" + "\n".join(fields) + "\n" + linked[path][len("---\n"):]
    return linked


def link_neighbours(page, files) -> None:
    """Material's previous and next page for a source page: the neighbours its front matter names (with_neighbours).

    Called for each page as it is drawn (the plugin's on_page_context); a
    page the nav lists keeps the nav's. Under `mkdocs serve --dirty` a
    neighbour left unread gets its title from this page's front matter.
    """
    folder = posixpath.dirname(page.file.src_uri)
    for attribute, (key, title_key) in NEIGHBOURS.items():
        name = page.meta.get(key)
        if not name or getattr(page, attribute) is not None:
            continue
        file = files.get_file_from_path(posixpath.join(folder, name))
        if file is None or file.page is None:
            continue
        if file.page.markdown is None:  # not read this build: its title as this page names it
            file.page.markdown, file.page.meta = "", {"title": str(page.meta.get(title_key) or name)}
        setattr(page, attribute, file.page)
