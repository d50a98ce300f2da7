"""TopicPage models → Markdown: topic pages, the topics index, the home page.

Citations are ordinary Markdown links to `../sources/<slug>.md#<paragraph>`,
so MkDocs itself checks that every cited page and anchor exists; their title
is the quoted passage, which Material shows as a tooltip on hover.
"""
from __future__ import annotations

import html
from collections.abc import Sequence

from build_scripts.knowledge.compose import KnowledgeBase, TopicPage
from build_scripts.knowledge.corroborate import Citation
from build_scripts.knowledge.lists import speaker
from build_scripts.pages.cite_menu import cite_data
from build_scripts.pages.markdown_text import escape, literal_html, yaml_string
from build_scripts.model import Corpus

def topic_path(slug: str) -> str:
    return f"topics/{slug}.md"


def citation_link(citation: Citation, from_dir: str = "topics") -> str:
    """[outlet · date](../sources/x.md#p-… "quote") — the quote shows on hover."""
    prefix = "../" * len(from_dir.split("/")) if from_dir else ""
    title = html.escape(citation.quote, quote=True).replace("\\", "\\\\")
    return f'[{escape(citation.article.label.replace(", ", " · "))}]({prefix}{citation.source_path}#{citation.paragraph_id} "{title}"){{ .kb-cite }}'


# A page summarises a corpus that keeps growing: past these, a statement
# names how many more sources say it, and a list shows its best entries and
# says how many it leaves out (kb.json has them all). Without them a topic
# page grew by 4 KB per article, 3 MB of HTML at 500 articles; Markdown's
# time goes with the number of links, so these bound a rebuild too.
MAX_CITATIONS = 5  # links after one statement
MAX_EXCERPTS = 60  # facts and opinions, each
MAX_SOURCES = 100  # newest first


def citations_text(citations: Sequence[Citation], from_dir: str = "topics", limit: int = MAX_CITATIONS) -> str:
    links = " ".join(citation_link(c, from_dir) for c in citations[:limit])
    if len(citations) > limit:
        # Sources, not links: a second paragraph of a shown source, or a syndicated copy, is no other source.
        more = len({c.article.report for c in citations[limit:]} - {c.article.report for c in citations[:limit]})
        links += (
            f' <small class="kb-more">+{more} 个来源 more sources</small>' if more
            else f' <small class="kb-more">+{len(citations) - limit} 处引用 more citations</small>'
        )
    return links


def _most_corroborated(excerpts, limit: int = MAX_EXCERPTS) -> tuple[list, str]:
    """The `limit` excerpts most sources say (then the most relevant), in their order, and a note of what is left out."""
    if len(excerpts) <= limit:
        return list(excerpts), ""
    ranked = sorted(range(len(excerpts)), key=lambda i: (-len(excerpts[i].citations), -excerpts[i].score, i))
    kept = set(ranked[:limit])
    note = f"<small>显示来源最多的 {limit} 条，共 {len(excerpts)} 条 · the {limit} most corroborated of {len(excerpts)}</small>"
    return [x for i, x in enumerate(excerpts) if i in kept], note


def format_value(row_value: float, high: float | None = None) -> str:
    def one(v: float) -> str:
        if v >= 1e12:
            return f"{v / 1e12:g} 万亿 ({v / 1e12:,g} trillion)"
        if v >= 1e8:
            zh = f"{v / 1e8:g} 亿"
        elif v >= 1e4:
            zh = f"{v / 1e4:g} 万"
        else:
            return f"{v:,g}"
        en = f"{v / 1e9:,g} billion" if v >= 1e9 else f"{v / 1e6:,g} million" if v >= 1e6 else f"{v:,.0f}"
        return f"{zh} ({en})"

    return one(row_value) + (f" – {one(high)}" if high is not None else "")


def _overview(page: TopicPage) -> list[str]:
    """The composed overview (knowledge/overview.py): each Chinese sentence with its citations, then the English line."""
    if not page.lead:
        return ["暂无来源。 No sources yet.", ""]
    promise = _main_promise(page)
    details = f" [详情 details](#{promise.id})" if promise is not None else ""
    zh = " ".join(f"{escape(s.zh)} {citations_text(s.citations)}".rstrip() for s in page.lead) + details
    en = " ".join(escape(s.en) for s in page.lead)
    # lang="en": the 繁體 copy leaves it as written, and screen readers read it as English.
    return [zh, "", en, '{: .kb-overview-en lang="en" }', ""]


def _milestones_section(page: TopicPage, as_of) -> list[str]:
    from build_scripts.pages.promises import render_milestones_section  # it formats citations with this module

    return render_milestones_section(page.timeline, as_of)


def render_topic_page(page: TopicPage, as_of=None) -> str:
    topic = page.topic
    lines = [
        "---",
        f"title: {yaml_string(literal_html(f'{topic.title_zh} · {topic.title_en}'))}",
        "---",
        "",
        f"# {escape(topic.title_zh)} · {escape(topic.title_en)}",
        "",
        f"> {escape(topic.scope)}",
        "",
        "## 概述 Overview {#lead}",
        "",
    ]
    lines += _overview(page)
    # The infobox: claims per subject and attribute (pages/infobox.py). It
    # replaced one row per distinct number, which could not say whose number
    # it was or what it measured.
    from build_scripts.pages.infobox import infobox_markdown

    lines += ["", "## 关键数字 Key figures {#figures}", ""]
    lines += infobox_markdown(page.infobox)
    lines += ["## 承诺与进展 Milestones {#timeline}", ""]
    lines += _milestones_section(page, as_of)
    lines += ["## 各来源怎么说 What the sources say {#sources-say}", ""]
    if page.facts:
        lines += ["### 事实与进展 Facts and progress {#facts}", ""]
        facts_shown, note = _most_corroborated(page.facts)
        lines += [note, ""] if note else []
        for article, facts in _by_first_source(facts_shown):
            date = article.date.isoformat() if article.date else "日期不详"
            lines += [f"**{escape(article.outlet or article.author or article.file_name)}**（{date}）", ""]
            lines += folded([f"- {escape(x.text)} {citations_text(x.citations)}" for x in facts], SHOWN_PER_SOURCE)
    if page.opinions:
        lines += ["### 观点 Opinions {#opinions}", ""]
        lines.append("以下是各媒体或受访者的看法，按说话人与来源标注，并非本站结论。")
        lines.append("")
        opinions_shown, note = _most_corroborated(page.opinions)
        lines += [note, ""] if note else []
        said = []
        for x in opinions_shown:
            who = x.citations[0].article
            outlet = escape(who.outlet or who.author or who.file_name)
            voiced = speaker(x.text)  # the person quoted, when the sentence says who (knowledge/lists.py)
            said.append(f"- **{escape(voiced)}**（{outlet}）：" if voiced else f"- **{outlet}**：")
            said[-1] += f"{escape(x.text)} {citations_text(x.citations)}"
        lines += folded(said, SHOWN_OPINIONS)
    lines += ["## 相关主题 Related topics {#related}", ""]
    # One line of topic chips (as on the timeline): two or three names are not worth a list.
    lines.append(" ".join(f"[{escape(t.title_zh)} · {escape(t.title_en)}]({t.slug}.md){{ .kb-topic }}" for t in page.related) or "—")
    lines += ["", "## 来源 Sources {#sources}", ""]
    listed = []
    for article in page.sources[:MAX_SOURCES]:
        date = article.date.isoformat() if article.date else "日期不详"
        listed.append(f"- [{escape(article.title)}](../sources/{article.slug}.md) — {escape(article.outlet or '—')}，{date}")
    # Every citation above links its source already: the full list is folded, with its count.
    lines += folded(listed, 0, f"{len(page.sources)} 个来源 · {len(page.sources)} sources")
    if len(page.sources) > MAX_SOURCES:
        more = len(page.sources) - MAX_SOURCES
        lines += ["", f"另有 {more} 篇较早的来源，见[全部来源](../sources/index.md) · {more} older sources: see all sources."]
    return "\n".join(lines) + "\n"


# Long lists fold (pymdownx.details, closed): a reader sees the first few
# and how many more there are, and opens the rest if they want them.
SHOWN_PER_SOURCE = 2
SHOWN_OPINIONS = 5


def folded(items: list[str], shown: int, title: str = "") -> list[str]:
    """Markdown lines: the first `shown` items, then the rest in a closed `??? note` saying how many."""
    if len(items) <= shown + 1:  # folding one item away saves nothing
        return [*items, ""]
    rest = items[shown:]
    count = sum(1 for item in rest if item.startswith("- "))
    title = title or f"另 {count} 条 · {count} more"
    block = [f'??? note "{title}"', ""] + [f"    {item}" if item else "" for item in rest]
    return [*items[:shown], "", *block, ""]


def _by_first_source(excerpts):
    """Excerpts grouped under the source that said them first, newest source first, article order kept."""
    groups: dict[str, list] = {}
    articles = {}
    for excerpt in excerpts:
        article = excerpt.citations[0].article
        articles[article.slug] = article
        groups.setdefault(article.slug, []).append(excerpt)
    ordered = sorted(articles.values(), key=lambda a: (-(a.date.toordinal() if a.date else 0), a.slug))
    return [(a, groups[a.slug]) for a in ordered]


def _main_promise(page: TopicPage):
    from build_scripts.knowledge.overview import main_promise

    return main_promise(page.timeline)


def render_topics_index(kb: KnowledgeBase) -> str:
    lines = ["---", "title: 主题 Topics", "---", "", "# 主题 Topics", ""]
    for page in kb.topics:
        t = page.topic
        lines.append(f"## [{escape(t.title_zh)} · {escape(t.title_en)}]({t.slug}.md) {{#{t.slug}}}")
        lines.append("")
        lines.append(f"{escape(t.scope)}  ")
        lines.append(f"<small>{len(page.sources)} 个来源 · {len(page.infobox.rows)} 项数字 · {len(page.timeline)} 项承诺与进展</small>")
        lines.append("")
    return "\n".join(lines)


def render_home(kb: KnowledgeBase, corpus: Corpus, latest: int = 8) -> str:
    lines = [
        "---",
        "title: 首页 Home",
        "---",
        "",
        "# 小鹏物理 AI 知识库",
        "",
        "XPeng physical-AI knowledge base — 每个数字、日期与陈述都链接到原文段落。"
        f"现有 {len(corpus.articles)} 篇[来源](sources/index.md)。",
        "",
        "## 主题 Topics {#topics}",
        "",
        '<div class="grid cards" markdown>',
        "",
    ]
    for page in kb.topics:
        t = page.topic
        lines.append(f"-   **[{escape(t.title_zh)}](topics/{t.slug}.md)** · {escape(t.title_en)}")
        lines.append("")
        lines.append(f"    {escape(t.scope)}")
        lines.append("")
        lines.append(f"    <small>{len(page.sources)} 个来源 · {len(page.infobox.rows)} 项数字</small>")
        lines.append("")
        promise = _main_promise(page)
        if promise is not None:
            lines.append(
                f'    <span class="kb-badge kb-s-{promise.status}">{escape(promise.status_label)}</span> '
                f"[{escape(promise.kind_label.split(' ')[0])} {escape(promise.due.label)}](topics/{t.slug}.md#{promise.id})"
            )
            lines.append("")
    lines += ["</div>", "", "## 最新动态 Latest events {#latest}", ""]
    titles = {page.topic.slug: page.topic for page in kb.topics}
    dated = [m for m in kb.milestones if m.last_date is not None]
    for m in sorted(dated, key=lambda m: (m.last_date, m.id), reverse=True)[:latest]:
        topic = titles.get(m.topic)
        when = (m.done or m.moved_to or m.due).label
        where = f"[{escape(topic.title_zh)}](topics/{topic.slug}.md)" if topic else "全站 site-wide"
        lines.append(
            f"- **{when}** <small>{escape(m.status_label)} · {where}</small> — "
            f"{escape(m.text)} {citations_text(m.citations[:2], from_dir='')}"
        )
    lines += ["", f"[全部承诺与兑现 All promises and their status](promises.md)", ""]
    return "\n".join(lines) + "\n"
