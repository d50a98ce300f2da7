"""TopicPage models → Markdown: topic pages, the topics index, the home page.

Citations are numbered footnotes (pages/footnotes.py) linking to
`../sources/<slug>.md#<paragraph>`, which MkDocs resolves and checks as it
does Markdown links; a marker's title is the quoted passage.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from build_scripts.knowledge.compose import KnowledgeBase, TopicPage
from build_scripts.knowledge.corroborate import Citation
from build_scripts.knowledge.lists import speaker
from build_scripts.pages.cite_menu import source_name
from build_scripts.pages.footnotes import cites_token
from build_scripts.pages.markdown_text import escape, literal_html, yaml_string
from build_scripts.pages.variants import as_written
from build_scripts.pages.voice import zh
from build_scripts.model import Corpus


def topic_path(slug: str) -> str:
    return f"topics/{slug}.md"


def citation_link(citation: Citation, from_dir: str = "topics") -> str:
    """One citation: a footnote marker on the page (footnotes.py)."""
    return citations_text([citation], from_dir)


# A page summarises a corpus that keeps growing: past these, a statement
# names how many more sources say it, and a list shows its best entries and
# says how many it leaves out (kb.json has them all). Without them a topic
# page grew by 4 KB per article, 3 MB of HTML at 500 articles. At 2,000
# articles the 100 newest sources, and a third story after each of an
# infobox row's dozen values (pages/infobox.py cites two), took the largest
# topic pages over 300 KB: each marker carries its quote, each cited story
# its reference.
MAX_CITATIONS = 3  # stories (a report and its republications) cited after one statement, as [1][2][3]
MAX_EXCERPTS = 60  # facts and opinions, each
MAX_SOURCES = 20  # newest first; the sources index lists them all


def citations_text(citations: Sequence[Citation], from_dir: str = "topics", limit: int = MAX_CITATIONS) -> str:
    """The footnote markers after a statement, [1] [2]: one per story, its republications folded (footnotes.py).

    The markers are numbered, and the references listed, when the page is
    assembled (`footnotes.number_footnotes`, site.py).
    """
    if not citations:
        return ""
    prefix = "../" * len(from_dir.split("/")) if from_dir else ""
    return cites_token(citations, prefix, limit)


def _most_corroborated(excerpts, limit: int = MAX_EXCERPTS) -> tuple[list, str]:
    """The `limit` excerpts most sources say (then the most relevant), in their order, and a note of what is left out."""
    if len(excerpts) <= limit:
        return list(excerpts), ""
    ranked = sorted(range(len(excerpts)), key=lambda i: (-len(excerpts[i].citations), -excerpts[i].score, i))
    kept = set(ranked[:limit])
    note = f"<small>显示来源最多的 {limit} 条，共 {len(excerpts)} 条</small>"
    return [x for i, x in enumerate(excerpts) if i in kept], note


def format_value(row_value: float, high: float | None = None) -> str:
    def one(v: float) -> str:
        # As a Chinese reader counts: 万, 亿, 万亿 (the English line and kb.json carry the plain number).
        if v >= 1e12:
            return f"{v / 1e12:g} 万亿"
        if v >= 1e8:
            return f"{v / 1e8:g} 亿"
        if v >= 1e4:
            return f"{v / 1e4:g} 万"
        return f"{v:,g}"

    return one(row_value) + (f" – {one(high)}" if high is not None else "")


def _overview(page: TopicPage) -> list[str]:
    """The composed overview (knowledge/overview.py): each Chinese sentence with its citations, then the English, folded."""
    if not page.lead:
        return ["暂无来源。", ""]
    promise = _main_promise(page)
    details = f" [详情](#{promise.id})" if promise is not None else ""
    chinese = " ".join(f"{escape(s.zh)} {citations_text(s.citations)}".rstrip() for s in page.lead) + details
    # The English reading one click away, not a grey line repeating the Chinese (raw HTML:
    # lang="en" lets screen readers read it as English; OpenCC leaves Latin text as it is).
    en = html.escape(" ".join(s.en for s in page.lead), quote=False)
    return [chinese, "", f'<details class="kb-overview-en"><summary>English</summary><p lang="en">{en}</p></details>', ""]


def _milestones_section(page: TopicPage, as_of) -> list[str]:
    from build_scripts.pages.promises import render_milestones_section  # it formats citations with this module

    return render_milestones_section(page.timeline, as_of)


def render_topic_page(page: TopicPage, as_of=None) -> str:
    topic = page.topic
    lines = [
        "---",
        f"title: {yaml_string(literal_html(topic.title_zh))}",
        "---",
        "",
        f"# {escape(topic.title_zh)}",
        "",
        f"> {escape(topic.scope)}",
        "",
        "## 概述 {#lead}",
        "",
    ]
    lines += _overview(page)
    # The infobox: claims per subject and attribute (pages/infobox.py). It
    # replaced one row per distinct number, which could not say whose number
    # it was or what it measured.
    from build_scripts.pages.infobox import infobox_markdown

    lines += ["", "## 关键数字 {#figures}", ""]
    lines += infobox_markdown(page.infobox)
    lines += ["## 承诺与进展 {#timeline}", ""]
    lines += _milestones_section(page, as_of)
    lines += ["## 各来源怎么说 {#sources-say}", ""]
    if page.facts:
        lines += ["### 事实与进展 {#facts}", ""]
        facts_shown, note = _most_corroborated(page.facts)
        lines += [note, ""] if note else []
        for article, facts in _by_first_source(facts_shown):
            date = article.date.isoformat() if article.date else "日期不详"
            lines += [f"**{as_written(escape(source_name(article)))}**（{date}）", ""]
            lines += folded([f"- {as_written(escape(x.text))} {citations_text(x.citations)}" for x in facts], SHOWN_PER_SOURCE)
    if page.opinions:
        lines += ["### 观点 {#opinions}", ""]
        lines.append("以下是各媒体或受访者的看法，按说话人与来源标注，并非本站结论。")
        lines.append("")
        opinions_shown, note = _most_corroborated(page.opinions)
        lines += [note, ""] if note else []
        said = []
        for x in opinions_shown:
            who = x.citations[0].article
            outlet = as_written(escape(source_name(who)))
            voiced = speaker(x.text)  # the person quoted, when the sentence says who (knowledge/lists.py)
            said.append(f"- **{as_written(escape(voiced))}**（{outlet}）：" if voiced else f"- **{outlet}**：")
            said[-1] += f"{as_written(escape(x.text))} {citations_text(x.citations)}"
        lines += folded(said, SHOWN_OPINIONS)
    lines += ["## 相关主题 {#related}", ""]
    # One line of topic chips (as on the timeline): two or three names are not worth a list.
    lines.append(" ".join(f"[{escape(t.title_zh)}]({t.slug}.md){{ .kb-topic }}" for t in page.related) or "—")
    lines += ["", "## 来源 {#sources}", ""]
    listed = []
    for article in page.sources[:MAX_SOURCES]:
        date = article.date.isoformat() if article.date else "日期不详"
        listed.append(f"- [{as_written(escape(article.title))}](../sources/{article.slug}.md) — {as_written(escape(article.outlet or '—'))}，{date}")
    # Every citation above links its source already: the full list is folded, with its count.
    title = f"{len(page.sources)} 个来源" if len(listed) == len(page.sources) else f"最新的 {len(listed)} 个来源，共 {len(page.sources)} 个"
    lines += folded(listed, 0, title)
    if len(page.sources) > MAX_SOURCES:
        more = len(page.sources) - MAX_SOURCES
        lines += ["", f"另有 {more} 篇较早的来源，见[全部来源](../sources/index.md)。"]
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
    title = title or f"另 {count} 条"
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
    lines = ["---", "title: 主题", "---", "", "# 主题", ""]
    for page in kb.topics:
        t = page.topic
        lines.append(f"## [{escape(t.title_zh)}]({t.slug}.md) {{#{t.slug}}}")
        lines.append("")
        lines.append(f"{escape(t.scope)}  ")
        lines.append(f"<small>{len(page.sources)} 个来源 · {len(page.infobox.rows)} 项数字 · {len(page.timeline)} 项承诺与进展</small>")
        lines.append("")
    return "\n".join(lines)


def render_home(kb: KnowledgeBase, corpus: Corpus, latest: int = 5) -> str:
    lines = [
        "---",
        "title: 首页",
        "---",
        "",
        "# 小鹏物理 AI 知识库",
        "",
        "小鹏汽车物理 AI 发布的知识库：每个数字、日期与陈述都链接到原文段落。"
        f"现有 {len(corpus.articles)} 篇[来源](sources/index.md)。",
        "",
        "## 主题 {#topics}",
        "",
        '<div class="grid cards" markdown>',
        "",
    ]
    for page in kb.topics:
        t = page.topic
        lines.append(f"-   **[{escape(t.title_zh)}](topics/{t.slug}.md)**")
        lines.append("")
        lines.append(f"    {escape(t.scope)}")
        lines.append("")
        lines.append(f"    <small>{len(page.sources)} 个来源 · {len(page.infobox.rows)} 项数字</small>")
        lines.append("")
        promise = _main_promise(page)
        if promise is not None:
            lines.append(
                f'    <span class="kb-badge kb-s-{promise.status}">{escape(zh(promise.status_label))}</span> '
                f"[{escape(zh(promise.kind_label))} {escape(promise.due.label)}](topics/{t.slug}.md#{promise.id})"
            )
            lines.append("")
    lines += ["</div>", ""]
    lines += _latest(kb, latest)
    lines += ["[全部承诺与兑现](promises.md)", ""]
    return "\n".join(lines) + "\n"


def _latest(kb: KnowledgeBase, count: int) -> list[str]:
    """What happened, newest first; then what is due next, soonest first (as of the newest source)."""
    from build_scripts.pages.chart import done_at

    titles = {page.topic.slug: page.topic for page in kb.topics}

    def row(m, when: str) -> str:
        topic = titles.get(m.topic)
        where = f"[{escape(topic.title_zh)}](topics/{topic.slug}.md){{ .kb-topic }}" if topic else "<small>全站</small>"
        badge = f'<span class="kb-badge kb-s-{m.status}">{escape(zh(m.status_label))}</span>'
        return f"- **{when}** {badge} {escape(zh(m.text))} {where} {citations_text(m.citations[:2], from_dir='')}"

    def known_by(m) -> dt.date:
        """The latest day it can have happened: its period's end, or the first report of it if earlier ("in 2025", said in November)."""
        said = [r.said_on for r in m.reports if r.said_on and (r.state == "happened" or not m.plans)]
        return min([done_at(m)[1], *said])

    happened = sorted(((done_at(m), m) for m in kb.milestones if done_at(m)), key=lambda d: (known_by(d[1]), d[1].id), reverse=True)
    due = [m for m in kb.milestones if m.status in ("upcoming", "moved") and (m.moved_to or m.due)]
    due.sort(key=lambda m: ((m.moved_to or m.due).end, m.id))
    lines = ["## 最新动态 {#latest}", ""]
    lines += [row(m, _happened_label(m, when[0])) for when, m in happened[:count]]
    lines += ["" if happened else "来源中还没有报道已发生的事件。", "", "## 即将到期 {#next}", ""]
    lines += [row(m, (m.moved_to or m.due).label) for m in due[:count]]
    lines += ["" if due else "来源中没有待兑现的承诺。", ""]
    return lines


def _happened_label(m, day) -> str:
    """When a source says it happened: the period it names (2024, 2025-11), else the day of the first report."""
    if m.done is not None:
        return m.done.label
    return m.due.label if not m.plans and m.due is not None else day.isoformat()
