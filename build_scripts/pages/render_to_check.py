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


def render_to_check_page(kb: KnowledgeBase, corpus: Corpus) -> str:
    items = to_check(kb, corpus)
    topics = {p.topic.slug: p.topic.title_zh for p in kb.topics}
    lines = [
        # Not searched: its quotes would answer queries before the articles' own pages.
        "---", "title: 待核实", "search:", "  exclude: true", "---", "",
        "# 待核实 {#to-check}", "",
        f"构建时把握不大的读取：每条附原句、读法和一段可粘贴到 `seeds/{SOURCES_FILE}` 的 YAML。"
        "复制后粘贴到文件中对应的段落下（`claims:` 或 `milestones:`；文章元数据放在顶层），"
        "把 `do:` 改为 `confirm`（确认）、`reject`（删除）或 `set`（取消注释并修改下面的字段），保存即可重建："
        "该条随即离开此列表，并在显示它的地方标为已核实。", "",
        f"<small>{len(items)} 条待核实</small>", "",
        *_stale_notice(kb),
        _filters(items, topics), "",
    ]
    if not items:
        lines += ["没有待核实的条目：每项都已核实或读取可靠。", ""]
    for item in items:
        lines += _item_markdown(item, topics)
    return "\n".join(lines) + "\n"


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


def _filters(items: list[ToCheck], topics: dict[str, str]) -> str:
    shown_topics = sorted({i.topic for i in items if i.topic})
    kinds = sorted({i.kind for i in items})
    topic_options = "".join(f'<option value="{t}">{escape(topics.get(t, t))}</option>' for t in shown_topics)
    names = {**{k.id: k.label_zh for k in load_milestone_rules().kinds}, **KIND_NAMES}
    kind_options = "".join(f'<option value="{k}">{escape(names.get(k, k))}</option>' for k in kinds)
    return (
        '<form class="kb-check-filters" aria-label="筛选">'
        f'<label>主题 <select name="topic"><option value="">全部</option>{topic_options}</select></label> '
        f'<label>类别 <select name="kind"><option value="">全部</option>{kind_options}</select></label>'
        '</form>'
    )


def _item_markdown(item: ToCheck, topics: dict[str, str]) -> list[str]:
    """One item as a generated HTML block: markdown_text.HtmlParagraphs stores it in one linear pass.

    Markdown (md_in_html) would cost the square of the page's length, and at
    a few hundred articles this page lists thousands of readings.
    """
    where = (f'<a href="../sources/{item.article.slug}/#{item.paragraph_id}">'
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
