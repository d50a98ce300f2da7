"""KnowledgeBase + Corpus → the 待核实 To check page: what the build read with low confidence, for an editor.

Listed, newest sentence first: milestones read with a borrowed subject or
time, stated by one source only, or whose status changed (moved, late,
dropped); figures with a borrowed subject or stated by one source only; article metadata taken from a
weak line (an inferred year, a signature, nothing at all). Nothing an editor
already confirmed or corrected is listed. Each item shows the sentence, how
it was read, and a ready-to-paste YAML entry for seeds/sources.yml (copied by
the button assets/kb-check.js adds): paste it, choose confirm, reject or set,
save, and the item leaves this page and is marked checked where it is shown.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from build_scripts.knowledge.claims import Claim, Knowledge, load_knowledge
from build_scripts.knowledge.corrections import claim_line
from build_scripts.knowledge.compose import KnowledgeBase
from build_scripts.knowledge.milestones import Milestone, load_milestone_rules
from build_scripts.model import Article, Corpus
from build_scripts.pages.markdown_text import escape, literal_html, yaml_string
from build_scripts.pages.render_problems import PROBLEMS_PATH
from build_scripts.pages.variants import verbatim
from build_scripts.pages.voice import zh
from build_scripts.reading.corpus import SOURCES_FILE
from build_scripts.reading.header import reader_words

TO_CHECK_PATH = "to-check.md"
STRONG_ORIGINS = ("front matter", "header line", f"seeds/{SOURCES_FILE}")
METADATA_FIELDS = ("title", "outlet", "date")
ACTIONS_COMMENT = "# or: reject · set (and uncomment what to change)"


@dataclass(frozen=True)
class ToCheck:
    """One reading an editor should look at."""

    id: str  # names the item on this page (data-check): stable while it waits to be checked
    topic: str  # topic slug, "" for an article's metadata
    kind: str  # a milestone kind, "figure" or "metadata"
    title: str
    why: tuple[str, ...]
    said_on: dt.date | None
    article: Article
    paragraph_id: str
    quote: str
    how: str
    snippet: str
    paste_under: str  # the section of seeds/sources.yml the snippet goes in ("" for the top level)


def to_check(kb: KnowledgeBase, corpus: Corpus) -> list[ToCheck]:
    items = [item for m in kb.milestones if m.review is None for item in _milestone_items(m)]
    items += _claim_items(kb, load_knowledge())
    items += [item for article in corpus.articles for item in _metadata_items(article)]
    return sorted(items, key=lambda i: (-(i.said_on.toordinal() if i.said_on else 0), i.kind == "metadata", i.id))


def _milestone_items(m: Milestone) -> list[ToCheck]:
    why = []
    if any(s.read == "borrowed" for s in m.sightings):
        why.append("主体取自上下文")
    if not m.confident:
        why.append("低置信")
    if len({s.citation.article.report for s in m.sightings}) == 1:
        why.append("单一来源")
    if m.status in ("moved", "late", "dropped"):
        why.append(f"状态变化：{zh(m.status_label)}")
    if any(s.anchor and s.relative for s in m.sightings):
        why.append("时间据文中日期推算")
    if not why:
        return []
    s = (m.plans or m.reports)[0]
    when = m.due.key if m.due else ""
    snippet = "\n".join([
        f"  - id: {m.id}",
        f"    file: {yaml_string(s.citation.article.file_name)}",
        f"    quote: {yaml_string(s.citation.quote)}",
        f"    do: confirm  {ACTIONS_COMMENT}",
        f"    # subject: {m.topic or 'site-wide'}",
        f"    # kind: {m.kind}",
        f"    # when: {when or 'null'}",
        f"    # state: {s.state if s.state in ('planned', 'happened', 'dropped') else 'planned'}",
        "    # by: your name",
        "    # note: why",
    ])
    return [ToCheck(
        id=f"check-{m.id}", topic=m.topic or "site-wide", kind=m.kind, title=f"{zh(m.text)} · {zh(m.status_label)}",
        why=tuple(why), said_on=s.said_on, article=s.citation.article, paragraph_id=s.citation.paragraph_id,
        quote=s.citation.quote, how=s.how, snippet=snippet, paste_under="milestones",
    )]


def _claim_items(kb: KnowledgeBase, knowledge: Knowledge) -> list[ToCheck]:
    reports: dict[tuple, set[str]] = {}
    for c in kb.claims:
        reports.setdefault((c.subject, c.attribute, c.value), set()).add(c.citation.article.report)
    items, seen = [], set()
    for c in kb.claims:
        if c.review is not None or not c.topics:
            continue
        why = []
        if c.read == "borrowed":
            why.append("主体取自上下文")
        if len(reports[(c.subject, c.attribute, c.value)]) == 1:
            why.append("单一来源")
        if c.dated_by == "article":
            why.append("时间为文章发布日")
        key = (c.subject, c.attribute, c.citation.article.file_name, c.citation.quote)
        if not why or key in seen:
            continue
        seen.add(key)
        items.append(_claim_item(c, tuple(why), claim_line(c, knowledge)))
    return items


def _claim_item(c: Claim, why: tuple[str, ...], title: str) -> ToCheck:
    row = f"{c.subject}-{c.attribute}"
    value = int(c.value) if isinstance(c.value, float) and c.value.is_integer() else c.value
    snippet = "\n".join([
        f"  - id: {row}",
        f"    file: {yaml_string(c.citation.article.file_name)}",
        f"    quote: {yaml_string(c.citation.quote)}",
        f"    do: confirm  {ACTIONS_COMMENT}",
        f"    # value: {yaml_string(value) if isinstance(value, str) else value}",
        f"    # unit: {c.unit or 'null'}",
        f"    # as_of: {c.as_of.key if c.as_of else 'null'}",
        f"    # status: {c.status}",
        "    # by: your name",
        "    # note: why",
    ])
    how = f"{c.subject} · {c.attribute} = {c.as_written or f'{c.value} {c.unit}'} · {c.status} · {c.as_of.label if c.as_of else 'undated'}"
    return ToCheck(
        id=f"check-{row}-{hashlib.sha1((c.citation.article.file_name + c.citation.quote).encode()).hexdigest()[:6]}", topic=c.topics[0], kind="figure", title=title,
        why=why, said_on=c.citation.article.date, article=c.citation.article, paragraph_id=c.citation.paragraph_id,
        quote=c.citation.quote, how=how, snippet=snippet, paste_under="claims",
    )


def _metadata_items(article: Article) -> list[ToCheck]:
    items = []
    review = article.review
    checked = set(METADATA_FIELDS) if review and review.verdict == "confirmed" else {name for name, _ in (review.original if review else ())}
    for field in METADATA_FIELDS:
        if field in checked:
            continue  # the editor's word is in seeds/sources.yml: nothing left to check
        value = getattr(article, field)
        origin = getattr(article.provenance, field)
        if value and origin.startswith(STRONG_ORIGINS) and "infer" not in origin:
            continue
        shown = value.isoformat() if isinstance(value, dt.date) else (value or "")
        why = "未知" if not value else (reader_words(origin) if origin else "读自正文")
        entry = f"{yaml_string(shown) if field != 'date' else shown}" if shown else ("YYYY-MM-DD" if field == "date" else '""')
        snippet = "\n".join([f"{article.file_name}:", f"  {field}: {entry}  # or null: the text states none",
                             "  # by: your name", "  # note: why"])
        first = article.paragraphs[0] if article.paragraphs else None
        items.append(ToCheck(
            id=f"check-{article.slug}-{field}", topic="", kind="metadata", title=f"{article.file_name} · {field}: {shown or '—'}",
            why=(why,), said_on=article.date, article=article, paragraph_id=first.id if first else "",
            quote=(first.text[:120] if first else ""), how=f"{field} = {shown or 'unknown'} ({origin or 'not found'})",
            snippet=snippet, paste_under="",
        ))
    return items


# The queue on one page while it is short; past this many items (or bytes of
# them), a page per topic (to-check/<topic>/), numbered when the topic has more
# (to-check/<topic>/2/ …), newest first, and this page their index. At 2,000
# articles the queue held 16,000 readings, one 16 MB page; an item is about
# 1 KB and a dozen elements.
PAGE_ITEMS = 200
PAGE_ITEM_BYTES = 200_000
METADATA_PART = "article-info"  # the part of article metadata (an item of no topic)
SITE_WIDE_PART = "site-wide"  # company events on no topic page (milestones' own name for them)


@dataclass(frozen=True)
class Part:
    """One page of a topic's items: `number` of `of`, its docs path and how deep it sits below to-check/."""

    slug: str
    name: str
    number: int
    of: int
    items: tuple[ToCheck, ...]

    @property
    def path(self) -> str:
        return f"to-check/{self.slug}.md" if self.number == 1 else f"to-check/{self.slug}/{self.number}.md"

    def label(self) -> str:
        """"第 2 页：200 条，2025-10-31 至 2025-09-02" (newest first)."""
        dates = [i.said_on for i in self.items if i.said_on]
        span = (f"，{max(dates).isoformat()} 至 {min(dates).isoformat()}" if len(set(dates)) > 1
                else f"，{dates[0].isoformat()}" if dates else "，日期不详")
        return f"{len(self.items)} 条{span}"


def render_to_check_page(kb: KnowledgeBase, corpus: Corpus) -> str:
    """The 待核实 page alone: the whole queue, or the index of its parts (`render_to_check_pages`)."""
    return render_to_check_pages(kb, corpus)[TO_CHECK_PATH]


def render_to_check_pages(kb: KnowledgeBase, corpus: Corpus) -> dict[str, str]:
    """{docs path: Markdown}: TO_CHECK_PATH with every item while they fit one page; else it is the
    index, and each topic's items are on pages of at most PAGE_ITEMS (`Part`)."""
    items = to_check(kb, corpus)
    topics = {p.topic.slug: p.topic.title_zh for p in kb.topics}
    if not _too_long(items):
        return {TO_CHECK_PATH: _page_head("待核实", f"<small>{len(items)} 条待核实</small>", _stale_notice(kb)) + _page_items(items, topics, "../", _filters(items, topics))}
    parts = _parts(items, topics, [p.topic.slug for p in kb.topics])
    pages = {TO_CHECK_PATH: _page_head("待核实", f"<small>{len(items)} 条待核实</small>", _stale_notice(kb)) + _index(parts)}
    for part in (p for group in parts for p in group):
        pages[part.path] = _part_page(part, topics)
    return pages


def _too_long(items: Sequence[ToCheck]) -> bool:
    return len(items) > PAGE_ITEMS or sum(_item_bytes(i) for i in items) > PAGE_ITEM_BYTES


def _item_bytes(item: ToCheck) -> int:
    """About what the item weighs on the page: its words and snippet, and the markup around them."""
    return len((item.title + item.quote + item.how + item.snippet + item.article.label).encode()) + 600


def _parts(items: Sequence[ToCheck], topics: dict[str, str], order: list[str]) -> list[list[Part]]:
    """Per topic (the site's order, then site-wide events, then article metadata), its items in pages."""
    groups: dict[str, list[ToCheck]] = {}
    for item in items:
        groups.setdefault(item.topic or METADATA_PART, []).append(item)
    slugs = [s for s in order if s in groups] + sorted(s for s in groups if s not in order and s != METADATA_PART)
    slugs += [METADATA_PART] if METADATA_PART in groups else []
    parts = []
    for slug in slugs:
        chunks: list[list[ToCheck]] = [[]]
        weight = 0
        for item in groups[slug]:  # newest first, as the whole queue
            if chunks[-1] and (len(chunks[-1]) >= PAGE_ITEMS or weight + _item_bytes(item) > PAGE_ITEM_BYTES):
                chunks.append([])
                weight = 0
            chunks[-1].append(item)
            weight += _item_bytes(item)
        name = KIND_NAMES["metadata"] if slug == METADATA_PART else ("全站" if slug == SITE_WIDE_PART else topics.get(slug, slug))
        parts.append([Part(slug, name, n, len(chunks), tuple(chunk)) for n, chunk in enumerate(chunks, 1)])
    return parts


def _page_head(title: str, count: str, notice: list[str]) -> str:
    """Front matter, heading (the anchor the single page had), what an editor does with an item, `count`."""
    lines = [
        # Not searched: its quotes would answer queries before the articles' own pages.
        "---", f"title: {yaml_string(literal_html(title))}", "search:", "  exclude: true", "---", "",
        f"# {escape(title)} {{#to-check}}", "",
        f"构建时把握不大的读取：每条附原句、读法和一段可粘贴到 `seeds/{SOURCES_FILE}` 的 YAML。"
        "复制后粘贴到文件中对应的段落下（`claims:` 或 `milestones:`；文章元数据放在顶层），"
        "把 `do:` 改为 `confirm`（确认）、`reject`（删除）或 `set`（取消注释并修改下面的字段），保存即可重建："
        "该条随即离开此列表，并在显示它的地方标为已核实。", "",
        count, "",
        *notice,
    ]
    return "\n".join(lines) + "\n"


def _page_items(items: Sequence[ToCheck], topics: dict[str, str], up: str, filters: str) -> str:
    """The filters and the items; `up` leads from the page's folder to the site's root."""
    lines = [filters, ""]
    if not items:
        lines += ["没有待核实的条目：每项都已核实或读取可靠。", ""]
    for item in items:
        lines += _item_markdown(item, topics, up)
    return "\n".join(lines) + "\n"


def _index(parts: list[list[Part]]) -> str:
    """The index of a split queue: per topic, how many items and each of its pages with what it holds."""
    total = sum(len(p.items) for group in parts for p in group)
    lines = [f"共 {total} 条，按主题分页，每页最多 {PAGE_ITEMS} 条，最新的句子在前；核实一条后，其后的条目依次前移。", ""]
    for group in parts:
        first = group[0]
        count = sum(len(p.items) for p in group)
        lines.append(f"- **[{escape(first.name)}]({first.path})**：{count} 条")
        if len(group) > 1:
            lines += [f"    - [第 {p.number} 页]({p.path})：{p.label()}" for p in group]
    return "\n".join(lines) + "\n\n"


def _part_page(part: Part, topics: dict[str, str]) -> str:
    """One page of a topic's items: where it sits among the topic's pages, the kind filter, the items."""
    up = "../" * (part.path.count("/") + 1)  # to-check/iron/2.md is served at to-check/iron/2/
    here = part.path.rsplit("/", 1)[0]
    rel = lambda path: posixpath.relpath(path, here)  # noqa: E731
    of = f" · 第 {part.number} 页" if part.of > 1 else ""
    title = f"待核实 · {part.name}{of}"
    where = (f"[待核实]({rel(TO_CHECK_PATH)}) › {escape(part.name)}："
             + (f"第 {part.number} / {part.of} 页，{part.label()}" if part.of > 1 else part.label()))
    pager = _pager(part, rel)
    head = _page_head(title, f"<small>{where}</small>", [])
    # One topic per page: the topic filter has nothing to choose (kb-check.js still reads its value).
    body = _page_items(part.items, topics, up, _filters(part.items, topics, one_topic=True))
    return head + (f"{pager}\n\n" if pager else "") + body + (f"\n{pager}\n" if pager else "")


def _pager(part: Part, rel) -> str:
    if part.of == 1:
        return ""
    def path(n: int) -> str:
        return rel(Part(part.slug, part.name, n, part.of, ()).path)
    links = [f"[‹ 上一页]({path(part.number - 1)})" if part.number > 1 else ""]
    links += [f"**{n}**" if n == part.number else f"[{n}]({path(n)})" for n in range(1, part.of + 1)]
    links += [f"[下一页 ›]({path(part.number + 1)})" if part.number < part.of else ""]
    return " ".join(x for x in links if x) + "\n{: .kb-pager }"


def _stale_notice(kb: KnowledgeBase) -> list[str]:
    """Corrections that no longer find their item (an article removed, a sentence edited): the editor's to fix first."""
    stale = len(kb.corrections.stale)
    if not stale:
        return []
    return [
        '!!! warning "更正未生效"', "",
        f"    `seeds/{SOURCES_FILE}` 中有 {stale} 条更正找不到对应条目："
        f"[输入问题]({PROBLEMS_PATH}#corrections-stale)", "",
    ]


# The kinds of item that are no milestone, as the filter names them.
KIND_NAMES = {"figure": "数字", "metadata": "文章信息"}


def _filters(items: Sequence[ToCheck], topics: dict[str, str], one_topic: bool = False) -> str:
    shown_topics = sorted({i.topic for i in items if i.topic})
    kinds = sorted({i.kind for i in items})
    topic_options = "".join(f'<option value="{t}">{escape(topics.get(t, t))}</option>' for t in shown_topics)
    names = {**{k.id: k.label_zh for k in load_milestone_rules().kinds}, **KIND_NAMES}
    kind_options = "".join(f'<option value="{k}">{escape(names.get(k, k))}</option>' for k in kinds)
    return (
        '<form class="kb-check-filters" aria-label="筛选">'
        + ('<input type="hidden" name="topic" value="">' if one_topic else
           f'<label>主题 <select name="topic"><option value="">全部</option>{topic_options}</select></label> ')
        + f'<label>类别 <select name="kind"><option value="">全部</option>{kind_options}</select></label>'
        '</form>'
    )


def _item_markdown(item: ToCheck, topics: dict[str, str], up: str = "../") -> list[str]:
    """One item as a generated HTML block: markdown_text.HtmlParagraphs stores it in one linear pass.

    Markdown (md_in_html) would cost the square of the page's length, and at
    a few hundred articles this page lists thousands of readings.
    """
    where = (f'<a href="{up}sources/{item.article.slug}/#{item.paragraph_id}">'
             f"{literal_html(item.article.label)}</a>")
    topic = f" · {literal_html(topics[item.topic])}" if item.kind == "figure" and item.topic in topics else ""
    paste = (f"粘贴到 <code>{item.paste_under}:</code> 之下" if item.paste_under
             else "粘贴到文件顶层（该文件已有条目时并入其中）")
    why = " · ".join(f'<span class="kb-check-why">{literal_html(w)}</span>' for w in item.why)
    # data-check, not id: an item leaves the queue once checked or corroborated, and no link may break on that.
    # The snippet is escaped: no line of it can end the block early.
    return [
        f'<div class="kb-check-item" data-check="{item.id}" data-topic="{item.topic}" data-kind="{item.kind}">',
        f"<p><strong>{literal_html(item.title)}</strong>{topic} · {why}</p>",
        f"<blockquote><p>{verbatim(literal_html(item.quote))} — {where}</p></blockquote>",
        f"<p>读法：{literal_html(item.how)} · {paste}</p>",
        f"<pre><code>{literal_html(item.snippet)}</code></pre>",
        "</div>", "",
    ]
